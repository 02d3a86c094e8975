import { DAYS_PER_MONTH } from './engine';
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
  'Confidence',
  'Source',
  'As of',
];

/** The plan table of a price book: a header row, then one row per plan with its source. */
export function planTable(book: PriceBook): TableCell[][] {
  const rows: TableCell[][] = [[...PLAN_TABLE_HEADER]];
  for (const plan of book.plans) {
    const free = plan.dailyCredits !== null;
    rows.push([
      plan.name,
      free ? (plan.dailyCredits as number) * DAYS_PER_MONTH : plan.monthlyCredits,
      free ? (plan.dailyCredits as number) : '',
      plan.firstMonth,
      plan.renewal,
      plan.list,
      plan.yearly,
      Math.round(plan.yearly * 100) / 1200,
      plan.confidence,
      plan.source,
      plan.asOf,
    ]);
  }
  return rows;
}
