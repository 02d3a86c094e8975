import { currentPrices, layoutPrices } from './currentPrices';
import { insertNewSheet } from './insertSheet';
import { planLayout } from './planLayout';
import { quotedSheetName } from './sheetNames';
import { findUsageLog, insertLogSheet } from './usageLog';
import { writeLayout } from './writeLayout';

export const PLAN_SHEET = 'Kling 12-month plan';

/** The first day of the month after `today`. */
function nextMonth(today: Date): Date {
  return new Date(today.getFullYear(), today.getMonth() + 1, 1, 12);
}

/**
 * Menu "Insert 12-month plan": a new sheet with the shot list by month, the cheapest schedule
 * under each billing, the API over the same months, a chart of spend per month, and budget
 * against actuals from the usage log. Without a usage log, an empty one is inserted with it (both
 * or neither: a failure removes the log it made).
 */
export function insertTwelveMonthPlan(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const prices = currentPrices(spreadsheet);
  const existing = findUsageLog(spreadsheet);
  const log = existing ?? insertLogSheet(spreadsheet, false, prices);
  const layout = planLayout({
    ...layoutPrices(prices),
    start: nextMonth(new Date()),
    logSheet: quotedSheetName(log.getName()),
    logName: log.getName(),
  });
  try {
    insertNewSheet(spreadsheet, PLAN_SHEET, (sheet) => writeLayout(sheet, layout));
  } catch (error) {
    // Both or neither: the log made for this plan goes too (and the plan's error is the one reported).
    if (!existing) {
      try {
        spreadsheet.deleteSheet(log);
      } catch {
        // Nothing more to undo.
      }
    }
    throw error;
  }
  if (prices.problem) spreadsheet.toast(`The 12-month plan uses your edited prices, but ${prices.problem}.`, 'Kling Cost');
}
