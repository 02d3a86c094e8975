import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/pricing';
import { type Cover, CoverSolver, type CoverTieBreak, type PackKind } from '../../src/pricing/packCover';
import { ExactCoverReference } from '../support/coverReference';
import { DEFAULT_API_PACKS, DEFAULT_PACKS } from '../support/scheduleBook';

const TOP_UPS: readonly PackKind[] = DEFAULT_PACKS.map((p) => ({ cost: p.cents, size: p.credits }));
const API: readonly PackKind[] = DEFAULT_API_PACKS.map((p) => ({ cost: p.cents, size: p.units }));
const WORDING = { noun: 'top-up packs', unit: 'credits' };
/** The solver's own bound on work (table steps x kinds); a call may not do more. */
const MAX_WORK = 24_000_000;

/** What is wrong with a cover (its counts must add up to its cost, size and packs, and cover the need), or ''. */
function coverFault(kinds: readonly PackKind[], cover: Cover, need: number): string {
  if (cover.counts.length !== kinds.length) return 'counts per kind';
  let cost = 0;
  let size = 0;
  let packs = 0;
  cover.counts.forEach((n, i) => {
    cost += n * (kinds[i] as PackKind).cost;
    size += n * (kinds[i] as PackKind).size;
    packs += n;
  });
  if (cost !== cover.cost || size !== cover.size || packs !== cover.packs) return 'counts do not add up';
  return size >= need ? '' : 'does not cover';
}

function expectConsistent(kinds: readonly PackKind[], cover: Cover, need: number): void {
  expect(coverFault(kinds, cover, need)).toBe('');
}

/** Every need 0, stride, 2 x stride ... up to maxNeed against the reference; mismatches are collected, then shown. */
function expectLikeReference(kinds: readonly PackKind[], tieBreak: CoverTieBreak, maxNeed: number, stride: number): void {
  const solver = new CoverSolver(kinds, tieBreak);
  const reference = new ExactCoverReference(kinds, maxNeed, tieBreak);
  const faults: string[] = [];
  for (let need = 0; need <= maxNeed && faults.length < 5; need += stride) {
    const cover = solver.cover(need);
    const expected = reference.cover(need);
    const totals = solver.coverTotals(need);
    if (cover.cost !== expected.cost || cover.size !== expected.size || cover.packs !== expected.packs) {
      faults.push(`${need}: ${JSON.stringify(cover)} instead of ${JSON.stringify(expected)}`);
    }
    const fault = coverFault(kinds, cover, need);
    if (fault) faults.push(`${need}: ${fault}`);
    if (totals.cost !== cover.cost || totals.size !== cover.size || totals.packs !== cover.packs) faults.push(`${need}: totals differ`);
  }
  expect(faults).toEqual([]);
}

describe('the cover solver', () => {
  it('matches the exact-sum reference for every need 0 to 200,000, default top-up packs, both tie-breaks', () => {
    expectLikeReference(TOP_UPS, 'more-size', 200_000, 1);
    expectLikeReference(TOP_UPS, 'less-size', 200_000, 1);
  });

  it('matches the reference on the default API packs, both tie-breaks (units 0 to 200,000 in steps of 7)', () => {
    expectLikeReference(API, 'less-size', 200_000, 7);
    expectLikeReference(API, 'more-size', 200_000, 7);
  });

  it('the tie-breaks: equal cost goes to more (or less) size, then to fewer packs', () => {
    // 600 credits: two $5/330 packs or one $10/660 pack, same cost and size: fewer packs wins.
    const solver = new CoverSolver(TOP_UPS, 'more-size');
    expect(solver.cover(600)).toMatchObject({ cost: 1_000, size: 660, packs: 1, counts: [0, 1, 0, 0, 0, 0, 0, 0] });
    // Two kinds of the same price per unit and different sizes: 'more-size' takes the bigger one.
    const kinds = [
      { cost: 10, size: 10 },
      { cost: 30, size: 35 },
    ];
    // Need 30: three 10s (cost 30, size 30) or one 35 (cost 30, size 35).
    expect(new CoverSolver(kinds, 'more-size').cover(30)).toMatchObject({ cost: 30, size: 35, counts: [0, 1] });
    expect(new CoverSolver(kinds, 'less-size').cover(30)).toMatchObject({ cost: 30, size: 30, counts: [3, 0] });
  });

  it('matches the reference on random books, both tie-breaks, far past the table (its period)', () => {
    const kindArb = fc.record({ cost: fc.integer({ min: 1, max: 60 }), size: fc.integer({ min: 1, max: 90 }) });
    fc.assert(
      fc.property(
        fc.array(kindArb, { minLength: 1, maxLength: 5 }),
        fc.constantFrom<CoverTieBreak>('more-size', 'less-size'),
        fc.array(fc.integer({ min: 0, max: 30_000 }), { minLength: 1, maxLength: 40 }),
        (kinds, tieBreak, needs) => {
          const solver = new CoverSolver(kinds, tieBreak);
          const reference = new ExactCoverReference(kinds, 30_000, tieBreak);
          for (const need of [...needs, 30_000]) {
            const cover = solver.cover(need);
            expect({ cost: cover.cost, size: cover.size, packs: cover.packs }).toEqual(reference.cover(need));
            expectConsistent(kinds, cover, need);
          }
        },
      ),
      { numRuns: 300, seed: 7_001 },
    );
  });

  it('answers large needs from the period: counts, never a list of packs', () => {
    const solver = new CoverSolver(TOP_UPS, 'more-size', WORDING);
    const cover = solver.cover(624_000_000);
    // 6,500 x 96,000 credits at $1,200 = $7,800,000.
    expect(cover).toEqual({ cost: 780_000_000, size: 624_000_000, packs: 6_500, counts: [0, 0, 0, 0, 0, 0, 0, 6_500] });
    expect(solver.tableSteps).toBeLessThan(100_000);
    // A need just above a whole number of bulk packs, far past the table.
    const odd = solver.cover(624_000_001);
    expectConsistent(TOP_UPS, odd, 624_000_001);
    expect(odd.cost).toBe(780_000_000 + 500);
  });

  it('need 0 is the empty cover, even without kinds; a need above 0 without kinds is an InputError', () => {
    expect(new CoverSolver(TOP_UPS, 'more-size').cover(0)).toEqual({ cost: 0, size: 0, packs: 0, counts: [0, 0, 0, 0, 0, 0, 0, 0] });
    const none = new CoverSolver([], 'less-size', { noun: 'API packs', unit: 'units' });
    expect(none.hasKinds).toBe(false);
    expect(none.cover(0)).toEqual({ cost: 0, size: 0, packs: 0, counts: [] });
    expect(() => none.cover(1)).toThrow(new InputError('the price book has no API packs'));
  });

  it('refuses kinds that are not positive whole numbers, and needs that are not whole numbers >= 0', () => {
    expect(() => new CoverSolver([{ cost: 0, size: 10 }], 'more-size')).toThrow(InputError);
    expect(() => new CoverSolver([{ cost: 5, size: 1.5 }], 'more-size')).toThrow(InputError);
    const solver = new CoverSolver(TOP_UPS, 'more-size');
    expect(() => solver.cover(-1)).toThrow(RangeError);
    expect(() => solver.cover(1.5)).toThrow(RangeError);
  });
});

describe('pathological books: every call answers or refuses within a bounded amount of work', () => {
  const needs = [1, 999, 26_000_000, 100_000_007, 624_000_000];

  /** Each need is answered (consistently) or refused with the spreadsheet message; work stays bounded. */
  function expectBounded(kinds: readonly PackKind[], tieBreak: CoverTieBreak): { answered: number; refused: number; work: number } {
    const solver = new CoverSolver(kinds, tieBreak, WORDING);
    let answered = 0;
    let refused = 0;
    for (const need of needs) {
      try {
        expectConsistent(kinds, solver.cover(need), need);
        answered++;
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        expect((error as Error).message).toMatch(
          /^the top-up packs of this price book are too irregular to plan [\d,]+ credits exactly; use fewer or more regular packs$/,
        );
        refused++;
      }
      expect(solver.work).toBeLessThanOrEqual(MAX_WORK);
      expect(solver.tableSteps).toBeLessThanOrEqual(2_000_000);
    }
    return { answered, refused, work: solver.work };
  }

  it('a 1-credit pack for 1 cent plus the 8 default packs: answered, the period found early', () => {
    const kinds = [{ cost: 1, size: 1 }, ...TOP_UPS];
    for (const tieBreak of ['more-size', 'less-size'] as const) {
      const { answered, work } = expectBounded(kinds, tieBreak);
      expect(answered).toBe(needs.length);
      expect(work).toBeLessThan(2_000_000);
    }
    // It is the best value: 624,000,000 credits as 1-credit packs.
    expect(new CoverSolver(kinds, 'more-size').cover(624_000_000).counts[0]).toBe(624_000_000);
  });

  it('50 irregular packs (sizes from 997 up, odd prices): bounded work, answers checked where the reference can reach', () => {
    let seed = 12_345;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const kinds = Array.from({ length: 50 }, (_, i) => ({
      size: 997 + 2 * i + Math.floor(next() * 60_000),
      cost: 1 + 2 * Math.floor(next() * 50_000),
    }));
    for (const tieBreak of ['more-size', 'less-size'] as const) expectBounded(kinds, tieBreak);
    expectLikeReference(kinds, 'more-size', 120_000, 97);
  });

  it('two nearly equal, coprime packs: needs past the table are refused with the message, small needs answered', () => {
    const kinds = [
      { cost: 100_001, size: 96_001 },
      { cost: 100_000, size: 96_000 },
    ];
    const { refused } = expectBounded(kinds, 'more-size');
    expect(refused).toBeGreaterThan(0);
    const solver = new CoverSolver(kinds, 'more-size', WORDING);
    expect(() => solver.cover(26_000_000)).toThrow(
      new InputError(
        'the top-up packs of this price book are too irregular to plan 26,000,000 credits exactly; use fewer or more regular packs',
      ),
    );
    expect(solver.cover(999).cost).toBe(100_000);
  });
});
