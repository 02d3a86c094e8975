/**
 * Range calls stay fast, tested by their work, not their time (npm run bench measures the time):
 * a 50,000 x 8 block of distinct needs through KLING_BEST_PLAN and KLING_MONTHLY_COST gives a block
 * of that shape in which every cell is right: each label names a plan and packs that cover the need
 * by the counts rule, each cost is what that label costs (prices typed by hand from
 * pricing-facts.md), and a sample of positions equals the single-value calls.
 */
import { describe, expect, it } from 'vitest';
import { sheets } from './sheets';

const s = sheets();
const ROWS = 50_000;
const COLS = 8;

/** Distinct needs from 1 to about 400,000 credits (as the bench's block), fractions included (the counts rule rounds them up). */
const needAt = (r: number, c: number) => 1 + r * COLS + c + ((r + c) % 4) * 0.3;

/** Plans (credits, renewal cents) and packs (total credits, cents), typed from pricing-facts.md. */
const PLANS: Record<string, [credits: number, cents: number]> = {
  Standard: [660, 880],
  Pro: [3000, 3256],
  Premier: [8000, 8096],
  Ultra: [26_000, 15_999],
};
const PACKS: Record<string, number> = {
  '330': 500,
  '660': 1000,
  '1,320': 2000,
  '3,500': 5000,
  '7,500': 10_000,
  '16,000': 20_000,
  '48,000': 60_000,
  '96,000': 120_000,
};

/** A label read back: the credits it buys and its cost in cents. */
function readLabel(label: string): { credits: number; cents: number } {
  if (label === 'Free') return { credits: 0, cents: 0 };
  const [plan, ...packs] = label.split(' + ');
  const known = PLANS[plan as string];
  if (!known) throw new Error(`no plan in "${label}"`);
  let [credits, cents] = known;
  for (const pack of packs) {
    const m = /^(?:(\d[\d,]*) x )?([\d,]+)-credit pack$/.exec(pack);
    const price = m ? PACKS[m[2] as string] : undefined;
    if (!m || price === undefined) throw new Error(`no pack in "${pack}" of "${label}"`);
    const times = m[1] ? Number(m[1].replace(/,/g, '')) : 1;
    credits += times * Number((m[2] as string).replace(/,/g, ''));
    cents += times * price;
  }
  return { credits, cents };
}

/** The need by the counts rule: snapped within 1e-6, then rounded up. */
const wholeNeed = (x: number) => (Math.abs(x - Math.round(x)) <= 1e-6 ? Math.round(x) : Math.ceil(x));

describe('a 50,000 x 8 block of distinct needs', () => {
  // Made in the bundle's realm, as Sheets hands a range over.
  const needs = s.inRealm(Array.from({ length: ROWS }, (_, r) => Array.from({ length: COLS }, (_, c) => needAt(r, c))));

  it('needs distinct and within range', () => {
    expect(needs[ROWS - 1]?.[COLS - 1]).toBeLessThanOrEqual(401_000);
    expect(new Set(needs.flat()).size).toBe(ROWS * COLS);
  });

  it('KLING_BEST_PLAN and KLING_MONTHLY_COST: the shape of the block, every cell a plan and packs covering its need at its cost, a sample equal to single calls', () => {
    const labels = s.call('KLING_BEST_PLAN', needs) as string[][];
    const costs = s.call('KLING_MONTHLY_COST', needs) as number[][];
    for (const block of [labels, costs]) {
      expect(block).toHaveLength(ROWS);
      for (const line of block) expect(line).toHaveLength(COLS);
    }
    const read = new Map<string, { credits: number; cents: number }>();
    const wrong: string[] = [];
    for (let r = 0; r < ROWS; r++) {
      for (let c = 0; c < COLS; c++) {
        const label = (labels[r] as string[])[c] as string;
        let got = read.get(label);
        if (!got) {
          got = readLabel(label);
          read.set(label, got);
        }
        const need = wholeNeed(needAt(r, c));
        const cost = (costs[r] as number[])[c] as number;
        if (got.credits < need) wrong.push(`(${r}, ${c}) ${needAt(r, c)}: "${label}" buys ${got.credits} credits`);
        if (cost !== got.cents / 100) wrong.push(`(${r}, ${c}) ${needAt(r, c)}: $${cost} for "${label}", which costs $${got.cents / 100}`);
        // The cheapest can cost no more than Ultra and 96,000-credit packs for the rest (one way to cover the need).
        const ultraAndBigPacks = 15_999 + Math.ceil(Math.max(0, need - 26_000) / 96_000) * 120_000;
        if (need > 0 && got.cents > ultraAndBigPacks) wrong.push(`(${r}, ${c}): "${label}" costs more than Ultra and 96,000-credit packs`);
      }
    }
    expect(wrong.slice(0, 5), `${wrong.length} cells wrong`).toEqual([]);
    // A sample against single calls: the first and last rows, and 2,000 positions spread over the block.
    const sample: [number, number][] = [];
    for (let c = 0; c < COLS; c++) sample.push([0, c], [ROWS - 1, c]);
    let state = 20_261_206;
    for (let i = 0; i < 2_000; i++) {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      sample.push([state % ROWS, (state >>> 16) % COLS]);
    }
    for (const [r, c] of sample) {
      const need = needAt(r, c);
      expect((labels[r] as string[])[c], `KLING_BEST_PLAN(${need})`).toBe(s.call('KLING_BEST_PLAN', need));
      expect((costs[r] as number[])[c], `KLING_MONTHLY_COST(${need})`).toBe(s.call('KLING_MONTHLY_COST', need));
    }
  });

  it('under annual billing and without top-ups, the block answers as the single calls (beyond 26,000 credits an ERROR cell)', () => {
    const small = needs.slice(0, 2_000);
    const annual = s.call('KLING_MONTHLY_COST', small, 'annual') as unknown[][];
    const plansOnly = s.call('KLING_BEST_PLAN', small, 'monthly', false) as unknown[][];
    for (let r = 0; r < small.length; r += 37) {
      for (let c = 0; c < COLS; c++) {
        const need = needAt(r, c);
        expect((annual[r] as unknown[])[c]).toBe(s.call('KLING_MONTHLY_COST', need, 'annual'));
        const single =
          wholeNeed(need) > 26_000
            ? `ERROR: ${s.error('KLING_BEST_PLAN', need, 'monthly', false).message}`
            : s.call('KLING_BEST_PLAN', need, 'monthly', false);
        expect((plansOnly[r] as unknown[])[c]).toBe(single);
      }
    }
  });
});
