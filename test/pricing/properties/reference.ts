/**
 * Reference answers for the property tests, in whole cents and BigInt: slow, obvious and
 * independent of the engine's own arithmetic and search.
 */
import type { Billing, Plan, PriceBook } from '../../../src/pricing';

/** A price in USD (two decimals at most in the book) as whole cents. */
export function cents(usd: number): bigint {
  const c = Math.round(usd * 100);
  if (Math.abs(c - usd * 100) > 1e-6) throw new Error(`${usd} is not a whole number of cents`);
  return BigInt(c);
}

/** An exact amount of dollars: num / den. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

export function ratio(num: bigint, den: bigint): Rational {
  return den < 0n ? { num: -num, den: -den } : { num, den };
}

/** Twelve times the monthly price of a plan under a billing, in cents (annual: the yearly price). */
export function planCents12(plan: Plan, billing: Billing): bigint {
  switch (billing) {
    case 'intro':
      return 12n * BigInt(plan.firstMonthCents);
    case 'annual':
      return BigInt(plan.yearlyCents);
    case 'list':
      return 12n * BigInt(plan.listCents);
    default:
      return 12n * BigInt(plan.renewalCents);
  }
}

/** Twelve months of a plan under a billing, in cents: intro = first month + 11 renewals. */
export function planYearCents(plan: Plan, billing: Billing): bigint {
  switch (billing) {
    case 'intro':
      return BigInt(plan.firstMonthCents) + 11n * BigInt(plan.renewalCents);
    case 'annual':
      return BigInt(plan.yearlyCents);
    case 'list':
      return 12n * BigInt(plan.listCents);
    default:
      return 12n * BigInt(plan.renewalCents);
  }
}

/**
 * The cheapest cents of packs whose credits add up to at least `rest`, by trying every count of
 * every pack (largest first) and stopping as soon as the rest is covered.
 */
export function cheapestPacksCents(book: PriceBook, rest: number): bigint {
  const packs = [...book.packs].map((p) => ({ total: p.credits + p.bonus, cents: BigInt(p.priceCents) })).sort((a, b) => b.total - a.total);
  const memo = new Map<string, bigint | null>();
  const search = (i: number, left: number): bigint | null => {
    if (left <= 0) return 0n;
    const pack = packs[i];
    if (!pack) return null;
    const key = `${i}|${left}`;
    if (memo.has(key)) return memo.get(key) as bigint | null;
    let best: bigint | null = null;
    const most = Math.ceil(left / pack.total);
    for (let k = 0; k <= most; k++) {
      const rest = search(i + 1, left - k * pack.total);
      if (rest === null) continue;
      const total = BigInt(k) * pack.cents + rest;
      if (best === null || total < best) best = total;
    }
    memo.set(key, best);
    return best;
  };
  const found = search(0, rest);
  if (found === null) throw new Error(`no packs cover ${rest}`);
  return found;
}

/**
 * The least twelve-times-monthly cost in cents of any paid plan plus any packs covering `need`
 * credits (packs only when allowed), or null when nothing covers it.
 */
export function cheapestCents12(book: PriceBook, need: number, billing: Billing, allowTopups: boolean): bigint | null {
  let best: bigint | null = null;
  for (const plan of book.plans.filter((p) => p.dailyCredits === null)) {
    const rest = need - plan.monthlyCredits;
    if (rest > 0 && !allowTopups) continue;
    const total = planCents12(plan, billing) + 12n * (rest > 0 ? cheapestPacksCents(book, rest) : 0n);
    if (best === null || total < best) best = total;
  }
  return best;
}

/** Whether a float equals an exact amount: within float noise, and the same when both are rounded to the cent. */
export function sameToTheCent(actual: number, exact: Rational): boolean {
  if (exact.num < 0n || exact.den <= 0n) throw new Error('amounts here are never negative');
  const value = Number(exact.num) / Number(exact.den);
  if (Math.abs(actual - value) > 1e-9 * Math.max(1, Math.abs(value))) return false;
  // Exact rounding half up: floor((200 x num + den) / (2 x den)). On an exact half cent, either way is fine.
  const exactCents = (200n * exact.num + exact.den) / (2n * exact.den);
  const onHalf = (200n * exact.num) % (2n * exact.den) === exact.den;
  return onHalf || BigInt(Math.round(actual * 100)) === exactCents;
}
