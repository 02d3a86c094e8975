import { DEFAULT_PRICE_BOOK } from '../pricing';
import { dropdownRule } from './dropdown';
import { PRICE_SHEET_NAME, priceRangeReference } from './effectiveBook';
import { writePriceRows } from './priceRows';

const HOW_TO = [
  'Your price table. Edit Value, Confidence, Source and As of (YYYY-MM-DD) when Kling changes a price; keep every row.',
  'Add a top-up pack as three rows "Top-up pack / Pack 9 / price, credits, bonus credits".',
  `Formulas see these prices through their last argument, e.g. =KLING_COST("pro",10,TRUE,"standard",,,,${priceRangeReference()}).`,
  'A broken row makes those formulas show an error naming its row and column; the default prices are never mixed in.',
].join('\n');

/**
 * Menu "Edit prices": writes the default price book into a new sheet "Kling prices" for the
 * user to edit. When that sheet exists it is opened, and nothing is written.
 */
export function editPrices(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const existing = spreadsheet.getSheetByName(PRICE_SHEET_NAME);
  if (existing) {
    existing.activate();
    spreadsheet.toast(`Your prices are in the sheet "${PRICE_SHEET_NAME}": edit them there.`, 'Kling Cost');
    return;
  }
  const sheet = spreadsheet.insertSheet(PRICE_SHEET_NAME);
  const rows = writePriceRows(sheet, 1, DEFAULT_PRICE_BOOK);
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1).setNote(HOW_TO);
  sheet.getRange(2, 6, rows - 1, 1).setDataValidation(dropdownRule(['official', 'guide', 'estimate']));
  sheet.getRange(2, 4, rows - 1, 1).setBackground('#fff8e1');
  sheet.getRange(1, 1).activate();
  spreadsheet.toast(`Edit the prices here; pass ${priceRangeReference()} as the last argument of a formula to use them.`, 'Kling Cost');
}
