/** The default price book in the shapes the schedule takes: paid plans and packs in whole cents. */
import { DEFAULT_PRICE_BOOK } from '../../src/pricing';
import type { ApiPack } from '../../src/pricing/apiSchedule';
import type { SchedulePack, SchedulePlan } from '../../src/pricing/schedule';

export const DEFAULT_PLANS: readonly SchedulePlan[] = DEFAULT_PRICE_BOOK.plans
  .filter((p) => p.dailyCredits === null)
  .map((p) => ({
    name: p.name,
    credits: p.monthlyCredits,
    firstMonthCents: p.firstMonthCents,
    renewalCents: p.renewalCents,
    listCents: p.listCents,
    yearlyCents: p.yearlyCents,
  }));

export const DEFAULT_PACKS: readonly SchedulePack[] = DEFAULT_PRICE_BOOK.packs.map((p) => ({
  cents: p.priceCents,
  credits: p.credits + p.bonus,
}));

/** Kling's standard API packs (pricing-facts.md, section 4): $700 / 5,000 ... $7,560 / 60,000 units, valid 180 days. */
export const DEFAULT_API_PACKS: readonly ApiPack[] = [
  { cents: 70_000, units: 5_000, validDays: 180 },
  { cents: 210_000, units: 15_000, validDays: 180 },
  { cents: 567_000, units: 45_000, validDays: 180 },
  { cents: 756_000, units: 60_000, validDays: 180 },
];

/** The same packs with another validity (days), every pack alike. */
export function apiPacksValid(days: number): ApiPack[] {
  return DEFAULT_API_PACKS.map((p) => ({ ...p, validDays: days }));
}

/** One API unit at list price, $0.14, in ticks (USD x 10,000). */
export const UNIT_TICKS = 1_400;
