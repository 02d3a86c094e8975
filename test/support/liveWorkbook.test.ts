/**
 * The fake spreadsheet computed live by HyperFormula (liveWorkbook.ts), as the preview uses it:
 * reads return computed values at that moment, whatever wrote the formulas; the add-on's own
 * handlers and sidebar server read figures, not formula text. And the additions to the fakes the
 * preview needs: protections, a settable time zone, toasts with a title, alert answers.
 */
import { describe, expect, it } from 'vitest';
import { createAppsScriptFakes, FakeSpreadsheet } from '../fakes/appsScript';
import { KLING_FUNCTIONS, KLING_SIZES, registerKlingFunctions } from './hyperformula';
import { instantOf, LiveWorkbook, serialOf } from './liveWorkbook';
import { callGlobal, distHtmlFiles, loadBundle } from './loadBundle';
import { formatNumber, formatText } from './numberFormat';

function live(name = 'Sheet1') {
  const spreadsheet = new FakeSpreadsheet(name);
  const workbook = new LiveWorkbook(spreadsheet);
  return { spreadsheet, workbook, sheet: spreadsheet.getActiveSheet() };
}

describe('reads of a live workbook', () => {
  it('return what formulas compute at that moment, array results included, formatted for display', () => {
    const { sheet } = live();
    sheet.getRange('A1:A3').setValues([[2], [3], [4]]);
    sheet.getRange('B1').setFormula('=SUM(A1:A)');
    sheet.getRange('C1').setFormula('=ARRAYFORMULA(A1:A3*10)');
    sheet.getRange('B1').setNumberFormat('$#,##0.00');
    expect(sheet.getRange('B1:C3').getValues()).toEqual([
      [9, 20],
      ['', 30],
      ['', 40],
    ]);
    expect(sheet.getRange('B1').getDisplayValues()).toEqual([['$9.00']]);
    expect(sheet.getRange('B1').getFormulas()).toEqual([['=SUM(A1:A)']]);
    sheet.getRange('A2').setValue(1000);
    expect(sheet.getRange('B1').getValue()).toBe(1006);
    expect(sheet.getRange('B1').getDisplayValues()).toEqual([['$1,006.00']]);
    expect(sheet.getRange('C2').getValue()).toBe(10_000);
  });

  it('read typed text as Sheets does: numbers, booleans and dates, except in a plain-text cell', () => {
    const { sheet, spreadsheet } = live();
    sheet.getRange('A2').setNumberFormat('@');
    sheet.getRange('A1:A5').setValues([['10'], ['10'], ['TRUE'], ['2026-11-03'], ["'=not a formula"]]);
    const [a1, a2, a3, a4, a5] = sheet
      .getRange('A1:A5')
      .getValues()
      .map((r) => r[0]);
    expect([a1, a2, a3, a5]).toEqual([10, '10', true, '=not a formula']);
    expect(Object.prototype.toString.call(a4)).toBe('[object Date]');
    expect(serialOf(a4 as Date, spreadsheet.getSpreadsheetTimeZone())).toBe(Date.UTC(2026, 10, 3) / 86_400_000 + 25_569);
  });

  it('follow renamed and deleted sheets, and errors read as Sheets shows them', () => {
    const { spreadsheet, sheet, workbook } = live('Data');
    sheet.getRange('A1').setValue(5);
    const other = spreadsheet.insertSheet('Report');
    other.getRange('A1').setFormula('=Data!A1*2');
    other.getRange('A2').setFormula('=NOSUCHFN(1)');
    expect(other.getRange('A1:A2').getValues()).toEqual([[10], ['#NAME?']]);
    expect(workbook.shown(other, 2, 1).error).toEqual({ label: '#NAME?', message: "Unknown function: 'nosuchfn'." });
    sheet.setName('Inputs');
    sheet.getRange('A1').setValue(6);
    expect(other.getRange('A1').getValue()).toBe(12);
    spreadsheet.deleteSheet(sheet);
    expect(other.getRange('A1').getValue()).toBe('#REF!');
  });

  it('put Dates in the spreadsheet time zone', () => {
    const { spreadsheet, sheet } = live();
    spreadsheet.setSpreadsheetTimeZone('America/New_York');
    // 2026-11-03 23:30 in New York is 2026-11-04 04:30 UTC.
    const late = new Date(Date.UTC(2026, 10, 4, 4, 30));
    sheet.getRange('A1').setValue(late);
    sheet.getRange('B1').setFormula('=TEXT(A1,"yyyy-mm-dd hh:mm")');
    expect(sheet.getRange('B1').getValue()).toBe('2026-11-03 23:30');
    expect(instantOf(serialOf(late, 'America/New_York'), 'America/New_York')).toBe(late.getTime());
  });
});

describe('the add-on over a live workbook', () => {
  it("its handlers and the sidebar server read computed figures: the budget template's shot list", () => {
    const spreadsheet = new FakeSpreadsheet();
    const fakes = createAppsScriptFakes({ spreadsheet, files: distHtmlFiles() });
    const context = loadBundle(fakes.services);
    registerKlingFunctions(context, KLING_FUNCTIONS, KLING_SIZES);
    const workbook = new LiveWorkbook(spreadsheet);
    callGlobal(context, 'insertBudgetTemplate');
    const budget = spreadsheet.getActiveSheet();
    const header = budget
      .getDataRange()
      .getValues()
      .findIndex((row) => row[0] === 'Scene');
    const values = budget.getRange(header + 1, 1, 5, 12).getValues();
    const status = (values[0] as unknown[]).indexOf('Status');
    expect(values.slice(1).map((row) => row[status])).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(values.slice(1).every((row) => typeof row[status + 1] === 'number')).toBe(true);
    expect(JSON.stringify(budget.getDataRange().getDisplayValues())).not.toMatch(/"=|#NAME\?|#REF!|#ERROR!/);
    // The sidebar reads the selected shot list: the computed columns are numbers, not formula text.
    budget.getRange(header + 1, 1, 5, 12).activate();
    const read = callGlobal(context, 'sidebarReadSelection') as { rows?: unknown[]; problems?: unknown[] };
    expect(read.problems ?? []).toEqual([]);
    expect(read.rows).toHaveLength(4);
    expect(workbook.findText(budget, (text) => text === 'Scene')).toEqual([[header + 1, 1]]);
  });
});

describe('the fakes the preview needs', () => {
  it('protect sheets and ranges, warning only or not, with a description', () => {
    const spreadsheet = new FakeSpreadsheet();
    const sheet = spreadsheet.getActiveSheet();
    const whole = sheet.protect().setDescription('Locked budget, version 1').setWarningOnly(true);
    const range = sheet.getRange('B2:C3').protect().setDescription('Totals');
    expect(sheet.protect()).toBe(whole);
    expect(sheet.getProtections('SHEET').map((p) => [p.getDescription(), p.isWarningOnly()])).toEqual([['Locked budget, version 1', true]]);
    expect(sheet.getProtections('RANGE').map((p) => [p.getDescription(), p.isWarningOnly(), p.getRange().getA1Notation()])).toEqual([
      ['Totals', false, 'B2:C3'],
    ]);
    expect(range.covers(3, 3)).toBe(true);
    expect(range.covers(4, 3)).toBe(false);
    expect(spreadsheet.writes.filter((w) => w.what === 'protection').length).toBeGreaterThan(0);
    range.remove();
    expect(sheet.getProtections('RANGE')).toEqual([]);
  });

  it('a settable time zone, toasts with a title, alerts answered and told as they happen', () => {
    const seen: string[] = [];
    const fakes = createAppsScriptFakes({
      onUi: (event) => seen.push(`${event.kind}:${event.title}`),
      answer: (_event, buttons) => ({ button: buttons === 'YES_NO' ? 'NO' : 'OK' }),
    });
    const ui = fakes.services.SpreadsheetApp.getUi();
    expect(ui.alert('Lock?', 'Lock this version?', ui.ButtonSet.YES_NO)).toBe('NO');
    expect(ui.alert('Done')).toBe('OK');
    expect(seen).toEqual(['alert:Lock?', 'alert:Done']);
    const toasts: string[] = [];
    fakes.spreadsheet.onToast = (message, title) => toasts.push(`${title}: ${message}`);
    fakes.spreadsheet.toast('Saved', 'Kling Cost', 3);
    expect(toasts).toEqual(['Kling Cost: Saved']);
    expect(fakes.spreadsheet.toasts).toEqual(['Saved']);
    expect(fakes.spreadsheet.getSpreadsheetTimeZone()).toBe('Etc/UTC');
    fakes.spreadsheet.setSpreadsheetTimeZone('Europe/Paris');
    expect(fakes.spreadsheet.getSpreadsheetTimeZone()).toBe('Europe/Paris');
  });
});

describe('number formats', () => {
  const serial = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min) / 86_400_000 + 25_569;
  it.each([
    [1234.5, '$#,##0.00', '$1,234.50'],
    [-1234.5, '$#,##0.00', '-$1,234.50'],
    [0.12345, '$0.0000', '$0.1235'],
    [1234567.4, '#,##0', '1,234,567'],
    [2.005, '#,##0.00', '2.01'],
    [7.6, '0', '8'],
    [0.2, '0%', '20%'],
    [0.1666, '0.0%', '16.7%'],
    [0.2, '0.##%', '20.%'],
    [0.125, '0.##%', '12.5%'],
    [180, '+#,##0;-#,##0;0', '+180'],
    [-20, '+#,##0;-#,##0;0', '-20'],
    [0, '+#,##0;-#,##0;0', '0'],
    [serial(2026, 11, 3), 'yyyy-mm-dd', '2026-11-03'],
    [serial(2026, 11, 3, 14, 22), 'yyyy-mm-dd hh:mm', '2026-11-03 14:22'],
    [serial(2027, 1, 1), 'yyyy-mm', '2027-01'],
    [serial(2027, 1, 9), 'mmm d, yyyy', 'Jan 9, 2027'],
    [0.1666666666666, '', '0.1666666667'],
    [42, '', '42'],
  ])('%s under %s shows %s', (value, format, shown) => {
    expect(formatNumber(value, format)).toBe(shown);
  });

  it('shows a typed date or percent in the automatic format, and text as it is', () => {
    expect(formatNumber(serial(2026, 11, 3), '', 'date')).toBe('2026-11-03');
    expect(formatNumber(0.2, '', 'percent')).toBe('20%');
    expect(formatText('USD', '@')).toBe('USD');
  });
});
