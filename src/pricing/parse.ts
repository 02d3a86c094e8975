import { describeValue, InputError } from './errors';
import { ceilCount, floorCount, formatThousands, snapCount } from './money';
import type { AudioOption, Billing, Mode, PlanField, PlanId } from './types';

// Read once: a range call parses thousands of cells, and where globals live on a global object
// (Apps Script, node:vm) each lookup of Number costs.
const isNaNumber = Number.isNaN;
const isFiniteNumber = Number.isFinite;
const isWhole = Number.isInteger;
const toNumberValue = Number;
const round = Math.round;

/** Blank as Sheets passes it: an empty cell ("") or an omitted argument. Whitespace counts as blank. */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (typeof value !== 'string') return false;
  // Fast path for a whole column of text: a first character that is not white space decides.
  const first = value.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return value.trim() === '';
}

/** A Date, also one made in another realm (Apps Script hands date cells over as Dates). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Lower case, trimmed, with runs of spaces, "_" and "-" folded to one space. */
function normalizeText(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

function fail(arg: string, value: unknown, problem: string, accepted: string): never {
  throw new InputError(`${arg} ${describeValue(value)} ${problem}; use ${accepted}`);
}

function missing(arg: string, accepted: string): never {
  throw new InputError(`${arg} is missing; use ${accepted}`);
}

/** Longest text that can still be a choice once trimmed: longer text is refused without reading it all. */
const LONGEST_CHOICE = 200;

function lookup<T>(table: Readonly<Record<string, T>>, value: unknown): T | undefined {
  if (typeof value !== 'string' || value.length > LONGEST_CHOICE) return undefined;
  const key = normalizeText(value);
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

const MODES: Readonly<Record<string, Mode>> = {
  standard: 'standard',
  std: 'standard',
  '720p': 'standard',
  professional: 'professional',
  pro: 'professional',
  '1080p': 'professional',
  '4k': '4k',
};
export const MODE_CHOICES = 'standard, professional or 4k';

/** The mode a word names (standard, std, 720p, ...), or undefined. */
export function modeNamed(value: unknown): Mode | undefined {
  return lookup(MODES, value);
}

/**
 * A mode; `accepted` names the modes the model in question offers, for a missing mode. A word
 * that is no Kling mode at all is answered with every Kling mode, as custom-functions.md words it
 * (`mode "prof" is not a Kling mode; use standard, professional or 4k`); a Kling mode the model
 * does not offer is the model's to refuse (models.ts rateOf).
 */
export function parseMode(value: unknown, arg = 'mode', accepted = MODE_CHOICES): Mode {
  if (isBlank(value)) missing(arg, accepted);
  return lookup(MODES, value) ?? fail(arg, value, 'is not a Kling mode', MODE_CHOICES);
}

const PLANS: Readonly<Record<string, PlanId>> = {
  free: 'free',
  basic: 'free',
  easy: 'free',
  standard: 'standard',
  pro: 'pro',
  professional: 'pro',
  premier: 'premier',
  ultra: 'ultra',
};
export const PLAN_CHOICES = 'free, standard, pro, premier or ultra';

export function parsePlan(value: unknown, arg = 'plan'): PlanId {
  if (isBlank(value)) missing(arg, PLAN_CHOICES);
  return lookup(PLANS, value) ?? fail(arg, value, 'is not a Kling plan', PLAN_CHOICES);
}

const BILLINGS: Readonly<Record<string, Billing>> = {
  monthly: 'monthly',
  'monthly renewal': 'monthly',
  renewal: 'monthly',
  intro: 'intro',
  'first month': 'intro',
  annual: 'annual',
  yearly: 'annual',
  annually: 'annual',
  list: 'list',
};
export const BILLING_CHOICES = 'monthly, intro (first month), annual or list';
export const CHANNEL_BILLING_CHOICES = 'monthly, intro (first month), annual, list or cheapest (the cheapest of monthly, intro and annual)';

/** Billing; blank gives the default, monthly renewal. */
export function parseBilling(value: unknown, arg = 'billing'): Billing {
  if (isBlank(value)) return 'monthly';
  return lookup(BILLINGS, value) ?? fail(arg, value, 'is not a billing', BILLING_CHOICES);
}

/** The app's billing over months: a billing, or `cheapest` (the cheapest of monthly, intro and annual); blank gives monthly. */
export function parseChannelBilling(value: unknown, arg = 'billing'): Billing | 'cheapest' {
  if (typeof value === 'string' && value.length <= LONGEST_CHOICE && normalizeText(value) === 'cheapest') return 'cheapest';
  if (isBlank(value)) return 'monthly';
  return lookup(BILLINGS, value) ?? fail(arg, value, 'is not a billing', CHANNEL_BILLING_CHOICES);
}

const TRUTHS: Readonly<Record<string, boolean>> = {
  true: true,
  yes: true,
  '1': true,
  false: false,
  no: false,
  '0': false,
};
export const FLAG_CHOICES = 'TRUE or FALSE (also yes/no, 1/0)';

/** A yes/no argument; blank gives the default. */
export function parseFlag(value: unknown, arg: string, blankMeans: boolean): boolean {
  if (isBlank(value)) return blankMeans;
  if (typeof value === 'boolean') return value;
  if (value === 1) return true;
  if (value === 0) return false;
  return lookup(TRUTHS, value) ?? fail(arg, value, 'is not TRUE or FALSE', FLAG_CHOICES);
}

const VOICE = new Set(['voice', 'voice control', 'with voice control']);
export const AUDIO_CHOICES = 'TRUE or FALSE (also yes/no, 1/0), or voice for voice control';

/** Audio of a generation: TRUE native audio, FALSE or blank none, "voice" native audio with voice control. */
export function parseAudio(value: unknown, arg = 'audio'): AudioOption {
  if (typeof value === 'boolean') return value ? 'audio' : 'silent';
  if (typeof value === 'string' && value.length <= LONGEST_CHOICE && VOICE.has(normalizeText(value))) return 'voice';
  try {
    return parseFlag(value, arg, false) ? 'audio' : 'silent';
  } catch {
    return fail(arg, value, 'is not an audio option', AUDIO_CHOICES);
  }
}

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/**
 * A number as Sheets may pass it: a number, or numeric text ("10", " 1,000 ", "2.5e3").
 * Returns undefined for anything else (booleans, dates, words, NaN).
 */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return isNaNumber(value) ? undefined : value;
  if (typeof value !== 'string' || value.length > LONGEST_CHOICE) return undefined;
  const text = value.trim();
  if (PLAIN_NUMBER.test(text)) return toNumberValue(text);
  if (GROUPED_NUMBER.test(text)) return toNumberValue(text.replace(/,/g, ''));
  return undefined;
}

/** A finite number or a clear error naming the argument. */
export function parseNumber(value: unknown, arg: string, accepted: string): number {
  if (isBlank(value)) missing(arg, accepted);
  const number = toNumber(value);
  if (number === undefined) fail(arg, value, 'is not a number', accepted);
  if (!isFiniteNumber(number)) fail(arg, value, 'is not a finite number', accepted);
  return number;
}

/**
 * A clip length as a number: a formula such as =0.1*3*10 gives 3.0000000000000004, which the
 * sheet shows as 3. Which lengths a model makes is its price rows' business (models.ts).
 */
export function parseSecs(value: unknown, accepted: string, arg = 'secs'): number {
  return snapCount(parseNumber(value, arg, accepted));
}

const PERCENT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%$/;

/** A rate as a fraction: 0.2, a cell formatted 20 % (Sheets passes 0.2) or the text "20%". */
function toRate(value: unknown): number | undefined {
  if (typeof value === 'string') {
    const match = PERCENT.exec(value.trim());
    if (match) return toNumberValue(match[1]) / 100;
  }
  return toNumber(value);
}

export const RETAKE_CHOICES = 'a fraction from 0 up to but not including 1, such as 0.2 or 20%';

/** A rate argument: blank gives `blankMeans`; else a finite rate read to 6 decimals, in range, or `outside` is the problem. */
function parseRate(
  value: unknown,
  arg: string,
  blankMeans: number,
  accepted: string,
  inRange: (rate: number) => boolean,
  outside: string,
): number {
  if (isBlank(value)) return blankMeans;
  const rate = toRate(value);
  if (rate === undefined || !isFiniteNumber(rate)) fail(arg, value, 'is not a rate', accepted);
  const read = round(rate * 1_000_000) / 1_000_000;
  if (!inRange(read)) fail(arg, value, outside, accepted);
  return read;
}

const isRetakeRate = (rate: number) => rate >= 0 && rate < 1;

/**
 * The retake rate: the share of paid, finished takes thrown away, so a delivered video takes
 * 1 / (1 - r) generations. Blank gives `blankMeans`: 0 for the functions that price one video,
 * PLANNING_RETAKE_RATE for everything that plans a production.
 */
export function parseRetakeRate(value: unknown, arg = 'retake_rate', blankMeans = 0): number {
  return parseRate(value, arg, blankMeans, RETAKE_CHOICES, isRetakeRate, 'is outside 0 to below 1');
}

/** The retake rate a production is planned with when none is given: one take in five thrown away. */
export const PLANNING_RETAKE_RATE = 0.2;

/** The largest retake rate: rates are read to 6 decimals and must stay below 1 (the sheets' validation maximum). */
export const MAX_RETAKE_RATE = 0.999999;

/** The largest monthly need the add-on plans for: 1,000 Ultra plans' worth. */
export const MAX_CREDITS_PER_MONTH = 26_000_000;
export const CREDITS_CHOICES = 'a number of credits from 0 to 26,000,000';

/** A month's need of credits, whole by the counts rule (snapped first, then rounded up), in range. */
export function parseCreditsPerMonth(value: unknown, arg = 'credits_per_month'): number {
  const credits = snapCount(parseNumber(value, arg, CREDITS_CHOICES));
  if (credits < 0 || credits > MAX_CREDITS_PER_MONTH) fail(arg, value, 'is out of range', CREDITS_CHOICES);
  return ceilCount(credits);
}

/** Largest count of videos in one shot-list row. */
export const MAX_COUNT = 1_000_000;
export const COUNT_CHOICES = 'a whole number of videos per month from 0 to 1,000,000';

export function parseCount(value: unknown, arg = 'count'): number {
  const count = snapCount(parseNumber(value, arg, COUNT_CHOICES));
  if (!isWhole(count) || count < 0 || count > MAX_COUNT) fail(arg, value, 'is not a whole number of videos', COUNT_CHOICES);
  return count;
}

const FIELDS: Readonly<Record<string, PlanField>> = {
  credits: 'credits',
  price: 'price',
  'cost per credit': 'cost_per_credit',
  'cost per 100': 'cost_per_100',
  year: 'year',
};
export const FIELD_CHOICES = 'credits, price, cost_per_credit, cost_per_100 or year';

/** A plan field; blank gives price. */
export function parsePlanField(value: unknown, arg = 'field'): PlanField {
  if (isBlank(value)) return 'price';
  return lookup(FIELDS, value) ?? fail(arg, value, 'is not a plan field', FIELD_CHOICES);
}

/** Largest starting top-up balance, in credits. */
export const MAX_BALANCE = 1_000_000_000;

/** A starting top-up balance (`topup_balance`): a number >= 0, a fraction rounded down by the counts rule; blank is 0. */
export function parseBalance(value: unknown, arg: string): number {
  if (isBlank(value)) return 0;
  const read = typeof value === 'boolean' ? undefined : toNumber(value);
  const n = read === undefined || !Number.isFinite(read) ? undefined : snapCount(read);
  if (n === undefined || n < 0 || n > MAX_BALANCE) {
    throw new InputError(
      `${arg} ${describeValue(value)} is not a balance; use a number of top-up credits from 0 to ${formatThousands(MAX_BALANCE)}`,
    );
  }
  return floorCount(n);
}
