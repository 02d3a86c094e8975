/**
 * Kling's API over time (shared/spec/schedule.md, "Kling's API over time"): prepaid packs that
 * expire, so the months are cut into windows as long as the packs last (180 days: 6-month windows,
 * 90 days: 3, 30 days: 1) and each window that has work buys its own cheapest packs; unused units
 * are lost at the window's end.
 */
import { InputError } from './errors';
import { Exact } from './exact';
import { packsLabel } from './labels';
import { CoverSolver } from './packCover';

/** A standard API pack (trial packs are never passed in): price in whole cents, API units, days valid. */
export interface ApiPack {
  readonly cents: number;
  readonly units: number;
  readonly validDays: number;
}

/** How long a window is, from the packs' validity. */
export interface ApiWindowRule {
  /** Months per window: floor(shortest validity / 30), at least 1. */
  readonly months: number;
  /** The packs have different validities: the shortest is taken for every pack (an upper bound). */
  readonly mixed: boolean;
  /** The shortest validity is under 30 days: it counts as one month. */
  readonly underMonth: boolean;
}

export const DAYS_PER_WINDOW_MONTH = 30;

/** The whole months a balance valid for `days` days lasts: floor(days / 30), at least 1. */
export function validityMonths(days: number): number {
  return Math.max(1, Math.floor(days / DAYS_PER_WINDOW_MONTH));
}

/** The window rule of a book's standard API packs (the shortest validity, where they differ). */
export function apiWindowRule(packs: readonly ApiPack[]): ApiWindowRule {
  if (packs.length === 0) return { months: 1, mixed: false, underMonth: false };
  const days = packs.map((p) => p.validDays);
  const shortest = Math.min(...days);
  return {
    months: validityMonths(shortest),
    mixed: days.some((d) => d !== shortest),
    underMonth: shortest < DAYS_PER_WINDOW_MONTH,
  };
}

/** What the window rule assumes, in words appended to what the API figure bought ("" when nothing to say). */
export function apiWindowNote(rule: ApiWindowRule): string {
  const notes: string[] = [];
  if (rule.mixed) notes.push(`assumes every pack lasts ${rule.months} ${rule.months === 1 ? 'month' : 'months'}`);
  if (rule.underMonth) notes.push('a validity under 30 days counts as one month');
  return notes.join('; ');
}

export interface ApiWindow {
  /** Months of the schedule it covers, 1-based, inclusive. */
  readonly first: number;
  readonly last: number;
  /** Units needed, as a double: the window's USD / the unit's price. */
  readonly units: number;
  readonly packCounts: readonly number[];
  readonly unitsBought: number;
  readonly cents: number;
}

export interface ApiScheduleResult {
  readonly windows: readonly ApiWindow[];
  readonly rule: ApiWindowRule;
  /** Units needed over all windows, as a double. */
  readonly units: number;
  readonly totalCents: number;
  readonly packCounts: readonly number[];
}

export const MAX_API_MONTHS = 24;

/**
 * The API packs a schedule of work buys: per window with work, the cheapest packs covering the
 * window's units (its exact USD at list prices / the unit's price, rounded up); ties go to fewer
 * units bought, then fewer packs (then the solver's deterministic choice). A window without work
 * buys nothing. `monthsTicks` is each month's work at list prices in ticks (USD x 10,000), exact;
 * `unitTicks` the list price of a unit. `solver`, when given, must be a 'less-size' CoverSolver
 * over `packs` (cost = cents, size = units) in the same order.
 */
export function apiSchedule(
  monthsTicks: readonly Exact[],
  unitTicks: number,
  packs: readonly ApiPack[],
  solver?: CoverSolver,
): ApiScheduleResult {
  if (monthsTicks.length < 1 || monthsTicks.length > MAX_API_MONTHS) {
    throw new InputError(`an API schedule has 1 to ${MAX_API_MONTHS} months, not ${monthsTicks.length}`);
  }
  monthsTicks.forEach((v, i) => {
    if (v.sign() < 0) throw new InputError(`month ${i + 1}: the API cost must be 0 or more`);
  });
  if (!Number.isSafeInteger(unitTicks) || unitTicks <= 0) throw new InputError('the price of an API unit must be above 0');
  const rule = apiWindowRule(packs);
  const cover = solver || apiSolver(packs);
  const windows: ApiWindow[] = [];
  let all = Exact.ZERO;
  for (let first = 0; first < monthsTicks.length; first += rule.months) {
    const last = Math.min(monthsTicks.length, first + rule.months) - 1;
    let work = Exact.ZERO;
    for (let m = first; m <= last; m++) work = work.plus(monthsTicks[m] as Exact);
    all = all.plus(work);
    const bought = cover.cover(work.ceilDiv(unitTicks));
    windows.push({
      first: first + 1,
      last: last + 1,
      units: work.toNumber(unitTicks),
      packCounts: bought.counts,
      unitsBought: bought.size,
      cents: bought.cost,
    });
  }
  return {
    windows,
    rule,
    units: all.toNumber(unitTicks),
    totalCents: windows.reduce((sum, w) => sum + w.cents, 0),
    packCounts: packs.map((_, i) => windows.reduce((sum, w) => sum + (w.packCounts[i] as number), 0)),
  };
}

/** The solver apiSchedule uses when none is passed in. */
export function apiSolver(packs: readonly ApiPack[]): CoverSolver {
  return new CoverSolver(
    packs.map((p) => ({ cost: p.cents, size: p.units })),
    'less-size',
    { noun: 'API packs', unit: 'units' },
  );
}

export const API_SCHEDULE_HEADER: readonly string[] = ['Window', 'Months', 'Units', 'Packs', 'Cost (USD)'];

/** "2 x 5,000-unit pack" */
export function apiPacksText(counts: readonly number[], packs: readonly ApiPack[]): string {
  return packsLabel(
    packs.map((p, i) => ({ size: p.units, count: counts[i] as number })),
    'unit',
  );
}

/** The API schedule as a sheet table: header, one row per window, a Total row; money in USD. */
export function apiScheduleTable(result: ApiScheduleResult, packs: readonly ApiPack[]): (string | number)[][] {
  const span = (first: number, last: number) => (first === last ? `${first}` : `${first}-${last}`);
  const rows: (string | number)[][] = [[...API_SCHEDULE_HEADER]];
  result.windows.forEach((w, i) => {
    rows.push([i + 1, span(w.first, w.last), w.units, apiPacksText(w.packCounts, packs), w.cents / 100]);
  });
  const lastMonth = result.windows.length > 0 ? (result.windows[result.windows.length - 1] as ApiWindow).last : 0;
  const note = apiWindowNote(result.rule);
  const packsText = apiPacksText(result.packCounts, packs);
  rows.push([
    'Total',
    lastMonth > 0 ? span(1, lastMonth) : '',
    result.units,
    note ? [packsText, note].filter(Boolean).join('; ') : packsText,
    result.totalCents / 100,
  ]);
  return rows;
}
