/**
 * A spreadsheet full of a user's data, with sheets named like the ones the add-on writes, and a
 * deep picture of every sheet (every cell's value, formula, format, validation and style, charts,
 * rules, frozen rows, hidden columns): equal pictures mean no cell of the user's was touched.
 */
import type { FakeSheet } from '../fakes/appsScript';
import { FakeSpreadsheet } from '../fakes/appsScript';

export interface UserDataOptions {
  /** A sheet of the user's called "Kling prices" that is not a price table. */
  readonly userPriceSheet?: boolean;
}

function fill(sheet: FakeSheet, rows: number, cols: number): void {
  const values = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => (c === 0 ? `item ${r}` : c === 1 ? r * 1.5 : c === 2 ? r % 2 === 0 : `=B${r + 1}*${c}`)),
  );
  sheet.getRange(1, 1, rows, cols).setValues(values);
  sheet.getRange(1, 2, rows, 1).setNumberFormat('0.00');
  sheet.getRange(1, 1, 1, cols).setFontWeight('bold').setBackground('#cfe2f3');
  sheet.getRange(2, 3).setNote('a note of the user');
  sheet.setFrozenRows(1);
}

export function userSpreadsheet(options: UserDataOptions = {}): FakeSpreadsheet {
  const spreadsheet = new FakeSpreadsheet('Data');
  fill(spreadsheet.getSheets()[0] as FakeSheet, 150, 12);
  fill(spreadsheet.insertSheet('Kling budget'), 40, 6);
  fill(spreadsheet.insertSheet('Kling price table'), 10, 3);
  fill(spreadsheet.insertSheet('Kling 12-month plan'), 12, 4);
  // Named like the log, with a header of its own: not the usage log.
  const log = spreadsheet.insertSheet('Kling usage log');
  fill(log, 8, 10);
  if (options.userPriceSheet) fill(spreadsheet.insertSheet('Kling prices'), 20, 8);
  spreadsheet.setActiveSheet(spreadsheet.getSheets()[0] as FakeSheet);
  spreadsheet.writes.length = 0;
  return spreadsheet;
}

function sheetState(sheet: FakeSheet) {
  const out: Record<string, unknown> = {};
  for (const [row, col, s] of sheet.cellStates()) {
    const v = s.validation;
    out[`${row},${col}`] = {
      value: Object.prototype.toString.call(s.value) === '[object Date]' ? (s.value as Date).toISOString() : s.value,
      formula: s.formula,
      format: s.format,
      validation: v ? [v.getCriteriaType(), v.getCriteriaValues(), v.allowInvalid, v.helpText] : null,
      style: { ...s.style },
    };
  }
  const hidden = Array.from({ length: 60 }, (_, i) => i + 1).filter((c) => sheet.isColumnHiddenByUser(c));
  return {
    cells: out,
    charts: sheet.getCharts().length,
    rules: sheet.getConditionalFormatRules().length,
    frozen: sheet.getFrozenRows(),
    hidden,
    maxRows: sheet.getMaxRows(),
  };
}

/** Every sheet's name, in order, and everything in it (only the sheets named in `only`, when given). */
export function state(spreadsheet: FakeSpreadsheet, only?: readonly string[]) {
  const sheets = spreadsheet.getSheets().filter((s) => !only || only.includes(s.getName()));
  return {
    names: spreadsheet.getSheets().map((s) => s.getName()),
    sheets: Object.fromEntries(sheets.map((s) => [s.getName(), sheetState(s)])),
  };
}

/** A fast text fingerprint of the named sheets: equal texts, equal sheets (for checks run hundreds of times). */
export function fingerprint(spreadsheet: FakeSpreadsheet, names: readonly string[]): string {
  const parts: string[] = [
    spreadsheet
      .getSheets()
      .map((s) => s.getName())
      .join('|'),
  ];
  for (const name of names) {
    const sheet = spreadsheet.getSheetByName(name);
    if (!sheet) {
      parts.push(`${name}: missing`);
      continue;
    }
    parts.push(
      `${name}:${sheet.getFrozenRows()}:${sheet.getCharts().length}:${sheet.getConditionalFormatRules().length}:${sheet.getMaxRows()}`,
    );
    for (const [row, col, s] of sheet.cellStates()) {
      const v = s.validation;
      let style = '';
      for (const key in s.style) style += `${key}=${String(s.style[key])};`;
      parts.push(
        `${row},${col}\t${typeof s.value}:${String(s.value)}\t${s.formula}\t${s.format}\t${v ? `${v.getCriteriaType()}${JSON.stringify(v.getCriteriaValues())}${v.allowInvalid}${v.helpText}` : ''}\t${style}`,
      );
    }
  }
  return parts.join('\n');
}
