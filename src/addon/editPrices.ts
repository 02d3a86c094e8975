import { CONFIDENCES, defaultPriceBook } from '../pricing';
import { findPriceSheet, PRICE_SHEET_NAME, priceRangeReference } from './effectiveBook';
import { insertNewSheet } from './insertSheet';
import { writePriceRows } from './priceRows';
import { uniqueSheetName } from './sheetNames';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const WRITING = `${PRICE_SHEET_NAME} (being written)`;

function howTo(name: string): string {
  return [
    'Your price table. Edit Value, Confidence, Source and As of (YYYY-MM-DD) when Kling changes a price.',
    'Add a top-up pack as three rows "Top-up pack / Pack 9 / price, credits, bonus credits".',
    'Add a model as rows "App credits, Kling 4.0": per clip ("professional 10 s with audio", credits per clip) or per second ("professional with audio", credits per second, plus shortest clip and longest clip, seconds). "API, Kling 4.0" rows give its API prices.',
    `Formulas see these prices through their last argument, e.g. =KLING_COST("pro",10,TRUE,"standard",,,,${priceRangeReference(name)}).`,
    'A broken row makes those formulas show an error naming its row and column; the default prices are never mixed in.',
  ].join('\n');
}

/**
 * Menu "Edit prices": writes the default price book into a new sheet "Kling prices" for the user
 * to edit (written under a temporary name and renamed when complete, so a failure leaves no
 * empty price table). When the price table exists it is opened and nothing is written; a sheet of
 * the user's that is called "Kling prices" but is not a price table is left alone, and the table
 * gets the next free name. The table is looked for under the document lock, so two people
 * choosing Edit prices at once get one table, not two.
 */
export function editPrices(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  let found: Sheet | null = null;
  let name = PRICE_SHEET_NAME;
  const sheet = insertNewSheet(
    spreadsheet,
    WRITING,
    (sheet) => {
      const rows = writePriceRows(sheet, 1, defaultPriceBook());
      sheet.setFrozenRows(1);
      sheet.getRange(2, 6, rows - 1, 1).setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireValueInList([...CONFIDENCES], true)
          .setAllowInvalid(false)
          .build(),
      );
      sheet.getRange(2, 4, rows - 1, 1).setBackground('#fff8e1');
      name = renameWhenWritten(spreadsheet, sheet);
      sheet.getRange(1, 1).activate();
    },
    () => {
      found = findPriceSheet(spreadsheet);
      return found;
    },
  );
  if (found) {
    sheet.activate();
    spreadsheet.toast(`Your prices are in the sheet "${sheet.getName()}": edit them there.`, 'Kling Cost');
    return;
  }
  spreadsheet.toast(`Edit the prices here; pass ${priceRangeReference(name)} as the last argument of a formula to use them.`, 'Kling Cost');
}

const RENAME_ATTEMPTS = 10;

/**
 * Gives the finished table its name ("Kling prices", or the next free one), its how-to note naming
 * it: the last writes. A name taken meanwhile by a sheet someone made by hand is retried.
 */
function renameWhenWritten(spreadsheet: Spreadsheet, sheet: Sheet): string {
  for (let attempt = 1; ; attempt++) {
    const name = uniqueSheetName(spreadsheet, PRICE_SHEET_NAME);
    sheet.getRange(1, 1).setNote(howTo(name));
    try {
      sheet.setName(name);
      return name;
    } catch (error) {
      if (attempt >= RENAME_ATTEMPTS || !/already exists/i.test(error instanceof Error ? error.message : String(error))) throw error;
    }
  }
}
