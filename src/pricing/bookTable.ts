import { DEFAULT_PRICE_BOOK } from './defaultBook';
import { describeValue, InputError } from './errors';
import { isBlank, toNumber } from './parse';
import type {
  ApiClipPrice,
  ApiSecondPrice,
  ClipCredits,
  Confidence,
  ImageCredits,
  Mode,
  Plan,
  PriceBook,
  SecondCredits,
  Sourced,
  TopUpPack,
} from './types';

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

/** How a value must look. */
type Kind =
  | 'price' // USD charged in cents: above 0, at most 2 decimals
  | 'freePrice' // the free plan's prices: 0 or more, at most 2 decimals
  | 'credits' // whole credits above 0
  | 'bonus' // whole credits, 0 or more
  | 'imageCredits' // above 0, at most 3 decimals
  | 'apiUsd'; // USD above 0, at most 6 decimals

const KIND_RULE: Readonly<Record<Kind, string>> = {
  price: 'a price in USD above 0 with at most 2 decimals',
  freePrice: 'a price in USD of 0 or more with at most 2 decimals',
  credits: 'a whole number of credits above 0',
  bonus: 'a whole number of credits, 0 or more',
  imageCredits: 'a number of credits above 0 with at most 3 decimals',
  apiUsd: 'a price in USD above 0 with at most 6 decimals',
};

/** Number formats a sheet writer can use for the Value column. */
export const KIND_FORMAT: Readonly<Record<Kind, string>> = {
  price: '$#,##0.00',
  freePrice: '$#,##0.00',
  credits: '#,##0',
  bonus: '#,##0',
  imageCredits: '0.0##',
  apiUsd: '$0.00####',
};

const MAX_CREDITS = 100_000_000;
const MAX_USD = 1_000_000;

const SECTION = {
  plan: 'Plan',
  pack: 'Top-up pack',
  clip26: 'App credits, Kling 2.6',
  second30: 'App credits, Kling 3.0',
  images: 'Images',
  api26: 'API, Kling 2.6',
  api30: 'API, Kling 3.0',
} as const;

interface Draft {
  plans: Map<string, Partial<Record<keyof Plan, number>>>;
  packs: Map<number, Partial<Record<'price' | 'credits' | 'bonus', number>>>;
  values: Map<string, number>;
}

/** One row of the table: where it sits, what it means, how to read it from and into a book. */
interface RowSpec {
  readonly section: string;
  readonly item: string;
  readonly field: string;
  readonly unit: string;
  readonly kind: Kind;
  /** Rows of one entity (a plan, a pack, a clip price) share its source, date and confidence. */
  readonly entity: string;
  get(book: PriceBook): { value: number; sourced: Sourced };
  set(draft: Draft, value: number): void;
}

function clipItem(mode: Mode, audio: boolean, secs?: number): string {
  return `${mode}${secs === undefined ? '' : ` ${secs} s`}${audio ? ' with audio' : ''}`;
}

function must<T>(found: T | undefined, what: string): T {
  if (found === undefined) throw new InputError(`the price book has no ${what}`);
  return found;
}

const PLAN_FIELDS: readonly { field: string; key: 'firstMonth' | 'renewal' | 'list' | 'yearly'; unit: string }[] = [
  { field: 'first month', key: 'firstMonth', unit: 'USD, first month' },
  { field: 'monthly renewal', key: 'renewal', unit: 'USD per month' },
  { field: 'list monthly', key: 'list', unit: 'USD per month' },
  { field: 'yearly', key: 'yearly', unit: 'USD, paid once for 12 months' },
];

const PACK_FIELDS: readonly { field: string; key: 'price' | 'credits' | 'bonus'; unit: string; kind: Kind }[] = [
  { field: 'price', key: 'price', unit: 'USD, one-time', kind: 'price' },
  { field: 'credits', key: 'credits', unit: 'credits', kind: 'credits' },
  { field: 'bonus credits', key: 'bonus', unit: 'credits', kind: 'bonus' },
];

/** The rows of a book with the layout of the default book and `packCount` packs. */
function rowSpecs(packCount: number): RowSpec[] {
  const specs: RowSpec[] = [];
  const layout = DEFAULT_PRICE_BOOK;

  for (const template of layout.plans) {
    const id = template.id;
    const free = template.dailyCredits !== null;
    const plan = (book: PriceBook) =>
      must(
        book.plans.find((p) => p.id === id),
        `plan ${id}`,
      );
    const entity = `plan:${id}`;
    specs.push({
      section: SECTION.plan,
      item: template.name,
      field: free ? 'credits per day' : 'credits per month',
      unit: free ? 'credits per day, not carried over' : 'credits per month',
      kind: 'credits',
      entity,
      get: (book) => ({ value: (free ? plan(book).dailyCredits : plan(book).monthlyCredits) as number, sourced: plan(book) }),
      set: (draft, value) => {
        const p = draft.plans.get(id) ?? {};
        if (free) p.dailyCredits = value;
        else p.monthlyCredits = value;
        draft.plans.set(id, p);
      },
    });
    for (const { field, key, unit } of PLAN_FIELDS) {
      specs.push({
        section: SECTION.plan,
        item: template.name,
        field,
        unit,
        kind: free ? 'freePrice' : 'price',
        entity,
        get: (book) => ({ value: plan(book)[key], sourced: plan(book) }),
        set: (draft, value) => {
          const p = draft.plans.get(id) ?? {};
          p[key] = value;
          draft.plans.set(id, p);
        },
      });
    }
  }

  for (let n = 1; n <= packCount; n++) {
    const pack = (book: PriceBook) => must(book.packs[n - 1], `pack ${n}`);
    for (const { field, key, unit, kind } of PACK_FIELDS) {
      specs.push({
        section: SECTION.pack,
        item: `Pack ${n}`,
        field,
        unit,
        kind,
        entity: `pack:${n}`,
        get: (book) => ({ value: pack(book)[key], sourced: pack(book) }),
        set: (draft, value) => {
          const p = draft.packs.get(n) ?? {};
          p[key] = value;
          draft.packs.set(n, p);
        },
      });
    }
  }

  const valueRow = <R extends Sourced>(
    section: string,
    item: string,
    field: string,
    unit: string,
    kind: Kind,
    rows: (book: PriceBook) => readonly R[],
    match: (row: R) => boolean,
    value: (row: R) => number,
  ): RowSpec => {
    const entity = `${section}|${item}`;
    const find = (book: PriceBook) => must(rows(book).find(match), `${section} ${item}`);
    return {
      section,
      item,
      field,
      unit,
      kind,
      entity,
      get: (book) => ({ value: value(find(book)), sourced: find(book) }),
      set: (draft, v) => void draft.values.set(entity, v),
    };
  };

  for (const t of layout.clipCredits26) {
    specs.push(
      valueRow<ClipCredits>(
        SECTION.clip26,
        clipItem(t.mode, t.audio, t.secs),
        'credits per clip',
        'credits',
        'credits',
        (b) => b.clipCredits26,
        (r) => r.mode === t.mode && r.audio === t.audio && r.secs === t.secs,
        (r) => r.credits,
      ),
    );
  }
  for (const t of layout.secondCredits30) {
    specs.push(
      valueRow<SecondCredits>(
        SECTION.second30,
        clipItem(t.mode, t.audio),
        'credits per second',
        'credits per second of video',
        'credits',
        (b) => b.secondCredits30,
        (r) => r.mode === t.mode && r.audio === t.audio,
        (r) => r.creditsPerSecond,
      ),
    );
  }
  specs.push(
    valueRow<ImageCredits>(
      SECTION.images,
      'image',
      'credits per image',
      'credits',
      'imageCredits',
      (b) => [b.images],
      () => true,
      (r) => r.creditsPerImage,
    ),
  );
  for (const t of layout.apiClip26) {
    specs.push(
      valueRow<ApiClipPrice>(
        SECTION.api26,
        clipItem(t.mode, t.audio, t.secs),
        'USD per clip',
        'USD per generation',
        'apiUsd',
        (b) => b.apiClip26,
        (r) => r.mode === t.mode && r.audio === t.audio && r.secs === t.secs,
        (r) => r.usd,
      ),
    );
  }
  for (const t of layout.apiSecond30) {
    specs.push(
      valueRow<ApiSecondPrice>(
        SECTION.api30,
        clipItem(t.mode, t.audio),
        'USD per second',
        'USD per second of video',
        'apiUsd',
        (b) => b.apiSecond30,
        (r) => r.mode === t.mode && r.audio === t.audio,
        (r) => r.usdPerSecond,
      ),
    );
  }
  return specs;
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
  for (const spec of rowSpecs(book.packs.length)) {
    const { value, sourced } = spec.get(book);
    rows.push([spec.section, spec.item, spec.field, value, spec.unit, sourced.confidence, sourced.source, sourced.asOf]);
  }
  return rows;
}

/** The number format of each row of bookToRows(book) after the header, for the Value column. */
export function bookRowFormats(book: PriceBook): string[] {
  return rowSpecs(book.packs.length).map((spec) => KIND_FORMAT[spec.kind]);
}

function columnLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

class CellProblem extends Error {}

function decimalsAtMost(value: number, decimals: number): boolean {
  const scaled = value * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) <= 1e-7 * Math.max(1, Math.abs(scaled));
}

function readValue(cell: unknown, kind: Kind): number {
  const value = typeof cell === 'number' || typeof cell === 'string' ? toNumber(cell) : undefined;
  const bad = (problem: string) => new CellProblem(`${describeValue(cell)} ${problem}; use ${KIND_RULE[kind]}`);
  if (isBlank(cell)) throw new CellProblem(`the value is missing; use ${KIND_RULE[kind]}`);
  if (value === undefined) throw bad('is not a number');
  if (!Number.isFinite(value)) throw bad('is not a finite number');
  const whole = kind === 'credits' || kind === 'bonus';
  const usd = kind === 'price' || kind === 'freePrice' || kind === 'apiUsd';
  const zeroAllowed = kind === 'bonus' || kind === 'freePrice';
  if (value < 0 || (value === 0 && !zeroAllowed)) throw bad(zeroAllowed ? 'is negative' : 'is not above 0');
  if (value > (usd ? MAX_USD : MAX_CREDITS)) throw bad('is too large');
  if (whole && !Number.isInteger(value)) throw bad('is not a whole number');
  if ((kind === 'price' || kind === 'freePrice') && !decimalsAtMost(value, 2)) throw bad('has more than 2 decimals');
  if (kind === 'imageCredits' && !decimalsAtMost(value, 3)) throw bad('has more than 3 decimals');
  if (kind === 'apiUsd' && !decimalsAtMost(value, 6)) throw bad('has more than 6 decimals');
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

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * An ISO date from text (YYYY-MM-DD) or a date cell. Sheets hands a date cell over as the
 * instant of its midnight in the spreadsheet's time zone; the calendar day of that instant
 * plus 12 hours, read in UTC, is that date for any time zone from UTC-11 to UTC+12 (the
 * writers keep the column as text, so date cells only come from a user changing its format).
 */
export function readIsoDate(cell: unknown): string {
  const problem = `${describeValue(cell)} is not a date; use a date such as 2026-08-12 (YYYY-MM-DD)`;
  if (isDate(cell)) {
    const time = cell.getTime();
    if (Number.isNaN(time)) throw new CellProblem(problem);
    return new Date(time + 12 * 3600 * 1000).toISOString().slice(0, 10);
  }
  if (isBlank(cell)) throw new CellProblem('the date is missing; use a date such as 2026-08-12 (YYYY-MM-DD)');
  const match = typeof cell === 'string' ? ISO_DATE.exec(cell.trim()) : null;
  if (!match) throw new CellProblem(problem);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) throw new CellProblem(problem);
  return `${match[1]}-${match[2]}-${match[3]}`;
}

const WEAKEST_FIRST: readonly Confidence[] = ['estimate', 'guide', 'official'];

/** One entity's provenance from its rows: the newest date, every source, the weakest confidence. */
function mergeSourced(parts: readonly Sourced[]): Sourced {
  const sources = [...new Set(parts.map((p) => p.source))];
  const asOf = parts
    .map((p) => p.asOf)
    .sort()
    .pop() as string;
  const confidence = WEAKEST_FIRST.find((c) => parts.some((p) => p.confidence === c)) as Confidence;
  return { source: sources.join('; '), asOf, confidence };
}

const PACK_ITEM = /^pack (\d+)$/;

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

function readBook(cells: readonly (readonly unknown[])[]): PriceBook {
  const width = Math.min(...cells.map((row) => row.length));
  if (cells.length === 0 || width < PRICE_TABLE_COLUMNS) {
    throw new InputError(
      `the price table needs ${PRICE_TABLE_COLUMNS} columns (A to H: ${PRICE_TABLE_HEADER.join(', ')}); this range has ${cells.length === 0 ? 'no cells' : `${width}`}`,
    );
  }
  const at = (r: number, c: number, problem: string) =>
    new InputError(`row ${r + 1}, column ${columnLetter(c)} (${PRICE_TABLE_HEADER[c]}): ${problem}`);

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
        `expected the header "${name}", found ${describeValue(header.row[c])}; the table starts with the header row ${PRICE_TABLE_HEADER.join(', ')}`,
      );
    }
  });
  const data = filled.slice(1);

  // Packs: as many as the default book, or more when rows for "Pack 9", ... were added.
  let packCount = DEFAULT_PRICE_BOOK.packs.length;
  for (const { row } of data) {
    const match = norm(row[0]) === norm(SECTION.pack) ? PACK_ITEM.exec(norm(row[1])) : null;
    if (match && Number(match[1]) > packCount && Number(match[1]) <= 50) packCount = Number(match[1]);
  }
  const specs = rowSpecs(packCount);
  const byKey = new Map(specs.map((s) => [keyOf(s.section, s.item, s.field), s]));
  const seen = new Map<string, number>();
  const draft: Draft = { plans: new Map(), packs: new Map(), values: new Map() };
  const provenance = new Map<string, Sourced[]>();

  for (const { row, index } of data) {
    const key = keyOf(row[0], row[1], row[2]);
    const spec = byKey.get(key);
    if (!spec) {
      const sections = [...new Set(specs.map((s) => s.section))];
      const section = sections.find((s) => norm(s) === norm(row[0]));
      if (!section) throw at(index, 0, `${describeValue(row[0])} is not a section of the price table; use ${sections.join(', ')}`);
      const items = [...new Set(specs.filter((s) => s.section === section).map((s) => s.item))];
      const item = items.find((i) => norm(i) === norm(row[1]));
      if (!item) throw at(index, 1, `${describeValue(row[1])} is not an item of ${section}; use ${items.join(', ')}`);
      const fields = specs.filter((s) => s.section === section && s.item === item).map((s) => s.field);
      throw at(index, 2, `${describeValue(row[2])} is not a field of ${section} ${item}; use ${fields.join(', ')}`);
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw at(index, 2, `this row repeats row ${earlier + 1} (${spec.section}, ${spec.item}, ${spec.field}); keep one row per price`);
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
    spec.set(draft, value);
    provenance.set(spec.entity, [...(provenance.get(spec.entity) ?? []), sourced]);
  }

  const missing = specs.filter((s) => !seen.has(keyOf(s.section, s.item, s.field)));
  if (missing.length > 0) {
    const first = missing[0] as RowSpec;
    throw new InputError(
      `the row ${first.section}, ${first.item}, ${first.field} is missing${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''}; every row of the price table is needed (use "Edit prices" for a complete table)`,
    );
  }
  return assemble(draft, provenance, packCount);
}

function assemble(draft: Draft, provenance: Map<string, Sourced[]>, packCount: number): PriceBook {
  const sourcedOf = (entity: string) => mergeSourced(provenance.get(entity) as Sourced[]);
  const plans: Plan[] = DEFAULT_PRICE_BOOK.plans.map((template) => {
    const p = draft.plans.get(template.id) as Record<string, number>;
    const free = template.dailyCredits !== null;
    return {
      id: template.id,
      name: template.name,
      monthlyCredits: free ? (p.dailyCredits as number) * 30 : (p.monthlyCredits as number),
      dailyCredits: free ? (p.dailyCredits as number) : null,
      firstMonth: p.firstMonth as number,
      renewal: p.renewal as number,
      list: p.list as number,
      yearly: p.yearly as number,
      ...sourcedOf(`plan:${template.id}`),
    };
  });
  const packs: TopUpPack[] = [];
  for (let n = 1; n <= packCount; n++) {
    const p = draft.packs.get(n) as Record<string, number>;
    packs.push({ price: p.price as number, credits: p.credits as number, bonus: p.bonus as number, ...sourcedOf(`pack:${n}`) });
  }
  const value = (section: string, item: string) => draft.values.get(`${section}|${item}`) as number;
  const sourced = (section: string, item: string) => sourcedOf(`${section}|${item}`);
  const layout = DEFAULT_PRICE_BOOK;
  const clipCredits26 = layout.clipCredits26.map((t) => {
    const item = clipItem(t.mode, t.audio, t.secs);
    return { mode: t.mode, audio: t.audio, secs: t.secs, credits: value(SECTION.clip26, item), ...sourced(SECTION.clip26, item) };
  });
  const secondCredits30 = layout.secondCredits30.map((t) => {
    const item = clipItem(t.mode, t.audio);
    return { mode: t.mode, audio: t.audio, creditsPerSecond: value(SECTION.second30, item), ...sourced(SECTION.second30, item) };
  });
  const images = { creditsPerImage: value(SECTION.images, 'image'), ...sourced(SECTION.images, 'image') };
  const apiClip26 = layout.apiClip26.map((t) => {
    const item = clipItem(t.mode, t.audio, t.secs);
    return { mode: t.mode, audio: t.audio, secs: t.secs, usd: value(SECTION.api26, item), ...sourced(SECTION.api26, item) };
  });
  const apiSecond30 = layout.apiSecond30.map((t) => {
    const item = clipItem(t.mode, t.audio);
    return { mode: t.mode, audio: t.audio, usdPerSecond: value(SECTION.api30, item), ...sourced(SECTION.api30, item) };
  });
  const all: Sourced[] = [...plans, ...packs, ...clipCredits26, ...secondCredits30, images, ...apiClip26, ...apiSecond30];
  const asOf = all
    .map((s) => s.asOf)
    .sort()
    .pop() as string;
  return { asOf, plans, packs, clipCredits26, secondCredits30, images, apiClip26, apiSecond30 };
}
