/**
 * Range calls against single-value calls, position by position: each position of a broadcast gives
 * what the single-value call with that position's values gives (its value, a blank, or
 * "ERROR: " + its message), however many distinct values the ranges hold (the cache of distinct
 * combinations is numbered by mixed radix, or renumbered when large); except that in a range call
 * only the row arguments given as ranges describe a row (custom-functions.md, the blank rule): a
 * position where they are all blank is blank, whatever the single values hold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookToRows, DEFAULT_PRICE_BOOK } from '../../src/pricing';
import { sheets } from './sheets';

const s = sheets();

/** What the single-value call gives, as a range position shows it. */
function single(name: string, args: unknown[]): unknown {
  try {
    return s.call(name, ...args);
  } catch (error) {
    if (!(error instanceof s.Error)) throw error;
    return `ERROR: ${s.error(name, ...args).message}`;
  }
}

const pools: Record<string, readonly unknown[]> = {
  mode: ['std', 'pro', '4k', 'standard', ' PRO ', '', 'prof', 3, true],
  secs: [3, 5, 7, 10, 12, 15, '5', '', 'x', 4.5, -1, ...Array.from({ length: 40 }, (_, i) => i + 1)],
  audio: [true, false, '', 'yes', 'voice', 'maybe', 0, 1],
  plan: ['standard', 'pro', 'premier', 'ultra', 'free', '', 'gold', 'Easy'],
  billing: ['', 'monthly', 'annual', 'intro', 'list', 0.2, 'weekly'],
  retake_rate: ['', 0, 0.2, '20%', 0.99, 1, -0.1, ...Array.from({ length: 30 }, (_, i) => i / 40)],
  model: ['', '2.6', '3.0', 3, 'Kling 3.0', '3.0 Turbo', 'v9', 4, '4.0', '4.0 Flash', 'O1'],
  provider: ['', 'Kling', 'fal', ' FAL ', 'Replicate', 'PiAPI', 'nobody', 3],
  credits_per_month: ['', 0, 700, 2000, 26_001, -5, 'lots', ...Array.from({ length: 60 }, (_, i) => i * 997)],
  allow_topups: ['', true, false, 'no', 'maybe'],
  field: ['', 'credits', 'price', 'cost_per_credit', 'cost_per_100', 'year', 'cost'],
};

const SIGNATURES: Record<string, string[]> = {
  KLING_CREDITS: ['mode', 'secs', 'audio', 'model'],
  KLING_COST: ['mode', 'secs', 'audio', 'plan', 'billing', 'retake_rate', 'model'],
  KLING_VIDEOS: ['plan', 'mode', 'secs', 'audio', 'retake_rate', 'model'],
  KLING_API_COST: ['mode', 'secs', 'audio', 'model', 'provider'],
  KLING_PLAN: ['plan', 'field', 'billing'],
  KLING_BEST_PLAN: ['credits_per_month', 'billing', 'allow_topups'],
  KLING_MONTHLY_COST: ['credits_per_month', 'billing', 'allow_topups'],
  KLING_IMAGES: ['plan'],
};

/** The arguments that describe a row (custom-functions.md, "Ranges"); audio is none of them. */
const ROW_ARGS: Record<string, readonly string[]> = {
  KLING_CREDITS: ['mode', 'secs'],
  KLING_COST: ['mode', 'secs'],
  KLING_VIDEOS: ['mode', 'secs'],
  KLING_API_COST: ['mode', 'secs'],
  KLING_PLAN: ['plan'],
  KLING_BEST_PLAN: ['credits_per_month'],
  KLING_MONTHLY_COST: ['credits_per_month'],
  KLING_IMAGES: ['plan'],
};

const isBlankCell = (v: unknown) => v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** A call: for each argument a single value or a range of the shared shape (rows x cols). */
const callArb = fc.constantFrom(...Object.keys(SIGNATURES)).chain((name) => {
  const params = SIGNATURES[name] as string[];
  return fc
    .record({
      rows: fc.integer({ min: 1, max: 90 }),
      cols: fc.integer({ min: 1, max: 3 }),
      ranged: fc.array(fc.boolean(), { minLength: params.length, maxLength: params.length }),
      seed: fc.integer(),
      table: fc.boolean(),
    })
    .map(({ rows, cols, ranged, seed, table }) => {
      let state = seed >>> 0;
      const pick = <T>(items: readonly T[]): T => {
        state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
        return items[state % items.length] as T;
      };
      const args = params.map((p, i) =>
        ranged[i]
          ? Array.from({ length: rows }, () => Array.from({ length: cols }, () => pick(pools[p] as unknown[])))
          : pick(pools[p] as unknown[]),
      );
      return { name, args, table };
    });
});

const TABLE = bookToRows(DEFAULT_PRICE_BOOK);

describe('a range call gives, at each position, what the single-value call gives', () => {
  it('for every cell function, random shapes and values (many distinct ones), with and without the prices table', () => {
    let positions = 0;
    fc.assert(
      fc.property(callArb, ({ name, args, table }) => {
        const withTable = table ? [...args, TABLE] : args;
        const grid = args.find((a) => Array.isArray(a)) as unknown[][] | undefined;
        if (!grid) return;
        const rows = grid.length;
        const cols = (grid[0] as unknown[]).length;
        if (rows === 1 && cols === 1) {
          // 1x1 ranges count as single values: the call answers (or throws) as the single-value call.
          const at = withTable.map((a, i) => (i < args.length && Array.isArray(a) ? (a as unknown[][])[0]?.[0] : a));
          expect(single(name, withTable)).toEqual(single(name, at));
          return;
        }
        const result = s.call(name, ...withTable);
        expect((result as unknown[][]).length).toBe(rows);
        for (let r = 0; r < rows; r++) {
          for (let c = 0; c < cols; c++) {
            const at = withTable.map((a, i) => (i < args.length && Array.isArray(a) ? (a as unknown[][])[r]?.[c] : a));
            const params = SIGNATURES[name] as string[];
            const rangeRows = params.flatMap((p, i) =>
              (ROW_ARGS[name] as readonly string[]).includes(p) && Array.isArray(args[i]) ? [i] : [],
            );
            const want = rangeRows.length > 0 && rangeRows.every((i) => isBlankCell(at[i])) ? '' : single(name, at);
            const got = (result as unknown[][])[r]?.[c];
            if (got !== want) expect({ name, r, c, at, got }).toEqual({ name, r, c, at, got: want });
            positions++;
          }
        }
      }),
      { numRuns: 40, seed: 20_261_201 },
    );
    expect(positions).toBeGreaterThan(2_000);
  });
});
