import type { PriceBook } from './types';

/**
 * How old the prices are, as every inserted sheet and the sidebar show it: "prices as of
 * <date>", the newest As of of the Plan rows (plans move every figure), and, when that is 60 or
 * more days before today, ", <n> days ago: check Kling's pages or Edit prices".
 */

/** Days from which the age is shown. */
export const PRICE_AGE_WARN_DAYS = 60;
export const PRICE_AGE_ADVICE = "check Kling's pages or Edit prices";

/** The newest As of of the book's plans (YYYY-MM-DD). */
export function planPricesAsOf(book: PriceBook): string {
  let newest = '';
  for (const plan of book.plans) if (plan.asOf > newest) newest = plan.asOf;
  return newest;
}

/** Days from one ISO date to another (calendar days, no time zone involved). */
export function daysBetween(from: string, to: string): number {
  const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((day(to) - day(from)) / 86_400_000);
}

/** "prices as of 2026-10-05, 63 days ago: check Kling's pages or Edit prices" on 2026-12-07. */
export function priceAgeText(asOf: string, today: string): string {
  const days = daysBetween(asOf, today);
  return `prices as of ${asOf}${days >= PRICE_AGE_WARN_DAYS ? `, ${days} days ago: ${PRICE_AGE_ADVICE}` : ''}`;
}
