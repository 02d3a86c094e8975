import { InputError } from './errors';
import { gcd } from './money';

/**
 * Exact amounts that a retake rate divides. A retake rate r is read to 6 decimals, so
 * 1 / (1 - r) is the fraction p / q = 1,000,000 / (1,000,000 - r x 1,000,000), reduced (20 %:
 * 5 / 4). An amount is a sum of terms n x p / q with n a whole number of some unit (ticks of a
 * dollar, thousandths of a credit): terms with the same p / q are added in n, so a whole shot
 * list at one retake rate is one term, and a list with a rate per row a few. Amounts are compared
 * exactly (a tie between two channels is decided on exact values, never on rounded doubles) and
 * turned into a double only at output, as one division where the integers allow.
 *
 * No BigInt (the pushed code is held to ES2019): the rare exact comparison that doubles cannot
 * settle uses the small multi-precision integers at the end of this file.
 */

/** n x p / q: n a safe integer of any sign, p and q positive safe integers. */
interface Term {
  readonly n: number;
  readonly p: number;
  readonly q: number;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

function safe(n: number): number {
  if (!Number.isSafeInteger(n)) throw new RangeError('an amount too large to add up exactly');
  return n;
}

export class Exact {
  private constructor(private readonly terms: readonly Term[]) {}

  static readonly ZERO = new Exact([]);

  /** A whole number of the unit. */
  static of(n: number): Exact {
    return n === 0 ? Exact.ZERO : new Exact([{ n: safe(n), p: 1, q: 1 }]);
  }

  /** n x p / q, the fraction reduced. */
  static scaled(n: number, p: number, q: number): Exact {
    if (n === 0) return Exact.ZERO;
    const g = gcd(p, q);
    return new Exact([{ n: safe(n), p: p / g, q: q / g }]);
  }

  isZero(): boolean {
    return this.terms.length === 0;
  }

  plus(other: Exact): Exact {
    if (other.terms.length === 0) return this;
    if (this.terms.length === 0) return other;
    const out = this.terms.map((t) => ({ ...t }));
    for (const t of other.terms) {
      const same = out.find((o) => o.p === t.p && o.q === t.q);
      if (same) same.n = safe(same.n + t.n);
      else out.push({ ...t });
    }
    return new Exact(out.filter((t) => t.n !== 0));
  }

  negate(): Exact {
    return new Exact(this.terms.map((t) => ({ ...t, n: -t.n })));
  }

  minus(other: Exact): Exact {
    return this.plus(other.negate());
  }

  /** The amount times a whole number. */
  times(k: number): Exact {
    if (k === 0) return Exact.ZERO;
    return new Exact(this.terms.map((t) => ({ ...t, n: safe(t.n * k) })));
  }

  /** The amount times p / q (p, q positive whole numbers), exactly: a contingency of 10 % is 11 / 10. */
  scaledBy(p: number, q: number): Exact {
    let out = Exact.ZERO;
    for (const t of this.terms) out = out.plus(Exact.scaled(t.n, safe(t.p * p), safe(t.q * q)));
    return out;
  }

  /** -1, 0 or 1, exactly. */
  sign(): number {
    if (this.terms.length === 0) return 0;
    if (this.terms.length === 1) return Math.sign((this.terms[0] as Term).n);
    let sum = 0;
    let size = 0;
    for (const t of this.terms) {
      const v = (t.n * t.p) / t.q;
      sum += v;
      size += Math.abs(v);
    }
    // Doubles settle it unless the sum is within rounding error of 0.
    if (Math.abs(sum) > size * 1e-12) return Math.sign(sum);
    return exactSign(this.terms);
  }

  compare(other: Exact): number {
    return this.minus(other).sign();
  }

  /** The amount divided by `divisor` (a positive whole number), as the nearest double where the integers allow. */
  toNumber(divisor = 1): number {
    const terms = this.terms;
    if (terms.length === 0) return 0;
    // One fraction N / D over the product of the q's, when every integer stays exact.
    let d = divisor;
    for (const t of terms) d *= t.q;
    if (d <= MAX_SAFE) {
      let n = 0;
      let exact = true;
      for (const t of terms) {
        const part = t.n * t.p * (d / divisor / t.q);
        n += part;
        if (!Number.isSafeInteger(part) || !Number.isSafeInteger(n)) exact = false;
      }
      if (exact) return n / d;
    }
    // Beyond 2^53: each term n x p / (q x divisor) in double-double arithmetic (error-free products,
    // a remainder-corrected quotient), summed likewise, rounded once at the end.
    let hi = 0;
    let lo = 0;
    for (const t of terms) {
      const [qh, ql] = ddQuotient(t.n, t.p, t.q * divisor);
      const [sh, sl] = twoSum(hi, qh);
      lo += sl + ql;
      hi = sh;
    }
    return hi + lo;
  }

  /** The least whole k with k x unit >= this amount (this >= 0, unit a positive whole number), exactly. */
  ceilDiv(unit: number): number {
    if (this.sign() <= 0) return 0;
    let k = Math.ceil(this.toNumber(unit));
    while (Exact.of(k).times(unit).compare(this) < 0) k++;
    while (
      k > 0 &&
      Exact.of(k - 1)
        .times(unit)
        .compare(this) >= 0
    )
      k--;
    return k;
  }

  static max(a: Exact, b: Exact): Exact {
    return a.compare(b) >= 0 ? a : b;
  }

  static min(a: Exact, b: Exact): Exact {
    return a.compare(b) <= 0 ? a : b;
  }
}

/** 1 / (1 - rate) as p / q, the rate read to 6 decimals: 0.2 gives 5 / 4. */
export function retakeFactor(rate: number): { readonly p: number; readonly q: number } {
  const millionths = Math.round(rate * 1_000_000);
  if (!(millionths >= 0 && millionths < 1_000_000)) {
    throw new InputError('the retake rate must be from 0 up to but not including 1 (100 %), such as 0.2 or 20%');
  }
  const p = 1_000_000;
  const q = 1_000_000 - millionths;
  const g = gcd(p, q);
  return { p: p / g, q: q / g };
}

// ---------------------------------------------------------------------------------------------
// Double-double arithmetic (Dekker, Knuth): a value as hi + lo, exact sums and products of doubles.

/** a split into two halves of 26 bits (Veltkamp): a = hi + lo exactly. */
function split(a: number): [number, number] {
  const c = 134_217_729 * a;
  const hi = c - (c - a);
  return [hi, a - hi];
}

/** a x b = hi + lo exactly. */
function twoProduct(a: number, b: number): [number, number] {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

/** a + b = s + e exactly. */
function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const v = s - a;
  return [s, a - (s - v) + (b - v)];
}

/** n x p / d as hi + lo, far closer than one unit in the last place of hi (n, p, d safe integers, d > 0). */
function ddQuotient(n: number, p: number, d: number): [number, number] {
  const [nh, nl] = twoProduct(n, p);
  const q1 = nh / d;
  const [ph, pl] = twoProduct(q1, d);
  const remainder = nh - ph - pl + nl;
  const q2 = remainder / d;
  return twoSum(q1, q2);
}

// ---------------------------------------------------------------------------------------------
// Exact sign of sum(n_i p_i / q_i): the sign of sum(n_i p_i prod_{j != i} q_j), in base 1e7 limbs.

const BASE = 10_000_000;

/** A non-negative integer as limbs, least significant first. */
type Limbs = number[];

function limbsOf(n: number): Limbs {
  const out: Limbs = [];
  let x = Math.abs(n);
  while (x > 0) {
    const limb = x % BASE;
    out.push(limb);
    x = (x - limb) / BASE;
  }
  return out;
}

/** a x k for a whole k below 1e8 (so each step stays below 2^53). */
function mulSmall(a: Limbs, k: number): Limbs {
  const out: Limbs = [];
  let carry = 0;
  for (const limb of a) {
    const v = limb * k + carry;
    const low = v % BASE;
    out.push(low);
    carry = (v - low) / BASE;
  }
  while (carry > 0) {
    const low = carry % BASE;
    out.push(low);
    carry = (carry - low) / BASE;
  }
  return out;
}

/** a x k for any safe whole k: k split into limbs. */
function mul(a: Limbs, k: number): Limbs {
  let result: Limbs = [];
  limbsOf(k).forEach((digit, shift) => {
    const part = mulSmall(a, digit);
    result = add(result, [...new Array<number>(shift).fill(0), ...part]);
  });
  return result;
}

function add(a: Limbs, b: Limbs): Limbs {
  const out: Limbs = [];
  let carry = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const v = (a[i] ?? 0) + (b[i] ?? 0) + carry;
    carry = v >= BASE ? 1 : 0;
    out.push(v - carry * BASE);
  }
  if (carry) out.push(carry);
  return out;
}

function cmp(a: Limbs, b: Limbs): number {
  const trim = (x: Limbs) => {
    let n = x.length;
    while (n > 0 && x[n - 1] === 0) n--;
    return n;
  };
  const la = trim(a);
  const lb = trim(b);
  if (la !== lb) return la < lb ? -1 : 1;
  for (let i = la - 1; i >= 0; i--) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number) ? -1 : 1;
  return 0;
}

function exactSign(terms: readonly Term[]): number {
  let positive: Limbs = [];
  let negative: Limbs = [];
  terms.forEach((t, i) => {
    let product = mul(limbsOf(t.n), t.p);
    terms.forEach((other, j) => {
      if (j !== i) product = mul(product, other.q);
    });
    if (t.n > 0) positive = add(positive, product);
    else negative = add(negative, product);
  });
  return cmp(positive, negative);
}
