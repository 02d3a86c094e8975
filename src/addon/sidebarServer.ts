import type { Comparison, PriceBook } from '../pricing';
import { compareWorkload, InputError, PricingEngine } from '../pricing';
import type { InsertedComparison } from './comparisonSheet';
import { insertComparison } from './comparisonSheet';
import type { EffectiveBook } from './effectiveBook';
import { effectiveBook } from './effectiveBook';
import type { SelectionRows } from './selection';
import { readSelection, selectionShapeProblem } from './selection';
import { quotedSheetName } from './sheetNames';
import { PayloadError, parseInsertPayload } from './sidebarPayload';

/**
 * The server side of the "Compare plans" sidebar: open it, hand it the price book, read the
 * selected cells, and write a comparison into a new sheet. The page computes everything it shows
 * by itself; the server only reads and writes the sheet, and recomputes before it writes.
 */

export const SIDEBAR_TITLE = 'Kling Cost';

export function showSidebar(): void {
  const output = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(output);
}

/** What the page needs at start. */
export interface SidebarStart {
  readonly book: PriceBook;
  /** Where the prices come from, in words: the default book or the edited sheet "Kling prices". */
  readonly source: string;
}

/**
 * The price book in force: the edited sheet "Kling prices" when it exists, else the default book.
 * A broken edited table is an error naming its row and column, never replaced by the default.
 */
function currentPriceBook(): EffectiveBook {
  try {
    return effectiveBook(SpreadsheetApp.getActiveSpreadsheet());
  } catch (error) {
    if (error instanceof InputError) throw new Error(`Kling Cost cannot read the prices: ${error.message}`);
    throw error;
  }
}

export function sidebarInit(): SidebarStart {
  const current = currentPriceBook();
  // Plain data for google.script.run.
  return { book: JSON.parse(JSON.stringify(current.book)) as PriceBook, source: current.description };
}

/** The rows of work in the selected cells, or the problems of its cells by A1 address. */
export function sidebarReadSelection(): SelectionRows {
  const range = SpreadsheetApp.getActiveRange();
  if (!range) throw new Error('Select the cells of your work first: columns mode, seconds, audio, videos per month (model optional)');
  const sheetName = range.getSheet().getName();
  const a1 = `${/^[A-Za-z0-9_]+$/.test(sheetName) ? sheetName : quotedSheetName(sheetName)}!${range.getA1Notation()}`;
  const shape = selectionShapeProblem(range.getNumRows(), range.getNumColumns(), a1);
  if (shape) return shape;
  return readSelection(new PricingEngine(currentPriceBook().book), range.getValues(), range.getRow(), range.getColumn(), a1);
}

/**
 * Validates the page's request, recomputes the comparison from the validated work with the
 * pricing engine (figures sent by the page are not trusted), and writes it into a new sheet.
 */
export function sidebarInsertComparison(payload: unknown): InsertedComparison {
  let comparison: Comparison;
  try {
    const engine = new PricingEngine(currentPriceBook().book);
    comparison = compareWorkload(engine, parseInsertPayload(engine, payload));
  } catch (error) {
    if (error instanceof PayloadError) throw new Error(error.message);
    if (error instanceof InputError) throw new Error(`Kling Cost cannot price this work: ${error.message}`);
    throw error;
  }
  return insertComparison(SpreadsheetApp.getActiveSpreadsheet(), comparison);
}
