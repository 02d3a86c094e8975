import type { Billing, BudgetSummary, Model } from '../pricing';
import { billingName } from '../pricing';
import type { CellValue } from './ranges';

/** Labels of KLING_BUDGET's rows, in order; the table always has these rows. */
export const BUDGET_LABELS = [
  'Videos per month',
  'Credits for delivered videos',
  'Buffer',
  'Credits with buffer',
  'Best option',
  'Monthly cost (USD)',
  'Cost per delivered video (USD)',
  '12-month cost (USD)',
  'Billing',
  'Model',
] as const;

/** KLING_BUDGET's two-column table: label, value. */
export function budgetTable(summary: BudgetSummary, billing: Billing, model: Model): CellValue[][] {
  const values: CellValue[] = [
    summary.videos,
    summary.credits,
    summary.buffer,
    summary.creditsWithBuffer,
    summary.best.label,
    summary.best.monthlyCost,
    summary.costPerVideo ?? '',
    summary.best.yearCost,
    billingName(billing),
    model === '3.0' ? 'Kling 3.0 (credits are an estimate)' : 'Kling 2.6',
  ];
  return BUDGET_LABELS.map((label, i) => [label, values[i] as CellValue]);
}
