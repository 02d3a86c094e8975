/**
 * exact.ts: amounts that a retake rate divides (sums of n x p / q), against BigInt rationals. Sign and
 * comparison are exact (ties built on purpose, differences far below what doubles can see, products
 * far beyond 2^53); ceilDiv is the exact ceiling; toNumber of a single term is the nearest double;
 * an amount that cannot be added up exactly is a RangeError, never a wrong answer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/pricing';
import { Exact, retakeFactor } from '../../src/pricing/exact';

const SEED = 20_261_208;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** An exact rational, BigInt. */
interface R {
  readonly n: bigint;
  readonly d: bigint;
}
const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y) [x, y] = [y, x % y];
  return x || 1n;
};
const r = (n: bigint, d: bigint): R => {
  const g = gcd(n, d);
  return d < 0n ? { n: -n / g, d: -d / g } : { n: n / g, d: d / g };
};
const add = (a: R, b: R): R => r(a.n * b.d + b.n * a.d, a.d * b.d);
const cmp = (a: R, b: R): number => {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};
const sign = (a: R): number => (a.n < 0n ? -1 : a.n > 0n ? 1 : 0);
const ceil = (a: R): bigint => {
  const q = a.n / a.d;
  return a.n > 0n && q * a.d !== a.n ? q + 1n : q;
};

/** The double nearest to num / den (ties to even), exactly. */
function nearestDouble(num: bigint, den: bigint): number {
  if (den < 0n) return nearestDouble(-num, -den);
  if (num === 0n) return 0;
  const negative = num < 0n;
  const a = negative ? -num : num;
  const bits = (x: bigint) => x.toString(2).length;
  let k = 53 - (bits(a) - bits(den));
  const TOP = 1n << 53n;
  const LOW = 1n << 52n;
  const quotient = (shift: number): [bigint, bigint, bigint] => {
    const sn = shift >= 0 ? a << BigInt(shift) : a;
    const sd = shift >= 0 ? den : den << BigInt(-shift);
    return [sn / sd, sn % sd, sd];
  };
  let [q, rem, sd] = quotient(k);
  while (q >= TOP) [q, rem, sd] = quotient(--k);
  while (q < LOW) [q, rem, sd] = quotient(++k);
  if (2n * rem > sd || (2n * rem === sd && q % 2n === 1n)) q += 1n;
  const value = Number(q) * 2 ** -k;
  return negative ? -value : value;
}

/** A term n x p / q: n of any size a safe integer allows (or small), p / q a retake factor or a small fraction. */
const factorArb = fc.oneof(
  fc.integer({ min: 0, max: 999_999 }).map((m) => retakeFactor(m / 1_000_000)),
  fc.constantFrom(retakeFactor(0.2), retakeFactor(0.3), retakeFactor(1 / 6), retakeFactor(0.999999), retakeFactor(0.123457), {
    p: 1,
    q: 1,
  }),
  fc.record({ p: fc.integer({ min: 1, max: 1_000_000 }), q: fc.integer({ min: 1, max: 1_000_000 }) }),
);
const nArb = fc.oneof(
  fc.integer({ min: -1_000, max: 1_000 }),
  fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
  fc.integer({ min: -MAX_SAFE, max: MAX_SAFE }).map((n) => Math.trunc(n / 1_000)),
);
const termArb = fc.record({ n: nArb, factor: factorArb });
type Term = { n: number; factor: { p: number; q: number } };

/** An Exact and its rational, or null when adding the terms is refused (a RangeError: checked elsewhere). */
function build(terms: readonly Term[]): { exact: Exact; value: R } | null {
  let exact = Exact.ZERO;
  let value: R = { n: 0n, d: 1n };
  try {
    for (const t of terms) {
      exact = exact.plus(Exact.scaled(t.n, t.factor.p, t.factor.q));
      value = add(value, r(BigInt(t.n) * BigInt(t.factor.p), BigInt(t.factor.q)));
    }
  } catch (error) {
    expect(error).toBeInstanceOf(RangeError);
    return null;
  }
  return { exact, value };
}

describe('Exact against BigInt rationals (property)', () => {
  it('sign and compare are exact on sums of 1 to 5 terms of any size', () => {
    fc.assert(
      fc.property(fc.array(termArb, { minLength: 1, maxLength: 5 }), fc.array(termArb, { minLength: 0, maxLength: 5 }), (ta, tb) => {
        const a = build(ta);
        const b = build(tb);
        if (!a || !b) return;
        expect(a.exact.sign()).toBe(sign(a.value));
        expect(a.exact.compare(b.exact)).toBe(cmp(a.value, b.value));
        expect(b.exact.compare(a.exact)).toBe(cmp(b.value, a.value));
        expect(a.exact.compare(a.exact)).toBe(0);
        if (a.exact.isZero()) expect(sign(a.value)).toBe(0);
        expect(Exact.max(a.exact, b.exact).compare(cmp(a.value, b.value) >= 0 ? a.exact : b.exact)).toBe(0);
        expect(Exact.min(a.exact, b.exact).compare(cmp(a.value, b.value) <= 0 ? a.exact : b.exact)).toBe(0);
      }),
      { numRuns: 3_000, seed: SEED },
    );
  });

  it('ties built on purpose: the same amount as different terms compares equal; one part in 10^18 more does not', () => {
    fc.assert(
      fc.property(fc.array(termArb, { minLength: 1, maxLength: 3 }), factorArb, fc.integer({ min: 1, max: 1_000_000 }), (terms, f, k) => {
        const a = build(terms);
        if (!a) return;
        // k x p / q written as (k x q) x p / q and as k x p: equal, whatever the rest.
        let x: Exact;
        let y: Exact;
        try {
          x = a.exact.plus(Exact.scaled(k * f.q, f.p, f.q));
          y = a.exact.plus(Exact.of(k * f.p));
        } catch (error) {
          expect(error).toBeInstanceOf(RangeError);
          return;
        }
        expect(x.compare(y)).toBe(0);
        expect(x.minus(y).sign()).toBe(0);
        // And 1 / q more (or less): never equal, even on amounts of 10^15 where doubles cannot tell.
        const more = y.plus(Exact.scaled(1, 1, f.q === 1 ? 999_999 : f.q));
        expect(more.compare(x)).toBe(1);
        expect(x.compare(more)).toBe(-1);
      }),
      { numRuns: 2_000, seed: SEED + 1 },
    );
  });

  it('differences of 1 / (q1 q2) between amounts near 10^15, which doubles round away, are seen', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 500_000, max: 999_999 }),
        fc.integer({ min: 500_000, max: 999_999 }),
        fc.integer({ min: 1, max: 1_000 }),
        fc.constantFrom(-1, 0, 1),
        (q1, q2, big, delta) => {
          fc.pre(q1 !== q2);
          // A = big x 10^12 x q1 / q1 + 1 / q2 ... written as two fractions; B = the same, plus delta / (q1 q2).
          const n = big * 1_000_000_000;
          const a = Exact.scaled(n * 7, 1, 7)
            .plus(Exact.scaled(q1, 1, q1 * 1))
            .plus(Exact.scaled(1, 1, q2));
          const b = Exact.of(n)
            .plus(Exact.of(1))
            .plus(Exact.scaled(q1 + delta, 1, q1 * q2));
          // a = n + 1 + 1 / q2; b = n + 1 + (q1 + delta) / (q1 q2) = n + 1 + 1 / q2 + delta / (q1 q2).
          expect(b.compare(a)).toBe(delta);
          expect(b.minus(a).sign()).toBe(delta);
        },
      ),
      { numRuns: 500, seed: SEED + 2 },
    );
  });

  it('ceilDiv is the exact ceiling of amount / unit (0 for amounts of 0 or less)', () => {
    fc.assert(
      fc.property(fc.array(termArb, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 1_000_000 }), (terms, unit) => {
        const a = build(terms);
        if (!a) return;
        const want = sign(a.value) <= 0 ? 0n : ceil(r(a.value.n, a.value.d * BigInt(unit)));
        // An amount beyond 2^53 units may be refused (a RangeError), never answered wrong.
        const huge = cmp(a.value, r(BigInt(MAX_SAFE), 1n)) > 0;
        let got: number;
        try {
          got = a.exact.ceilDiv(unit);
        } catch (error) {
          expect(error).toBeInstanceOf(RangeError);
          expect(huge, 'refused only beyond 2^53').toBe(true);
          return;
        }
        expect(BigInt(got)).toBe(want);
      }),
      { numRuns: 2_000, seed: SEED + 3 },
    );
  });

  it('ceilDiv at the edges: k x unit exactly, and the least amount above it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 100_000 }), factorArb, (k, unit, f) => {
        // k x unit exactly, as a fraction with denominator q: (k x unit x q) x 1 / q.
        const exact = Exact.scaled(k * unit, 1, 1);
        expect(exact.ceilDiv(unit)).toBe(k);
        const above = exact.plus(Exact.scaled(1, 1, Math.max(2, f.q)));
        expect(above.ceilDiv(unit)).toBe(k + 1);
        const below = exact.minus(Exact.scaled(1, 1, Math.max(2, f.q)));
        expect(below.ceilDiv(unit)).toBe(k);
      }),
      { numRuns: 1_000, seed: SEED + 4 },
    );
  });

  /** A single term and the nearest double of its value divided by `divisor`. */
  const single = (t: Term, divisor: number) => {
    const g = gcd(BigInt(t.factor.p), BigInt(t.factor.q));
    const num = BigInt(t.n) * (BigInt(t.factor.p) / g);
    return { exact: Exact.scaled(t.n, t.factor.p, t.factor.q), num, want: nearestDouble(num, (BigInt(t.factor.q) / g) * BigInt(divisor)) };
  };
  const divisorArb = fc.constantFrom(1, 100, 1_000, 10_000, 120_000, 1_200);

  it('toNumber of a single term is the nearest double, for any divisor (n x p within 2^53)', () => {
    fc.assert(
      fc.property(termArb, divisorArb, (t, divisor) => {
        const { exact, num, want } = single(t, divisor);
        fc.pre(t.n !== 0 && (num < 0n ? -num : num) <= BigInt(MAX_SAFE));
        expect(exact.toNumber(divisor), `${t.n} x ${t.factor.p} / ${t.factor.q} / ${divisor}`).toBe(want);
      }),
      { numRuns: 5_000, seed: SEED + 5 },
    );
  });

  it('toNumber of a single term is the nearest double when n x p goes beyond 2^53 too (custom-functions.md: "stored as the nearest double")', () => {
    // A need of 26,000,000 credits is 2.6 x 10^10 thousandths; at a retake rate of 12.3457 % p is 1,000,000: n x p is 2.6 x 10^16.
    expect(Exact.scaled(26_000_000_000, 1_000_000, 876_543).toNumber(1_000)).toBe(nearestDouble(26_000_000_000_000_000n, 876_543_000n));
    fc.assert(
      fc.property(termArb, divisorArb, (t, divisor) => {
        const { exact, num, want } = single(t, divisor);
        fc.pre((num < 0n ? -num : num) > BigInt(MAX_SAFE));
        expect(exact.toNumber(divisor), `${t.n} x ${t.factor.p} / ${t.factor.q} / ${divisor}`).toBe(want);
      }),
      { numRuns: 2_000, seed: SEED + 9 },
    );
  });

  it('toNumber of a sum is within a few units in the last place of the exact value', () => {
    fc.assert(
      fc.property(fc.array(termArb, { minLength: 2, maxLength: 5 }), (terms) => {
        const a = build(terms);
        if (!a) return;
        const want = nearestDouble(a.value.n, a.value.d);
        const size = terms.reduce((s, t) => s + Math.abs((t.n * t.factor.p) / t.factor.q), 0);
        expect(Math.abs(a.exact.toNumber() - want)).toBeLessThanOrEqual(Math.max(size, 1) * 8 * Number.EPSILON);
      }),
      { numRuns: 2_000, seed: SEED + 6 },
    );
  });

  it('times and scaledBy are exact; what does not fit a safe integer is a RangeError', () => {
    fc.assert(
      fc.property(
        fc.array(termArb, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: -1_000, max: 1_000 }),
        fc.integer({ min: 1, max: 2_000_000 }),
        (terms, k, p) => {
          const a = build(terms);
          if (!a) return;
          try {
            const times = a.exact.times(k);
            expect(times.compare(Exact.ZERO)).toBe(sign(r(a.value.n * BigInt(k), a.value.d)));
            // 10 % more (contingency): x 1,100,000 / 1,000,000, and back by the inverse.
            const scaled = a.exact.scaledBy(p, 1_000_000);
            const back = scaled.scaledBy(1_000_000, p);
            expect(back.compare(a.exact)).toBe(0);
            expect(scaled.sign()).toBe(sign(a.value));
          } catch (error) {
            expect(error).toBeInstanceOf(RangeError);
          }
        },
      ),
      { numRuns: 1_000, seed: SEED + 7 },
    );
    expect(() => Exact.of(MAX_SAFE).plus(Exact.of(1))).toThrow(RangeError);
    expect(() => Exact.of(0.5)).toThrow(RangeError);
    expect(() => Exact.of(MAX_SAFE).times(2)).toThrow(RangeError);
  });
});

describe('literal cases', () => {
  it('retakeFactor: 1 / (1 - r) with r read to 6 decimals, reduced (20 %: 5 / 4)', () => {
    expect(retakeFactor(0.2)).toEqual({ p: 5, q: 4 });
    expect(retakeFactor(0)).toEqual({ p: 1, q: 1 });
    expect(retakeFactor(0.3)).toEqual({ p: 10, q: 7 });
    expect(retakeFactor(1 / 6)).toEqual({ p: 1_000_000, q: 833_333 });
    expect(retakeFactor(0.9999994)).toEqual({ p: 1_000_000, q: 1 });
    for (const bad of [-0.000001, 1, 0.9999996, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => retakeFactor(bad), String(bad)).toThrow(
        new InputError('the retake rate must be from 0 up to but not including 1 (100 %), such as 0.2 or 20%'),
      );
    }
    // -0.0000004 is read to 6 decimals: 0.
    expect(retakeFactor(-0.0000004)).toEqual({ p: 1, q: 1 });
  });

  it('500 x 5 / 4 is 625; 5,600 x 10 / 7 is 8,000 exactly (the double 8000.000000000001 never appears)', () => {
    expect(Exact.scaled(500, 5, 4).toNumber()).toBe(625);
    expect(Exact.scaled(5_600_000, 10, 7).toNumber(1_000)).toBe(8_000);
    expect(Exact.scaled(5_600_000, 10, 7).ceilDiv(1_000)).toBe(8_000);
  });

  it('a sum whose doubles cancel to 0 but is not 0: 10^15 x 3 / 3 - 10^15 + 1 / 999,999', () => {
    const a = Exact.scaled(3e15, 1, 3)
      .plus(Exact.of(-1e15))
      .plus(Exact.scaled(1, 1, 999_999));
    expect(a.sign()).toBe(1);
    expect(a.minus(Exact.scaled(1, 1, 999_999)).sign()).toBe(0);
    // 10^15 - (999,999 x 10^9) x 10^6 / 999,999 - 1 / 999,998: the doubles of the terms cancel, the limbs decide.
    const b = Exact.scaled(3e15, 1, 3)
      .plus(Exact.scaled(-999_999e9, 1_000_000, 999_999))
      .plus(Exact.scaled(-1, 1, 999_998));
    expect(b.sign()).toBe(-1);
    expect(b.plus(Exact.scaled(1, 1, 999_998)).sign()).toBe(0);
  });

  it('the amount of a channel: $80.64 of fal at 20 % is 806,400 x 5 / 4 ticks = $100.80', () => {
    const total = Exact.scaled(806_400, 5, 4);
    expect(total.toNumber(10_000)).toBe(100.8);
    expect(total.compare(Exact.of(1_008_000))).toBe(0);
    expect(total.ceilDiv(1_400)).toBe(720);
  });
});

describe('the reference itself', () => {
  it('nearestDouble is the correctly rounded quotient (as JavaScript divides two safe integers)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_SAFE, max: MAX_SAFE }), fc.integer({ min: 1, max: MAX_SAFE }), (n, d) => {
        expect(nearestDouble(BigInt(n), BigInt(d))).toBe(n / d);
      }),
      { numRuns: 5_000, seed: SEED + 10 },
    );
    expect(nearestDouble(1n, 3n)).toBe(1 / 3);
    expect(nearestDouble(2n ** 60n + 1n, 1n)).toBe(2 ** 60);
    // Halfway between two doubles: ties to even.
    expect(nearestDouble(2n ** 53n + 1n, 1n)).toBe(2 ** 53);
    expect(nearestDouble(2n ** 53n + 3n, 1n)).toBe(2 ** 53 + 4);
  });
});
