import type { ApiPack, ApiScheduleResult } from './apiSchedule';
import { apiPacksText, apiSchedule, apiScheduleTable, apiSolver, apiWindowNote } from './apiSchedule';
import { packCredits } from './bundles';
import type { PricingEngine } from './engine';
import { InputError } from './errors';
import type { Exact } from './exact';
import { packsLabel } from './labels';
import type { CoverSolver } from './packCover';
import type { Schedule, SchedulePack, SchedulePlan } from './schedule';
import { cheapestSchedule, MAX_MONTHS, scheduleTable } from './schedule';
import type { Billing, Plan, PriceBook } from './types';

/**
 * Spend over time: every figure that covers more than one month comes from here, never from
 * "one month times twelve". App credits: the cheapest month-by-month schedule (top-ups carried
 * over). Kling's API: its prepaid packs bought per window, as long as the packs last.
 */

export { MAX_MONTHS } from './schedule';

function schedulePlan(plan: Plan): SchedulePlan {
  return {
    name: plan.name,
    credits: plan.monthlyCredits,
    firstMonthCents: plan.firstMonthCents,
    renewalCents: plan.renewalCents,
    listCents: plan.listCents,
    yearlyCents: plan.yearlyCents,
  };
}

function schedulePacks(book: PriceBook): SchedulePack[] {
  return book.packs.map((p) => ({ cents: p.priceCents, credits: packCredits(p) }));
}

/** A schedule with the plans and packs it indexes into, so it can be named and tabled. */
export interface PlannedSpend {
  readonly schedule: Schedule;
  readonly plans: readonly SchedulePlan[];
  readonly packs: readonly SchedulePack[];
}

export interface SpendOptions {
  readonly startBalance?: number;
  /** Only these plans (the yearly view's per-plan rows); default every paid plan. */
  readonly plans?: readonly Plan[];
  /** False: no top-up packs at all. */
  readonly allowTopups?: boolean;
}

/** The cheapest schedule for credits needed month by month (each a whole number >= 0). */
export function planSpend(engine: PricingEngine, needs: readonly number[], billing: Billing, options: SpendOptions = {}): PlannedSpend {
  if (needs.length < 1 || needs.length > MAX_MONTHS)
    throw new InputError(`a schedule has 1 to ${MAX_MONTHS} months; this one has ${needs.length}`);
  const plans = (options.plans ?? engine.paidPlans()).map(schedulePlan);
  if (plans.length === 0) throw new InputError('the price book has no paid plan');
  const allow = options.allowTopups !== false;
  const packs = allow ? schedulePacks(engine.book) : [];
  const schedule = cheapestSchedule(
    { plans, packs, needs, billing, startBalance: options.startBalance ?? 0 },
    allow ? engine.packs() : undefined,
  );
  return { schedule, plans, packs };
}

/** The schedule as KLING_SCHEDULE's table. */
export function spendTable(spend: PlannedSpend): (string | number)[][] {
  return scheduleTable(spend.schedule, spend.plans, spend.packs);
}

/** "Standard + 660-credit pack", "Pro x 7, Standard x 5 + 3 x 7,500-credit pack": what a schedule buys. */
export function spendLabel(spend: PlannedSpend): string {
  const months = new Map<number, number>();
  for (const month of spend.schedule.months) if (month.plan >= 0) months.set(month.plan, (months.get(month.plan) ?? 0) + 1);
  const plans = [...months].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const planText =
    plans.length === 0
      ? 'No plan'
      : plans.length === 1
        ? (spend.plans[(plans[0] as [number, number])[0]] as SchedulePlan).name
        : plans.map(([i, n]) => `${(spend.plans[i] as SchedulePlan).name} x ${n}`).join(', ');
  const packs = packsLabel(
    spend.packs.map((p, i) => ({ size: p.credits, count: spend.schedule.packCounts[i] ?? 0 })),
    'credit',
  );
  return packs ? `${planText} + ${packs}` : planText;
}

/** Kling's API over months: what the work costs with the book's standard (non-trial) packs. */
export interface ApiSpend {
  readonly result: ApiScheduleResult;
  readonly packs: readonly ApiPack[];
}

/** Trial packs are one per account and last 30 days: a budget never counts on them. */
function standardApiPacks(book: PriceBook): ApiPack[] {
  return book.apiPacks.filter((p) => !p.trial).map((p) => ({ cents: p.priceCents, units: p.units, validDays: p.validDays }));
}

/** The reason there is no API figure over months, or null when the book can price it. */
export function apiSpendProblem(book: PriceBook): string | null {
  return standardApiPacks(book).length === 0 ? 'the price book lists no API packs (Kling sells the API only in prepaid packs)' : null;
}

const apiSolvers = new WeakMap<PriceBook, CoverSolver>();

/** API work month by month (ticks at list prices, exact) priced with the book's prepaid packs, window by window. */
export function planApiSpend(book: PriceBook, monthsTicks: readonly Exact[]): ApiSpend {
  const problem = apiSpendProblem(book);
  if (problem) throw new InputError(problem);
  const packs = standardApiPacks(book);
  let solver = apiSolvers.get(book);
  if (!solver) {
    solver = apiSolver(packs);
    apiSolvers.set(book, solver);
  }
  return { result: apiSchedule(monthsTicks, book.apiUnit.ticks, packs, solver), packs };
}

export function apiSpendTable(spend: ApiSpend): (string | number)[][] {
  return apiScheduleTable(spend.result, spend.packs);
}

/** "2 x 5,000-unit pack", and what the windows assume when the packs' validities differ: what an API figure bought. */
export function apiPacksLabel(spend: ApiSpend): string {
  const packs = apiPacksText(spend.result.packCounts, spend.packs);
  const note = apiWindowNote(spend.result.rule);
  return [packs, note].filter(Boolean).join('; ');
}
