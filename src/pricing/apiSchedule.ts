/**
 * Kling's API over time (shared/spec/schedule.md, "Kling's API over time"): prepaid packs that
 * last 180 days, so the months are cut into 6-month windows and each window that has work buys
 * its own cheapest packs; unused units are lost at the window's end.
 */
import { InputError } from './errors';
import { packsLabel } from './labels';
import { CoverSolver } from './packCover';

/** A standard API pack (trial packs are never passed in): price in whole cents, API units. */
export interface ApiPack {
  readonly cents: number;
  readonly units: number;
}

export interface ApiWindow {
  /** Months of the schedule it covers, 1-based, inclusive. */
  readonly first: number;
  readonly last: number;
  /** Units needed, exact: the window's micro-USD / the unit's micro-USD, may be fractional. */
  readonly units: number;
  readonly packCounts: readonly number[];
  readonly unitsBought: number;
  readonly cents: number;
}

export interface ApiScheduleResult {
  readonly windows: readonly ApiWindow[];
  /** Units needed over all windows, exact: all micro-USD / the unit's micro-USD, one division. */
  readonly units: number;
  readonly totalCents: number;
  readonly packCounts: readonly number[];
}

const WINDOW_MONTHS = 6;
const MAX_MONTHS = 24;

/**
 * The API packs a schedule of work buys: per 6-month window (months 1-6, 7-12, ...) with work, the
 * cheapest packs covering ceil(window micro-USD / unit micro-USD) units; ties go to fewer units
 * bought, then fewer packs (then the solver's deterministic choice). A window without work buys
 * nothing. `solver`, when given, must be a 'less-size' CoverSolver over `packs` (cost = cents,
 * size = units) in the same order.
 */
export function apiSchedule(
  monthsMicroUsd: readonly number[],
  unitMicroUsd: number,
  packs: readonly ApiPack[],
  solver?: CoverSolver,
): ApiScheduleResult {
  if (monthsMicroUsd.length < 1 || monthsMicroUsd.length > MAX_MONTHS) {
    throw new InputError(`an API schedule has 1 to ${MAX_MONTHS} months, not ${monthsMicroUsd.length}`);
  }
  monthsMicroUsd.forEach((v, i) => {
    if (!Number.isSafeInteger(v) || v < 0)
      throw new InputError(`month ${i + 1}: the API cost must be a whole number of micro-USD of 0 or more`);
  });
  if (!Number.isSafeInteger(unitMicroUsd) || unitMicroUsd <= 0) throw new InputError('the price of an API unit must be above 0');
  const cover = solver || apiSolver(packs);
  const windows: ApiWindow[] = [];
  for (let first = 0; first < monthsMicroUsd.length; first += WINDOW_MONTHS) {
    const last = Math.min(monthsMicroUsd.length, first + WINDOW_MONTHS) - 1;
    const micro = monthsMicroUsd.slice(first, last + 1).reduce((a, b) => a + b, 0);
    const bought = cover.cover(ceilDiv(micro, unitMicroUsd));
    windows.push({
      first: first + 1,
      last: last + 1,
      units: micro / unitMicroUsd,
      packCounts: bought.counts,
      unitsBought: bought.size,
      cents: bought.cost,
    });
  }
  return {
    windows,
    units: monthsMicroUsd.reduce((a, b) => a + b, 0) / unitMicroUsd,
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

/** ceil(a / b) for whole a >= 0 and b > 0, exact (no float rounding of the quotient). */
function ceilDiv(a: number, b: number): number {
  const remainder = a % b;
  return (a - remainder) / b + (remainder > 0 ? 1 : 0);
}

export const API_SCHEDULE_HEADER: readonly string[] = ['Window', 'Months', 'Units', 'Packs', 'Cost (USD)'];

/** The API schedule as a sheet table: header, one row per window, a Total row; money in USD. */
export function apiScheduleTable(result: ApiScheduleResult, packs: readonly ApiPack[]): (string | number)[][] {
  const label = (counts: readonly number[]) =>
    packsLabel(
      packs.map((p, i) => ({ size: p.units, count: counts[i] as number })),
      'unit',
    );
  const span = (first: number, last: number) => (first === last ? `${first}` : `${first}-${last}`);
  const rows: (string | number)[][] = [[...API_SCHEDULE_HEADER]];
  result.windows.forEach((w, i) => {
    rows.push([i + 1, span(w.first, w.last), w.units, label(w.packCounts), w.cents / 100]);
  });
  const lastMonth = result.windows.length > 0 ? (result.windows[result.windows.length - 1] as ApiWindow).last : 0;
  rows.push(['Total', lastMonth > 0 ? span(1, lastMonth) : '', result.units, label(result.packCounts), result.totalCents / 100]);
  return rows;
}
