import type { PriceBook } from '../pricing';
import { bookRowFormats, bookToRows } from '../pricing';
import { safeRows } from './text';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const WIDTHS = [170, 230, 140, 90, 210, 90, 430, 90];

/**
 * Writes the price book as a table (header, then one row per price) at `row` of a new sheet:
 * values (user text, such as a Source copied from an edited table, kept as text), a number
 * format per row for the Value column, dates kept as text (YYYY-MM-DD). With `ownRows` (an
 * edited table's own rows, header first), those rows as they are, each with its own source.
 * Returns the rows written.
 */
export function writePriceRows(sheet: Sheet, row: number, book: PriceBook, ownRows: readonly (readonly unknown[])[] | null = null): number {
  const rows = (ownRows ?? bookToRows(book)) as (string | number)[][];
  const cols = 8;
  const data = rows.length - 1;
  // Text format first, so Sheets keeps "2026-08-12" as the text the table reads back.
  sheet.getRange(row + 1, 8, data, 1).setNumberFormat('@');
  sheet.getRange(row, 1, rows.length, cols).setValues(safeRows(rows.map((r) => Array.from({ length: cols }, (_, c) => r[c] ?? ''))));
  if (!ownRows) sheet.getRange(row + 1, 4, data, 1).setNumberFormats(bookRowFormats(book).map((format) => [format]));
  sheet.getRange(row, 1, 1, cols).setFontWeight('bold').setBackground('#e8eaed');
  WIDTHS.forEach((width, i) => {
    sheet.setColumnWidth(i + 1, width);
  });
  return rows.length;
}
