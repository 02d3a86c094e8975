import type { SelectedRow, WorkRow } from '../contract/sidebar';
import type { AudioOption, Billing, ClipOptions, Mode, PricingEngine, ShotLine, VideoModel, Workload } from '../pricing';
import {
  clipOptions,
  formatThousands,
  InputError,
  isBlank,
  MAX_BUFFER_RATE,
  MAX_IMAGES,
  MAX_LINES,
  MAX_TEST_TAKES,
  parseBuffer,
  parseCount,
  snapToInteger,
  testTakeOf,
  toNumber,
} from '../pricing';
import { percentText } from './format';

/**
 * The inputs of the sidebar: rows of work, images, billing and the buffer. The form keeps what
 * the user typed; readForm() turns it into the core's Workload or a list of problems, each tied
 * to its input. Which models, modes, lengths and audio a row offers is the price book's (the
 * core's clipOptions), never the page's.
 */

export interface RowInput {
  /** The model's name in the price book ("Kling 2.6"). */
  model: string;
  mode: Mode;
  secs: number;
  audio: AudioOption;
  /** Videos per month as typed; blank counts as nothing. */
  count: string;
  /** Standard test takes per final, as typed; blank is none. */
  testTakes: string;
  /** The row's own buffer (a fraction), from a shot list that has one; null: the common buffer. */
  buffer: number | null;
}

export interface FormState {
  rows: RowInput[];
  billing: Billing;
  /** The buffer in percent, as typed; blank is the default. */
  buffer: string;
  /** Images per month, as typed; blank is none. */
  images: string;
}

/** The buffer KLING_BUDGET and the templates use when none is given: the guide's 20 %. */
export const DEFAULT_BUFFER = parseBuffer('');

export const MODE_LABELS: Readonly<Record<Mode, string>> = { standard: 'Standard', professional: 'Professional', '4k': '4K' };
export const AUDIO_LABELS: Readonly<Record<AudioOption, string>> = { silent: 'None', audio: 'Native audio', voice: 'Voice control' };
export const BILLING_LABELS: readonly (readonly [Billing, string])[] = [
  ['monthly', 'Monthly renewal'],
  ['intro', 'First month'],
  ['annual', 'Annual (yearly price / 12)'],
  ['list', 'List price'],
];

export const ids = {
  model: (i: number) => `row${i}-model`,
  mode: (i: number) => `row${i}-mode`,
  secs: (i: number) => `row${i}-secs`,
  audio: (i: number) => `row${i}-audio`,
  count: (i: number) => `row${i}-count`,
  testTakes: (i: number) => `row${i}-takes`,
  error: (i: number) => `row${i}-error`,
  credits: (i: number) => `row${i}-credits`,
};

/** The models a row may use: every model of the book with app credits, user-added ones included. */
export function appModels(engine: PricingEngine): VideoModel[] {
  return engine.models.appModels();
}

/** What a model makes in the app. */
export function optionsOf(engine: PricingEngine, model: string): ClipOptions | null {
  const found = engine.models.find(model);
  return found?.app ? clipOptions(found.app) : null;
}

function nearest(values: readonly number[], target: number): number {
  return values.reduce((a, b) => (Math.abs(b - target) < Math.abs(a - target) ? b : a), values[0] ?? target);
}

/** The row moved to what its model offers: the model itself, then mode, length and audio, each kept when offered. */
export function fitRow(engine: PricingEngine, row: RowInput): RowInput {
  const named = engine.models.find(row.model);
  const fallback = engine.models.defaultModel?.app ? engine.models.defaultModel : appModels(engine)[0];
  const model: VideoModel | undefined = named?.app ? named : fallback;
  if (!model?.app) return row;
  const o = clipOptions(model.app);
  const mode = o.modes.includes(row.mode) ? row.mode : o.modes.includes('professional') ? 'professional' : (o.modes[0] as Mode);
  const audios = o.audio[mode];
  const audio = audios.includes(row.audio) ? row.audio : audios.includes('silent') ? 'silent' : (audios[0] as AudioOption);
  return { ...row, model: model.name, mode, secs: o.lengths.includes(row.secs) ? row.secs : nearest(o.lengths, row.secs), audio };
}

/** A row of the default model: professional, 10 s, native audio where it makes them. */
export function newRow(engine: PricingEngine, count = ''): RowInput {
  return fitRow(engine, { model: '', mode: 'professional', secs: 10, audio: 'audio', count, testTakes: '', buffer: null });
}

export function defaultState(engine: PricingEngine): FormState {
  return { rows: [newRow(engine, '20')], billing: 'monthly', buffer: '', images: '' };
}

/** A row read from the selection, as the form holds it. */
export function rowFromSelection(row: SelectedRow): RowInput {
  return {
    model: row.model,
    mode: row.mode,
    secs: row.secs,
    audio: row.audio,
    count: row.count === null ? '' : String(row.count),
    testTakes: row.testTakes ? String(row.testTakes) : '',
    buffer: row.buffer,
  };
}

export interface Problem {
  /** id of the input the problem belongs to. */
  readonly input: string;
  readonly message: string;
}

/** How the buffer field read its text: the rate, what to say back, and whether to warn. */
export interface BufferReading {
  readonly rate: number;
  readonly readBack: string;
  readonly warn: boolean;
}

const PERCENT_TEXT = /^(.*?)\s*%$/;
const MAX_PERCENT = MAX_BUFFER_RATE * 100;

/**
 * The buffer typed in percent: "20" and "20%" are 20 %; blank is the default 20 %. A value that
 * looks like a fraction ("0.2") or is above 100 % reads as typed, and the read-back says so.
 */
export function readBuffer(text: string): BufferReading {
  const typed = text.trim();
  if (typed === '') return { rate: DEFAULT_BUFFER, readBack: `Empty: the default, ${percentText(DEFAULT_BUFFER * 100)}.`, warn: false };
  const percent = toNumber((PERCENT_TEXT.exec(typed)?.[1] ?? typed).trim());
  if (percent === undefined || !Number.isFinite(percent))
    throw new InputError(`the buffer "${typed.slice(0, 20)}" is not a percentage; type one such as 20`);
  if (!(percent >= 0 && percent <= MAX_PERCENT)) {
    throw new InputError(`the buffer must be from 0 % to ${percentText(MAX_PERCENT)}; this reads as ${percentText(percent)}`);
  }
  const reads = `Reads as ${percentText(percent)}`;
  if (percent > 0 && percent < 1) {
    // "0.2" is how KLING_BUDGET takes 20 %; here it is 0.2 %.
    const meant = Math.round(percent * 1e8) / 1e6;
    return { rate: percent / 100, readBack: `${reads}; for ${percentText(meant)} type ${meant}.`, warn: true };
  }
  if (percent > 100)
    return { rate: percent / 100, readBack: `${reads}: above 100 %, the buffer is more than the work itself. Is that meant?`, warn: true };
  return { rate: percent / 100, readBack: `${reads}.`, warn: false };
}

/** A whole number typed in a field: blank gives 0. */
function wholeNumber(text: string, what: string, max: number): number {
  if (isBlank(text)) return 0;
  const n = toNumber(text);
  const whole = n === undefined ? n : snapToInteger(n);
  if (whole === undefined || !Number.isInteger(whole) || whole < 0 || whole > max) {
    throw new InputError(`${what} must be a whole number from 0 to ${formatThousands(max)}`);
  }
  return whole;
}

export interface ReadForm {
  /** Null when an input has a problem. */
  readonly workload: Workload | null;
  readonly problems: readonly Problem[];
  /** The index in workload.lines of each row; -1 for a row with blank videos (it counts as nothing). */
  readonly lineOf: readonly number[];
  readonly buffer: BufferReading | null;
  /** The insert request's rows: the rows that count. */
  readonly rows: readonly WorkRow[];
}

/** The form's values as the core's workload, or every problem found, tied to its input. */
export function readForm(state: FormState, engine: PricingEngine): ReadForm {
  const problems: Problem[] = [];
  const attempt = <T>(input: string, parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push({ input, message: error.message });
      return undefined;
    }
  };
  const lines: ShotLine[] = [];
  const rows: WorkRow[] = [];
  const lineOf = state.rows.map((row, i) => {
    const testTakes = attempt(ids.testTakes(i), () => wholeNumber(row.testTakes, 'test takes', MAX_TEST_TAKES));
    const clip = { model: row.model, mode: row.mode, secs: row.secs, audio: row.audio };
    // What the model makes, asked of the core; a test take is the same clip in standard mode.
    const made = attempt(ids.mode(i), () => engine.clipCredits(clip));
    if (made !== undefined && testTakes) attempt(ids.testTakes(i), () => engine.clipCredits(testTakeOf(clip)));
    if (isBlank(row.count)) return -1;
    const count = attempt(ids.count(i), () => parseCount(row.count, 'videos per month'));
    if (count === undefined || testTakes === undefined || made === undefined) return -1;
    lines.push({ clip, count, testTakes, buffer: row.buffer, where: `row ${i + 1}` });
    rows.push({ ...clip, count, testTakes, buffer: row.buffer });
    return lines.length - 1;
  });
  const images = attempt('images', () => wholeNumber(state.images, 'images per month', MAX_IMAGES));
  const buffer = attempt('buffer', () => readBuffer(state.buffer)) ?? null;
  if (problems.length > 0 || images === undefined || buffer === null) return { workload: null, problems, lineOf, buffer, rows };
  return { workload: { lines, images, billing: state.billing, buffer: buffer.rate }, problems, lineOf, buffer, rows };
}

export function canAddRow(state: FormState): boolean {
  return state.rows.length < MAX_LINES;
}
