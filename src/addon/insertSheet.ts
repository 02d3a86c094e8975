import { uniqueSheetName } from './sheetNames';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** How long an insert waits for another person's insert in the same document. */
const LOCK_WAIT_MS = 20_000;
const NAME_ATTEMPTS = 10;

/**
 * Inserts a NEW sheet and writes it completely, or not at all: the name is chosen and the sheet
 * inserted under the document lock (two people inserting at once get "Kling budget" and "Kling
 * budget 2", never "already exists"), and if any write fails the sheet is removed again, so no
 * half-written sheet is left. Returns the sheet. `existing`, when given, is asked under the lock
 * first: a sheet it returns (made by someone else meanwhile) is returned instead of a new one.
 */
export function insertNewSheet(
  spreadsheet: Spreadsheet,
  base: string,
  write: (sheet: Sheet) => void,
  existing?: () => Sheet | null,
): Sheet {
  const lock = typeof LockService === 'undefined' ? null : LockService.getDocumentLock();
  if (lock) lock.waitLock(LOCK_WAIT_MS);
  try {
    const found = existing ? existing() : null;
    if (found) return found;
    const sheet = insertUnique(spreadsheet, base);
    try {
      write(sheet);
    } catch (error) {
      removeQuietly(spreadsheet, sheet);
      throw error;
    }
    return sheet;
  } finally {
    if (lock) lock.releaseLock();
  }
}

/** A new sheet named `base`, or "base 2", ...; a name taken between the check and the insert is retried. */
function insertUnique(spreadsheet: Spreadsheet, base: string): Sheet {
  let lastError: unknown;
  for (let attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
    const name = uniqueSheetName(spreadsheet, base);
    try {
      return spreadsheet.insertSheet(name);
    } catch (error) {
      lastError = error;
      if (!/already exists/i.test(error instanceof Error ? error.message : String(error))) throw error;
    }
  }
  throw lastError;
}

function removeQuietly(spreadsheet: Spreadsheet, sheet: Sheet): void {
  try {
    spreadsheet.deleteSheet(sheet);
  } catch {
    // The sheet could not be removed either; the original error is what the user needs.
  }
}
