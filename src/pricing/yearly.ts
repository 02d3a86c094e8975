import type { PricingEngine } from './engine';
import { wholeNeed } from './engine';
import { InputError } from './errors';
import { formatThousands } from './money';
import type { PlannedSpend } from './spend';
import { planSpend, spendLabel } from './spend';
import type { TableCell } from './tables';
import type { Plan } from './types';

/**
 * The 12-month view of a steady need: every figure is the schedule of 12 equal months
 * (top-ups carried over), under first month + renewals, monthly renewals and annual billing.
 */

export type YearBilling = 'intro' | 'monthly' | 'annual';
export const YEAR_BILLINGS: readonly YearBilling[] = ['intro', 'monthly', 'annual'];
const MONTHS = 12;

const YEAR_BILLING_NAMES: Readonly<Record<YearBilling, string>> = {
  intro: 'first month + renewals',
  monthly: 'monthly renewals',
  annual: 'annual billing',
};

/** One paid plan in every month, top-ups carried over for the rest; null where it cannot cover. */
export interface YearlyPlanRow {
  readonly plan: Plan;
  readonly label: string;
  readonly spend: Readonly<Record<YearBilling, PlannedSpend>> | null;
}

export interface YearlyView {
  readonly need: number;
  /** The cheapest schedule under each billing (a need of 0: nothing to buy, $0). */
  readonly cheapest: Readonly<Record<YearBilling, PlannedSpend>> | null;
  readonly plans: readonly YearlyPlanRow[];
}

function perBilling<T>(figure: (billing: YearBilling) => T): Record<YearBilling, T> {
  return { intro: figure('intro'), monthly: figure('monthly'), annual: figure('annual') };
}

export function yearlyView(engine: PricingEngine, needAsGiven: number, allowTopups: boolean): YearlyView {
  const whole = wholeNeed(needAsGiven);
  const need = whole;
  const needs = new Array<number>(MONTHS).fill(whole);
  if (whole === 0) return { need, cheapest: null, plans: engine.paidPlans().map((plan) => ({ plan, label: plan.name, spend: null })) };
  // Engine's own check: a need above every plan with top-ups refused gets its message.
  engine.bestBundle(whole, 'monthly', allowTopups);
  const cheapest = perBilling((billing) => planSpend(engine, needs, billing, { allowTopups }));
  const plans = engine.paidPlans().map((plan): YearlyPlanRow => {
    if (!allowTopups && plan.monthlyCredits < whole) {
      return { plan, label: `${plan.name} (${formatThousands(plan.monthlyCredits)} credits: too few)`, spend: null };
    }
    const spend = perBilling((billing) => planSpend(engine, needs, billing, { allowTopups, plans: [plan] }));
    return { plan, label: spendLabel(spend.monthly), spend };
  });
  return { need, cheapest, plans };
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
  cheapestOption: 'Cheapest schedule (top-ups carried over)',
  averageCredit: 'Average cost per credit over the year (USD)',
} as const;

const usd = (spend: PlannedSpend) => spend.schedule.totalCents / 100;

/**
 * The yearly view as a table of a fixed shape (8 rows x 6 columns, so a sheet can point at its
 * cells): a header, the cheapest 12-month cost, the cheapest schedule, the average cost per
 * credit, then one row per paid plan (that plan every month), with the billings it is cheapest under.
 */
export function yearlyTable(view: YearlyView): TableCell[][] {
  const per = <T>(f: (billing: YearBilling) => T): T[] => YEAR_BILLINGS.map(f);
  const { cheapest, need } = view;
  if (view.plans.length === 0) throw new InputError('the price book has no paid plan');
  const rows: TableCell[][] = [
    [...YEARLY_HEADER],
    [YEARLY_ROW_LABELS.cheapestCost, need, ...per((b) => (cheapest ? usd(cheapest[b]) : 0)), ''],
    [YEARLY_ROW_LABELS.cheapestOption, '', ...per((b) => (cheapest ? spendLabel(cheapest[b]) : 'Free')), ''],
    // One division of whole cents: (cents / 100) / (12 x need) is a rounding more (89.20 / 8,400).
    // A need below one credit buys a whole credit a month: the average is per credit bought.
    [
      YEARLY_ROW_LABELS.averageCredit,
      '',
      ...per((b) => (cheapest ? cheapest[b].schedule.totalCents / (100 * MONTHS * Math.max(need, 1)) : '')),
      '',
    ],
  ];
  for (const row of view.plans) {
    const under =
      cheapest && row.spend
        ? YEAR_BILLINGS.filter((b) => row.spend && row.spend[b].schedule.totalCents === cheapest[b].schedule.totalCents)
        : [];
    rows.push([
      row.label,
      row.plan.monthlyCredits,
      ...per((b) => (row.spend ? usd(row.spend[b]) : '')),
      under.map((b) => YEAR_BILLING_NAMES[b]).join(', '),
    ]);
  }
  return rows;
}
