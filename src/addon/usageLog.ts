import { type CurrentPrices, currentPrices, layoutPrices } from './currentPrices';
import { insertNewSheet } from './insertSheet';
import { LOG_HEADER, LOG_HEADER_ROW, usageLogLayout } from './usageLogLayout';
import { writeLayout } from './writeLayout';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const USAGE_LOG_SHEET = 'Kling usage log';
const MAX_LOGS = 20;

/** True when the sheet's header row (row 1) is the usage log's. */
export function isUsageLog(sheet: Sheet): boolean {
  if (sheet.getLastRow() < LOG_HEADER_ROW) return false;
  const header = sheet.getRange(LOG_HEADER_ROW, 1, 1, LOG_HEADER.length).getValues()[0] ?? [];
  return LOG_HEADER.every((name, c) => String(header[c] ?? '').trim() === name);
}

/** The usage log of the spreadsheet ("Kling usage log", "Kling usage log 2", ...), recognised by its header; null when none. */
export function findUsageLog(spreadsheet: Spreadsheet): Sheet | null {
  for (let n = 1; n <= MAX_LOGS; n++) {
    const sheet = spreadsheet.getSheetByName(n === 1 ? USAGE_LOG_SHEET : `${USAGE_LOG_SHEET} ${n}`);
    if (sheet && isUsageLog(sheet)) return sheet;
  }
  return null;
}

/** Writes a usage log into a new sheet (example rows only from the menu). */
export function insertLogSheet(spreadsheet: Spreadsheet, examples: boolean, prices: CurrentPrices = currentPrices(spreadsheet)): Sheet {
  const layout = usageLogLayout({
    ...layoutPrices(prices),
    examples,
    today: new Date(),
  });
  return insertNewSheet(spreadsheet, USAGE_LOG_SHEET, (sheet) => writeLayout(sheet, layout));
}

/** True when no generation is logged: every cell of the log's own columns below the header is blank. */
function holdsNoGeneration(sheet: Sheet): boolean {
  const rows = sheet.getLastRow() - LOG_HEADER_ROW;
  if (rows <= 0) return true;
  const cells = sheet.getRange(LOG_HEADER_ROW + 1, 1, rows, LOG_HEADER.length).getValues();
  return cells.every((row) => row.every((cell) => cell === '' || cell === null));
}

/**
 * Menu "Insert usage log": a new sheet, one row per generation, with dropdowns and a few example
 * rows. When the spreadsheet already has a usage log with no generation in it (the empty one a
 * 12-month plan inserts, which the plan reads), that log is shown instead of a second one the
 * plan would not read; nothing is written.
 */
export function insertUsageLog(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const existing = findUsageLog(spreadsheet);
  if (existing && holdsNoGeneration(existing)) {
    spreadsheet.setActiveSheet(existing);
    spreadsheet.toast(
      `"${existing.getName()}" is your usage log, still empty: log one row per generation in it (the 12-month plan reads it).`,
      'Kling Cost',
    );
    return;
  }
  const prices = currentPrices(spreadsheet);
  const log = insertLogSheet(spreadsheet, true, prices);
  if (existing) {
    spreadsheet.toast(`"${log.getName()}" is a second log; the 12-month plan reads "${existing.getName()}".`, 'Kling Cost');
  }
  if (prices.problem) spreadsheet.toast(`The usage log uses your edited prices, but ${prices.problem}.`, 'Kling Cost');
}
