import type { PricingEngine } from './engine';
import { InputError } from './errors';
import { formatThousands, fromCents, toCents } from './money';
import type { TableCell } from './tables';
import type { Plan, TopUpPack } from './types';

/** The three ways to pay for twelve months that the yearly view compares. */
export type YearBilling = 'intro' | 'monthly' | 'annual';
export const YEAR_BILLINGS: readonly YearBilling[] = ['intro', 'monthly', 'annual'];

const YEAR_BILLING_NAMES: Readonly<Record<YearBilling, string>> = {
  intro: 'first month + renewals',
  monthly: 'monthly renewals',
  annual: 'annual billing',
};

/** One row of the yearly view: a paid plan, alone or with the top-up packs it needs every month. */
export interface YearlyOption {
  readonly plan: Plan;
  readonly packs: readonly TopUpPack[];
  /** "Standard + 330-credit pack". */
  readonly label: string;
  /** Credits per month: plan credits plus pack credits (bonus included). */
  readonly credits: number;
  /** False when the plan alone is too small and top-ups are not allowed: no costs then. */
  readonly covers: boolean;
  /** USD for twelve months under each billing, packs bought every month; null when it does not cover. */
  readonly year: Readonly<Record<YearBilling, number>> | null;
}

export interface YearlyView {
  readonly need: number;
  /** One option per paid plan, smallest plan first. */
  readonly options: readonly YearlyOption[];
  /** The cheapest option under each billing (the free plan for a need of 0). */
  readonly cheapest: Readonly<Record<YearBilling, { readonly label: string; readonly year: number }>>;
  /**
   * Break-even with Kling's API, per billing: the API price per app credit (USD) at which a year of
   * API generations costs as much as the cheapest option, i.e. cheapest 12-month cost / (12 x need).
   * A workload whose API cost divided by its app credits is below this is cheaper on the API.
   * Null for a need of 0.
   */
  readonly breakEven: Readonly<Record<YearBilling, number | null>>;
}

/** A figure under each billing of the yearly view, computed in the order intro, monthly, annual. */
function perBilling<T>(figure: (billing: YearBilling) => T): Record<YearBilling, T> {
  return { intro: figure('intro'), monthly: figure('monthly'), annual: figure('annual') };
}

/**
 * The 12-month cost of every way to buy `need` credits a month: each paid plan alone when it
 * covers the need, else (top-ups allowed) with the cheapest packs for the rest, bought every
 * month; under first month + 11 renewals, 12 monthly renewals and annual billing.
 */
export function yearlyView(engine: PricingEngine, need: number, allowTopups: boolean): YearlyView {
  // Checks the need and throws the engine's message when nothing covers it (no top-ups, need above Ultra).
  engine.bestOption(need, 'monthly', allowTopups);
  // The pack cover does not depend on the billing: take it from the monthly options.
  const covers = new Map(engine.options(need, 'monthly', allowTopups).map((o) => [o.plan.id, o]));
  const options: YearlyOption[] = engine.paidPlans().map((plan) => {
    const option = covers.get(plan.id);
    if (!option) {
      return {
        plan,
        packs: [],
        label: `${plan.name} (${formatThousands(plan.monthlyCredits)} credits: too few)`,
        credits: plan.monthlyCredits,
        covers: false,
        year: null,
      };
    }
    const packCents = option.packs.reduce((sum, pack) => sum + toCents(pack.price), 0);
    const yearOf = (billing: YearBilling) => fromCents(toCents(engine.planYear(plan, billing)) + 12 * packCents);
    return {
      plan,
      packs: option.packs,
      label: option.label,
      credits: option.credits,
      covers: true,
      year: perBilling(yearOf),
    };
  });

  const candidates = options.filter((o) => o.covers);
  if (need > 0 && candidates.length === 0) throw new InputError('no plan covers this need');

  const cheapestUnder = (billing: YearBilling) => {
    if (need === 0) {
      const free = engine.bestOption(0, 'monthly', false);
      return { label: free.label, year: engine.planYear(free.plan, billing) };
    }
    const best = [...candidates].sort((a, b) => compareYear(a, b, billing))[0] as YearlyOption;
    return { label: best.label, year: (best.year as Record<YearBilling, number>)[billing] };
  };
  const cheapest = perBilling(cheapestUnder);
  const breakEvenOf = (billing: YearBilling) => (need > 0 ? cheapest[billing].year / (12 * need) : null);
  return {
    need,
    options,
    cheapest,
    breakEven: perBilling(breakEvenOf),
  };
}

/** Cheaper first; ties go to more credits, then to fewer packs (as the monthly choice). */
function compareYear(a: YearlyOption, b: YearlyOption, billing: YearBilling): number {
  const cost = toCents((a.year as Record<YearBilling, number>)[billing]) - toCents((b.year as Record<YearBilling, number>)[billing]);
  if (cost !== 0) return cost;
  if (a.credits !== b.credits) return b.credits - a.credits;
  return a.packs.length - b.packs.length;
}

export const YEARLY_HEADER: readonly string[] = [
  '12-month view',
  'Credits per month',
  'First month + 11 renewals (USD)',
  '12 monthly renewals (USD)',
  'Annual billing (USD)',
  'Cheapest under',
];

export const YEARLY_ROW_LABELS = {
  cheapestCost: 'Cheapest 12-month cost (USD)',
  cheapestOption: 'Cheapest option',
  breakEven: "Break-even with Kling's API (USD per credit)",
} as const;

/**
 * The yearly view as a table of a fixed shape (so a sheet can point at its cells): a header,
 * three summary rows (cheapest cost, cheapest option, break-even with the API), then one row
 * per paid plan, smallest first, with the billings it is cheapest under.
 */
export function yearlyTable(view: YearlyView): TableCell[][] {
  const per = <T>(f: (billing: YearBilling) => T): T[] => YEAR_BILLINGS.map(f);
  const rows: TableCell[][] = [
    [...YEARLY_HEADER],
    [YEARLY_ROW_LABELS.cheapestCost, view.need, ...per((b) => view.cheapest[b].year), ''],
    [YEARLY_ROW_LABELS.cheapestOption, '', ...per((b) => view.cheapest[b].label), ''],
    [YEARLY_ROW_LABELS.breakEven, '', ...per((b) => view.breakEven[b] ?? ''), ''],
  ];
  for (const option of view.options) {
    const under =
      view.need > 0 ? YEAR_BILLINGS.filter((b) => view.cheapest[b].label === option.label).map((b) => YEAR_BILLING_NAMES[b]) : [];
    rows.push([option.label, option.credits, ...per((b) => (option.year ? option.year[b] : '')), under.join(', ')]);
  }
  return rows;
}
