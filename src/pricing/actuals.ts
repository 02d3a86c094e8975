import { isoMonth } from './calendar';
import type { ClipCells } from './clipInput';
import { readClip } from './clipInput';
import type { PricingEngine } from './engine';
import { describeValue, InputError } from './errors';
import { hundredthsOf } from './money';
import { isBlank, isDate } from './parse';

/**
 * Budget against actuals: the usage log (one row per generation) summed by calendar month.
 * A kept take and a discarded one cost their credits; a generation that failed for a technical
 * reason is refunded (Kling's point policy), so it costs nothing.
 */

export type Outcome = 'kept' | 'discarded' | 'failed';

const OUTCOMES: Readonly<Record<string, Outcome>> = {
  kept: 'kept',
  used: 'kept',
  yes: 'kept',
  true: 'kept',
  discarded: 'discarded',
  retake: 'discarded',
  no: 'discarded',
  false: 'discarded',
  failed: 'failed',
  refunded: 'failed',
};
export const OUTCOME_CHOICES = 'kept (also used, yes, TRUE), discarded (also retake, no, FALSE) or failed (refunded, 0 credits)';

export function parseOutcome(value: unknown): Outcome {
  if (value === true) return 'kept';
  if (value === false) return 'discarded';
  if (isBlank(value)) throw new InputError(`outcome is missing; use ${OUTCOME_CHOICES}`);
  const key = typeof value === 'string' ? value.trim().toLowerCase() : '';
  const found = Object.prototype.hasOwnProperty.call(OUTCOMES, key) ? OUTCOMES[key] : undefined;
  if (!found) throw new InputError(`outcome ${describeValue(value)} is not an outcome; use ${OUTCOME_CHOICES}`);
  return found;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
export const DATE_CHOICES = 'a date cell or ISO text such as 2026-11-03 or 2026-11-03 14:22';

/**
 * The calendar month of a log date, "2026-11": a date cell as the sheet shows it (read in the
 * spreadsheet's time zone `zone`), or ISO text as written.
 */
export function monthOf(value: unknown, zone = ''): string {
  if (isBlank(value)) throw new InputError(`date is missing; use ${DATE_CHOICES}`);
  if (isDate(value)) {
    const time = value.getTime();
    if (Number.isNaN(time)) throw new InputError(`date ${describeValue(value)} is not a date; use ${DATE_CHOICES}`);
    return isoMonth(value, zone);
  }
  const match = typeof value === 'string' ? ISO.exec(value.trim()) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    const timeOk = match[4] === undefined || (Number(match[4]) < 24 && Number(match[5]) < 60 && Number(match[6] ?? 0) < 60);
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && timeOk) {
      return `${match[1]}-${match[2]}`;
    }
  }
  throw new InputError(`date ${describeValue(value)} is not a date; use ${DATE_CHOICES}`);
}

/** One row of the log as cells. */
export interface LogCells extends ClipCells {
  readonly date: unknown;
  readonly outcome: unknown;
}

export interface MonthActuals {
  /** "2026-11", or "Total". */
  readonly month: string;
  readonly generations: number;
  readonly kept: number;
  readonly discarded: number;
  readonly failed: number;
  readonly credits: number;
}

export const ACTUALS_HEADER = [
  'Month',
  'Generations',
  'Kept',
  'Discarded',
  'Failed (refunded)',
  'Credits spent',
  'Retake rate',
  'Credits per kept video',
] as const;

/** A header row of the log ("Date", "Mode", ...) is not a generation. */
function isHeaderRow(row: LogCells): boolean {
  return (
    typeof row.date === 'string' && /^date\b/i.test(row.date.trim()) && typeof row.mode === 'string' && /^mode\b/i.test(row.mode.trim())
  );
}

/** Rows whose date, mode and seconds are all blank are skipped. */
function isBlankRow(row: LogCells): boolean {
  return isBlank(row.date) && isBlank(row.mode) && isBlank(row.secs);
}

/**
 * The log by calendar month, oldest first, and the total. `rows[i]` is row i + 1 of the log; an
 * invalid row fails with a message naming it. A header row first is skipped.
 */
export function actualsByMonth(
  engine: PricingEngine,
  rows: readonly LogCells[],
  zone = '',
): { months: MonthActuals[]; total: MonthActuals } {
  const byMonth = new Map<string, { kept: number; discarded: number; failed: number; hundredths: number }>();
  const credits = new Map<string, number>();
  rows.forEach((row, i) => {
    if (isBlankRow(row) || (i === 0 && isHeaderRow(row))) return;
    try {
      const month = monthOf(row.date, zone);
      const outcome = parseOutcome(row.outcome);
      // Each cell by its kind and its text: a blank (null) and the text "null" are not the same clip.
      const key = [row.model, row.mode, row.secs, row.audio].map((v) => `${typeof v}:${String(v)}`).join('|');
      let clipCredits = typeof row.model === 'string' || typeof row.model === 'number' ? credits.get(key) : undefined;
      if (clipCredits === undefined) {
        clipCredits = hundredthsOf(readClip(engine, row, 'app').value);
        if (credits.size < 10_000) credits.set(key, clipCredits);
      }
      let entry = byMonth.get(month);
      if (!entry) {
        entry = { kept: 0, discarded: 0, failed: 0, hundredths: 0 };
        byMonth.set(month, entry);
      }
      entry[outcome] += 1;
      if (outcome !== 'failed') entry.hundredths += clipCredits;
    } catch (error) {
      if (error instanceof InputError) throw new InputError(`log row ${i + 1}: ${error.message}`);
      throw error;
    }
  });
  const months = [...byMonth.keys()].sort().map((month): MonthActuals => {
    const e = byMonth.get(month) as { kept: number; discarded: number; failed: number; hundredths: number };
    return {
      month,
      generations: e.kept + e.discarded + e.failed,
      kept: e.kept,
      discarded: e.discarded,
      failed: e.failed,
      credits: e.hundredths / 100,
    };
  });
  const sum = (f: (m: MonthActuals) => number) => months.reduce((s, m) => s + f(m), 0);
  const total: MonthActuals = {
    month: 'Total',
    generations: sum((m) => m.generations),
    kept: sum((m) => m.kept),
    discarded: sum((m) => m.discarded),
    failed: sum((m) => m.failed),
    credits: Math.round(sum((m) => m.credits) * 100) / 100,
  };
  return { months, total };
}

/** Discarded / (kept + discarded); null when both are 0. */
export function retakeRate(m: MonthActuals): number | null {
  return m.kept + m.discarded === 0 ? null : m.discarded / (m.kept + m.discarded);
}

/** KLING_ACTUALS's table: header, one row per month, Total. */
export function actualsTable(result: { months: readonly MonthActuals[]; total: MonthActuals }): (string | number)[][] {
  const line = (m: MonthActuals): (string | number)[] => [
    m.month,
    m.generations,
    m.kept,
    m.discarded,
    m.failed,
    m.credits,
    retakeRate(m) ?? '',
    m.kept === 0 ? '' : m.credits / m.kept,
  ];
  return [[...ACTUALS_HEADER], ...result.months.map(line), line(result.total)];
}
