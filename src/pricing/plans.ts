import type { Cents, Twelfths } from './money';
import { TWELFTHS_PER_CENT } from './money';
import type { Billing, Plan, PlanField } from './types';

/**
 * Plan arithmetic as plain functions: what a plan grants and what it costs under a billing.
 * The rules live here once; the engine, the schedule and the tables ask them.
 */

/** A month, for the free plan whose credits reset every day. */
export const DAYS_PER_MONTH = 30;

/** The free (Basic) plan: daily credits that never add up, and no commercial use (official). */
export function isFree(plan: Plan): boolean {
  return plan.dailyCredits !== null;
}

/** May a production use it? The Basic plan's output may not be used commercially. */
export function allowsCommercialUse(plan: Plan): boolean {
  return !isFree(plan);
}

/** Credits a plan grants in a month (free: daily credits x 30). */
export function planCredits(plan: Plan): number {
  return plan.dailyCredits === null ? plan.monthlyCredits : plan.dailyCredits * DAYS_PER_MONTH;
}

/** What one month of the plan costs under a billing, in twelfths of a cent (annual: yearly / 12, exact). */
export function planMonthTwelfths(plan: Plan, billing: Billing): Twelfths {
  switch (billing) {
    case 'intro':
      return plan.firstMonthCents * TWELFTHS_PER_CENT;
    case 'annual':
      return plan.yearlyCents;
    case 'list':
      return plan.listCents * TWELFTHS_PER_CENT;
    default:
      return plan.renewalCents * TWELFTHS_PER_CENT;
  }
}

/** What twelve months of the plan cost under a billing: intro = first month + 11 renewals. */
export function planYearCents(plan: Plan, billing: Billing): Cents {
  switch (billing) {
    case 'intro':
      return plan.firstMonthCents + 11 * plan.renewalCents;
    case 'annual':
      return plan.yearlyCents;
    case 'list':
      return 12 * plan.listCents;
    default:
      return 12 * plan.renewalCents;
  }
}

/** One figure of a plan, in credits or USD, as KLING_PLAN gives it. */
export function planFigure(plan: Plan, field: PlanField, billing: Billing): number {
  const credits = planCredits(plan);
  const month = planMonthTwelfths(plan, billing);
  switch (field) {
    case 'credits':
      return credits;
    case 'cost_per_credit':
      return credits > 0 ? month / (1200 * credits) : 0;
    case 'cost_per_100':
      return credits > 0 ? month / (12 * credits) : 0;
    case 'year':
      return planYearCents(plan, billing) / 100;
    default:
      return month / 1200;
  }
}

const BILLING_NAMES: Readonly<Record<Billing, string>> = {
  monthly: 'monthly renewal',
  intro: 'first month',
  annual: 'annual billing',
  list: 'list price',
};

export function billingName(billing: Billing): string {
  return BILLING_NAMES[billing];
}

/** Paid plans of a list, fewest credits first. */
export function paidPlans(plans: readonly Plan[]): Plan[] {
  return plans.filter((p) => !isFree(p)).sort((a, b) => a.monthlyCredits - b.monthlyCredits);
}
