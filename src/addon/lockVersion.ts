import { defaultPriceBook, isoDay } from '../pricing';
import { findPriceSheet, type PriceRowsInForce, priceRowsInForce } from './effectiveBook';
import { FINANCE_INPUT_LABELS } from './financeBlocks';
import { cell } from './layout';
import { writePriceRows } from './priceRows';
import { safeRows } from './text';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Menu "Lock budget version" (shared/spec/finance.md): on a budget template or 12-month plan sheet,
 * a frozen copy of the sheet (every formula replaced by its value, the date and the prices' date in
 * its title rows, protected with a warning) and of the price table in force, under unique names
 * ("Kling budget locked 2026-12-06", a second lock the same day " (2)"), then the two names in the
 * live sheet's two "Locked version" cells: the one exception to "the add-on never changes a cell
 * that exists". All of it under the document lock, and all or nothing: a failure removes what was
 * made and puts the two cells back.
 */

export const NOT_A_BUDGET = 'Select a Kling budget or 12-month plan sheet, then choose Lock budget version again.';
export const OLD_BUDGET =
  'This sheet was inserted before budgets could be locked (it has no "Locked version" cells): insert a new budget template or 12-month plan (Extensions > Kling Cost), copy your rows into it, then lock that one.';

export const LOCKED_COPY =
  'This sheet is a locked version (the record of a budget as it was): select the budget template or 12-month plan it was locked from, then choose Lock budget version again.';

const LOCK_WAIT_MS = 20_000;
const NAME_ATTEMPTS = 10;

/** Where a lockable sheet keeps its two "Locked version" value cells. */
interface LockCells {
  readonly sheetCell: string;
  readonly pricesCell: string;
}

/** Titles of the sheets the add-on inserts that a lock applies to (A1), for sheets inserted before this release. */
const BUDGET_TITLES = ['Kling budget', 'Kling 12-month plan'];

/** The description of a locked copy's protection starts with it. */
const LOCKED_COPY_PROTECTION = 'Kling Cost: the version of';

const textOf = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * The lock cells of a sheet, or why it cannot be locked. The cells are found by their labels
 * ("Locked version: budget sheet" with "Locked version: price table" below it, each value to the
 * right), wherever rows or columns the user inserted have moved them. A locked copy is refused:
 * it keeps the labels, but it is the record, not a budget.
 */
function lockCellsOf(sheet: Sheet): LockCells | string {
  const copy = sheet
    .getProtections(SpreadsheetApp.ProtectionType.SHEET)
    .some((p) => (p.getDescription() ?? '').startsWith(LOCKED_COPY_PROTECTION));
  if (copy) return LOCKED_COPY;
  const values = sheet.getDataRange().getValues();
  for (let r = 0; r + 1 < values.length; r++) {
    const line = values[r] as unknown[];
    for (let c = 0; c < line.length; c++) {
      if (textOf(line[c]) === FINANCE_INPUT_LABELS.lockedSheet && textOf(values[r + 1]?.[c]) === FINANCE_INPUT_LABELS.lockedPrices) {
        return { sheetCell: cell(r + 1, c + 2), pricesCell: cell(r + 2, c + 2) };
      }
    }
  }
  return BUDGET_TITLES.includes(textOf(values[0]?.[0])) ? OLD_BUDGET : NOT_A_BUDGET;
}

/** "Kling budget locked 2026-12-06", or with " (2)", " (3)" ... when taken. */
function lockedName(spreadsheet: Spreadsheet, base: string): string {
  if (!spreadsheet.getSheetByName(base)) return base;
  for (let n = 2; ; n++) {
    const name = `${base} (${n})`;
    if (!spreadsheet.getSheetByName(name)) return name;
  }
}

/** A new sheet under a fresh locked name; a name taken between the check and the insert is retried. */
function insertLocked(spreadsheet: Spreadsheet, base: string): Sheet {
  let lastError: unknown;
  for (let attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
    try {
      return spreadsheet.insertSheet(lockedName(spreadsheet, base));
    } catch (error) {
      lastError = error;
      if (!/already exists/i.test(error instanceof Error ? error.message : String(error))) throw error;
    }
  }
  throw lastError;
}

/** The live sheet's values (every formula as its value now) and number formats into the copy, its column widths and frozen rows. */
function writeFrozenCopy(live: Sheet, copy: Sheet, lockedOn: string, pricesName: string): void {
  const rows = live.getLastRow();
  const cols = live.getLastColumn();
  if (rows > 0 && cols > 0) {
    const range = live.getRange(1, 1, rows, cols);
    const values = range.getValues();
    const formats = range.getNumberFormats();
    // Formats first (so a value such as "2026-12" stays text), then the values: text stays text, as
    // the live sheet showed it (a value that looks like a formula is written as text: its formula was evaluated).
    const target = copy.getRange(1, 1, rows, cols);
    target.setNumberFormats(formats);
    target.setValues(safeRows(values));
    for (let c = 1; c <= cols; c++) copy.setColumnWidth(c, live.getColumnWidth(c));
  }
  copy
    .getRange(2, 1)
    .setValue(`Locked ${lockedOn} from "${live.getName()}": every figure as it was then (values, no formulas). Prices: "${pricesName}".`);
  const frozen = live.getFrozenRows();
  if (frozen > 0) copy.setFrozenRows(frozen);
  copy.getRange(1, 1).setFontWeight('bold');
  copy.protect().setWarningOnly(true).setDescription(`${LOCKED_COPY_PROTECTION} "${live.getName()}" locked ${lockedOn}`);
}

/** The price table in force (the edited table's own rows, or the default book) into the copy: a table the functions accept as prices. */
function writePriceCopy(copy: Sheet, inForce: PriceRowsInForce | null, lockedOn: string): void {
  writePriceRows(copy, 1, inForce ? inForce.book.book : defaultPriceBook(), inForce ? inForce.rows : null);
  copy.setFrozenRows(1);
  copy.protect().setWarningOnly(true).setDescription(`Kling Cost: the price table in force, locked ${lockedOn}`);
}

function removeQuietly(spreadsheet: Spreadsheet, sheet: Sheet | null): void {
  if (!sheet) return;
  try {
    spreadsheet.deleteSheet(sheet);
  } catch {
    // Nothing more to undo; the original error is what the user needs.
  }
}

/** Menu "Lock budget version". */
export function lockBudgetVersion(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const live = spreadsheet.getActiveSheet();
  const cells = lockCellsOf(live);
  const ui = SpreadsheetApp.getUi();
  if (typeof cells === 'string') {
    ui.alert('Kling Cost: nothing was locked', cells, ui.ButtonSet.OK);
    return;
  }
  // The price table in force, read once; a broken one is named and nothing is written.
  let inForce: PriceRowsInForce | null = null;
  if (findPriceSheet(spreadsheet)) {
    try {
      inForce = priceRowsInForce(spreadsheet);
    } catch (error) {
      ui.alert('Kling Cost: nothing was locked', `Fix ${error instanceof Error ? error.message : String(error)}.`, ui.ButtonSet.OK);
      return;
    }
  }
  const lockedOn = isoDay(new Date(), spreadsheet.getSpreadsheetTimeZone());
  const lock = typeof LockService === 'undefined' ? null : LockService.getDocumentLock();
  if (lock) lock.waitLock(LOCK_WAIT_MS);
  let sheetCopy: Sheet | null = null;
  let pricesCopy: Sheet | null = null;
  const before = [live.getRange(cells.sheetCell).getValue(), live.getRange(cells.pricesCell).getValue()];
  /** The live cells this lock has started to write (a failed write may still have changed its cell). */
  let touched = 0;
  try {
    pricesCopy = insertLocked(spreadsheet, `Kling prices locked ${lockedOn}`);
    writePriceCopy(pricesCopy, inForce, lockedOn);
    sheetCopy = insertLocked(spreadsheet, `${live.getName()} locked ${lockedOn}`);
    writeFrozenCopy(live, sheetCopy, lockedOn, pricesCopy.getName());
    // Last: the two cells of the live sheet (the one exception to "never change a cell that exists").
    touched = 1;
    live.getRange(cells.sheetCell).setValue(sheetCopy.getName());
    touched = 2;
    live.getRange(cells.pricesCell).setValue(pricesCopy.getName());
  } catch (error) {
    // All or nothing: the cells back as they were, the copies removed.
    [cells.sheetCell, cells.pricesCell].slice(0, touched).forEach((a1, i) => {
      try {
        live.getRange(a1).setValue(before[i]);
      } catch {
        // The original error is what the user needs.
      }
    });
    removeQuietly(spreadsheet, sheetCopy);
    removeQuietly(spreadsheet, pricesCopy);
    throw error;
  } finally {
    if (lock) lock.releaseLock();
  }
  live.activate();
  spreadsheet.toast(`Locked as "${(sheetCopy as Sheet).getName()}" with its prices "${(pricesCopy as Sheet).getName()}".`, 'Kling Cost');
}
