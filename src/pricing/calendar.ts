/**
 * Dates as the sheet shows them. Sheets hands a date cell to a script as an instant: the wall
 * time the cell shows, in the spreadsheet's time zone (Berlin's 2027-01-01 00:00 arrives as
 * 2026-12-31T23:00Z). So a date value is read in the spreadsheet's zone, never the script's: the
 * generated wrappers read the zone (getSpreadsheetTimeZone) and hand it down as plain text, and
 * this module turns an instant and a zone into the calendar day and time the sheet shows.
 */

/** The calendar day and time of an instant in a time zone. */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** A formatter for a zone, or null when the zone is unknown here (then the script's own zone is used). */
function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hour12: false,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      });
    } catch {
      formatter = null;
    }
    if (formatters.size < 50) formatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * The wall clock of `date` in `zone` (an IANA name such as "Europe/Berlin"). A blank zone, or one
 * this runtime does not know, reads the date in the runtime's own zone (as Apps Script did before
 * the zone was passed down).
 */
export function wallClock(date: Date, zone: string): WallClock {
  const formatter = zone ? formatterFor(zone) : null;
  if (formatter) {
    const parts: Record<string, number> = {};
    for (const part of formatter.formatToParts(date)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
    const hour = parts.hour ?? 0;
    return {
      year: parts.year ?? date.getUTCFullYear(),
      month: parts.month ?? 1,
      day: parts.day ?? 1,
      hour: hour === 24 ? 0 : hour,
      minute: parts.minute ?? 0,
    };
  }
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(), hour: date.getHours(), minute: date.getMinutes() };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** "2026-11-03": the calendar day a date cell shows in the spreadsheet's zone. */
export function isoDay(date: Date, zone: string): string {
  const w = wallClock(date, zone);
  return `${pad(w.year, 4)}-${pad(w.month, 2)}-${pad(w.day, 2)}`;
}

/** "2026-11": the calendar month a date cell shows in the spreadsheet's zone. */
export function isoMonth(date: Date, zone: string): string {
  return isoDay(date, zone).slice(0, 7);
}
