import type { PriceBook } from '../pricing';
import { bookFromRows, defaultPriceBook, InputError, isBlank, PRICE_TABLE_COLUMNS, PRICE_TABLE_HEADER } from '../pricing';
import { quotedSheetName } from './sheetNames';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The name "Edit prices" gives the price table ("Kling prices 2", ... when a sheet of the user's has it). */
export const PRICE_SHEET_NAME = 'Kling prices';
/** Sheets named "Kling prices", "Kling prices 2", ... are looked at, up to this number. */
const MAX_PRICE_SHEETS = 20;

/** The `prices` argument a formula passes to see the edited table: whole columns, 'Kling prices'!A:H. */
export function priceRangeReference(sheetName = PRICE_SHEET_NAME): string {
  return `${quotedSheetName(sheetName)}!A:H`;
}

function norm(value: unknown): string {
  return typeof value === 'string' ? value.trim().toLowerCase().replace(/\s+/g, ' ') : '';
}

/** True when the sheet's first row is the price table's header: a sheet of the user's with that name is not the table. */
export function isPriceTable(sheet: Sheet): boolean {
  if (sheet.getLastRow() < 1 || sheet.getLastColumn() < PRICE_TABLE_COLUMNS) return false;
  const header = sheet.getRange(1, 1, 1, PRICE_TABLE_COLUMNS).getValues()[0] ?? [];
  return PRICE_TABLE_HEADER.every((name, c) => norm(header[c]) === norm(name));
}

/** The sheet holding the edited price table, recognised by its name and its header; null when there is none. */
export function findPriceSheet(spreadsheet: Spreadsheet): Sheet | null {
  for (let n = 1; n <= MAX_PRICE_SHEETS; n++) {
    const sheet = spreadsheet.getSheetByName(n === 1 ? PRICE_SHEET_NAME : `${PRICE_SHEET_NAME} ${n}`);
    if (sheet && isPriceTable(sheet)) return sheet;
  }
  return null;
}

export interface EffectiveBook {
  readonly book: PriceBook;
  /** The sheet of the edited table; null for the add-on's own book. */
  readonly sheetName: string | null;
  /** Where it comes from, in words a user reads. */
  readonly description: string;
}

/**
 * The price book in force in a spreadsheet: the edited price table when there is one, else the
 * default book. A broken table is an InputError naming the sheet, row and column of the first
 * bad cell: it is never replaced by, or mixed with, the default. For the sidebar and the sheet
 * writers (server side); the custom functions get the table as their `prices` range.
 */
export function effectiveBook(spreadsheet: Spreadsheet): EffectiveBook {
  const sheet = findPriceSheet(spreadsheet);
  if (!sheet) {
    return {
      book: defaultPriceBook(),
      sheetName: null,
      description: `the default price book (checked against its sources on ${defaultPriceBook().asOf})`,
    };
  }
  return tableBook(spreadsheet, sheet, sheet.getDataRange().getValues());
}

/** The book of an edited table's values, or an InputError naming the sheet, row and column. */
function tableBook(spreadsheet: Spreadsheet, sheet: Sheet, values: unknown[][]): EffectiveBook {
  const name = sheet.getName();
  const book = bookFromRows(values, spreadsheet.getSpreadsheetTimeZone());
  if (book instanceof InputError) throw new InputError(`the sheet "${name}", ${book.message}`);
  return { book, sheetName: name, description: `the sheet "${name}" (edited prices, newest as of ${book.asOf})` };
}

/** The rows of the edited price table in force, and the book they make. */
export interface PriceRowsInForce {
  readonly rows: unknown[][];
  readonly book: EffectiveBook;
}

/**
 * The edited price table's own rows (its header and every non-blank row, columns A to H, as
 * values: each row's own source, whole), checked as the functions read it. For the copies the
 * add-on writes of it: the locked price table, "Insert price table". Throws like effectiveBook.
 */
export function priceRowsInForce(spreadsheet: Spreadsheet): PriceRowsInForce {
  const sheet = findPriceSheet(spreadsheet);
  if (!sheet) throw new InputError('there is no price table "Kling prices" (Edit prices writes one)');
  // Read once: the book and the rows come from the same values.
  const values = sheet.getDataRange().getValues();
  const book = tableBook(spreadsheet, sheet, values);
  const rows = values.map((row) => row.slice(0, PRICE_TABLE_COLUMNS)).filter((row) => row.some((cell) => !isBlank(cell)));
  return { rows, book };
}
