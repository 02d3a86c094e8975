import { describeValue, InputError } from './errors';
import type { AudioOption, Mode, Rate, RateTable, VideoModel } from './types';
import { AUDIO_OPTIONS, MODES } from './types';

/**
 * Models are data. Which modes, audio options and lengths a model makes, and at what rate, follow
 * from its rows of the price book and nothing else: this module is the one place that reads them.
 * Functions, the sidebar, payload checks, template dropdowns and the help ask it.
 */

/** One generation. `model` is the model's name as the price book has it ("Kling 2.6"). */
export interface Clip {
  readonly model: string;
  readonly mode: Mode;
  readonly secs: number;
  readonly audio: AudioOption;
}

/** The model every function uses when none is given. */
export const DEFAULT_MODEL_KEY = '2.6';

const KLING_PREFIX = /^kling\s+/;
const NUMBER = /^\d+(?:\.\d+)?$/;

/**
 * The key a model is matched by: its name without "Kling", lower case, spaces folded, and a
 * number written as its value ("Kling 3.0", "3.0", "3" and the number 3 share the key "3").
 */
export function modelKey(value: unknown): string | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return undefined;
    text = String(value);
  } else if (typeof value === 'string') {
    if (value.length > 200) return undefined;
    text = value.trim().toLowerCase().replace(/\s+/g, ' ').replace(KLING_PREFIX, '');
  } else {
    return undefined;
  }
  if (text === '' || text.length > 60) return undefined;
  return NUMBER.test(text) ? String(Number(text)) : text;
}

/** "Kling 3.0 Turbo" -> "3.0 Turbo": how a model is named in lists of choices. */
export function shortModelName(name: string): string {
  return name.replace(/^kling\s+/i, '');
}

const AUDIO_WORDS: Readonly<Record<AudioOption, string>> = { silent: '', audio: ' with audio', voice: ' with voice control' };

/** "professional 10 s with audio", "standard with voice control": a rate's item in the price table. */
export function rateItem(mode: Mode, audio: AudioOption, secs: number | null): string {
  return `${mode}${secs === null ? '' : ` ${secs} s`}${AUDIO_WORDS[audio]}`;
}

/** What a model makes in one billing system, read from its rows. */
export interface ClipOptions {
  readonly per: 'clip' | 'second';
  /** Modes it prices, in the order standard, professional, 4k. */
  readonly modes: readonly Mode[];
  /** Audio options it prices for each mode. */
  readonly audio: Readonly<Record<Mode, readonly AudioOption[]>>;
  /** Every clip length it makes, shortest first. */
  readonly lengths: readonly number[];
  /** Per second: the whole-second range; null when priced per clip. */
  readonly range: { readonly from: number; readonly to: number } | null;
  /** "standard or professional": the modes, as a message lists them. */
  readonly modeChoices: string;
  /** "5 or 10": the lengths, as a message lists them. */
  readonly lengthChoices: string;
}

const optionsCache = new WeakMap<RateTable, ClipOptions>();

export function clipOptions(table: RateTable): ClipOptions {
  const cached = optionsCache.get(table);
  if (cached) return cached;
  const audio: Record<Mode, AudioOption[]> = { standard: [], professional: [], '4k': [] };
  const lengths = new Set<number>();
  for (const rate of table.rates) {
    const list = audio[rate.mode];
    if (!list.includes(rate.audio)) list.push(rate.audio);
    if (rate.secs !== null) lengths.add(rate.secs);
  }
  for (const mode of MODES) audio[mode].sort((a, b) => AUDIO_OPTIONS.indexOf(a) - AUDIO_OPTIONS.indexOf(b));
  let range: ClipOptions['range'] = null;
  if (table.per === 'second' && table.shortest && table.longest) {
    range = { from: table.shortest.seconds, to: table.longest.seconds };
    for (let s = range.from; s <= range.to; s++) lengths.add(s);
  }
  const modes = MODES.filter((m) => audio[m].length > 0);
  const sorted = [...lengths].sort((a, b) => a - b);
  const options: ClipOptions = {
    per: table.per,
    modes,
    audio,
    lengths: sorted,
    range,
    modeChoices: orList(modes),
    lengthChoices: range ? `a whole number of seconds from ${range.from} to ${range.to}` : orList(sorted.map(String)),
  };
  optionsCache.set(table, options);
  return options;
}

/** "5 or 10", "a whole number of seconds from 3 to 15". */
export function lengthsText(options: ClipOptions): string {
  return options.lengthChoices;
}

/** "a, b or c" */
export function orList(items: readonly string[]): string {
  return joinList(items, 'or');
}

/** "a, b and c" */
export function andList(items: readonly string[]): string {
  return joinList(items, 'and');
}

function joinList(items: readonly string[], word: string): string {
  if (items.length <= 1) return items[0] ?? 'nothing';
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

const AUDIO_CHOICE: Readonly<Record<AudioOption, string>> = { silent: 'FALSE', audio: 'TRUE', voice: 'voice' };
const AUDIO_DESCRIBED: Readonly<Record<AudioOption, string>> = {
  silent: 'without audio',
  audio: 'with native audio',
  voice: 'with voice control',
};

/** Where a rate table belongs: the app's credits, Kling's API, or a reseller. */
export type Billed = 'app' | 'api' | { readonly provider: string };

/** How a message names a model in a channel: "Kling 2.6", "Kling's API for Kling 2.6", "fal for Kling 4.0". */
function subject(model: VideoModel, billed: Billed): string {
  if (billed === 'app') return model.name;
  return billed === 'api' ? `Kling's API for ${model.name}` : `${billed.provider} for ${model.name}`;
}

/** "Kling 3.0 professional 10 s with audio": a clip as channel reasons name it. */
export function clipText(clip: Clip): string {
  return `${clip.model} ${clip.mode} ${clip.secs} s${AUDIO_WORDS[clip.audio]}`;
}

/** The rate table of a model in a channel, or null when the channel does not sell the model. */
export function channelTable(model: VideoModel, billed: Billed): RateTable | null {
  if (billed === 'app') return model.app;
  if (billed === 'api') return model.api;
  const key = billed.provider.trim().toLowerCase();
  return model.resellers.find((r) => r.provider.trim().toLowerCase() === key)?.table ?? null;
}

/** Audio as a message repeats it. */
function audioText(audio: AudioOption): string {
  return audio === 'silent' ? 'FALSE' : audio === 'audio' ? 'TRUE' : '"voice"';
}

/**
 * Checks a clip's mode, length and audio against what the table offers and returns its rate
 * (credits or mills, per clip or per second). Every refusal names the argument, repeats the
 * value and says what the model does offer.
 */
export function rateOf(model: VideoModel, table: RateTable, billed: Billed, mode: Mode, secs: number, audio: AudioOption): Rate {
  const options = clipOptions(table);
  const who = subject(model, billed);
  if (!options.modes.includes(mode)) {
    throw new InputError(`mode "${mode}" is not offered by ${who}; use ${orList(options.modes)}`);
  }
  const lengthOk = options.range
    ? Number.isInteger(secs) && secs >= options.range.from && secs <= options.range.to
    : options.lengths.includes(secs);
  if (!lengthOk) {
    throw new InputError(`secs ${describeValue(secs)} is not a clip length ${who} makes; use ${lengthsText(options)}`);
  }
  const audios = options.audio[mode];
  if (!audios.includes(audio)) {
    const other = MODES.filter((m) => m !== mode && options.audio[m].includes(audio));
    const instead = other.length > 0 ? `, or ${orList(other)} ${AUDIO_DESCRIBED[audio]}` : '';
    throw new InputError(
      `audio ${audioText(audio)}: ${who} offers no ${mode} clip ${AUDIO_DESCRIBED[audio]}; use audio ${orList(audios.map((a) => AUDIO_CHOICE[a]))}${instead}`,
    );
  }
  const found = table.rates.find((r) => r.mode === mode && r.audio === audio && (r.secs === null || r.secs === secs));
  if (!found) {
    const priced = table.rates.filter((r) => r.mode === mode && r.audio === audio).map((r) => `${r.secs} s`);
    throw new InputError(
      `secs ${secs}: ${who} has no price for a ${rateItem(mode, audio, secs)} clip; it prices ${mode} ${AUDIO_DESCRIBED[audio]} at ${orList(priced)}`,
    );
  }
  return found;
}

/** Value of one clip: a per-clip rate as it is, a per-second rate times the seconds (exact to 1/100). */
export function clipValue(rate: Rate, secs: number): number {
  if (rate.secs !== null) return rate.value;
  return (Math.round(rate.value * 100) * secs) / 100;
}

/** The models of a book, found by any of the names a user types. */
export class ModelIndex {
  private readonly byKey = new Map<string, VideoModel>();

  constructor(readonly models: readonly VideoModel[]) {
    for (const model of models) {
      const key = modelKey(model.name);
      if (key !== undefined && !this.byKey.has(key)) this.byKey.set(key, model);
    }
  }

  find(value: unknown): VideoModel | undefined {
    const key = modelKey(value);
    return key === undefined ? undefined : this.byKey.get(key);
  }

  /** The default model (Kling 2.6) when the book has it. */
  get defaultModel(): VideoModel | undefined {
    return this.byKey.get(DEFAULT_MODEL_KEY);
  }

  /** "2.6, 3.0, 3.0 Turbo, 3.0 Omni or 2.5 Turbo" */
  choices(): string {
    return orList(this.models.map((m) => shortModelName(m.name)));
  }

  /** Models priced in the app (those a subscription budget can use). */
  appModels(): VideoModel[] {
    return this.models.filter((m) => m.app !== null);
  }

  /** Every model of the book, in table order (any section defines one: app, API or reseller). */
  all(): readonly VideoModel[] {
    return this.models;
  }
}

/** Standard-mode test take of a clip: the same model, length and audio. */
export function testTakeOf(clip: Clip): Clip {
  return { ...clip, mode: 'standard' };
}
