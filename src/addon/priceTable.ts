import { describeValue } from '../pricing';
import { type EffectiveBook, effectiveBook } from './effectiveBook';
import { insertNewSheet } from './insertSheet';
import { writePriceRows } from './priceRows';
import { asText } from './text';

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
  try {
    current = effectiveBook(spreadsheet);
  } catch (error) {
    const ui = SpreadsheetApp.getUi();
    const message = error instanceof Error ? error.message : describeValue(error);
    ui.alert('Kling Cost: the price table was not inserted', `Fix ${message}.`, ui.ButtonSet.OK);
    return;
  }
  insertNewSheet(spreadsheet, PRICE_TABLE_SHEET, (sheet) => {
    sheet.getRange(2, 2, 2, 1).setNumberFormat('@');
    sheet.getRange(1, 1, 4, 2).setValues([
      ['Kling Cost: prices in use', ''],
      ['Prices from', asText(current.description)],
      ['Price book as of', current.book.asOf],
      ['Inserted on', new Date()],
    ]);
    sheet.getRange(4, 2).setNumberFormat('yyyy-mm-dd hh:mm');
    sheet.getRange(1, 1).setFontWeight('bold');
    writePriceRows(sheet, 6, current.book);
    sheet.setFrozenRows(6);
    sheet.getRange(1, 1).activate();
  });
}
