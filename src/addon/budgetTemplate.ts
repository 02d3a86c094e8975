import { BILLINGS } from '../pricing';
import { budgetTemplateLayout } from './budgetLayout';
import { currentPrices, layoutPrices } from './currentPrices';
import { insertNewSheet } from './insertSheet';
import { writeLayout } from './writeLayout';

export const BUDGET_SHEET = 'Kling budget';

/**
 * Menu "Insert budget template": a new sheet "Kling budget" (or "Kling budget 2", ...) with a
 * shot list, dropdowns, example rows and a live summary. When the price table exists, every
 * formula passes it as its `prices` argument and the model dropdown follows it.
 */
export function insertBudgetTemplate(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const prices = currentPrices(spreadsheet);
  const layout = budgetTemplateLayout({
    ...layoutPrices(prices),
    billings: [...BILLINGS],
  });
  insertNewSheet(spreadsheet, BUDGET_SHEET, (sheet) => writeLayout(sheet, layout));
  if (prices.problem) spreadsheet.toast(`The budget uses your edited prices, but ${prices.problem}.`, 'Kling Cost');
}
