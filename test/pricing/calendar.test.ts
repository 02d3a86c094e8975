/**
 * Dates as the sheet shows them (custom-functions.md, "Dates"): Sheets hands a date cell to a script
 * as the instant of the wall time the cell shows in the spreadsheet's time zone, so it is read in
 * that zone, never the script's. Checked with offsets typed in by hand (January and July, where no
 * zone changes its clock), in Tokyo, Berlin, Auckland (summer: UTC+13), Los Angeles and New York, and
 * with the script's own zone set far away.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogCells } from '../../src/pricing';
import {
  actualsByMonth,
  bookFromRows,
  bookToRows,
  DEFAULT_PRICE_BOOK,
  InputError,
  isoDay,
  isoMonth,
  monthOf,
  PricingEngine,
  readIsoDate,
  wallClock,
} from '../../src/pricing';

/** Hours east of UTC in mid-January and mid-July (no zone changes its clock between the 5th and the 25th). */
const OFFSETS: Readonly<Record<string, readonly [january: number, july: number]>> = {
  'Asia/Tokyo': [9, 9],
  'Europe/Berlin': [1, 2],
  'Pacific/Auckland': [13, 12],
  'America/Los_Angeles': [-8, -7],
  'America/New_York': [-5, -4],
};
const ZONES = Object.keys(OFFSETS);

/** The instant a sheet in `zone` hands over for the wall time y-m-d h:mi (m 1-based), from the offset typed above. */
function instant(zone: string, y: number, m: number, d: number, h = 0, mi = 0): Date {
  const offsets = OFFSETS[zone] as readonly [number, number];
  const offset = m === 1 ? offsets[0] : m === 7 ? offsets[1] : Number.NaN;
  return new Date(Date.UTC(y, m - 1, d, h, mi) - offset * 3_600_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

// The script's own zone far from every sheet's: the answers must not depend on it.
let savedTz: string | undefined;
beforeEach(() => {
  savedTz = process.env.TZ;
  process.env.TZ = 'Pacific/Kiritimati';
});
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('the examples: the wall time the sheet shows is the calendar day and month read', () => {
  it('Berlin 2027-01-01 00:00 arrives as 2026-12-31T23:00Z and is read as 2027-01-01', () => {
    const date = new Date('2026-12-31T23:00:00Z');
    expect(instant('Europe/Berlin', 2027, 1, 1)).toEqual(date);
    expect(isoDay(date, 'Europe/Berlin')).toBe('2027-01-01');
    expect(isoMonth(date, 'Europe/Berlin')).toBe('2027-01');
    expect(monthOf(date, 'Europe/Berlin')).toBe('2027-01');
    expect(readIsoDate(date, 'Europe/Berlin')).toBe('2027-01-01');
    expect(wallClock(date, 'Europe/Berlin')).toEqual({ year: 2027, month: 1, day: 1, hour: 0, minute: 0 });
    // The same instant in New York is still the last evening of 2026.
    expect(monthOf(date, 'America/New_York')).toBe('2026-12');
  });

  it('New York 2026-12-31 22:15 arrives as 2027-01-01T03:15Z and is read as 2026-12-31', () => {
    const date = new Date('2027-01-01T03:15:00Z');
    expect(isoDay(date, 'America/New_York')).toBe('2026-12-31');
    expect(monthOf(date, 'America/New_York')).toBe('2026-12');
    expect(readIsoDate(date, 'America/New_York')).toBe('2026-12-31');
    expect(wallClock(date, 'America/New_York')).toEqual({ year: 2026, month: 12, day: 31, hour: 22, minute: 15 });
    expect(monthOf(date, 'Europe/Berlin')).toBe('2027-01');
  });

  it('Auckland in summer (UTC+13): 2027-01-01 00:00 is 2026-12-31T11:00Z; Tokyo 2027-01-01 08:59 is still 2026-12-31 in UTC', () => {
    const auckland = new Date('2026-12-31T11:00:00Z');
    expect(instant('Pacific/Auckland', 2027, 1, 1)).toEqual(auckland);
    expect(readIsoDate(auckland, 'Pacific/Auckland')).toBe('2027-01-01');
    expect(monthOf(auckland, 'Pacific/Auckland')).toBe('2027-01');
    // One minute earlier it is the last minute of 2026 there.
    expect(readIsoDate(new Date('2026-12-31T10:59:00Z'), 'Pacific/Auckland')).toBe('2026-12-31');
    const tokyo = instant('Asia/Tokyo', 2027, 1, 1, 8, 59);
    expect(tokyo.toISOString()).toBe('2026-12-31T23:59:00.000Z');
    expect(monthOf(tokyo, 'Asia/Tokyo')).toBe('2027-01');
  });

  it('Los Angeles 2027-01-31 23:30 (UTC-8) is 2027-02-01T07:30Z and is read as January', () => {
    const date = instant('America/Los_Angeles', 2027, 1, 31, 23, 30);
    expect(date.toISOString()).toBe('2027-02-01T07:30:00.000Z');
    expect(monthOf(date, 'America/Los_Angeles')).toBe('2027-01');
    expect(readIsoDate(date, 'America/Los_Angeles')).toBe('2027-01-31');
  });
});

describe('any wall time of January or July, in every zone (property, offsets typed by hand)', () => {
  it('gives back its calendar day, month, hour and minute', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 2024, max: 2032 }),
        fc.constantFrom(1, 7),
        fc.integer({ min: 5, max: 25 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (zone, y, m, d, h, mi) => {
          const date = instant(zone, y, m, d, h, mi);
          const day = `${y}-${pad(m)}-${pad(d)}`;
          expect(wallClock(date, zone)).toEqual({ year: y, month: m, day: d, hour: h, minute: mi });
          expect(isoDay(date, zone)).toBe(day);
          expect(readIsoDate(date, zone)).toBe(day);
          expect(monthOf(date, zone)).toBe(day.slice(0, 7));
        },
      ),
      { numRuns: 1_000, seed: 20_261_209 },
    );
  });

  it('midnight and the last minute of a day, where reading in another zone would change the day', () => {
    for (const zone of ZONES) {
      for (const [m, d] of [
        [1, 5],
        [7, 25],
      ] as const) {
        expect(readIsoDate(instant(zone, 2027, m, d, 0, 0), zone), zone).toBe(`2027-${pad(m)}-${pad(d)}`);
        expect(readIsoDate(instant(zone, 2027, m, d, 23, 59), zone), zone).toBe(`2027-${pad(m)}-${pad(d)}`);
      }
    }
  });
});

describe('where the zone comes from', () => {
  it('text dates are read as written, whatever the zone', () => {
    for (const zone of ['', ...ZONES]) {
      expect(readIsoDate('2026-11-03', zone)).toBe('2026-11-03');
      expect(readIsoDate(' 2027-01-01 ', zone)).toBe('2027-01-01');
      expect(monthOf('2026-12-31 23:59', zone)).toBe('2026-12');
      expect(monthOf('2027-01-01T00:00', zone)).toBe('2027-01');
    }
    expect(() => readIsoDate('2026-02-30', 'Europe/Berlin')).toThrow();
    expect(() => monthOf('2026-13-01', 'Europe/Berlin')).toThrow(InputError);
  });

  it('without a zone, a date cell of midnight in any zone from UTC-11 to UTC+12 is read as its day (the noon rule)', () => {
    for (const offset of [-11, -8, -5, 0, 1, 5.5, 9, 12]) {
      const date = new Date(Date.UTC(2026, 8, 1) - offset * 3_600_000);
      expect(readIsoDate(date), `UTC${offset}`).toBe('2026-09-01');
    }
  });

  it("the script's own zone in these tests is Kiritimati (UTC+14): a reader that used it would get the wrong day", () => {
    const date = new Date('2026-12-31T23:00:00Z');
    expect([date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours()]).toEqual([2027, 1, 1, 13]);
    expect(isoDay(new Date('2027-01-01T03:15:00Z'), '')).toBe('2027-01-01');
    expect(isoDay(new Date('2027-01-01T03:15:00Z'), 'America/New_York')).toBe('2026-12-31');
  });

  it("an unknown zone reads the date in the script's own zone (as Apps Script did before the zone was passed)", () => {
    process.env.TZ = 'UTC';
    expect(isoDay(new Date('2026-12-31T23:00:00Z'), 'Not/AZone')).toBe('2026-12-31');
    expect(isoDay(new Date('2026-12-31T23:00:00Z'), '')).toBe('2026-12-31');
  });

  it('an invalid date is an error, not NaN', () => {
    expect(() => monthOf(new Date(Number.NaN), 'Europe/Berlin')).toThrow(InputError);
    expect(() => readIsoDate(new Date(Number.NaN), 'Europe/Berlin')).toThrow();
  });
});

describe('the zone reaches the readers: the usage log and the As of column', () => {
  it("the usage log sums by the month the sheet shows (Auckland in summer, New York on New Year's Eve)", () => {
    const engine = new PricingEngine(DEFAULT_PRICE_BOOK);
    const row = (date: Date): LogCells => ({ date, mode: 'standard', secs: 5, audio: false, model: '2.6', outcome: 'kept' });
    const auckland = actualsByMonth(
      engine,
      [row(new Date('2026-12-31T11:00:00Z')), row(new Date('2026-12-31T10:59:00Z'))],
      'Pacific/Auckland',
    );
    expect(auckland.months.map((m) => [m.month, m.generations])).toEqual([
      ['2026-12', 1],
      ['2027-01', 1],
    ]);
    const newYork = actualsByMonth(
      engine,
      [row(new Date('2027-01-01T03:15:00Z')), row(new Date('2027-01-01T05:00:00Z'))],
      'America/New_York',
    );
    expect(newYork.months.map((m) => [m.month, m.generations])).toEqual([
      ['2026-12', 1],
      ['2027-01', 1],
    ]);
  });

  it("a date cell in the As of column of an edited price table is read in the sheet's zone", () => {
    const table: unknown[][] = bookToRows(DEFAULT_PRICE_BOOK).map((r) => [...r]);
    const i = table.findIndex((r) => r[0] === 'Plan' && r[1] === 'Pro' && r[2] === 'yearly');
    (table[i] as unknown[])[7] = new Date('2026-12-31T11:00:00Z');
    const auckland = bookFromRows(table, 'Pacific/Auckland');
    if (auckland instanceof InputError) throw auckland;
    expect(auckland.plans.find((p) => p.id === 'pro')?.asOf).toBe('2027-01-01');
    expect(auckland.asOf).toBe('2027-01-01');
    const losAngeles = bookFromRows(table, 'America/Los_Angeles');
    if (losAngeles instanceof InputError) throw losAngeles;
    expect(losAngeles.plans.find((p) => p.id === 'pro')?.asOf).toBe('2026-12-31');
  });
});
