import type { FunctionSignature } from '../contract/signatures';
import { positions } from '../contract/signatures';
import {
  apiSpendTable,
  ceilCount,
  describeValue,
  Exact,
  formatThousands,
  InputError,
  isBlank,
  MAX_CREDITS_PER_MONTH,
  MAX_MONTHS,
  parseBalance,
  parseBilling,
  planApiSpend,
  planSpend,
  snapCount,
  spendTable,
  toNumber,
} from '../pricing';
import { pricesEngine } from './pricesArg';
import type { CellResult } from './ranges';
import { checkTable, readGrid, rethrow, shapeText } from './ranges';
import { readSingle } from './single';

/**
 * KLING_SCHEDULE and KLING_API_SCHEDULE: one row or one column of months, month 1 first. Blank
 * cells after the last month that holds a value are ignored (so B2:B works), a blank before it
 * is 0, an all-blank range gives a blank.
 */

/** Largest API work a month, in USD at list prices. */
const MAX_API_USD = 100_000_000;

interface MonthsRule {
  readonly what: string;
  readonly accepted: string;
  readonly max: number;
}

const CREDITS_RULE: MonthsRule = {
  what: 'credits',
  accepted: `a number of credits from 0 to ${formatThousands(MAX_CREDITS_PER_MONTH)}`,
  max: MAX_CREDITS_PER_MONTH,
};
const USD_RULE: MonthsRule = {
  what: 'USD',
  accepted: `an amount in USD from 0 to ${formatThousands(MAX_API_USD)} (the work at API list prices)`,
  max: MAX_API_USD,
};

/** The months of a row or column, trailing blanks dropped; null when every cell is blank. */
export function readMonths(value: unknown, arg: string, rule: MonthsRule): number[] | null {
  const read = readGrid(value, arg);
  let cells: unknown[];
  if (read.grid) {
    const { rows, cols } = read.grid;
    if (rows > 1 && cols > 1) {
      throw new InputError(
        `${arg} must be one row or one column of 1 to ${MAX_MONTHS} months, month 1 first; this range is ${shapeText(read.grid)}`,
      );
    }
    cells = rows > 1 ? read.grid.cells.map((line) => line[0]) : [...(read.grid.cells[0] as readonly unknown[])];
  } else {
    cells = [read.single];
  }
  let last = cells.length;
  while (last > 0 && isBlank(cells[last - 1])) last--;
  if (last === 0) return null;
  if (last > MAX_MONTHS) {
    throw new InputError(`${arg} holds ${last} months; a schedule takes 1 to ${MAX_MONTHS} months (one row or column, month 1 first)`);
  }
  const months: number[] = [];
  for (let m = 0; m < last; m++) {
    const cell = cells[m];
    if (isBlank(cell)) {
      months.push(0);
      continue;
    }
    const read = typeof cell === 'boolean' ? undefined : toNumber(cell);
    // The counts rule snaps before any range check: -1e-7 is 0, 26,000,000.0000001 is 26,000,000.
    const n = read !== undefined && rule === CREDITS_RULE ? snapCount(read) : read;
    if (n === undefined || !Number.isFinite(n) || n < 0 || n > rule.max) {
      const problem = n === undefined || !Number.isFinite(n) ? 'is not a number' : 'is out of range';
      throw new InputError(`month ${m + 1}: ${rule.what} ${describeValue(cell)} ${problem}; use ${rule.accepted}`);
    }
    months.push(n);
  }
  return months;
}

/** KLING_SCHEDULE ('app') or KLING_API_SCHEDULE ('api'). */
export function monthsCall(signature: FunctionSignature, args: readonly unknown[], billed: 'app' | 'api', zone: string): CellResult {
  const at = positions(signature);
  try {
    const monthsArg = signature.params[0]?.name as string;
    const months = readMonths(args[0], monthsArg, billed === 'app' ? CREDITS_RULE : USD_RULE);
    if (months === null) return '';
    const engine = pricesEngine(args[at.prices as number], zone)();
    if (billed === 'api') {
      // Dollars as the sheet computes them, read to the millionth (a float hair such as 3.5000000000000004 goes): ticks / 100.
      const ticks = months.map((usd) => Exact.scaled(Math.round(usd * 1e6), 1, 100));
      return checkTable(apiSpendTable(planApiSpend(engine.book, ticks)));
    }
    const billing = parseBilling(readSingle(args[at.billing as number], 'billing'));
    const startBalance = parseBalance(readSingle(args[at.topup_balance as number], 'topup_balance'), 'topup_balance');
    const needs = months.map((n) => ceilCount(n));
    return checkTable(spendTable(planSpend(engine, needs, billing, { startBalance })));
  } catch (error) {
    rethrow(error);
  }
}
