import { DEFAULT_PRICE_BOOK } from './defaultBook';
import { DAYS_PER_MONTH } from './engine';
import { describeValue, InputError } from './errors';
import { isBlank, isDate, toNumber } from './parse';
import type { Confidence, Mode, PriceBook, Sourced } from './types';

/**
 * The price book as a table a finance person can read and edit: one row per number, with its
 * unit, confidence, source and as-of date. bookToRows writes it; bookFromRows reads it back and
 * validates every cell. The table holds exactly the rows of the default book's layout (top-up
 * packs may be added as "Pack 9", "Pack 10", ...): a missing, duplicate or broken row is an
 * error, never filled in from the default book.
 *
 * Every number of a PriceBook has one row, except what follows from other rows: the free plan's
 * monthly credits (credits per day x 30), each row's provenance merged per plan or pack, and the
 * book's date (the newest row). The Unit column is for reading; it is not read back.
 */

export const PRICE_TABLE_HEADER = ['Section', 'Item', 'Field', 'Value', 'Unit', 'Confidence', 'Source', 'As of'] as const;
export const PRICE_TABLE_COLUMNS = PRICE_TABLE_HEADER.length;

export type PriceCell = string | number;

const MAX_CREDITS = 100_000_000;
const MAX_USD = 1_000_000;

/** How a value must look: the rule a message tells, its number format in the sheet and its bounds. */
interface Kind {
  readonly rule: string;
  readonly format: string;
  readonly zeroAllowed: boolean;
  readonly max: number;
  /** Most decimals allowed; 0 for whole numbers. */
  readonly decimals: number;
}

const MONEY = '$#,##0.00';
const WHOLE = '#,##0';

/** A kind from its rule, number format, whether 0 is allowed, largest value and most decimals. */
function kind(rule: string, format: string, zeroAllowed: boolean, max: number, decimals: number): Kind {
  return { rule, format, zeroAllowed, max, decimals };
}

const KINDS = {
  /** USD charged in cents. */
  price: kind('a price in USD above 0 with at most 2 decimals', MONEY, false, MAX_USD, 2),
  /** The free plan's prices. */
  freePrice: kind('a price in USD of 0 or more with at most 2 decimals', MONEY, true, MAX_USD, 2),
  credits: kind('a whole number of credits above 0', WHOLE, false, MAX_CREDITS, 0),
  bonus: kind('a whole number of credits, 0 or more', WHOLE, true, MAX_CREDITS, 0),
  imageCredits: kind('a number of credits above 0 with at most 3 decimals', '0.0##', false, MAX_CREDITS, 3),
  apiUsd: kind('a price in USD above 0 with at most 6 decimals', '$0.00####', false, MAX_USD, 6),
};

/** One row of an entity: its field name, the key of the book it holds, its unit and kind. */
interface FieldSpec {
  readonly field: string;
  readonly key: string;
  readonly unit: string;
  readonly kind: Kind;
}

function fieldSpec(field: string, key: string, unit: string, kind: Kind): FieldSpec {
  return { field, key, unit, kind };
}

/** A row of a book's list (a plan, a pack, a clip price, the image price) read by key. */
type BookRow = Sourced & Readonly<Record<string, unknown>>;
type ListName = Exclude<keyof PriceBook, 'asOf'>;

/**
 * What has its own provenance (a plan, a pack, a clip price): its rows share one source, date
 * and confidence. Read back, it is its template (the default book's entry, which gives the
 * id and name or the mode, audio and seconds) with the values and provenance of its rows.
 */
interface EntitySpec {
  readonly section: string;
  readonly item: string;
  readonly list: ListName;
  readonly template: object;
  readonly fields: readonly FieldSpec[];
  /** The entity in a book; throws when the book lacks it. */
  find(book: PriceBook): BookRow;
}

const PLAN_SECTION = 'Plan';
const PACK_SECTION = 'Top-up pack';
const PACK_ITEM = /^pack (\d+)$/;

function planFields(free: boolean): FieldSpec[] {
  const price = free ? KINDS.freePrice : KINDS.price;
  return [
    free
      ? fieldSpec('credits per day', 'dailyCredits', 'credits per day, not carried over', KINDS.credits)
      : fieldSpec('credits per month', 'monthlyCredits', 'credits per month', KINDS.credits),
    fieldSpec('first month', 'firstMonth', 'USD, first month', price),
    fieldSpec('monthly renewal', 'renewal', 'USD per month', price),
    fieldSpec('list monthly', 'list', 'USD per month', price),
    fieldSpec('yearly', 'yearly', 'USD, paid once for 12 months', price),
  ];
}

const PACK_FIELDS = [
  fieldSpec('price', 'price', 'USD, one-time', KINDS.price),
  fieldSpec('credits', 'credits', 'credits', KINDS.credits),
  fieldSpec('bonus credits', 'bonus', 'credits', KINDS.bonus),
];

/** The lists of one number per entry, in table order. */
const VALUE_LISTS: readonly { list: ListName; section: string; field: FieldSpec }[] = [
  {
    list: 'clipCredits26',
    section: 'App credits, Kling 2.6',
    field: fieldSpec('credits per clip', 'credits', 'credits', KINDS.credits),
  },
  {
    list: 'secondCredits30',
    section: 'App credits, Kling 3.0',
    field: fieldSpec('credits per second', 'creditsPerSecond', 'credits per second of video', KINDS.credits),
  },
  { list: 'images', section: 'Images', field: fieldSpec('credits per image', 'creditsPerImage', 'credits', KINDS.imageCredits) },
  { list: 'apiClip26', section: 'API, Kling 2.6', field: fieldSpec('USD per clip', 'usd', 'USD per generation', KINDS.apiUsd) },
  {
    list: 'apiSecond30',
    section: 'API, Kling 3.0',
    field: fieldSpec('USD per second', 'usdPerSecond', 'USD per second of video', KINDS.apiUsd),
  },
];

function listOf(book: PriceBook, list: ListName): readonly BookRow[] {
  return (list === 'images' ? [book.images] : book[list]) as unknown as readonly BookRow[];
}

/** "professional 10 s with audio"; the image price, which has no mode, is "image". */
function itemOf(row: BookRow): string {
  if (row.mode === undefined) return 'image';
  return `${row.mode as Mode}${row.secs === undefined ? '' : ` ${row.secs} s`}${row.audio ? ' with audio' : ''}`;
}

function must(found: BookRow | undefined, what: string): BookRow {
  if (found === undefined) throw new InputError(`the price book has no ${what}`);
  return found;
}

/** The entities of a book with the layout of the default book and `packCount` packs, in table order. */
function entitySpecs(packCount: number): EntitySpec[] {
  const layout = DEFAULT_PRICE_BOOK;
  const entities: EntitySpec[] = layout.plans.map((plan) => ({
    section: PLAN_SECTION,
    item: plan.name,
    list: 'plans',
    template: plan,
    fields: planFields(plan.dailyCredits !== null),
    find: (book) => must(book.plans.find((p) => p.id === plan.id) as BookRow | undefined, `plan ${plan.id}`),
  }));
  for (let n = 1; n <= packCount; n++) {
    entities.push({
      section: PACK_SECTION,
      item: `Pack ${n}`,
      list: 'packs',
      template: layout.packs[n - 1] ?? {},
      fields: PACK_FIELDS,
      find: (book) => must(book.packs[n - 1] as BookRow | undefined, `pack ${n}`),
    });
  }
  for (const { list, section, field } of VALUE_LISTS) {
    for (const template of listOf(layout, list)) {
      const item = itemOf(template);
      const same = (row: BookRow) => row.mode === template.mode && row.audio === template.audio && row.secs === template.secs;
      entities.push({
        section,
        item,
        list,
        template,
        fields: [field],
        find: (book) => must(listOf(book, list).find(same), `${section} ${item}`),
      });
    }
  }
  return entities;
}

/** Lower case, trimmed, runs of spaces folded: how section, item and field are matched. */
function norm(value: unknown): string {
  return String(value ?? '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

function keyOf(section: unknown, item: unknown, field: unknown): string {
  return `${norm(section)}|${norm(item)}|${norm(field)}`;
}

/** The price book as table rows (a header row first), one row per number. */
export function bookToRows(book: PriceBook): PriceCell[][] {
  const rows: PriceCell[][] = [[...PRICE_TABLE_HEADER]];
  for (const entity of entitySpecs(book.packs.length)) {
    const found = entity.find(book);
    for (const { field, key, unit } of entity.fields) {
      rows.push([entity.section, entity.item, field, found[key] as number, unit, found.confidence, found.source, found.asOf]);
    }
  }
  return rows;
}

/** The number format of each row of bookToRows(book) after the header, for the Value column. */
export function bookRowFormats(book: PriceBook): string[] {
  return entitySpecs(book.packs.length).flatMap((entity) => entity.fields.map((f) => f.kind.format));
}

class CellProblem extends Error {}

function decimalsAtMost(value: number, decimals: number): boolean {
  const scaled = value * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) <= 1e-7 * Math.max(1, Math.abs(scaled));
}

function readValue(cell: unknown, kind: Kind): number {
  const { rule, zeroAllowed, decimals } = kind;
  const bad = (problem: string) => new CellProblem(`${describeValue(cell)} ${problem}; use ${rule}`);
  if (isBlank(cell)) throw new CellProblem(`the value is missing; use ${rule}`);
  const value = typeof cell === 'number' || typeof cell === 'string' ? toNumber(cell) : undefined;
  if (value === undefined) throw bad('is not a number');
  if (!Number.isFinite(value)) throw bad('is not a finite number');
  if (value < 0 || (value === 0 && !zeroAllowed)) throw bad(zeroAllowed ? 'is negative' : 'is not above 0');
  if (value > kind.max) throw bad('is too large');
  if (decimals === 0 && !Number.isInteger(value)) throw bad('is not a whole number');
  if (decimals > 0 && !decimalsAtMost(value, decimals)) throw bad(`has more than ${decimals} decimals`);
  return value;
}

const CONFIDENCES: readonly Confidence[] = ['official', 'guide', 'estimate'];

function readConfidence(cell: unknown): Confidence {
  const found = CONFIDENCES.find((c) => c === norm(cell));
  if (!found) throw new CellProblem(`${describeValue(cell)} is not a confidence; use official, guide or estimate`);
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

const WEAKEST_FIRST: readonly Confidence[] = ['estimate', 'guide', 'official'];

/** The newest of ISO dates. */
function newest(dates: string[]): string {
  return dates.sort().pop() as string;
}

/** One entity's provenance from its rows: the newest date, every source, the weakest confidence. */
function mergeSourced(parts: readonly Sourced[]): Sourced {
  const sources = [...new Set(parts.map((p) => p.source))];
  const asOf = newest(parts.map((p) => p.asOf));
  const confidence = WEAKEST_FIRST.find((c) => parts.some((p) => p.confidence === c)) as Confidence;
  return { source: sources.join('; '), asOf, confidence };
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

/** One row of the table as the reader expects it. */
interface RowSpec {
  readonly entity: EntitySpec;
  readonly spec: FieldSpec;
  readonly key: string;
}

/** What the rows of one entity gave: a value per key, a provenance per row. */
interface EntityRead {
  readonly values: Record<string, number>;
  readonly sourced: Sourced[];
}

function readBook(cells: readonly (readonly unknown[])[]): PriceBook {
  const width = Math.min(...cells.map((row) => row.length));
  const headerText = PRICE_TABLE_HEADER.join(', ');
  if (cells.length === 0 || width < PRICE_TABLE_COLUMNS) {
    throw new InputError(
      `the price table needs ${PRICE_TABLE_COLUMNS} columns (A to H: ${headerText}); this range has ${cells.length === 0 ? 'no cells' : `${width}`}`,
    );
  }
  const at = (r: number, c: number, problem: string) =>
    new InputError(`row ${r + 1}, column ${String.fromCharCode(65 + c)} (${PRICE_TABLE_HEADER[c]}): ${problem}`);

  const filled = cells
    .map((row, index) => ({ row: row.slice(0, PRICE_TABLE_COLUMNS), index }))
    .filter(({ row }) => !row.every((v) => isBlank(v)));
  const header = filled[0];
  if (!header) throw new InputError('the price table is empty; use "Edit prices" to write one');
  PRICE_TABLE_HEADER.forEach((name, c) => {
    if (norm(header.row[c]) !== norm(name)) {
      throw at(
        header.index,
        c,
        `expected the header "${name}", found ${describeValue(header.row[c])}; the table starts with the header row ${headerText}`,
      );
    }
  });
  const data = filled.slice(1);

  // Packs: as many as the default book, or more when rows for "Pack 9", ... were added.
  let packCount = DEFAULT_PRICE_BOOK.packs.length;
  for (const { row } of data) {
    const match = norm(row[0]) === norm(PACK_SECTION) ? PACK_ITEM.exec(norm(row[1])) : null;
    if (match && Number(match[1]) > packCount && Number(match[1]) <= 50) packCount = Number(match[1]);
  }
  const entities = entitySpecs(packCount);
  const specs: RowSpec[] = entities.flatMap((entity) =>
    entity.fields.map((spec) => ({ entity, spec, key: keyOf(entity.section, entity.item, spec.field) })),
  );
  const byKey = new Map(specs.map((s) => [s.key, s]));
  const seen = new Map<string, number>();
  const reads = new Map<EntitySpec, EntityRead>(entities.map((e) => [e, { values: {}, sourced: [] }]));

  for (const { row, index } of data) {
    const key = keyOf(row[0], row[1], row[2]);
    const found = byKey.get(key);
    if (!found) {
      const sections = [...new Set(entities.map((e) => e.section))];
      const section = sections.find((s) => norm(s) === norm(row[0]));
      if (!section) throw at(index, 0, `${describeValue(row[0])} is not a section of the price table; use ${sections.join(', ')}`);
      const items = entities.filter((e) => e.section === section).map((e) => e.item);
      const item = items.find((i) => norm(i) === norm(row[1]));
      if (!item) throw at(index, 1, `${describeValue(row[1])} is not an item of ${section}; use ${items.join(', ')}`);
      const fields = specs.filter((s) => s.entity.section === section && s.entity.item === item).map((s) => s.spec.field);
      throw at(index, 2, `${describeValue(row[2])} is not a field of ${section} ${item}; use ${fields.join(', ')}`);
    }
    const { entity, spec } = found;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw at(index, 2, `this row repeats row ${earlier + 1} (${entity.section}, ${entity.item}, ${spec.field}); keep one row per price`);
    }
    seen.set(key, index);
    const read = <T>(c: number, reader: (cell: unknown) => T): T => {
      try {
        return reader(row[c]);
      } catch (error) {
        if (error instanceof CellProblem) throw at(index, c, error.message);
        throw error;
      }
    };
    const value = read(3, (cell) => readValue(cell, spec.kind));
    const sourced: Sourced = { confidence: read(5, readConfidence), source: read(6, readSource), asOf: read(7, readIsoDate) };
    const entityRead = reads.get(entity) as EntityRead;
    entityRead.values[spec.key] = value;
    entityRead.sourced.push(sourced);
  }

  const missing = specs.filter((s) => !seen.has(s.key));
  if (missing.length > 0) {
    const { entity, spec } = missing[0] as RowSpec;
    throw new InputError(
      `the row ${entity.section}, ${entity.item}, ${spec.field} is missing${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''}; every row of the price table is needed (use "Edit prices" for a complete table)`,
    );
  }
  return assemble(reads);
}

/** The book of what every entity's rows gave, entities in table order. */
function assemble(reads: Map<EntitySpec, EntityRead>): PriceBook {
  const lists: Record<ListName, BookRow[]> = {
    plans: [],
    packs: [],
    clipCredits26: [],
    secondCredits30: [],
    images: [],
    apiClip26: [],
    apiSecond30: [],
  };
  for (const [entity, { values, sourced }] of reads) {
    // The free plan's monthly credits follow from its credits per day.
    const derived = values.dailyCredits === undefined ? {} : { monthlyCredits: values.dailyCredits * DAYS_PER_MONTH };
    lists[entity.list].push({ ...entity.template, ...values, ...derived, ...mergeSourced(sourced) } as BookRow);
  }
  const all = Object.values(lists).flat();
  return { asOf: newest(all.map((row) => row.asOf)), ...lists, images: lists.images[0] } as unknown as PriceBook;
}
