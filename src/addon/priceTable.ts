import { describeValue, planPricesAsOf } from '../pricing';
import { type EffectiveBook, effectiveBook, findPriceSheet, priceRowsInForce } from './effectiveBook';
import { insertNewSheet } from './insertSheet';
import { writePriceRows } from './priceRows';
import { priceAgeFormula } from './shotColumns';

export const PRICE_TABLE_SHEET = 'Kling price table';

/**
 * Menu "Insert price table": a new sheet with the prices in force (the edited price table when
 * there is one, else the default book), every number with its source, confidence and as-of date,
 * and the date it was inserted: the audit trail of a budget. A broken edited table is reported
 * and nothing is inserted.
 */
export function insertPriceTable(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  let current: EffectiveBook;
  let ownRows: unknown[][] | null = null;
  try {
    // An edited table is copied row by row: each row's own source, whole (the book merges a plan's sources).
    const inForce = findPriceSheet(spreadsheet) ? priceRowsInForce(spreadsheet) : null;
    current = inForce ? inForce.book : effectiveBook(spreadsheet);
    if (inForce) ownRows = inForce.rows;
  } catch (error) {
    const ui = SpreadsheetApp.getUi();
    const message = error instanceof Error ? error.message : describeValue(error);
    ui.alert('Kling Cost: the price table was not inserted', `Fix ${message}.`, ui.ButtonSet.OK);
    return;
  }
  insertNewSheet(spreadsheet, PRICE_TABLE_SHEET, (sheet) => {
    // Plain text cells: the description and the date stay text as written (no apostrophe needed, none shown).
    sheet.getRange(2, 2, 2, 1).setNumberFormat('@');
    sheet.getRange(1, 1, 4, 2).setValues([
      ['Kling Cost: prices in use', ''],
      ['Prices from', current.description],
      ['Price book as of', current.book.asOf],
      ['Inserted on', new Date()],
    ]);
    sheet.getRange(4, 2).setNumberFormat('yyyy-mm-dd hh:mm');
    // How old the plans' prices are, from this copy's date (the same line as every inserted sheet).
    sheet.getRange(5, 1).setFormula(priceAgeFormula({ priceSheet: null, planAsOf: planPricesAsOf(current.book) }));
    sheet.getRange(1, 1).setFontWeight('bold');
    writePriceRows(sheet, 6, current.book, ownRows);
    sheet.setFrozenRows(6);
    sheet.getRange(1, 1).activate();
  });
}
