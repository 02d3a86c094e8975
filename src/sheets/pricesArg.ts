import { bookFromRows, DEFAULT_PRICE_BOOK, InputError, isBlank, isDate, PricingEngine } from '../pricing';

/**
 * The optional last argument `prices` of every custom function: a range holding an edited price
 * table (the sheet written by "Edit prices"). Passing the range makes Sheets recalculate the
 * formula when the table changes. Left out or empty, the default price book is used.
 *
 * Engines are cached per distinct table content for the life of the script instance, so a
 * whole column of formulas (or one range call) reads and validates the table once.
 */

const defaultEngine = new PricingEngine(DEFAULT_PRICE_BOOK);
const MAX_CACHED = 8;
const cache = new Map<string, PricingEngine | InputError>();

export const PRICES_EXAMPLE = "'Kling prices'!A1:H200";

/** A key for the table's content: dates by their time, so equal tables share one engine. */
function contentKey(rows: readonly (readonly unknown[])[]): string {
  return JSON.stringify(rows.map((row) => row.map((cell) => (isDate(cell) ? { date: cell.getTime() } : cell))));
}

function engineForTable(rows: readonly (readonly unknown[])[]): PricingEngine {
  const key = contentKey(rows);
  let entry = cache.get(key);
  if (entry === undefined) {
    const book = bookFromRows(rows);
    entry = book instanceof InputError ? new InputError(`prices ${book.message}`) : new PricingEngine(book);
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(key, entry);
  }
  if (entry instanceof InputError) throw entry;
  return entry;
}

/** The engine for a `prices` argument; throws an InputError naming the bad row and column. */
export function engineFor(prices: unknown): PricingEngine {
  if (isBlank(prices)) return defaultEngine;
  if (!Array.isArray(prices)) {
    throw new InputError(
      `prices must be the range holding the price table, such as ${PRICES_EXAMPLE} (use "Edit prices" to create it), not a single value`,
    );
  }
  const rows = prices.every((row) => Array.isArray(row)) ? (prices as unknown[][]) : [prices as unknown[]];
  return engineForTable(rows);
}

/**
 * A lazy reader of the `prices` argument for one call: the table is read on first use, so a
 * formula filled over blank rows stays blank whatever the table holds.
 */
export function pricesEngine(prices: unknown): () => PricingEngine {
  let engine: PricingEngine | undefined;
  return () => (engine ??= engineFor(prices));
}
