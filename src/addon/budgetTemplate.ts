import { budgetTemplateLayout, type TemplateLayout } from './budgetLayout';
import { dropdownRule } from './dropdown';
import { effectiveBook, PRICE_SHEET_NAME, priceRangeReference } from './effectiveBook';
import { uniqueSheetName } from './sheetNames';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const BUDGET_SHEET = 'Kling budget';

/**
 * Menu "Insert budget template": a new sheet "Kling budget" (or "Kling budget 2", ...) with a
 * shot list, dropdowns, example rows, a summary and a yearly view driven by live formulas.
 * When the sheet "Kling prices" exists, every formula passes it as its `prices` argument.
 */
export function insertBudgetTemplate(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const hasPrices = spreadsheet.getSheetByName(PRICE_SHEET_NAME) !== null;
  let pricesNote: string;
  let problem: string | null = null;
  try {
    pricesNote = effectiveBook(spreadsheet).description;
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
    pricesNote = `the sheet "${PRICE_SHEET_NAME}" (it has an error: fix it and the figures follow)`;
  }
  const layout = budgetTemplateLayout({ pricesRef: hasPrices ? priceRangeReference() : null, pricesNote });
  const sheet = spreadsheet.insertSheet(uniqueSheetName(spreadsheet, BUDGET_SHEET));
  writeLayout(sheet, layout);
  sheet.getRange('A6').activate();
  if (problem) spreadsheet.toast(`The budget uses your edited prices, but ${problem}.`, 'Kling Cost');
}

function writeLayout(sheet: Sheet, layout: TemplateLayout): void {
  // Formats first, so values arrive formatted.
  for (const [a1, format] of layout.formats) sheet.getRange(a1).setNumberFormat(format);
  for (const block of layout.blocks) {
    const width = Math.max(...block.values.map((line) => line.length));
    const values = block.values.map((line) => [...line, ...new Array<string>(width - line.length).fill('')]);
    sheet.getRange(block.row, block.col, values.length, width).setValues(values);
  }
  for (const [a1, list] of layout.dropdowns) sheet.getRange(a1).setDataValidation(dropdownRule(list));
  for (const a1 of layout.checkboxes) sheet.getRange(a1).setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
  for (const a1 of layout.nonNegative) {
    sheet
      .getRange(a1)
      .setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireNumberGreaterThanOrEqualTo(0)
          .setAllowInvalid(false)
          .setHelpText('A number of 0 or more.')
          .build(),
      );
  }
  for (const a1 of layout.inputs) sheet.getRange(a1).setBackground('#fff8e1');
  for (const a1 of layout.headers) sheet.getRange(a1).setFontWeight('bold');
  sheet.getRange('A1').setFontWeight('bold');
  for (const [a1, note] of layout.notes) sheet.getRange(a1).setNote(note);
  for (const [col, width] of layout.widths) sheet.setColumnWidth(col, width);
}
