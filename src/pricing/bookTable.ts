import { describeValue, InputError } from './errors';
import { modelKey, rateItem } from './models';
import { centsOf, millsOf } from './money';
import { isBlank, isDate, modeNamed, toNumber } from './parse';
import { DAYS_PER_MONTH, isFree } from './plans';
import type {
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
 * top-up packs, API packs and models are as many as the table holds: a model is its rows
 * ("App credits, Kling 4.0", "API, Kling 4.0"), so a new Kling model needs no release. A broken,
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
  apiUsd: kind('a price in USD above 0 with at most 3 decimals', '$0.00#', 0, true, 100_000, 3),
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
};
const SECTION_CHOICES = 'Plan, Top-up pack, App credits, <model>, Images, API, <model>, API unit or API pack';

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
  const modelRows = (billed: 'app' | 'api') => {
    for (const model of book.models) {
      const table = model[billed];
      if (!table) continue;
      const section = `${billed === 'app' ? SECTION.app : SECTION.api}${model.name}`;
      const spec = RATE_FIELDS[billed][table.per];
      for (const rate of table.rates) {
        const value = billed === 'app' ? rate.value : rate.value / 1000;
        push(row(section, rateItem(rate.mode, rate.audio, rate.secs), spec, value, rate), spec);
      }
      if (table.shortest) push(row(section, SHORTEST, LENGTH_FIELD, table.shortest.seconds, table.shortest), LENGTH_FIELD);
      if (table.longest) push(row(section, LONGEST, LENGTH_FIELD, table.longest.seconds, table.longest), LENGTH_FIELD);
    }
  };
  modelRows('app');
  push(row(SECTION.images, 'image', IMAGE_FIELD, book.images.creditsPerImage, book.images), IMAGE_FIELD);
  modelRows('api');
  if (book.apiPacks.length > 0) push(row(SECTION.apiUnit, 'unit', UNIT_FIELD, book.apiUnit.mills / 1000, book.apiUnit), UNIT_FIELD);
  for (const pack of book.apiPacks) {
    const values = [pack.priceCents / 100, pack.units, pack.validDays];
    API_PACK_FIELDS.forEach((spec, j) => {
      push(row(SECTION.apiPack, pack.name, spec, values[j] as number, pack), spec);
    });
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
 * instant of its midnight in the spreadsheet's time zone; the calendar day of that instant
 * plus 12 hours, read in UTC, is that date for any time zone from UTC-11 to UTC+12 (the
 * writers keep the column as text, so date cells only come from a user changing its format).
 */
export function readIsoDate(cell: unknown): string {
  const problem = `${describeValue(cell)} is not a date; ${USE_A_DATE}`;
  if (isDate(cell)) {
    const time = cell.getTime();
    if (Number.isNaN(time)) throw new CellProblem(problem);
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

function readSourced(r: TableRow): Sourced {
  return { confidence: cell(r, 5, readConfidence), source: cell(r, 6, readSource), asOf: cell(r, 7, readIsoDate) };
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

/** What one model section ("App credits, Kling 4.0" or "API, Kling 4.0") holds. */
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
}

function itemChoices(billed: 'app' | 'api'): string {
  const field = RATE_FIELDS[billed];
  return `a mode (standard, professional or 4k), with a length for a price per clip ("professional 10 s", field ${field.clip.field}) or without for a price per second ("professional", field ${field.second.field}), then "with audio" or "with voice control" if so; or ${SHORTEST} / ${LONGEST} (field seconds)`;
}

function readModelRow(r: TableRow, entry: ModelEntry, billed: 'app' | 'api', section: string): void {
  let part = entry[billed];
  if (!part) {
    part = { billed, section, per: null, rates: new Map(), shortest: null, longest: null };
    entry[billed] = part;
  }
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
  const value = billed === 'app' ? read.value : millsOf(read.value);
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
 * eighth are ignored (room for notes). Returns an InputError naming the row and column (counted
 * in the given range) of the first bad cell, or naming a missing row.
 */
export function bookFromRows(cells: readonly (readonly unknown[])[]): PriceBook | InputError {
  try {
    return readBook(cells);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
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
    } else if (section === norm(SECTION.images) || section === norm(SECTION.apiUnit)) {
      const images = section === norm(SECTION.images);
      const [name, itemName, spec] = images ? [SECTION.images, 'image', IMAGE_FIELD] : [SECTION.apiUnit, 'unit', UNIT_FIELD];
      if (item !== itemName) throw at(r.index, 1, `${describeValue(r.cells[1])} is not an item of ${name}; use ${itemName}`);
      if (field !== norm(spec.field))
        throw at(r.index, 2, `${describeValue(r.cells[2])} is not a field of ${name} ${itemName}; use ${spec.field}`);
      singles.add(name, name, spec, readRow(r, spec), name);
    } else {
      const billed = section.startsWith(norm(SECTION.app)) ? 'app' : section.startsWith(norm(SECTION.api)) ? 'api' : null;
      const rawName = billed
        ? String(r.cells[0])
            .trim()
            .replace(/^[^,]*,\s*/, '')
            .trim()
        : '';
      const key = modelKey(rawName);
      if (!billed || key === undefined)
        throw at(r.index, 0, `${describeValue(r.cells[0])} is not a section of the price table; use ${SECTION_CHOICES}`);
      let entry = models.get(key);
      if (!entry) {
        entry = { name: rawName, order: models.size };
        models.set(key, entry);
      }
      readModelRow(r, entry, billed, `${billed === 'app' ? SECTION.app : SECTION.api}${entry.name}`);
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

  const image = singles.items.get(SECTION.images)?.fields.get(IMAGE_FIELD.field);
  if (!image) throw missingRow(SECTION.images, 'image', IMAGE_FIELD.field);
  const images: ImageCredits = { creditsPerImage: image.value, ...image.sourced };

  const unit = singles.items.get(SECTION.apiUnit)?.fields.get(UNIT_FIELD.field);
  if (!unit && apiPackList.length > 0)
    throw missingRow(SECTION.apiUnit, 'unit', UNIT_FIELD.field, 'API packs are counted in units of this price');
  const apiUnit: ApiUnit = unit
    ? { mills: millsOf(unit.value), ...unit.sourced }
    : { mills: 140, source: 'not in the price table, which lists no API packs', asOf: images.asOf, confidence: 'estimate' };

  const modelList: VideoModel[] = [...models.values()]
    .sort((a, b) => a.order - b.order)
    .map((entry) => ({
      name: entry.name,
      app: entry.app ? rateTable(entry.app) : null,
      api: entry.api ? rateTable(entry.api) : null,
    }));

  const dates = [
    ...planList.map((p) => p.asOf),
    ...packList.map((p) => p.asOf),
    ...apiPackList.map((p) => p.asOf),
    images.asOf,
    ...(unit ? [unit.sourced.asOf] : []),
    ...modelList.flatMap((m) =>
      [m.app, m.api].flatMap((t) => (t ? [...t.rates.map((r) => r.asOf), t.shortest?.asOf ?? '', t.longest?.asOf ?? ''] : [])),
    ),
  ];
  return {
    asOf: newest(dates.filter(Boolean)),
    plans: planList,
    packs: packList,
    models: modelList,
    images,
    apiUnit,
    apiPacks: apiPackList,
  };
}

/** Entities named "Pack n" / "Trial pack n", trial packs first, each kind by its number. */
function byNumber(entities: Entities): { name: string; fields: FieldRows }[] {
  const number = (name: string) => Number(/(\d+)$/.exec(name)?.[1] ?? 0) + (name.startsWith('Trial') ? 0 : 1000);
  return [...entities.items.values()].sort((a, b) => number(a.name) - number(b.name)).map(({ name, fields }) => ({ name, fields }));
}
