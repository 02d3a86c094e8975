import { isDate } from '../pricing';

/**
 * The spreadsheet's time zone for one call: its name, or a reader of it that a function asks only
 * when it reads a date ('' when no date is to be read, or when the zone cannot be read: the dates
 * are then read in the script's zone).
 */
export type Zone = string | (() => string);

/** The zone's name, asking the reader (once per call) if need be. */
export function zoneText(zone: Zone): string {
  return typeof zone === 'string' ? zone : zone();
}

/**
 * The spreadsheet's time zone for one custom-function call, as the generated wrapper of Code.js
 * asks for it: a reader that, the first time a function needs it, looks for a date value among the
 * arguments and only then calls `readZone` (the wrapper's call of getSpreadsheetTimeZone); the
 * answer is kept for the rest of the call. A function that reads no date never asks, so a range
 * call of KLING_COST does not walk its ranges looking for one.
 */
export function zoneFor(args: ArrayLike<unknown>, readZone: () => unknown): () => string {
  let zone: string | undefined;
  return () => {
    if (zone === undefined) zone = readIfDated(args, readZone);
    return zone;
  };
}

function readIfDated(args: ArrayLike<unknown>, readZone: () => unknown): string {
  let found = false;
  for (let i = 0; i < args.length && !found; i++) found = holdsDate(args[i]);
  if (!found) return '';
  try {
    const zone = readZone();
    return typeof zone === 'string' ? zone : '';
  } catch {
    return '';
  }
}

const isArray = Array.isArray;

/** True when a value, or a cell of a range, is a date. A loop, not recursion per cell: ranges hold up to millions. */
function holdsDate(value: unknown): boolean {
  if (!isArray(value)) return isDate(value);
  for (let r = 0; r < value.length; r++) {
    const row = value[r];
    if (isArray(row)) {
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (typeof cell === 'object' && cell !== null && (isDate(cell) || (isArray(cell) && holdsDate(cell)))) return true;
      }
    } else if (typeof row === 'object' && row !== null && isDate(row)) {
      return true;
    }
  }
  return false;
}
