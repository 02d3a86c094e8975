import { isDate } from '../pricing';

/**
 * The spreadsheet's time zone for one custom-function call, as the generated wrapper of Code.js
 * asks for it: read (through `readZone`, the wrapper's call of getSpreadsheetTimeZone) only when
 * an argument holds a date value, at most once, and handed down as plain text. '' when no date is
 * to be read, or when the zone cannot be read (the dates are then read in the script's zone).
 */
export function zoneFor(args: ArrayLike<unknown>, readZone: () => unknown): string {
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
