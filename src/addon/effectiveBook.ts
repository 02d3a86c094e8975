import type { PriceBook } from '../pricing';
import { bookFromRows, DEFAULT_PRICE_BOOK, InputError } from '../pricing';
import { quotedSheetName } from './sheetNames';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The sheet "Edit prices" writes and every reader of edited prices looks for. */
export const PRICE_SHEET_NAME = 'Kling prices';
/** Rows the formulas' `prices` range covers: the table (77 rows) with room for added packs. */
export const PRICE_RANGE_ROWS = 200;

/** The `prices` argument a formula passes to see the edited table: 'Kling prices'!$A$1:$H$200. */
export function priceRangeReference(): string {
  return `${quotedSheetName(PRICE_SHEET_NAME)}!$A$1:$H$${PRICE_RANGE_ROWS}`;
}

export interface EffectiveBook {
  readonly book: PriceBook;
  /** 'sheet': the edited table of the sheet "Kling prices"; 'default': the add-on's own book. */
  readonly origin: 'sheet' | 'default';
  /** Where it comes from, in words a user reads. */
  readonly description: string;
}

/**
 * The price book in force in a spreadsheet: the edited table of the sheet "Kling prices" when
 * that sheet exists, else the default book. A broken table is an InputError naming the sheet,
 * row and column of the first bad cell: it is never replaced by, or mixed with, the default.
 * For the sidebar and the sheet writers (server side).
 */
export function effectiveBook(spreadsheet: Spreadsheet): EffectiveBook {
  const sheet = spreadsheet.getSheetByName(PRICE_SHEET_NAME);
  if (!sheet) {
    return { book: DEFAULT_PRICE_BOOK, origin: 'default', description: `the default price book (as of ${DEFAULT_PRICE_BOOK.asOf})` };
  }
  const book = bookFromRows(sheet.getDataRange().getValues());
  if (book instanceof InputError) throw new InputError(`the sheet "${PRICE_SHEET_NAME}", ${book.message}`);
  return { book, origin: 'sheet', description: `the sheet "${PRICE_SHEET_NAME}" (edited prices, newest as of ${book.asOf})` };
}
