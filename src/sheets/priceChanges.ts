import type { FunctionSignature } from '../contract/signatures';
import { positions } from '../contract/signatures';
import { bookFromRows, bookToRows, defaultPriceBook, InputError, isBlank, priceChanges } from '../pricing';
import { pricesEngine } from './pricesArg';
import type { CellResult } from './ranges';
import { checkTable, rethrow } from './ranges';

/**
 * KLING_PRICE_CHANGES(locked_prices, [prices]) (shared/spec/finance.md): the rows of the price
 * table in force (`prices`, else the default book) whose Value differs from a locked copy, the
 * price variance of a locked budget explained row by row.
 */

function rowsOf(value: unknown, arg: string): readonly (readonly unknown[])[] {
  if (!Array.isArray(value)) {
    throw new InputError(
      `${arg} must be the range holding a price table, such as 'Kling prices locked 2026-12-06'!A:H, not a single value`,
    );
  }
  return value.every((row) => Array.isArray(row)) ? (value as unknown[][]) : [value as unknown[]];
}

export function priceChangesCall(signature: FunctionSignature, args: readonly unknown[], zone: string): CellResult {
  const at = positions(signature);
  try {
    const lockedArg = args[at.locked_prices as number];
    if (isBlank(lockedArg)) return '';
    const locked = rowsOf(lockedArg, 'locked_prices');
    // Both must be price tables the functions accept: a broken row is named, never half compared.
    const lockedBook = bookFromRows(locked, zone);
    if (lockedBook instanceof InputError) throw new InputError(`locked_prices ${lockedBook.message}`);
    const pricesArg = args[at.prices as number];
    const now = isBlank(pricesArg) ? bookToRows(defaultPriceBook()) : rowsOf(pricesArg, 'prices');
    if (!isBlank(pricesArg)) pricesEngine(pricesArg, zone)(); // its errors, as every function reports them
    return checkTable(priceChanges(locked, now));
  } catch (error) {
    rethrow(error);
  }
}
