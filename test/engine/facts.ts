/**
 * The figures of shared/spec/pricing-facts.md, typed in again by hand so that the engine is
 * checked against the spec and not against its own price book.
 */

export interface PlanFact {
  id: 'free' | 'standard' | 'pro' | 'premier' | 'ultra';
  name: string;
  /** Per month (free: 66 x 30). */
  credits: number;
  firstMonth: number;
  renewal: number;
  list: number;
  yearly: number;
}

export const PLAN_FACTS: readonly PlanFact[] = [
  { id: 'free', name: 'Free', credits: 66 * 30, firstMonth: 0, renewal: 0, list: 0, yearly: 0 },
  { id: 'standard', name: 'Standard', credits: 660, firstMonth: 6.99, renewal: 8.8, list: 10, yearly: 79.2 },
  { id: 'pro', name: 'Pro', credits: 3000, firstMonth: 25.99, renewal: 32.56, list: 37, yearly: 293.04 },
  { id: 'premier', name: 'Premier', credits: 8000, firstMonth: 64.99, renewal: 80.96, list: 92, yearly: 728.64 },
  { id: 'ultra', name: 'Ultra', credits: 26000, firstMonth: 127.99, renewal: 159.99, list: 180, yearly: 1429.99 },
];

/** The "yearly per month" column, in cents as the spec prints it. */
export const YEARLY_PER_MONTH_PRINTED: Readonly<Record<string, number>> = {
  free: 0,
  standard: 6.6,
  pro: 24.42,
  premier: 60.72,
  ultra: 119.17,
};

export const PAID_PLAN_FACTS = PLAN_FACTS.filter((p) => p.id !== 'free');

export interface PackFact {
  price: number;
  credits: number;
  bonus: number;
  total: number;
}

export const PACK_FACTS: readonly PackFact[] = [
  { price: 5, credits: 330, bonus: 0, total: 330 },
  { price: 10, credits: 660, bonus: 0, total: 660 },
  { price: 20, credits: 1320, bonus: 0, total: 1320 },
  { price: 50, credits: 3300, bonus: 200, total: 3500 },
  { price: 100, credits: 6600, bonus: 900, total: 7500 },
  { price: 200, credits: 13200, bonus: 2800, total: 16000 },
  { price: 600, credits: 39600, bonus: 8400, total: 48000 },
  { price: 1200, credits: 79200, bonus: 16800, total: 96000 },
];

export type Mode = 'standard' | 'professional' | '4k';

/** Kling 2.6 credits per clip: [mode, audio, 5 s, 10 s]. */
export const CREDITS_26: readonly [Mode, boolean, number, number][] = [
  ['standard', false, 10, 20],
  ['professional', false, 35, 70],
  ['standard', true, 50, 100],
  ['professional', true, 100, 200],
];

/** Kling 3.0 credits per second: [mode, audio, credits/s]. */
export const CREDITS_30_PER_SECOND: readonly [Mode, boolean, number][] = [
  ['standard', false, 6],
  ['standard', true, 9],
  ['professional', false, 8],
  ['professional', true, 12],
  ['4k', false, 30],
  ['4k', true, 30],
];

/** Kling API, 2.6, USD per clip: [mode, audio, 5 s, 10 s]. No standard with audio. */
export const API_26: readonly [Mode, boolean, number, number][] = [
  ['standard', false, 0.21, 0.42],
  ['professional', false, 0.35, 0.7],
  ['professional', true, 0.7, 1.4],
];

/** Kling API, 3.0, USD per second: [mode, audio, usd/s]. */
export const API_30_PER_SECOND: readonly [Mode, boolean, number][] = [
  ['standard', false, 0.084],
  ['standard', true, 0.126],
  ['professional', false, 0.112],
  ['professional', true, 0.168],
  ['4k', false, 0.42],
  ['4k', true, 0.42],
];

export const FREE_CREDITS_PER_DAY = 66;
export const DAYS = 30;
export const CREDITS_PER_IMAGE = 0.2;

/** Whole seconds Kling 3.0 makes. */
export const SECS_30 = Array.from({ length: 13 }, (_, i) => i + 3);

export const BILLINGS = ['monthly', 'intro', 'annual', 'list'] as const;
export type BillingName = (typeof BILLINGS)[number];

/** USD per month of a plan under a billing, in 1/1200 dollar (exact for every plan). */
export function monthlyPriceTwelfthCents(plan: PlanFact, billing: BillingName): number {
  const cents = (usd: number) => Math.round(usd * 100);
  switch (billing) {
    case 'intro':
      return 12 * cents(plan.firstMonth);
    case 'annual':
      return cents(plan.yearly);
    case 'list':
      return 12 * cents(plan.list);
    default:
      return 12 * cents(plan.renewal);
  }
}
