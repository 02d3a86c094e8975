import { isoDay } from './calendar';
import { describeValue, InputError } from './errors';
import { modelKey, rateItem } from './models';
import { centsOf, TICKS_PER_USD, ticksOf } from './money';
import { isBlank, isDate, modeNamed, toNumber } from './parse';
import { DAYS_PER_MONTH, isFree } from './plans';
import type {
  ApiImage,
  ApiPack,
  ApiUnit,
  AudioOption,
  Confidence,
  ImageCredits,
  LengthBound,
  Mode,
  Plan,
  PlanId,
  PriceBook,
  Provider,
  Rate,
  RateTable,
  Sourced,
  TopUpPack,
  VideoModel,
} from './types';
import { CONFIDENCES } from './types';

/**
 * The price book as a table a finance person can read and edit: one row per number, with its
 * unit, confidence, source and as-of date. bookToRows writes it; bookFromRows reads it back and
 * validates every cell. Plans, the image price and (with API packs) the API unit are fixed rows;
 * top-up packs, API packs, models and resellers are as many as the table holds: a model is its rows
 * ("App credits, Kling 4.0", "API, Kling 4.0", "Reseller fal, Kling 4.0"), so a new Kling model or
 * a new reseller needs no release. A broken,
 * duplicate or missing row is an error naming its row and column, never filled in from the
 * default book. The Unit column is for reading; it is not read back.
 */

export const PRICE_TABLE_HEADER = ['Section', 'Item', 'Field', 'Value', 'Unit', 'Confidence', 'Source', 'As of'] as const;
export const PRICE_TABLE_COLUMNS = PRICE_TABLE_HEADER.length;
/** Rows a price table may use: sheets read it in whole columns, native formulas down to this row. */
export const PRICE_TABLE_MAX_ROWS = 5000;

export type PriceCell = string | number;

/** How a value must look: the rule a message tells, its number format and its bounds. */
interface Kind {
  readonly rule: string;
  readonly format: string;
  readonly min: number;
  /** True when the value must be above `min`, not equal to it. */
  readonly above: boolean;
  readonly max: number;
  /** Most decimals allowed; 0 for whole numbers. */
  readonly decimals: number;
}

function kind(rule: string, format: string, min: number, above: boolean, max: number, decimals: number): Kind {
  return { rule, format, min, above, max, decimals };
}

const MONEY = '$#,##0.00';
const WHOLE = '#,##0';

const KINDS = {
  price: kind('a price in USD above 0 with at most 2 decimals', MONEY, 0, true, 1_000_000, 2),
  freePrice: kind('a price in USD of 0 or more with at most 2 decimals', MONEY, 0, false, 1_000_000, 2),
  credits: kind('a whole number of credits above 0', WHOLE, 0, true, 100_000_000, 0),
  bonus: kind('a whole number of credits, 0 or more', WHOLE, 0, false, 100_000_000, 0),
  rateCredits: kind('a number of credits above 0 with at most 2 decimals', '#,##0.##', 0, true, 1_000_000, 2),
  imageCredits: kind('a number of credits above 0 with at most 3 decimals', '0.0##', 0, true, 1_000_000, 3),
  apiUsd: kind('a price in USD above 0 with at most 4 decimals', '$0.00##', 0, true, 100_000, 4),
  minimum: kind('an amount in USD from 0 to 1,000,000 with at most 2 decimals', MONEY, 0, false, 1_000_000, 2),
  seconds: kind('a whole number of seconds from 1 to 600', '0', 1, false, 600, 0),
  units: kind('a whole number of API units above 0', WHOLE, 0, true, 100_000_000, 0),
  days: kind('a whole number of days from 1 to 3650', '0', 1, false, 3650, 0),
};

const SECTION = {
  plan: 'Plan',
  pack: 'Top-up pack',
  images: 'Images',
  apiUnit: 'API unit',
  apiPack: 'API pack',
  app: 'App credits, ',
  api: 'API, ',
  reseller: 'Reseller ',
};
const SECTION_CHOICES =
  'Plan, Top-up pack, App credits, <model>, Images, API, <model>, API unit, API pack, Reseller <provider>, <model> or Reseller <provider>';

/** The plan rows: field name, key of the Plan, unit. */
const PLAN_IDS: readonly (readonly [PlanId, string])[] = [
  ['free', 'Free'],
  ['standard', 'Standard'],
  ['pro', 'Pro'],
  ['premier', 'Premier'],
  ['ultra', 'Ultra'],
];

interface FieldSpec {
  readonly field: string;
  readonly unit: string;
  readonly kind: Kind;
}

function planFields(free: boolean): FieldSpec[] {
  const price = free ? KINDS.freePrice : KINDS.price;
  return [
    free
      ? { field: 'credits per day', unit: 'credits per day, not carried over', kind: KINDS.credits }
      : { field: 'credits per month', unit: 'credits per month', kind: KINDS.credits },
    { field: 'first month', unit: 'USD, first month (once per account)', kind: price },
    { field: 'monthly renewal', unit: 'USD per month', kind: price },
    { field: 'list monthly', unit: 'USD per month', kind: price },
    { field: 'yearly', unit: 'USD, paid once for 12 months', kind: price },
  ];
}

const PACK_FIELDS: readonly FieldSpec[] = [
  { field: 'price', unit: 'USD, one-time', kind: KINDS.price },
  { field: 'credits', unit: 'credits', kind: KINDS.credits },
  { field: 'bonus credits', unit: 'credits', kind: KINDS.bonus },
];

const API_PACK_FIELDS: readonly FieldSpec[] = [
  { field: 'price', unit: 'USD, prepaid, not refundable', kind: KINDS.price },
  { field: 'units', unit: 'API units', kind: KINDS.units },
  { field: 'valid days', unit: 'days; unused units are lost', kind: KINDS.days },
];

const IMAGE_FIELD: FieldSpec = { field: 'credits per image', unit: 'credits', kind: KINDS.imageCredits };
const API_IMAGE_FIELD: FieldSpec = { field: 'USD per image', unit: "USD per image on Kling's API", kind: KINDS.apiUsd };
const IMAGE_ITEM = 'image';
const API_IMAGE_ITEM = 'API image';
const MINIMUM_ITEM = 'minimum purchase';
const VALIDITY_ITEM = 'credit validity';
const MINIMUM_FIELD: FieldSpec = { field: 'USD', unit: 'USD, least one purchase (0: pay as you go)', kind: KINDS.minimum };
const VALIDITY_FIELD: FieldSpec = { field: 'days', unit: 'days a balance lasts', kind: KINDS.days };
const UNIT_FIELD: FieldSpec = { field: 'USD per unit', unit: 'USD, list price of one API unit', kind: KINDS.apiUsd };
const LENGTH_FIELD: FieldSpec = { field: 'seconds', unit: 'seconds', kind: KINDS.seconds };

/** The rate fields of a model section: app credits or API dollars, per clip or per second. */
const RATE_FIELDS = {
  app: {
    clip: { field: 'credits per clip', unit: 'credits', kind: KINDS.rateCredits },
    second: { field: 'credits per second', unit: 'credits per second of video', kind: KINDS.rateCredits },
  },
  api: {
    clip: { field: 'USD per clip', unit: 'USD per generation', kind: KINDS.apiUsd },
    second: { field: 'USD per second', unit: 'USD per second of video', kind: KINDS.apiUsd },
  },
} as const;

const SHORTEST = 'shortest clip';
const TICKS = TICKS_PER_USD;
const LONGEST = 'longest clip';

// ---------------------------------------------------------------------------------------------
// Writing

type Row = PriceCell[];

function row(section: string, item: string, spec: FieldSpec, value: number, from: Sourced): Row {
  return [section, item, spec.field, value, spec.unit, from.confidence, from.source, from.asOf];
}

/** The rows of a book (without the header), each with its Value format. */
function bookRowsWithFormats(book: PriceBook): { row: Row; format: string }[] {
  const out: { row: Row; format: string }[] = [];
  const push = (r: Row, spec: FieldSpec) => out.push({ row: r, format: spec.kind.format });
  for (const plan of book.plans) {
    const fields = planFields(isFree(plan));
    const values = [
      isFree(plan) ? (plan.dailyCredits as number) : plan.monthlyCredits,
      plan.firstMonthCents / 100,
      plan.renewalCents / 100,
      plan.listCents / 100,
      plan.yearlyCents / 100,
    ];
    fields.forEach((spec, i) => {
      push(row(SECTION.plan, plan.name, spec, values[i] as number, plan), spec);
    });
  }
  book.packs.forEach((pack, i) => {
    const values = [pack.priceCents / 100, pack.credits, pack.bonus];
    PACK_FIELDS.forEach((spec, j) => {
      push(row(SECTION.pack, `Pack ${i + 1}`, spec, values[j] as number, pack), spec);
    });
  });
  const tableRows = (section: string, billed: 'app' | 'api', table: RateTable) => {
    const spec = RATE_FIELDS[billed][table.per];
    for (const rate of table.rates) {
      const value = billed === 'app' ? rate.value : rate.value / TICKS;
      push(row(section, rateItem(rate.mode, rate.audio, rate.secs), spec, value, rate), spec);
    }
    if (table.shortest) push(row(section, SHORTEST, LENGTH_FIELD, table.shortest.seconds, table.shortest), LENGTH_FIELD);
    if (table.longest) push(row(section, LONGEST, LENGTH_FIELD, table.longest.seconds, table.longest), LENGTH_FIELD);
  };
  for (const model of book.models) if (model.app) tableRows(`${SECTION.app}${model.name}`, 'app', model.app);
  push(row(SECTION.images, IMAGE_ITEM, IMAGE_FIELD, book.images.creditsPerImage, book.images), IMAGE_FIELD);
  if (book.apiImage)
    push(row(SECTION.images, API_IMAGE_ITEM, API_IMAGE_FIELD, book.apiImage.ticks / TICKS, book.apiImage), API_IMAGE_FIELD);
  for (const model of book.models) if (model.api) tableRows(`${SECTION.api}${model.name}`, 'api', model.api);
  if (book.apiPacks.length > 0) push(row(SECTION.apiUnit, 'unit', UNIT_FIELD, book.apiUnit.ticks / TICKS, book.apiUnit), UNIT_FIELD);
  for (const pack of book.apiPacks) {
    const values = [pack.priceCents / 100, pack.units, pack.validDays];
    API_PACK_FIELDS.forEach((spec, j) => {
      push(row(SECTION.apiPack, pack.name, spec, values[j] as number, pack), spec);
    });
  }
  // Resellers, provider by provider in the book's order: terms first, then each model it sells.
  for (const provider of book.providers) {
    const terms = `${SECTION.reseller}${provider.name}`;
    if (provider.minimum) push(row(terms, MINIMUM_ITEM, MINIMUM_FIELD, provider.minimumCents / 100, provider.minimum), MINIMUM_FIELD);
    if (provider.validity)
      push(row(terms, VALIDITY_ITEM, VALIDITY_FIELD, provider.validityDays as number, provider.validity), VALIDITY_FIELD);
    for (const model of book.models) {
      const sold = model.resellers.find((r) => r.provider === provider.name);
      if (sold) tableRows(`${terms}, ${model.name}`, 'api', sold.table);
    }
  }
  return out;
}

/** The price book as table rows (a header row first), one row per number. */
export function bookToRows(book: PriceBook): PriceCell[][] {
  return [[...PRICE_TABLE_HEADER], ...bookRowsWithFormats(book).map((r) => r.row)];
}

/** The number format of each row of bookToRows(book) after the header, for the Value column. */
export function bookRowFormats(book: PriceBook): string[] {
  return bookRowsWithFormats(book).map((r) => r.format);
}

// ---------------------------------------------------------------------------------------------
// Reading

/** A problem with one cell; the reader adds its row and column. */
class CellProblem extends Error {}

/** Lower case, trimmed, runs of spaces folded: how section, item and field are matched. */
function norm(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  return String(value).trim().toLowerCase().replace(/\s+/g, ' ');
}

function decimalsAtMost(value: number, decimals: number): boolean {
  // An absolute tolerance far below the smallest unit: 123,456.789 has three decimals, while
  // 0.1 + 0.2 (0.30000000000000004) has two.
  const scaled = value * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) <= 1e-6;
}

function readValue(cell: unknown, spec: Kind): number {
  const { rule, min, above, max, decimals } = spec;
  const bad = (problem: string) => new CellProblem(`${describeValue(cell)} ${problem}; use ${rule}`);
  if (isBlank(cell)) throw new CellProblem(`the value is missing; use ${rule}`);
  const value = typeof cell === 'number' || typeof cell === 'string' ? toNumber(cell) : undefined;
  if (value === undefined) throw bad('is not a number');
  if (!Number.isFinite(value)) throw bad('is not a finite number');
  if (value < min || (above && value === min)) throw bad(above ? `is not above ${min}` : `is below ${min}`);
  if (value > max) throw bad('is too large');
  if (decimals === 0 && !Number.isInteger(value)) throw bad('is not a whole number');
  if (decimals > 0 && !decimalsAtMost(value, decimals)) throw bad(`has more than ${decimals} decimals`);
  return value;
}

const CONFIDENCE_CHOICES = 'official, third-party, guide or estimate';

function readConfidence(cell: unknown): Confidence {
  const text = norm(cell).replace(/\s+/g, '-');
  const found = CONFIDENCES.find((c) => c === text);
  if (!found) throw new CellProblem(`${describeValue(cell)} is not a confidence; use ${CONFIDENCE_CHOICES}`);
  return found;
}

function readSource(cell: unknown): string {
  if (isBlank(cell) || typeof cell === 'boolean') throw new CellProblem('the source is missing; say where the number comes from');
  return String(cell).trim();
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const USE_A_DATE = 'use a date such as 2026-08-12 (YYYY-MM-DD)';

/**
 * An ISO date from text (YYYY-MM-DD) or a date cell. Sheets hands a date cell over as the
 * instant of its midnight in the spreadsheet's time zone, so it is read in that zone (`zone`,
 * from getSpreadsheetTimeZone). Without a zone, the calendar day of the instant plus 12 hours,
 * read in UTC, is that date for any zone from UTC-11 to UTC+12 (the writers keep the column as
 * text, so date cells only come from a user changing its format).
 */
export function readIsoDate(cell: unknown, zone = ''): string {
  const problem = `${describeValue(cell)} is not a date; ${USE_A_DATE}`;
  if (isDate(cell)) {
    const time = cell.getTime();
    if (Number.isNaN(time)) throw new CellProblem(problem);
    if (zone) return isoDay(cell, zone);
    return new Date(time + 12 * 3600 * 1000).toISOString().slice(0, 10);
  }
  if (isBlank(cell)) throw new CellProblem(`the date is missing; ${USE_A_DATE}`);
  const match = typeof cell === 'string' ? ISO_DATE.exec(cell.trim()) : null;
  if (!match) throw new CellProblem(problem);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) throw new CellProblem(problem);
  return `${match[1]}-${match[2]}-${match[3]}`;
}

/** One data row of the table, with where it is. */
interface TableRow {
  readonly cells: readonly unknown[];
  /** 0-based index in the given range. */
  readonly index: number;
}

function columnLetter(c: number): string {
  return String.fromCharCode(65 + c);
}

function at(index: number, c: number, problem: string): InputError {
  return new InputError(`row ${index + 1}, column ${columnLetter(c)} (${PRICE_TABLE_HEADER[c]}): ${problem}`);
}

/** Runs a cell reader, turning its problem into an error at the row and column. */
function cell<T>(r: TableRow, c: number, reader: (value: unknown) => T): T {
  try {
    return reader(r.cells[c]);
  } catch (error) {
    if (error instanceof CellProblem) throw at(r.index, c, error.message);
    throw error;
  }
}

/** The time zone of the sheet being read (dates in the As of column are read in it); set by bookFromRows. */
let readingZone = '';

function readSourced(r: TableRow): Sourced {
  return { confidence: cell(r, 5, readConfidence), source: cell(r, 6, readSource), asOf: cell(r, 7, (v) => readIsoDate(v, readingZone)) };
}

/** A value row read: its number and provenance. */
interface ReadValue {
  readonly value: number;
  readonly sourced: Sourced;
  readonly row: TableRow;
}

function readRow(r: TableRow, spec: FieldSpec): ReadValue {
  return { value: cell(r, 3, (v) => readValue(v, spec.kind)), sourced: readSourced(r), row: r };
}

/** Rows of one entity (a plan, a pack, an API pack) by field. */
type FieldRows = Map<string, ReadValue>;

/** The newest of ISO dates. */
function newest(dates: readonly string[]): string {
  return [...dates].sort().pop() as string;
}

const WEAKEST_FIRST: readonly Confidence[] = ['estimate', 'guide', 'third-party', 'official'];

/** One entity's provenance from its rows: the newest date, every source, the weakest confidence. */
function mergeSourced(parts: readonly Sourced[]): Sourced {
  const sources = [...new Set(parts.map((p) => p.source))];
  const confidence = WEAKEST_FIRST.find((c) => parts.some((p) => p.confidence === c)) as Confidence;
  return { source: sources.join('; '), asOf: newest(parts.map((p) => p.asOf)), confidence };
}

function missingRow(
  section: string,
  item: string,
  field: string,
  why = 'every row of the price table is needed (use "Edit prices" for a complete table)',
): InputError {
  return new InputError(`the row ${section}, ${item}, ${field} is missing; ${why}`);
}

/** The fields of an entity, all present: values by field name and the merged provenance. */
function entityValues(
  section: string,
  item: string,
  fields: readonly FieldSpec[],
  rows: FieldRows | undefined,
): { values: number[]; sourced: Sourced } {
  const values: number[] = [];
  const parts: Sourced[] = [];
  for (const spec of fields) {
    const found = rows?.get(spec.field);
    if (!found) throw missingRow(section, item, spec.field);
    values.push(found.value);
    parts.push(found.sourced);
  }
  return { values, sourced: mergeSourced(parts) };
}

/** Rows of a section item by field, refusing a repeated row. */
class Entities {
  readonly items = new Map<string, { name: string; fields: FieldRows; first: number }>();

  add(item: string, display: string, field: FieldSpec, read: ReadValue, section: string): void {
    let entry = this.items.get(item);
    if (!entry) {
      entry = { name: display, fields: new Map(), first: read.row.index };
      this.items.set(item, entry);
    }
    const earlier = entry.fields.get(field.field);
    if (earlier) {
      throw at(
        read.row.index,
        2,
        `this row repeats row ${earlier.row.index + 1} (${section}, ${display}, ${field.field}); keep one row per price`,
      );
    }
    entry.fields.set(field.field, read);
  }
}

const PACK_ITEM = /^pack (\d+)$/;
const TRIAL_ITEM = /^trial pack (\d+)$/;
const RATE_ITEM = /^(\S+)(?: (\d+(?:\.\d+)?) ?s)?(?: with (audio|native audio|voice control|audio and voice control))?$/;

/** A rate item: "professional 10 s with audio", "standard with voice control". */
function parseRateItem(text: string): { mode: Mode; secs: number | null; audio: AudioOption } | null {
  const match = RATE_ITEM.exec(text);
  if (!match) return null;
  const mode = modeNamed(match[1]);
  if (!mode) return null;
  const secs = match[2] === undefined ? null : Number(match[2]);
  const audio: AudioOption = match[3] === undefined ? 'silent' : match[3].includes('voice') ? 'voice' : 'audio';
  return { mode, secs, audio };
}

/** What one model section ("App credits, Kling 4.0", "API, Kling 4.0", "Reseller fal, Kling 4.0") holds. */
interface ModelSection {
  readonly billed: 'app' | 'api';
  readonly section: string;
  per: 'clip' | 'second' | null;
  readonly rates: Map<string, Rate & { readonly row: TableRow }>;
  shortest: (LengthBound & { readonly row: TableRow }) | null;
  longest: (LengthBound & { readonly row: TableRow }) | null;
}

interface ModelEntry {
  readonly name: string;
  readonly order: number;
  app?: ModelSection;
  api?: ModelSection;
  /** Reseller sections by provider key. */
  readonly resellers: Map<string, ModelSection>;
}

/** A reseller read from its rows: its name as first written, its terms, and the row where it first appears. */
interface ProviderEntry {
  readonly name: string;
  readonly order: number;
  minimum: ReadValue | null;
  validity: ReadValue | null;
}

function itemChoices(billed: 'app' | 'api'): string {
  const field = RATE_FIELDS[billed];
  return `a mode (standard, professional or 4k), with a length for a price per clip ("professional 10 s", field ${field.clip.field}) or without for a price per second ("professional", field ${field.second.field}), then "with audio" or "with voice control" if so; or ${SHORTEST} / ${LONGEST} (field seconds)`;
}

/** The section of a model's rows in one channel, made on its first row. `billed` says how its rows are priced: credits, or USD (Kling's API and resellers alike). */
function sectionOf(entry: ModelEntry, channel: 'app' | 'api' | { readonly provider: string }, section: string): ModelSection {
  const make = (billed: 'app' | 'api'): ModelSection => ({ billed, section, per: null, rates: new Map(), shortest: null, longest: null });
  if (typeof channel === 'object') {
    let part = entry.resellers.get(channel.provider);
    if (!part) {
      part = make('api');
      entry.resellers.set(channel.provider, part);
    }
    return part;
  }
  let part = entry[channel];
  if (!part) {
    part = make(channel);
    entry[channel] = part;
  }
  return part;
}

function readModelRow(r: TableRow, part: ModelSection): void {
  const { billed, section } = part;
  const item = norm(r.cells[1]);
  const field = norm(r.cells[2]);
  const fields = RATE_FIELDS[billed];
  if (item === SHORTEST || item === LONGEST) {
    if (field !== LENGTH_FIELD.field)
      throw at(r.index, 2, `${describeValue(r.cells[2])} is not a field of ${section} ${item}; use seconds`);
    const read = readRow(r, LENGTH_FIELD);
    const bound = { seconds: read.value, ...read.sourced, row: r };
    const key = item === SHORTEST ? 'shortest' : 'longest';
    const earlier = part[key];
    if (earlier) throw at(r.index, 1, `this row repeats row ${earlier.row.index + 1} (${section}, ${item}); keep one row per price`);
    part[key] = bound;
    return;
  }
  const parsed = parseRateItem(item);
  if (!parsed) throw at(r.index, 1, `${describeValue(r.cells[1])} is not an item of ${section}; use ${itemChoices(billed)}`);
  const per = field === norm(fields.clip.field) ? 'clip' : field === norm(fields.second.field) ? 'second' : null;
  if (!per)
    throw at(r.index, 2, `${describeValue(r.cells[2])} is not a field of ${section}; use ${fields.clip.field} or ${fields.second.field}`);
  if (per === 'clip' && parsed.secs === null) {
    throw at(
      r.index,
      1,
      `${describeValue(r.cells[1])} has no length; a price per clip names it, e.g. "${parsed.mode} 10 s" (or use the field ${fields.second.field})`,
    );
  }
  if (per === 'second' && parsed.secs !== null) {
    throw at(
      r.index,
      1,
      `${describeValue(r.cells[1])} names a length; a price per second does not ("${parsed.mode}"), or use the field ${fields.clip.field}`,
    );
  }
  if (per === 'clip' && !(Number.isInteger(parsed.secs) && (parsed.secs as number) >= 1 && (parsed.secs as number) <= 600)) {
    throw at(r.index, 1, `${describeValue(r.cells[1])} is not a clip length; use a whole number of seconds from 1 to 600`);
  }
  if (part.per && part.per !== per) {
    throw at(
      r.index,
      2,
      `${section} mixes prices per clip and per second; a model is priced one way (write a fixed list of lengths per clip)`,
    );
  }
  part.per = per;
  const spec = fields[per];
  const read = readRow(r, spec);
  const key = rateItem(parsed.mode, parsed.audio, parsed.secs);
  const earlier = part.rates.get(key);
  if (earlier) throw at(r.index, 2, `this row repeats row ${earlier.row.index + 1} (${section}, ${key}); keep one row per price`);
  const value = billed === 'app' ? read.value : ticksOf(read.value);
  part.rates.set(key, { mode: parsed.mode, audio: parsed.audio, secs: parsed.secs, value, ...read.sourced, row: r });
}

function strip<T extends { row: TableRow }>(value: T): Omit<T, 'row'> {
  const { row: _row, ...rest } = value;
  return rest;
}

function rateTable(part: ModelSection): RateTable {
  if (part.rates.size === 0) throw new InputError(`${part.section} has no prices; add a row per mode and audio option, or remove its rows`);
  if (part.per === 'second') {
    if (!part.shortest)
      throw missingRow(part.section, SHORTEST, 'seconds', 'a model priced per second needs its shortest and longest clip');
    if (!part.longest) throw missingRow(part.section, LONGEST, 'seconds', 'a model priced per second needs its shortest and longest clip');
    if (part.shortest.seconds > part.longest.seconds) {
      throw at(
        part.longest.row.index,
        3,
        `the longest clip (${part.longest.seconds} s) is shorter than the shortest (${part.shortest.seconds} s)`,
      );
    }
  } else {
    const bound = part.shortest ?? part.longest;
    if (bound)
      throw at(
        bound.row.index,
        1,
        `${part.section} is priced per clip: its lengths are the clips' own; ${SHORTEST} and ${LONGEST} are for prices per second`,
      );
  }
  const rates = [...part.rates.values()].map((r) => strip(r) as Rate);
  return {
    per: part.per as 'clip' | 'second',
    rates,
    shortest: part.shortest ? (strip(part.shortest) as LengthBound) : null,
    longest: part.longest ? (strip(part.longest) as LengthBound) : null,
  };
}

/**
 * Reads an edited price table (rows of cells, as a sheet range gives them) back into a price
 * book. The first non-blank row must be the header; blank rows are skipped; columns after the
 * eighth are ignored (room for notes). Date cells of the As of column are read in `zone`, the
 * spreadsheet's time zone. Returns an InputError naming the row and column (counted in the given
 * range) of the first bad cell, or naming a missing row.
 */
export function bookFromRows(cells: readonly (readonly unknown[])[], zone = ''): PriceBook | InputError {
  readingZone = zone;
  try {
    return readBook(cells);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  } finally {
    readingZone = '';
  }
}

function isBlankRow(cells: readonly unknown[]): boolean {
  for (let c = 0; c < PRICE_TABLE_COLUMNS; c++) if (!isBlank(cells[c])) return false;
  return true;
}

function readBook(cells: readonly (readonly unknown[])[]): PriceBook {
  const headerText = PRICE_TABLE_HEADER.join(', ');
  let width = Infinity;
  for (let r = 0; r < cells.length; r++) width = Math.min(width, (cells[r] as readonly unknown[]).length);
  if (cells.length === 0 || width < PRICE_TABLE_COLUMNS) {
    throw new InputError(
      `the price table needs ${PRICE_TABLE_COLUMNS} columns (A to H: ${headerText}); this range has ${cells.length === 0 ? 'no cells' : `${width}`}`,
    );
  }
  // A loop, not a spread: a whole-column range can hold hundreds of thousands of rows.
  const data: TableRow[] = [];
  let header: TableRow | undefined;
  // Data below the rows native formulas read is refused, after every problem above it is named.
  let beyond = -1;
  for (let index = 0; index < cells.length; index++) {
    const line = cells[index] as readonly unknown[];
    if (isBlankRow(line)) continue;
    if (index >= PRICE_TABLE_MAX_ROWS) {
      beyond = index;
      break;
    }
    if (!header) header = { cells: line, index };
    else data.push({ cells: line, index });
  }
  if (!header) throw new InputError('the price table is empty; use "Edit prices" to write one');
  for (let c = 0; c < PRICE_TABLE_COLUMNS; c++) {
    const name = PRICE_TABLE_HEADER[c] as string;
    if (norm(header.cells[c]) !== norm(name)) {
      throw at(
        header.index,
        c,
        `expected the header "${name}", found ${describeValue(header.cells[c])}; the table starts with the header row ${headerText}`,
      );
    }
  }

  const plans = new Entities();
  const packs = new Entities();
  const apiPacks = new Entities();
  const singles = new Entities();
  const models = new Map<string, ModelEntry>();
  const planNames = new Map(PLAN_IDS.map(([id, name]) => [norm(name), { id, name }]));
  const providers = new Map<string, ProviderEntry>();
  const modelEntry = (rawName: string): ModelEntry => {
    const key = modelKey(rawName) as string;
    let entry = models.get(key);
    if (!entry) {
      entry = { name: rawName, order: models.size, resellers: new Map() };
      models.set(key, entry);
    }
    return entry;
  };

  for (const r of data) {
    const section = norm(r.cells[0]);
    const item = norm(r.cells[1]);
    const field = norm(r.cells[2]);
    if (section === norm(SECTION.plan)) {
      const plan = planNames.get(item);
      if (!plan) throw at(r.index, 1, `${describeValue(r.cells[1])} is not a plan; use ${PLAN_IDS.map(([, n]) => n).join(', ')}`);
      const spec = planFields(plan.id === 'free').find((f) => f.field === field);
      if (!spec) {
        const fields = planFields(plan.id === 'free').map((f) => f.field);
        throw at(r.index, 2, `${describeValue(r.cells[2])} is not a field of Plan ${plan.name}; use ${fields.join(', ')}`);
      }
      plans.add(plan.id, plan.name, spec, readRow(r, spec), SECTION.plan);
    } else if (section === norm(SECTION.pack) || section === norm(SECTION.apiPack)) {
      const api = section === norm(SECTION.apiPack);
      const match = PACK_ITEM.exec(item) ?? (api ? TRIAL_ITEM.exec(item) : null);
      const name = api ? SECTION.apiPack : SECTION.pack;
      if (!match || Number(match[1]) < 1 || Number(match[1]) > 50) {
        throw at(
          r.index,
          1,
          `${describeValue(r.cells[1])} is not an item of ${name}; use Pack 1 to Pack 50${api ? ' or Trial pack 1 to Trial pack 50' : ''}`,
        );
      }
      const fields = api ? API_PACK_FIELDS : PACK_FIELDS;
      const spec = fields.find((f) => f.field === field);
      if (!spec)
        throw at(r.index, 2, `${describeValue(r.cells[2])} is not a field of ${name}; use ${fields.map((f) => f.field).join(', ')}`);
      const display = `${item.startsWith('trial') ? 'Trial pack' : 'Pack'} ${Number(match[1])}`;
      (api ? apiPacks : packs).add(norm(display), display, spec, readRow(r, spec), name);
    } else if (section === norm(SECTION.images)) {
      const isApi = item === norm(API_IMAGE_ITEM);
      if (item !== IMAGE_ITEM && !isApi)
        throw at(r.index, 1, `${describeValue(r.cells[1])} is not an item of ${SECTION.images}; use ${IMAGE_ITEM} or ${API_IMAGE_ITEM}`);
      const [display, spec] = isApi ? [API_IMAGE_ITEM, API_IMAGE_FIELD] : [IMAGE_ITEM, IMAGE_FIELD];
      if (field !== norm(spec.field))
        throw at(r.index, 2, `${describeValue(r.cells[2])} is not a field of ${SECTION.images} ${display}; use ${spec.field}`);
      singles.add(display, display, spec, readRow(r, spec), SECTION.images);
    } else if (section === norm(SECTION.apiUnit)) {
      if (item !== 'unit') throw at(r.index, 1, `${describeValue(r.cells[1])} is not an item of ${SECTION.apiUnit}; use unit`);
      if (field !== norm(UNIT_FIELD.field))
        throw at(r.index, 2, `${describeValue(r.cells[2])} is not a field of ${SECTION.apiUnit} unit; use ${UNIT_FIELD.field}`);
      singles.add(SECTION.apiUnit, SECTION.apiUnit, UNIT_FIELD, readRow(r, UNIT_FIELD), SECTION.apiUnit);
    } else if (section.startsWith(norm(SECTION.reseller))) {
      const text = String(r.cells[0])
        .trim()
        .replace(/^reseller\s+/i, '');
      const comma = text.indexOf(',');
      const providerName = (comma < 0 ? text : text.slice(0, comma)).trim();
      const providerKey = norm(providerName);
      if (providerKey === '' || providerKey === 'kling') {
        throw at(
          r.index,
          0,
          `${describeValue(r.cells[0])} names ${providerKey === '' ? 'no provider' : 'Kling, whose own API is the section API, <model>'}; write Reseller <provider>, <model> (e.g. Reseller fal, Kling 4.0) or Reseller <provider> for its terms`,
        );
      }
      let provider = providers.get(providerKey);
      if (!provider) {
        provider = { name: providerName, order: providers.size, minimum: null, validity: null };
        providers.set(providerKey, provider);
      }
      if (comma < 0) {
        readTermsRow(r, provider);
        continue;
      }
      const modelName = text.slice(comma + 1).trim();
      if (modelName.includes(',') || modelKey(modelName) === undefined) {
        throw at(
          r.index,
          0,
          `${describeValue(r.cells[0])} names ${modelName === '' ? 'no model' : 'a provider whose name holds a comma'}; write Reseller <provider>, <model> (e.g. Reseller fal, Kling 4.0)`,
        );
      }
      const entry = modelEntry(modelName);
      readModelRow(r, sectionOf(entry, { provider: providerKey }, `${SECTION.reseller}${provider.name}, ${entry.name}`));
    } else {
      const billed = section.startsWith(norm(SECTION.app)) ? 'app' : section.startsWith(norm(SECTION.api)) ? 'api' : null;
      const rawName = billed
        ? String(r.cells[0])
            .trim()
            .replace(/^[^,]*,\s*/, '')
            .trim()
        : '';
      if (!billed || modelKey(rawName) === undefined)
        throw at(r.index, 0, `${describeValue(r.cells[0])} is not a section of the price table; use ${SECTION_CHOICES}`);
      const entry = modelEntry(rawName);
      readModelRow(r, sectionOf(entry, billed, `${billed === 'app' ? SECTION.app : SECTION.api}${entry.name}`));
    }
  }

  if (beyond >= 0) {
    throw new InputError(
      `row ${beyond + 1} holds data, below the ${PRICE_TABLE_MAX_ROWS.toLocaleString('en-US')} rows a price table may use; move it up`,
    );
  }
  const planList: Plan[] = PLAN_IDS.map(([id, name]) => {
    const free = id === 'free';
    const { values, sourced } = entityValues(SECTION.plan, name, planFields(free), plans.items.get(id)?.fields);
    const [credits, first, renewal, list, yearly] = values as [number, number, number, number, number];
    return {
      id,
      name,
      monthlyCredits: free ? credits * DAYS_PER_MONTH : credits,
      dailyCredits: free ? credits : null,
      firstMonthCents: centsOf(first),
      renewalCents: centsOf(renewal),
      listCents: centsOf(list),
      yearlyCents: centsOf(yearly),
      ...sourced,
    };
  });

  const packList: TopUpPack[] = byNumber(packs).map(({ name, fields }) => {
    const { values, sourced } = entityValues(SECTION.pack, name, PACK_FIELDS, fields);
    const [price, credits, bonus] = values as [number, number, number];
    return { priceCents: centsOf(price), credits, bonus, ...sourced };
  });

  const apiPackList: ApiPack[] = byNumber(apiPacks).map(({ name, fields }) => {
    const { values, sourced } = entityValues(SECTION.apiPack, name, API_PACK_FIELDS, fields);
    const [price, units, validDays] = values as [number, number, number];
    return { name, priceCents: centsOf(price), units, validDays, trial: name.startsWith('Trial'), ...sourced };
  });

  const image = singles.items.get(IMAGE_ITEM)?.fields.get(IMAGE_FIELD.field);
  if (!image) throw missingRow(SECTION.images, IMAGE_ITEM, IMAGE_FIELD.field);
  const images: ImageCredits = { creditsPerImage: image.value, ...image.sourced };
  const apiImageRow = singles.items.get(API_IMAGE_ITEM)?.fields.get(API_IMAGE_FIELD.field);
  const apiImage: ApiImage | null = apiImageRow ? { ticks: ticksOf(apiImageRow.value), ...apiImageRow.sourced } : null;

  const unit = singles.items.get(SECTION.apiUnit)?.fields.get(UNIT_FIELD.field);
  if (!unit && apiPackList.length > 0)
    throw missingRow(SECTION.apiUnit, 'unit', UNIT_FIELD.field, 'API packs are counted in units of this price');
  const apiUnit: ApiUnit = unit
    ? { ticks: ticksOf(unit.value), ...unit.sourced }
    : { ticks: 1400, source: 'not in the price table, which lists no API packs', asOf: images.asOf, confidence: 'estimate' };

  const providerList = [...providers.entries()].sort((a, b) => a[1].order - b[1].order);
  const providerBook: Provider[] = providerList.map(([, p]) => ({
    name: p.name,
    minimumCents: p.minimum ? centsOf(p.minimum.value) : 0,
    minimum: p.minimum ? p.minimum.sourced : null,
    validityDays: p.validity ? p.validity.value : null,
    validity: p.validity ? p.validity.sourced : null,
  }));
  const modelList: VideoModel[] = [...models.values()]
    .sort((a, b) => a.order - b.order)
    .map((entry) => ({
      name: entry.name,
      app: entry.app ? rateTable(entry.app) : null,
      api: entry.api ? rateTable(entry.api) : null,
      resellers: providerList.flatMap(([key, p]) => {
        const part = entry.resellers.get(key);
        return part ? [{ provider: p.name, table: rateTable(part) }] : [];
      }),
    }));

  const tableDates = (t: RateTable) => [...t.rates.map((r) => r.asOf), t.shortest?.asOf ?? '', t.longest?.asOf ?? ''];
  const dates = [
    ...planList.map((p) => p.asOf),
    ...packList.map((p) => p.asOf),
    ...apiPackList.map((p) => p.asOf),
    images.asOf,
    ...(apiImage ? [apiImage.asOf] : []),
    ...(unit ? [unit.sourced.asOf] : []),
    ...providerBook.flatMap((p) => [p.minimum?.asOf ?? '', p.validity?.asOf ?? '']),
    ...modelList.flatMap((m) => [
      ...(m.app ? tableDates(m.app) : []),
      ...(m.api ? tableDates(m.api) : []),
      ...m.resellers.flatMap((r) => tableDates(r.table)),
    ]),
  ];
  return {
    asOf: newest(dates.filter(Boolean)),
    plans: planList,
    packs: packList,
    models: modelList,
    images,
    apiImage,
    apiUnit,
    apiPacks: apiPackList,
    providers: providerBook,
  };
}

/** A terms row of a reseller: its minimum purchase (USD) or how long its credit lasts (days). */
function readTermsRow(r: TableRow, provider: ProviderEntry): void {
  const item = norm(r.cells[1]);
  const field = norm(r.cells[2]);
  const section = `${SECTION.reseller}${provider.name}`;
  const which = item === MINIMUM_ITEM ? 'minimum' : item === VALIDITY_ITEM ? 'validity' : null;
  if (!which) {
    throw at(
      r.index,
      1,
      `${describeValue(r.cells[1])} is not an item of ${section}; use ${MINIMUM_ITEM} (field USD) or ${VALIDITY_ITEM} (field days), or write ${section}, <model> for its prices`,
    );
  }
  const spec = which === 'minimum' ? MINIMUM_FIELD : VALIDITY_FIELD;
  if (field !== norm(spec.field))
    throw at(r.index, 2, `${describeValue(r.cells[2])} is not a field of ${section} ${item}; use ${spec.field}`);
  const earlier = provider[which];
  if (earlier) throw at(r.index, 1, `this row repeats row ${earlier.row.index + 1} (${section}, ${item}); keep one row per term`);
  provider[which] = readRow(r, spec);
}

/** Entities named "Pack n" / "Trial pack n", trial packs first, each kind by its number. */
function byNumber(entities: Entities): { name: string; fields: FieldRows }[] {
  const number = (name: string) => Number(/(\d+)$/.exec(name)?.[1] ?? 0) + (name.startsWith('Trial') ? 0 : 1000);
  return [...entities.items.values()].sort((a, b) => number(a.name) - number(b.name)).map(({ name, fields }) => ({ name, fields }));
}

// ---------------------------------------------------------------------------------------------
// Comparing two tables: what changed since a locked copy.

/**
 * The key a row is matched by, as the reader matches it: case and spaces ignored, a model named
 * by its key ("Kling 3.0" and "3"), a rate item by what it prices ("pro 10 s with native audio"
 * is "professional 10 s with audio"), a pack by its number.
 */
export function rowKey(cells: readonly unknown[]): string {
  const section = norm(cells[0]);
  const item = norm(cells[1]);
  const field = norm(cells[2]);
  const model = /^(app credits|api), (.*)$/.exec(section) ?? /^(reseller [^,]*), (.*)$/.exec(section);
  if (model) {
    const rate = parseRateItem(item);
    const itemKey = rate ? rateItem(rate.mode, rate.audio, rate.secs) : item;
    return [`${(model[1] as string).replace(/\s+/g, ' ')}, ${modelKey(model[2]) ?? model[2]}`, itemKey, field].join('\u0001');
  }
  const pack = PACK_ITEM.exec(item) ?? TRIAL_ITEM.exec(item);
  const itemKey = pack ? `${item.startsWith('trial') ? 'trial pack' : 'pack'} ${Number(pack[1])}` : item;
  return [section, itemKey, field].join('\u0001');
}

/** The data rows of a table (after its header, blank rows skipped), as given. */
export function dataRows(cells: readonly (readonly unknown[])[]): (readonly unknown[])[] {
  const rows: (readonly unknown[])[] = [];
  let header = false;
  for (const line of cells) {
    if (isBlankRow(line)) continue;
    if (!header) {
      header = true;
      continue;
    }
    rows.push(line);
  }
  return rows;
}

export const PRICE_CHANGES_HEADER = ['Section', 'Item', 'Field', 'Locked value', 'Value now'] as const;
export const NO_PRICE_CHANGED = 'No price changed';

function sameValue(a: unknown, b: unknown): boolean {
  const x = typeof a === 'number' || typeof a === 'string' ? toNumber(a) : undefined;
  const y = typeof b === 'number' || typeof b === 'string' ? toNumber(b) : undefined;
  if (x !== undefined && y !== undefined) return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  return norm(a) === norm(b);
}

/**
 * The rows of the table in force (`now`) that differ from a locked copy: header, then one row per
 * difference in Value (Unit, Confidence, Source and As of are ignored), in the order of the table
 * in force, then the rows the locked copy has and the table in force does not; an added row has a
 * blank locked value, a removed row a blank value now. No difference: the single row "No price changed".
 */
export function priceChanges(locked: readonly (readonly unknown[])[], now: readonly (readonly unknown[])[]): (string | number)[][] {
  const lockedRows = dataRows(locked);
  const nowRows = dataRows(now);
  const lockedByKey = new Map<string, readonly unknown[]>();
  for (const row of lockedRows) lockedByKey.set(rowKey(row), row);
  const seen = new Set<string>();
  const cell = (v: unknown): string | number => (typeof v === 'number' ? v : v === undefined || v === null ? '' : String(v).trim());
  const out: (string | number)[][] = [[...PRICE_CHANGES_HEADER]];
  for (const row of nowRows) {
    const key = rowKey(row);
    seen.add(key);
    const before = lockedByKey.get(key);
    if (!before) out.push([cell(row[0]), cell(row[1]), cell(row[2]), '', cell(row[3])]);
    else if (!sameValue(before[3], row[3])) out.push([cell(row[0]), cell(row[1]), cell(row[2]), cell(before[3]), cell(row[3])]);
  }
  for (const row of lockedRows) {
    if (!seen.has(rowKey(row))) out.push([cell(row[0]), cell(row[1]), cell(row[2]), cell(row[3]), '']);
  }
  return out.length === 1 ? [out[0] as string[], [NO_PRICE_CHANGED, '', '', '', '']] : out;
}
