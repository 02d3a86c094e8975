import { bookFromRows, defaultPriceBook, InputError, isBlank, isDate, PricingEngine } from '../pricing';
import type { Zone } from './zone';
import { zoneText } from './zone';

/**
 * The optional last argument `prices` of every custom function: a range holding an edited price
 * table (the sheet written by "Edit prices", passed as whole columns 'Kling prices'!A:H). Passing
 * the range makes Sheets recalculate the formula when the table changes. Left out or empty, the
 * default price book is used.
 *
 * Engines are cached per distinct table content for the life of the script instance, so a
 * whole column of formulas (or one range call) reads and validates the table once.
 */

/** The engine of the default book, made on first use: loading Code.js (every execution) does not pay for it. */
let defaultBookEngine: PricingEngine | undefined;
function defaultEngine(): PricingEngine {
  if (defaultBookEngine === undefined) defaultBookEngine = new PricingEngine(defaultPriceBook());
  return defaultBookEngine;
}
const MAX_CACHED = 8;
const cache = new Map<string, PricingEngine | InputError>();

export const PRICES_EXAMPLE = "'Kling prices'!A:H";

/** The rows up to the last one holding anything: a whole-column range ends in thousands of empty rows. */
function usedRows(rows: readonly (readonly unknown[])[]): readonly (readonly unknown[])[] {
  let last = rows.length;
  while (last > 0 && (rows[last - 1] as readonly unknown[]).every((cell) => isBlank(cell))) last--;
  return last === rows.length ? rows : rows.slice(0, last);
}

/** A key for the table's content: dates by their time, so equal tables share one engine. */
function contentKey(rows: readonly (readonly unknown[])[]): string {
  const parts: string[] = [];
  for (const row of rows) parts.push(JSON.stringify(row.map((cell) => (isDate(cell) ? { date: cell.getTime() } : cell))));
  return parts.join('\n');
}

function engineForTable(rows: readonly (readonly unknown[])[], zoneOf: Zone): PricingEngine {
  const used = usedRows(rows);
  const content = contentKey(used);
  // Date cells are read in the spreadsheet's zone, so the zone is part of what the table says;
  // it is asked only for a table holding a date cell.
  const zone = content.includes('{"date":') ? zoneText(zoneOf) : '';
  const key = zone === '' ? content : `${zone}\n${content}`;
  let entry = cache.get(key);
  if (entry === undefined) {
    const book = bookFromRows(used.length > 0 ? used : rows, zone);
    entry = book instanceof InputError ? new InputError(`prices ${book.message}`) : new PricingEngine(book);
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(key, entry);
  }
  if (entry instanceof InputError) throw entry;
  return entry;
}

/** The engine for a `prices` argument (date cells read in `zone`); throws an InputError naming the bad row and column. */
export function engineFor(prices: unknown, zone: Zone = ''): PricingEngine {
  if (isBlank(prices)) return defaultEngine();
  if (!Array.isArray(prices)) {
    throw new InputError(
      `prices must be the range holding the price table, such as ${PRICES_EXAMPLE} (use "Edit prices" to create it), not a single value`,
    );
  }
  let rowsOfCells = true;
  for (let i = 0; i < prices.length; i++) if (!Array.isArray(prices[i])) rowsOfCells = false;
  return engineForTable(rowsOfCells ? (prices as unknown[][]) : [prices as unknown[]], zone);
}

/**
 * A lazy reader of the `prices` argument for one call: the table is read on first use, so a
 * formula filled over blank rows stays blank whatever the table holds. A broken table is read
 * once too: every position of a range call (and its hints) gets the same error without reading
 * the whole range again.
 */
export function pricesEngine(prices: unknown, zone: Zone = ''): () => PricingEngine {
  let read: PricingEngine | InputError | undefined;
  return () => {
    if (read === undefined) {
      try {
        read = engineFor(prices, zone);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        read = error;
      }
    }
    if (read instanceof InputError) throw read;
    return read;
  };
}
