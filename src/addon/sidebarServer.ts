import type { SelectionResult, SidebarServer, SidebarStart } from '../contract/sidebar';
import { compareWorkload, InputError, PricingEngine } from '../pricing';
import { insertComparison } from './comparisonSheet';
import type { EffectiveBook } from './effectiveBook';
import { effectiveBook } from './effectiveBook';
import { HEADER_LOOKBACK, readSelection, selectionShapeProblem } from './selection';
import { quotedSheetName } from './sheetNames';
import { PayloadError, parseInsertPayload } from './sidebarPayload';

/**
 * The server side of the "Compare plans" sidebar, as src/contract/sidebar.ts declares it: hand the
 * page the price book in force, read the selected cells, and write a comparison into a new sheet.
 * The page computes everything it shows by itself; the server recomputes before it writes.
 */

export const SIDEBAR_TITLE = 'Kling Cost';

export function showSidebar(): void {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(SIDEBAR_TITLE));
}

/**
 * The price book in force: the edited sheet "Kling prices" when it exists, else the default book.
 * A broken edited table is an error naming its row and column, never replaced by the default.
 */
function currentBook(): EffectiveBook {
  try {
    return effectiveBook(SpreadsheetApp.getActiveSpreadsheet());
  } catch (error) {
    if (error instanceof InputError) throw new Error(`Kling Cost cannot read the prices: ${error.message}`);
    throw error;
  }
}

const engineInForce = (): PricingEngine => new PricingEngine(currentBook().book);

export function sidebarInit(): SidebarStart {
  // The book is plain data (numbers, text, null, lists, objects), as google.script.run carries it.
  const { book, description, sheetName } = currentBook();
  return { book, source: description, edited: sheetName !== null };
}

/** The rows of work in the selected cells, or the problems of its cells by A1 address. */
export function sidebarReadSelection(): SelectionResult {
  const range = SpreadsheetApp.getActiveRange();
  if (!range) throw new Error('Select the rows of your shot list first, with its header row');
  const sheet = range.getSheet();
  const name = sheet.getName();
  const a1 = `${/^\w+$/.test(name) ? name : quotedSheetName(name)}!${range.getA1Notation()}`;
  const top = range.getRow();
  const left = range.getColumn();
  const cols = range.getNumColumns();
  const shape = selectionShapeProblem(range.getNumRows(), cols, a1);
  if (shape) return shape;
  // The rows above, in the same columns, where the header of a list selected without it is.
  const from = Math.max(1, top - HEADER_LOOKBACK);
  const above = top > 1 ? sheet.getRange(from, left, top - from, cols).getValues() : [];
  return readSelection(engineInForce(), range.getValues(), top, left, a1, above);
}

/**
 * Validates the page's request, recomputes the comparison from the validated work (figures
 * sent by the page are not trusted, nor accepted), and writes it into a new sheet.
 */
export function sidebarInsertComparison(payload: unknown): ReturnType<SidebarServer['sidebarInsertComparison']> {
  let comparison: ReturnType<typeof compareWorkload>;
  try {
    const engine = engineInForce();
    comparison = compareWorkload(engine, parseInsertPayload(engine, payload));
  } catch (error) {
    if (error instanceof PayloadError) throw new Error(error.message);
    if (error instanceof InputError) throw new Error(`Kling Cost cannot price this work: ${error.message}`);
    throw error;
  }
  return insertComparison(SpreadsheetApp.getActiveSpreadsheet(), comparison);
}

/** The contract holds: each server function has the type src/contract/sidebar.ts declares (checked, never called). */
export const SIDEBAR_SERVER = { sidebarInit, sidebarReadSelection, sidebarInsertComparison } satisfies SidebarServer;
