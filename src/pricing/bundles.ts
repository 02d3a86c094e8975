import { packsLabel } from './labels';
import type { Cents, Twelfths } from './money';
import { TWELFTHS_PER_CENT } from './money';
import { isFree, planCredits, planMonthTwelfths } from './plans';
import type { Billing, Plan, TopUpPack } from './types';

/**
 * What to buy for a month, apart from how it is billed: a plan, plus top-up packs bought that
 * month. A bundle is priced under a billing by bundleMonth(); the sidebar, the yearly view and the
 * budget hold bundles and compare them by identity, never by their display label.
 */
export interface Bundle {
  readonly plan: Plan;
  /** How many of each pack of the book (by index) are bought. */
  readonly packCounts: readonly number[];
  /** Packs bought in all. */
  readonly packs: number;
  readonly packCents: Cents;
  /** Plan credits plus pack credits (bonus included). */
  readonly credits: number;
  /** "Standard + 330-credit pack" */
  readonly label: string;
}

/** Total credits of a pack, bonus included. */
export function packCredits(pack: TopUpPack): number {
  return pack.credits + pack.bonus;
}

/** A bundle of a plan and pack counts (per pack index of `packs`). Its label is written when first read (KLING_MONTHLY_COST never reads it). */
export function makeBundle(plan: Plan, packs: readonly TopUpPack[], counts: readonly number[]): Bundle {
  let packCents = 0;
  let credits = planCredits(plan);
  let total = 0;
  for (let i = 0; i < packs.length; i++) {
    const n = counts[i] ?? 0;
    if (n === 0) continue;
    const pack = packs[i] as TopUpPack;
    packCents += n * pack.priceCents;
    credits += n * packCredits(pack);
    total += n;
  }
  let label: string | undefined;
  return {
    plan,
    packCounts: counts,
    packs: total,
    packCents,
    credits,
    get label(): string {
      if (label === undefined) label = [plan.name, packsLabel(packsOf(packs, counts), 'credit')].filter(Boolean).join(' + ');
      return label;
    },
  };
}

/** Pack counts as sizes and counts, for labels. */
export function packsOf(packs: readonly TopUpPack[], counts: readonly number[]): { size: number; count: number }[] {
  return packs.map((pack, i) => ({ size: packCredits(pack), count: counts[i] ?? 0 }));
}

/** What the bundle's month costs under a billing: the plan's month plus its packs, in twelfths of a cent. */
export function bundleMonth(bundle: Bundle, billing: Billing): Twelfths {
  return planMonthTwelfths(bundle.plan, billing) + bundle.packCents * TWELFTHS_PER_CENT;
}

/** Cheaper first under a billing; ties go to more credits, then to fewer packs. */
export function compareBundles(a: Bundle, b: Bundle, billing: Billing): number {
  const cost = bundleMonth(a, billing) - bundleMonth(b, billing);
  if (cost !== 0) return cost;
  if (a.credits !== b.credits) return b.credits - a.credits;
  return a.packs - b.packs;
}

export function hasPacks(bundle: Bundle): boolean {
  return bundle.packs > 0;
}

export function isFreeBundle(bundle: Bundle): boolean {
  return isFree(bundle.plan);
}
