/**
 * "Models are data" through dist/Code.js, as a sheet calls it: rows of `App credits, Kling 4.0`
 * added to the edited price table, passed as the whole columns 'Kling prices'!A:H, make the model
 * work at once in every function. Malformed rows are refused with their row and column.
 */
import { describe, expect, it } from 'vitest';
import { bookToRows, DEFAULT_PRICE_BOOK } from '../../src/pricing';
import { column, sheets } from './sheets';

const s = sheets();

type Row = unknown[];
const row = (section: string, item: string, field: string, value: unknown, confidence = 'estimate'): Row => [
  section,
  item,
  field,
  value,
  '',
  confidence,
  'charged on our account, October 2026',
  '2026-10-20',
];

const APP_40 = 'App credits, Kling 4.0';
/** Kling 4.0 per second, 3 to 20 s: standard 10/s, with audio 15/s; professional 14/s, with audio 20/s, with voice control 23/s. */
const KLING_40: Row[] = [
  row(APP_40, 'standard', 'credits per second', 10),
  row(APP_40, 'standard with audio', 'credits per second', 15),
  row(APP_40, 'professional', 'credits per second', 14),
  row(APP_40, 'professional with audio', 'credits per second', 20),
  row(APP_40, 'professional with voice control', 'credits per second', 23),
  row(APP_40, 'shortest clip', 'seconds', 3),
  row(APP_40, 'longest clip', 'seconds', 20),
];
/** Kling 5 per clip: 6 s or 12 s, professional only, with or without audio. */
const KLING_5: Row[] = [
  row('App credits, Kling 5', 'professional 6 s', 'credits per clip', 90),
  row('App credits, Kling 5', 'professional 12 s', 'credits per clip', 180),
  row('App credits, Kling 5', 'professional 6 s with audio', 'credits per clip', 120.5),
  row('App credits, Kling 5', 'professional 12 s with audio', 'credits per clip', 241),
];

/** The table as 'Kling prices'!A:H hands it over: the rows, then blank rows down the whole column. */
function wholeColumns(rows: Row[], total = 2_000): unknown[][] {
  const blank = () => ['', '', '', '', '', '', '', ''];
  return [...rows, ...Array.from({ length: total - rows.length }, blank)];
}

const base = () => bookToRows(DEFAULT_PRICE_BOOK) as Row[];
const prices = wholeColumns([...base(), ...KLING_40, ...KLING_5]);
/** The 1-based row of a table row, as the message names it. */
const rowOf = (table: unknown[][], r: Row) => table.indexOf(r) + 1;

describe('a model added by rows of the edited table', () => {
  it('=KLING_CREDITS("pro", 20, TRUE, "4.0", \'Kling prices\'!A:H) works at once', () => {
    expect(s.call('KLING_CREDITS', 'pro', 20, true, '4.0', prices)).toBe(400);
  });

  it('is matched as 4.0, "4.0", "Kling 4.0", the number 4 and "4", any case and spacing', () => {
    for (const name of ['4.0', 'Kling 4.0', ' kling  4.0 ', 'KLING 4.0', 4, '4', 4.0, '4.00']) {
      expect(s.call('KLING_CREDITS', 'std', 5, false, name, prices), String(name)).toBe(50);
    }
    expect(s.call('KLING_CREDITS', 'pro', 12, true, 5, prices)).toBe(241);
    expect(s.call('KLING_CREDITS', 'pro', 6, true, 'Kling 5', prices)).toBe(120.5);
  });

  it('offers exactly what its rows price: every mode, length and audio option, per second', () => {
    for (let secs = 3; secs <= 20; secs++) {
      expect(s.call('KLING_CREDITS', 'std', secs, false, '4.0', prices)).toBe(10 * secs);
      expect(s.call('KLING_CREDITS', 'std', secs, true, '4.0', prices)).toBe(15 * secs);
      expect(s.call('KLING_CREDITS', 'pro', secs, false, '4.0', prices)).toBe(14 * secs);
      expect(s.call('KLING_CREDITS', 'pro', secs, true, '4.0', prices)).toBe(20 * secs);
      expect(s.call('KLING_CREDITS', 'pro', secs, 'voice', '4.0', prices)).toBe(23 * secs);
    }
    expect(s.error('KLING_CREDITS', 'std', 21, false, '4.0', prices).message).toBe(
      'secs 21 is not a clip length Kling 4.0 makes; use a whole number of seconds from 3 to 20',
    );
    expect(s.error('KLING_CREDITS', 'std', 2, false, '4.0', prices).message).toMatch(/^secs 2 is not a clip length Kling 4\.0 makes/);
    expect(s.error('KLING_CREDITS', 'std', 7.5, false, '4.0', prices).message).toMatch(/^secs 7\.5 is not a clip length Kling 4\.0 makes/);
    expect(s.error('KLING_CREDITS', '4k', 5, false, '4.0', prices).message).toBe(
      'mode "4k" is not offered by Kling 4.0; use standard or professional',
    );
    expect(s.error('KLING_CREDITS', 'std', 5, 'voice', '4.0', prices).message).toBe(
      'audio "voice": Kling 4.0 offers no standard clip with voice control; use audio FALSE or TRUE, or professional with voice control',
    );
  });

  it('a model priced per clip makes only its lengths, its modes and audio options', () => {
    expect(s.error('KLING_CREDITS', 'pro', 10, false, '5', prices).message).toBe('secs 10 is not a clip length Kling 5 makes; use 6 or 12');
    expect(s.error('KLING_CREDITS', 'std', 6, false, '5', prices).message).toBe(
      'mode "standard" is not offered by Kling 5; use professional',
    );
    expect(s.error('KLING_CREDITS', 'pro', 6, 'voice', '5', prices).message).toBe(
      'audio "voice": Kling 5 offers no professional clip with voice control; use audio FALSE or TRUE',
    );
  });

  it('KLING_COST and KLING_VIDEOS price it on every plan and billing', () => {
    // 20 s professional with audio: 400 credits.
    expect(s.call('KLING_COST', 'pro', 20, true, 'ultra', 'annual', 0.2, 'Kling 4.0', prices)).toBe(
      (400 * 142_999) / (1200 * 26_000 * 0.8),
    );
    expect(s.call('KLING_COST', 'pro', 20, true, 'standard', '', '', 4, prices)).toBe((400 * 10_560) / (1200 * 660));
    expect(s.error('KLING_COST', 'pro', 20, true, 'free', '', '', 4, prices).message).toMatch(/^the free plan has no 1080p/);
    expect(s.error('KLING_COST', 'std', 20, false, 'free', '', '', 4, prices).message).toMatch(
      /costs 200 credits, more than the 66 credits/,
    );
    expect(s.call('KLING_COST', 'std', 3, false, 'free', '', '', 4, prices)).toBe(0);
    expect(s.call('KLING_VIDEOS', 'premier', 'pro', 10, 'voice', 0.1, '4.0', prices)).toBe(Math.floor(Math.floor(8000 / 230) * 0.9));
    expect(s.call('KLING_VIDEOS', 'free', 'std', 6, false, '', '4.0', prices)).toBe(30);
    expect(s.call('KLING_VIDEOS', 'standard', 'pro', 6, true, '', '5', prices)).toBe(5);
  });

  it("has no API figure of Kling's own: KLING_API_COST names 4.0's resellers, and gives the text n/a for a model no one sells", () => {
    // The default book sells Kling 4.0 at fal and PiAPI: the user's app rows add to them.
    expect(s.error('KLING_API_COST', 'pro', 20, true, '4.0', '', prices).message).toBe(
      `Kling's API does not sell Kling 4.0; it is sold by fal and PiAPI: give the provider, e.g. KLING_API_COST("pro", 10, TRUE, "4.0", "fal")`,
    );
    expect(s.call('KLING_API_COST', 'pro', 20, true, '4.0', 'fal', prices)).toBe(4.7);
    // Kling 5 has app rows only.
    expect(s.call('KLING_API_COST', 'pro', 6, false, 'Kling 5', '', prices)).toBe('n/a');
    // Even for a clip the app would refuse: there is no API price to check it against.
    expect(s.call('KLING_API_COST', '4k', 99, 'voice', '5', '', prices)).toBe('n/a');
    expect(s.error('KLING_API_COST', 'pro', 6, false, 'Kling 5', 'fal', prices).message).toBe(
      'provider "fal" does not sell Kling 5; no provider of the price book sells Kling 5',
    );
    // The default models keep their API prices in the same table.
    expect(s.call('KLING_API_COST', 'pro', 10, 'voice', '2.6', '', prices)).toBe(1.68);
  });

  it('works in range calls, beside the default models, with blank rows blank', () => {
    const result = s.call(
      'KLING_CREDITS',
      column('pro', 'std', 'pro', '', 'pro'),
      column(20, 5, 10, '', 7),
      column(true, false, 'voice', false, true),
      column('4.0', '2.6', 'Kling 3.0', '4', 4),
      prices,
    );
    expect(result).toEqual([[400], [10], [140], [''], [140]]);
    const api = s.call('KLING_API_COST', column('pro', 'pro'), column(12, 10), column(true, true), column('5', '2.6'), '', prices);
    expect(api).toEqual([['n/a'], [1.4]]);
  });

  it('KLING_BUDGET takes it in a model range of the shot list; the API is n/a with the reason', () => {
    const table = s.call(
      'KLING_BUDGET',
      column('pro', 'std'),
      column(20, 5),
      column(true, false),
      column(3, 10),
      'monthly',
      0,
      column('4.0', '2.6'),
      prices,
    ) as unknown[][];
    const b = Object.fromEntries(table.map(([label, value]) => [label as string, value]));
    expect(b['Credits for delivered videos']).toBe(3 * 400 + 10 * 10);
    expect(b['Credits with retakes']).toBe(1300);
    expect(b['Best option (one month on its own)']).toBe('Standard + 660-credit pack');
    expect(b.Model).toBe('Kling 2.6, Kling 4.0');
    expect(b['Kling API, 12 months with prepaid packs (USD, estimate)']).toBe(
      'n/a: row 1 (Kling 4.0 professional 20 s with audio) is not sold there',
    );
    expect(b['Kling API packs assumed']).toBe('');
    // The user's rows are estimates: the app's label says so.
    expect(b['Cheapest channel over 12 months']).toBe('Kling app (monthly) (estimate)');
    const single = s.call('KLING_BUDGET', 'pro', 20, 'voice', 2, '', 0, 4, prices) as unknown[][];
    expect(single.find((r) => r[0] === 'Credits for delivered videos')?.[1]).toBe(920);
  });

  it('KLING_ACTUALS counts its credits from the same rows', () => {
    const result = s.call(
      'KLING_ACTUALS',
      column('2026-11-02', '2026-11-03', '2026-11-04'),
      column('pro', 'pro', 'std'),
      column(20, 12, 5),
      column('voice', true, false),
      column('kept', 'discarded', 'failed'),
      column('4.0', 'Kling 5', 4),
      prices,
    ) as unknown[][];
    expect(result[1]).toEqual(['2026-11', 3, 1, 1, 1, 460 + 241, 0.5, 701]);
  });

  it('is listed with the models of the book in force when a model is unknown; without the table it is unknown', () => {
    expect(s.error('KLING_CREDITS', 'std', 5, false, '4.1', prices).message).toBe(
      'model "4.1" is not a model of the price book in force; use 2.6, 3.0, 4.0 or 5 (the price book also has 3.0 Turbo, 3.0 Omni, 2.5 Turbo and O1, sold on Kling\'s API; 4.0 Flash, sold by resellers only)',
    );
    expect(s.error('KLING_CREDITS', 'std', 5, false, '5').message).toBe(
      'model "5" is not a model of the price book in force; use 2.6 or 3.0 (the price book also has 3.0 Turbo, 3.0 Omni, 2.5 Turbo and O1, sold on Kling\'s API; 4.0 and 4.0 Flash, sold by resellers only)',
    );
    // Without the table, 4.0 is the default book's: resellers only.
    expect(s.error('KLING_CREDITS', 'std', 5, true, '4.0').message).toMatch(
      /^Kling 4\.0 has no app credits in the price book; it is sold by fal and PiAPI/,
    );
  });

  it('an API-only model explains itself in KLING_CREDITS and prices in KLING_API_COST', () => {
    const apiOnly = wholeColumns([
      ...base(),
      row('API, Kling 4.0 Turbo', 'professional', 'USD per second', 0.2),
      row('API, Kling 4.0 Turbo', 'shortest clip', 'seconds', 5),
      row('API, Kling 4.0 Turbo', 'longest clip', 'seconds', 10),
    ]);
    expect(s.call('KLING_API_COST', 'pro', 7, false, '4.0 Turbo', '', apiOnly)).toBe(1.4);
    expect(s.call('KLING_API_COST', 'pro', 7, false, '4.0 Turbo', 'Kling', apiOnly)).toBe(1.4);
    expect(s.error('KLING_CREDITS', 'pro', 7, false, 'Kling 4.0 Turbo', apiOnly).message).toBe(
      `Kling 4.0 Turbo has no app credits in the price book; it is sold by Kling's API (KLING_API_COST); rows "App credits, Kling 4.0 Turbo" in the price table (Edit prices) add app credits`,
    );
    expect(s.error('KLING_COST', 'pro', 7, false, 'pro', '', '', '4.0 turbo', apiOnly).message).toMatch(
      /^Kling 4\.0 Turbo has no app credits in the price book/,
    );
    expect(s.error('KLING_API_COST', 'std', 7, false, '4.0 Turbo', '', apiOnly).message).toBe(
      'mode "standard" is not offered by Kling\'s API for Kling 4.0 Turbo; use professional',
    );
    // The default book's API-only models, the same way.
    expect(s.error('KLING_CREDITS', 'pro', 5, true, '3.0 Omni').message).toMatch(
      /^Kling 3\.0 Omni has no app credits in the price book; it is sold by Kling's API \(KLING_API_COST\); rows "App credits, Kling 3\.0 Omni"/,
    );
    expect(s.call('KLING_API_COST', 'pro', 5, true, '3.0 Omni')).toBe(0.7);
    expect(s.call('KLING_API_COST', 'pro', 10, false, '2.5 Turbo')).toBe(0.7);
  });
});

describe('a malformed model row: a message naming its row and column, never the default book mixed in', () => {
  /** The message a call gives with `rows` as the table (KLING_CREDITS of the new model). */
  const problem = (table: unknown[][]) => s.error('KLING_CREDITS', 'pro', 10, true, '4.0', table).message;

  it('a per-second model without its shortest clip row', () => {
    const table = wholeColumns([...base(), ...KLING_40.filter((r) => r[1] !== 'shortest clip')]);
    expect(problem(table)).toBe(
      'prices the row App credits, Kling 4.0, shortest clip, seconds is missing; a model priced per second needs its shortest and longest clip',
    );
    // A default model's call fails the same way: the table is one.
    expect(() => s.call('KLING_CREDITS', 'pro', 10, true, '2.6', table)).toThrow(/^prices the row App credits, Kling 4\.0, shortest clip/);
  });

  it('prices per clip and per second mixed', () => {
    const mixed = row(APP_40, 'standard 5 s', 'credits per clip', 50);
    const table = wholeColumns([...base(), ...KLING_40, mixed]);
    expect(problem(table)).toBe(
      `prices row ${rowOf(table, mixed)}, column C (Field): App credits, Kling 4.0 mixes prices per clip and per second; a model is priced one way (write a fixed list of lengths per clip)`,
    );
  });

  it('an unknown item', () => {
    const bad = row(APP_40, 'cinematic with audio', 'credits per second', 30);
    const table = wholeColumns([...base(), ...KLING_40, bad]);
    expect(problem(table)).toMatch(
      new RegExp(
        `^prices row ${rowOf(table, bad)}, column B \\(Item\\): "cinematic with audio" is not an item of App credits, Kling 4\\.0; use a mode`,
      ),
    );
  });

  it('a bad value', () => {
    const values: [unknown, string][] = [
      ['about 20', '"about 20" is not a number'],
      [-20, '-20 is not above 0'],
      [20.125, '20.125 has more than 2 decimals'],
      ['', 'the value is missing'],
    ];
    for (const [value, text] of values) {
      const bad = row(APP_40, 'professional with audio', 'credits per second', value);
      const table = wholeColumns([...base(), ...KLING_40.filter((r) => r[1] !== 'professional with audio'), bad]);
      expect(problem(table), String(value)).toMatch(
        new RegExp(`^prices row ${rowOf(table, bad)}, column D \\(Value\\): ${text.replace(/[.()]/g, '\\$&')}`),
      );
    }
  });

  it('a duplicate row', () => {
    const first = KLING_40[3] as Row;
    const again = [...first];
    const table = wholeColumns([...base(), ...KLING_40, again]);
    expect(problem(table)).toBe(
      `prices row ${rowOf(table, again)}, column C (Field): this row repeats row ${rowOf(table, first)} (App credits, Kling 4.0, professional with audio); keep one row per price`,
    );
  });

  it('a range call gives the message at each computed position and keeps blank rows blank', () => {
    const table = wholeColumns([...base(), ...KLING_40.filter((r) => r[1] !== 'longest clip')]);
    const result = s.call('KLING_CREDITS', column('pro', ''), column(10, ''), column(true, false), '4.0', table) as unknown[][];
    expect(result[0]?.[0]).toMatch(/^ERROR: prices the row App credits, Kling 4\.0, longest clip, seconds is missing/);
    expect(result[1]).toEqual(['']);
    expect(s.call('KLING_CREDITS', '', '', false, '4.0', table)).toBe('');
  });
});
