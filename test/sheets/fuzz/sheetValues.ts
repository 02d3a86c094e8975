import type { PriceCell } from '../../../src/pricing';
import { bookToRows, DEFAULT_PRICE_BOOK } from '../../../src/pricing';

/**
 * Random arguments of the kinds Google Sheets can hand a custom function: numbers (including the
 * ones a formula can produce by accident), any text, booleans, empty cells, dates (valid or not)
 * and ranges of any shape, including broken ones. Seeded, so a failure can be replayed.
 */

/** A small, fast, seeded generator (mulberry32). */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

const ODD_NUMBERS = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  -0,
  0,
  1e-300,
  -1e-300,
  1e-9,
  Number.EPSILON,
  1 - Number.EPSILON,
  0.9999999999999999,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER,
  2 ** 31,
  -(2 ** 31),
  2 ** 32,
  1e21,
  26_000_000,
  26_000_001,
  25_999_999.5,
  1_000_000,
  1_000_001,
  46_000, // a date serial
];

/** Numbers that mean something to the add-on, so calls get past the first argument. */
const MEANINGFUL_NUMBERS = [
  5, 10, 3, 4, 15, 16, 2, 2.6, 3.0, 0, 1, 0.2, 0.5, 0.99, 1, 66, 67, 100, 200, 660, 700, 2000, 3000, 26_000, 26_001, -1, -5, 4.5, 5.0000001,
];

const MEANINGFUL_TEXT = [
  'standard',
  'std',
  '720p',
  'professional',
  'pro',
  '1080p',
  '4k',
  '4K',
  ' Pro ',
  'PROFESSIONAL',
  'free',
  'basic',
  'premier',
  'ultra',
  'monthly',
  'intro',
  'first month',
  'first_month',
  'annual',
  'yearly',
  'list',
  '2.6',
  '3',
  '3.0',
  'TRUE',
  'FALSE',
  'true',
  'yes',
  'no',
  '1',
  '0',
  'credits',
  'price',
  'cost_per_credit',
  'cost_per_100',
  'year',
  '5',
  '10',
  ' 10 ',
  '20%',
  '0.2',
  '100%',
  '99.9%',
  '-5%',
  '1,000',
  '26,000,000',
  '1e3',
  '.5',
  '5.',
];

const ODD_TEXT = [
  '=1+1',
  '=KLING_COST("pro",10)',
  '#N/A',
  '#REF!',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'NaN',
  'Infinity',
  '-Infinity',
  'undefined',
  'null',
  '[object Object]',
  '1e309',
  '-1e309',
  '0x10',
  '1_000',
  '1,00',
  '1,000.5.5',
  '++5',
  '5e',
  'e5',
  '.',
  '-',
  '+',
  '%',
  '%%',
  '5%%',
  ' ',
  '\t',
  '\n\n',
  '\u00a0',
  '\u200b',
  '\u202e10',
  '\u0000',
  '\u001f\u007f',
  '１０',
  '٥',
  'ｐｒｏ',
  'Ⅴ',
  '💥',
  '🎬 pro',
  'Ünïcödé',
  'İ',
  'ß',
  '"quoted"',
  "'",
  '\\',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder typed into a cell, on purpose
  '${x}',
  '{{mode}}',
  'standard professional',
  'pro,pro',
  'pro\u0000',
  '10 s',
  '5s',
  'ten',
];

function randomText(rng: Random): string {
  const length = rng.int(1, rng.chance(0.8) ? 24 : 80);
  let text = '';
  for (let i = 0; i < length; i++) {
    const kind = rng.int(0, 5);
    if (kind <= 2) text += String.fromCharCode(rng.int(32, 126));
    else if (kind === 3) text += String.fromCharCode(rng.int(0, 31));
    else if (kind === 4) text += String.fromCharCode(rng.int(0x80, 0xd7ff));
    else text += String.fromCodePoint(rng.int(0x1f300, 0x1faff));
  }
  return text;
}

/** The price table as "Edit prices" writes it, and with a model a user added (Kling 4.0, 3 to 20 s). */
const DEFAULT_TABLE: readonly (readonly PriceCell[])[] = bookToRows(DEFAULT_PRICE_BOOK);
const userRow = (item: string, field: string, value: number): PriceCell[] => [
  'App credits, Kling 4.0',
  item,
  field,
  value,
  '',
  'estimate',
  'fuzz',
  '2026-10-20',
];
const USER_MODEL_TABLE: readonly (readonly PriceCell[])[] = [
  ...DEFAULT_TABLE,
  userRow('standard', 'credits per second', 10),
  userRow('professional with audio', 'credits per second', 20),
  userRow('professional with voice control', 'credits per second', 23.5),
  userRow('shortest clip', 'seconds', 3),
  userRow('longest clip', 'seconds', 20),
];
/** Tables whose rows are broken: a word for a price, a missing row, a per-second model without its lengths. */
const BROKEN_TABLES: readonly (readonly (readonly PriceCell[])[])[] = [
  DEFAULT_TABLE.map((r, i) => (i === 9 ? [...r.slice(0, 3), 'call sales', ...r.slice(4)] : r)),
  DEFAULT_TABLE.filter((_, i) => i !== 12),
  USER_MODEL_TABLE.slice(0, -1),
];

/**
 * Values each parameter of the spec accepts, by parameter name, so typed calls get past the
 * input checks and reach the pricing. A parameter with another name (a function added later)
 * gets the plausible values of any parameter.
 */
const VALID_BY_PARAM: Readonly<Record<string, readonly unknown[]>> = {
  mode: ['standard', 'std', '720p', 'professional', 'pro', '1080p', '4k', ' PRO ', 'Standard'],
  // 5 and 10 s are made by every model of the books the fuzz passes; the others by some.
  secs: [5, 10, '5', ' 10 ', 5, 10, 10, 3, 4, 7, 12, 15, '15', 5.0, 20, 6],
  audio: [true, false, '', 'yes', 'no', 1, 0, 'TRUE', 'false', 'voice', ' Voice control '],
  model: ['', '', 2.6, '2.6', 3, '3', '3.0', 'Kling 3.0', '3.0', '3.0 Turbo', 'Kling 3.0 Omni', '2.5 Turbo', '4.0', 4, 'O1', '4.0 Flash'],
  provider: ['', '', 'Kling', ' kling ', 'fal', 'FAL', 'Replicate', 'PiAPI', ' piapi ', 'Krea', 'fal, Replicate'],
  plan: ['free', 'basic', 'easy', 'standard', 'pro', 'professional', 'premier', 'ultra', 'Ultra '],
  billing: ['', 'monthly', 'monthly renewal', 'intro', 'first month', 'first_month', 'first-month', 'annual', 'yearly', 'annually', 'list'],
  retake_rate: ['', 0, 0.1, 0.2, '20%', 0.5, 0.9, 0.99, 1 / 6, '0%', 0.999999],
  field: ['', 'credits', 'price', 'cost_per_credit', 'cost per 100', 'cost_per_100', 'year'],
  credits_per_month: [
    0,
    1,
    66,
    330,
    660,
    700,
    2000,
    3000,
    3001,
    26_000,
    26_001,
    100_000,
    1_234_567,
    26_000_000,
    '1,000',
    0.5,
    25_999_999.5,
  ],
  allow_topups: ['', true, false, 'yes', 'no', 1, 0],

  modes: ['standard', 'professional', 'pro', 'std', 'standard', 'std'],
  audios: [true, false, '', 'yes', false],
  counts: [0, 1, 2, 10, 100, 1000, '3', 4],
  credits_by_month: [0, 1, 330, 700, 700, 3100, 8001, 26_000, 26_001, 250_000, 26_000_000, '', '1,000', 0.5],
  topup_balance: ['', 0, 100, 1000, 0.5, '250', 1_000_000],
  api_usd_by_month: [0, 2.8, 10, 10.5, '', 100, 1_000, 99_999.99],
  dates: ['2026-11-03', '2026-11-03 14:22', ' 2026-12-31 ', '2027-01-15', '', '2026-02-30'],
  outcomes: ['kept', 'discarded', 'failed', 'used', 'retake', 'refunded', true, false, ''],
  models: ['', 2.6, '2.6', '3.0', 'Kling 3.0', '3.0', '4.0', '3.0 Turbo', '4.0 Flash'],
  // KLING_CHANNELS (channels.md).
  videos_by_month: [0, 1, 2, 4, 10, 200, '', '', '3', 1_000_000],
  test_takes: ['', 0, 1, 2, 100],
  images_by_month: ['', 0, 10, 1000, 10_000_000],
  credits_per_image: ['', 0.2, 1, 0.001, 1_000_000],
  image_retake_rate: ['', 0, 0.2, '35%', 0.999999],
  detail: ['', '', 'months', ' Months '],
};

/** The arguments of KLING_CHANNELS that are one column of the shot list, one cell per shot row. */
const SHOT_COLUMNS = new Set(['models', 'modes', 'secs', 'audios', 'test_takes', 'retake_rate']);

/** The price tables a typed `prices` argument takes, made once per bundle realm. */
export interface PriceTables {
  readonly standard: unknown;
  readonly userModel: unknown;
  readonly broken: readonly unknown[];
}

/**
 * The tables in the realm of `json`'s parser: Apps Script hands a range to the script as arrays
 * of its own realm, and reading a range of another realm cell by cell is far slower in node:vm.
 */
export function priceTables(parse: (json: string) => unknown = JSON.parse): PriceTables {
  return {
    standard: parse(JSON.stringify(DEFAULT_TABLE)),
    userModel: parse(JSON.stringify(USER_MODEL_TABLE)),
    broken: BROKEN_TABLES.map((t) => parse(JSON.stringify(t))),
  };
}

/** Makes the values of one Sheets cell. Dates are made with the bundle's own Date, as Apps Script would. */
export class SheetValues {
  constructor(
    private readonly rng: Random,
    private readonly VmDate: DateConstructor,
    private readonly tables: PriceTables = priceTables(),
  ) {}

  number(): number {
    const rng = this.rng;
    const kind = rng.int(0, 5);
    if (kind === 0) return rng.pick(ODD_NUMBERS);
    if (kind <= 2) return rng.pick(MEANINGFUL_NUMBERS);
    if (kind === 3) return rng.int(-1000, 100_000);
    if (kind === 4) return (rng.next() - 0.5) * 10 ** rng.int(-12, 30);
    return -rng.next() * 10 ** rng.int(0, 10);
  }

  text(): string {
    const rng = this.rng;
    const kind = rng.int(0, 9);
    if (kind <= 3) return rng.pick(MEANINGFUL_TEXT);
    if (kind <= 6) return rng.pick(ODD_TEXT);
    if (kind === 7) return randomText(rng);
    if (kind === 8) return rng.pick([' ', '\t', '']).repeat(rng.int(0, 3)) + rng.pick(MEANINGFUL_TEXT) + rng.pick(['', ' ', '\n']);
    // Very long text: a whole pasted document in one cell (Sheets allows 50,000 characters).
    const lead = rng.pick(['', 'a', 'pro ', '1']);
    return lead + rng.pick(['pro', 'x', '9', '€', '🎬', 'a🎬']).repeat(rng.chance(0.5) ? rng.int(10, 40) : rng.int(1_000, 20_000));
  }

  date(): Date {
    const rng = this.rng;
    const VmDate = this.VmDate;
    return rng.pick([
      () => new VmDate(2026, rng.int(0, 11), rng.int(1, 28)),
      () => new VmDate(Number.NaN),
      () => new VmDate('not a date'),
      () => new VmDate(8.64e15),
      () => new VmDate(-8.64e15),
      () => new VmDate(0),
      () => new VmDate(1899, 11, 30),
    ])();
  }

  /** One cell: any kind of value a cell holds. */
  cell(): unknown {
    const rng = this.rng;
    const kind = rng.int(0, 19);
    if (kind <= 5) return this.text();
    if (kind <= 10) return this.number();
    if (kind <= 12) return rng.chance(0.5);
    if (kind <= 15) return '';
    if (kind === 16) return this.date();
    if (kind === 17) return null;
    if (kind === 18) return undefined;
    return rng.pick(['TRUE', 'FALSE', true, false, 0, 1]);
  }

  /** A cell the add-on may well accept: a meaningful number or word, a boolean or a blank. */
  plausibleCell(): unknown {
    const rng = this.rng;
    const kind = rng.int(0, 9);
    if (kind <= 3) return rng.pick(MEANINGFUL_TEXT);
    if (kind <= 6) return rng.pick(MEANINGFUL_NUMBERS);
    if (kind <= 8) return rng.pick([true, false, '']);
    return this.cell();
  }

  /** A rectangular range of `rows` x `cols` cells. */
  grid(rows: number, cols: number, fill: () => unknown = () => this.cell()): unknown[][] {
    return Array.from({ length: rows }, () => Array.from({ length: cols }, fill));
  }

  /** A range whose shape is broken or unusual: empty, ragged, nested, flat, or large. */
  oddRange(): unknown {
    const rng = this.rng;
    switch (rng.int(0, 9)) {
      case 0:
        return [];
      case 1:
        return [[]];
      case 2:
        return [[this.cell()], [this.cell(), this.cell()]];
      case 3:
        return [[this.cell(), this.cell()], []];
      case 4:
        return [[[this.cell()]]];
      case 5:
        return [this.cell(), this.cell()];
      case 6:
        return [[this.cell(), [this.cell(), this.cell()]]];
      case 7:
        return [[this.cell()], this.cell()];
      case 8:
        // A large whole-column range, mostly empty as A2:A is.
        return this.grid(rng.int(500, 3_000), 1, () => (rng.chance(0.9) ? '' : this.cell()));
      default:
        return [[[[[]]]]];
    }
  }

  /**
   * A value for the parameter `name`: most often one it accepts, sometimes a range of them in
   * `shape`, now and then an odd cell, so that mostly valid calls still meet odd values.
   */
  typedArgument(name: string, shape: readonly [number, number], single = false, shotList = false): unknown {
    const rng = this.rng;
    if (name === 'prices' || name === 'locked_prices') {
      // The price table, as one range: the default, with a user's model, broken, or left out.
      // (Calls that are not typed pass any odd value here.) A locked copy is given more often.
      const kind = rng.int(0, 9);
      if (kind <= 1 || (name === 'locked_prices' && kind <= 5)) return this.tables.standard;
      if (kind <= 3 || (name === 'locked_prices' && kind <= 7)) return this.tables.userModel;
      if (kind <= 4 || (name === 'locked_prices' && kind === 8)) return rng.pick(this.tables.broken);
      return '';
    }
    if (name === 'dates' && rng.chance(0.3)) return this.grid(shape[0], shape[1], () => this.date());
    const valid = VALID_BY_PARAM[name];
    const cell = () => (valid && rng.chance(0.92) ? rng.pick(valid) : rng.chance(0.5) ? this.plausibleCell() : this.cell());
    if (shotList) {
      // KLING_CHANNELS: its shot columns are one column of the shot rows; the months a block of those rows.
      if (name === 'videos_by_month') {
        if (rng.chance(0.05)) return this.grid(rng.int(1, 4), rng.int(1, 30), cell);
        return this.grid(shape[0], rng.chance(0.9) ? rng.int(1, 24) : rng.int(25, 30), cell);
      }
      if (name === 'images_by_month') {
        if (rng.chance(0.5)) return cell();
        return rng.chance(0.8) ? this.grid(1, rng.int(1, 24), cell) : this.grid(rng.int(1, 24), 1, cell);
      }
      if (SHOT_COLUMNS.has(name) && !rng.chance(0.3))
        return rng.chance(0.95) ? this.grid(shape[0], 1, cell) : this.grid(shape[0] + 1, 1, cell);
    }
    const kind = rng.int(0, 9);
    // A table function's single-value argument is a range now and then, not 3 times in 10.
    if (kind <= 5 || (single && kind <= 8)) return cell();
    if (kind === 6) return [[cell()]];
    return this.grid(shape[0], shape[1], cell);
  }

  /**
   * One argument: a single value, a 1x1 range, a range of `shape` (shared by the call's other
   * range arguments, so ranges broadcast), another small range, or a broken range. Plausible
   * arguments are mostly values the add-on accepts, so calls reach the pricing and not only
   * the input checks.
   */
  argument(shape: readonly [number, number], plausible: boolean): unknown {
    const rng = this.rng;
    const cell = plausible ? () => this.plausibleCell() : () => this.cell();
    const kind = rng.int(0, 19);
    if (kind <= 9) return cell();
    if (kind <= 11) return [[cell()]];
    if (kind <= 16) return this.grid(shape[0], shape[1], cell);
    if (kind === 17) return this.grid(rng.int(1, 4), rng.int(1, 3));
    return this.oddRange();
  }
}
