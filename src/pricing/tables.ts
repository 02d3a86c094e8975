import { isFree, planCredits } from './plans';
import type { PriceBook } from './types';

export type TableCell = string | number;

export const PLAN_TABLE_HEADER: readonly string[] = [
  'Plan',
  'Credits per month',
  'Credits per day',
  'First month (USD)',
  'Monthly renewal (USD)',
  'List monthly (USD)',
  'Yearly (USD)',
  'Yearly per month (USD)',
  'Commercial use',
  'Confidence',
  'Source',
  'As of',
];

/** The plan table of a price book: a header row, then one row per plan with its source. */
export function planTable(book: PriceBook): TableCell[][] {
  const rows: TableCell[][] = [[...PLAN_TABLE_HEADER]];
  for (const plan of book.plans) {
    rows.push([
      plan.name,
      planCredits(plan),
      isFree(plan) ? (plan.dailyCredits as number) : '',
      plan.firstMonthCents / 100,
      plan.renewalCents / 100,
      plan.listCents / 100,
      plan.yearlyCents / 100,
      plan.yearlyCents / 1200,
      isFree(plan) ? 'no' : 'yes',
      plan.confidence,
      plan.source,
      plan.asOf,
    ]);
  }
  return rows;
}
