import { rowChoices, rowProblem } from '../contract/comparisonView';
import type { SelectedRow, WorkRow } from '../contract/sidebar';
import type { AudioOption, Billing, Mode, PricingEngine, ShotLine, VideoModel, Workload } from '../pricing';
import {
  formatThousands,
  InputError,
  isBlank,
  MAX_IMAGES,
  MAX_LINES,
  MAX_TEST_TAKES,
  PLANNING_RETAKE_RATE,
  parseCount,
  snapCount,
  testTakeOf,
  toNumber,
} from '../pricing';
import { percentText } from './format';

/**
 * The inputs of the sidebar: rows of work, images, billing and the retake rate. The form keeps
 * what the user typed; readForm() turns it into the core's Workload or a list of problems, each
 * tied to its input. Which models, modes, lengths and audio a row offers is the price book's
 * (src/contract/comparisonView.ts asks the core), never the page's.
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
  /** The row's own retake rate (a fraction), from a shot list that has one; null: the common rate. */
  retakeRate: number | null;
}

export interface FormState {
  rows: RowInput[];
  /** The billing of the one-month figures; the channels over 12 months take the cheapest billing. */
  billing: Billing;
  /** The retake rate in percent, as typed; blank is the default, 20 %. */
  retakeRate: string;
  /** Images per month, as typed; blank is none. */
  images: string;
}

/** The retake rate a production is planned with when none is typed: 20 %, as KLING_BUDGET and the templates. */
export const DEFAULT_RETAKE_RATE = PLANNING_RETAKE_RATE;

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

/** The models a row may use: every model of the book (app, API-only, reseller-only), user-added ones included. */
export function rowModels(engine: PricingEngine): readonly VideoModel[] {
  return engine.models.all();
}

function nearest(values: readonly number[], target: number): number {
  return values.reduce((a, b) => (Math.abs(b - target) < Math.abs(a - target) ? b : a), values[0] ?? target);
}

function preferred<T>(offered: readonly T[], wanted: T, ...fallbacks: T[]): T | undefined {
  if (offered.includes(wanted)) return wanted;
  return fallbacks.find((f) => offered.includes(f)) ?? offered[0];
}

/** The row moved to what its model offers: the model itself, then mode, length and audio, each kept when offered. */
export function fitRow(engine: PricingEngine, row: RowInput): RowInput {
  const model = engine.models.find(row.model) ?? engine.models.defaultModel ?? rowModels(engine)[0];
  if (!model) return row;
  const choices = rowChoices(model);
  const mode = preferred(choices.modes, row.mode, 'professional');
  if (!mode) return { ...row, model: model.name };
  const lengths = choices.lengths(mode);
  const secs = lengths.includes(row.secs) ? row.secs : nearest(lengths, row.secs);
  const audio = preferred(choices.audio(mode, secs), row.audio, 'silent') ?? row.audio;
  return { ...row, model: model.name, mode, secs, audio };
}

/** A row of the default model: professional, 10 s, native audio where it makes them. */
export function newRow(engine: PricingEngine, count = ''): RowInput {
  return fitRow(engine, { model: '', mode: 'professional', secs: 10, audio: 'audio', count, testTakes: '', retakeRate: null });
}

export function defaultState(engine: PricingEngine): FormState {
  return { rows: [newRow(engine, '20')], billing: 'monthly', retakeRate: '', images: '' };
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
    retakeRate: row.retakeRate,
  };
}

export interface Problem {
  /** id of the input the problem belongs to. */
  readonly input: string;
  readonly message: string;
}

/** How the retake rate field read its text: the rate, what to say back, and whether to warn. */
export interface RateReading {
  readonly rate: number;
  readonly readBack: string;
  readonly warn: boolean;
}

const PERCENT_TEXT = /^(.*?)\s*%$/;

/**
 * The retake rate typed in percent: "20" and "20%" are 20 %; blank is the default 20 %. From 0 %
 * up to but not including 100 % (all takes thrown away delivers nothing), read to 6 decimals of
 * the fraction as every rate. A value that looks like a fraction ("0.2") reads as typed, 0.2 %,
 * and the read-back says so.
 */
export function readRetakeRate(text: string): RateReading {
  const typed = text.trim();
  if (typed === '') {
    return { rate: DEFAULT_RETAKE_RATE, readBack: `Empty: the default, ${percentText(DEFAULT_RETAKE_RATE * 100)}.`, warn: false };
  }
  const percent = toNumber((PERCENT_TEXT.exec(typed)?.[1] ?? typed).trim());
  if (percent === undefined || !Number.isFinite(percent)) {
    throw new InputError(`the retake rate "${typed.slice(0, 20)}" is not a percentage; type one such as 20`);
  }
  // The fraction to 6 decimals: percent / 100, rounded in millionths.
  const rate = Math.round(percent * 10_000) / 1_000_000;
  if (!(rate >= 0 && rate < 1)) {
    throw new InputError(
      `the retake rate must be from 0 % up to but not including 100 % (at 100 % every take is thrown away); this reads as ${percentText(percent)}`,
    );
  }
  const reads = `Reads as ${percentText(rate * 100)}`;
  if (rate > 0 && percent < 1) {
    // "0.2" is how KLING_BUDGET takes 20 %; here it is 0.2 %.
    const meant = Math.round(percent * 1e8) / 1e6;
    return { rate, readBack: `${reads}; for ${percentText(meant)} type ${meant}.`, warn: true };
  }
  return { rate, readBack: `${reads}.`, warn: false };
}

/** A whole number typed in a field, by the counts rule (within 1e-6 of a whole number is that number): blank gives 0. */
function wholeNumber(text: string, what: string, max: number): number {
  if (isBlank(text)) return 0;
  const n = toNumber(text);
  const whole = n === undefined ? n : snapCount(n);
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
  readonly retakeRate: RateReading | null;
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
  const check = (input: string, problem: string | null): boolean => {
    if (problem) problems.push({ input, message: problem });
    return !problem;
  };
  const lines: ShotLine[] = [];
  const rows: WorkRow[] = [];
  const lineOf = state.rows.map((row, i) => {
    const testTakes = attempt(ids.testTakes(i), () => wholeNumber(row.testTakes, 'test takes', MAX_TEST_TAKES));
    const clip = { model: row.model, mode: row.mode, secs: row.secs, audio: row.audio };
    // What the model makes, asked of the core; a test take is the same clip in standard mode, and
    // the app must make it when the model has app credits (the one-month figures count it).
    const made = check(ids.mode(i), rowProblem(engine, clip));
    if (made && testTakes && engine.models.find(row.model)?.app) check(ids.testTakes(i), rowProblem(engine, testTakeOf(clip)));
    if (isBlank(row.count)) return -1;
    const count = attempt(ids.count(i), () => parseCount(row.count, 'videos per month'));
    if (count === undefined || testTakes === undefined || !made) return -1;
    lines.push({ clip, count, testTakes, retakeRate: row.retakeRate, row: i + 1 });
    rows.push({ ...clip, count, testTakes, retakeRate: row.retakeRate });
    return lines.length - 1;
  });
  const images = attempt('images', () => wholeNumber(state.images, 'images per month', MAX_IMAGES));
  const retakeRate = attempt('retake', () => readRetakeRate(state.retakeRate)) ?? null;
  if (problems.length > 0 || images === undefined || retakeRate === null) return { workload: null, problems, lineOf, retakeRate, rows };
  return { workload: { lines, images, billing: state.billing, retakeRate: retakeRate.rate }, problems, lineOf, retakeRate, rows };
}

export function canAddRow(state: FormState): boolean {
  return state.rows.length < MAX_LINES;
}
