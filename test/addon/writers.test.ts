import { describe, expect, it } from 'vitest';
import { bookToRows, DEFAULT_PRICE_BOOK } from '../../src/pricing';
import { createAppsScriptFakes, type FakeSheet, FakeSpreadsheet } from '../fakes/appsScript';
import { callGlobal, distHtmlFiles, loadBundle } from '../support/loadBundle';

const MENU_FUNCTIONS = ['showSidebar', 'insertBudgetTemplate', 'insertPriceTable', 'editPrices', 'showHelp'] as const;

/** A spreadsheet full of user data, including sheets named like the ones the add-on writes. */
function userSpreadsheet(options: { userPriceSheet?: boolean } = {}): FakeSpreadsheet {
  const spreadsheet = new FakeSpreadsheet('Data');
  const fill = (sheet: FakeSheet, rows: number, cols: number) => {
    const values = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => (c === 0 ? `item ${r}` : c === 1 ? r * 1.5 : c === 2 ? r % 2 === 0 : `=B${r + 1}*${c}`)),
    );
    sheet.getRange(1, 1, rows, cols).setValues(values);
    sheet.getRange(1, 2, rows, 1).setNumberFormat('0.00');
  };
  fill(spreadsheet.getSheets()[0] as FakeSheet, 300, 14);
  fill(spreadsheet.insertSheet('Kling budget'), 40, 6);
  fill(spreadsheet.insertSheet('Kling price table'), 10, 3);
  if (options.userPriceSheet) fill(spreadsheet.insertSheet('Kling prices'), 20, 8);
  spreadsheet.setActiveSheet(spreadsheet.getSheets()[0] as FakeSheet);
  spreadsheet.writes.length = 0;
  return spreadsheet;
}

function snapshotAll(spreadsheet: FakeSpreadsheet) {
  return Object.fromEntries(
    spreadsheet.getSheets().map((s) => {
      const range = s.getDataRange();
      return [s.getName(), { cells: s.snapshot(), formats: range.getNumberFormats(), validations: range.getDataValidations() }];
    }),
  );
}

function setup(options: { userPriceSheet?: boolean } = {}) {
  const spreadsheet = userSpreadsheet(options);
  const fakes = createAppsScriptFakes({ spreadsheet, files: distHtmlFiles() });
  const context = loadBundle(fakes.services);
  return { fakes, spreadsheet, context, call: (name: string) => callGlobal(context, name) };
}

describe('menu items on a spreadsheet full of user data', () => {
  it('each item runs twice in a row without an error and without touching an existing sheet', () => {
    const { spreadsheet, call, fakes } = setup();
    const before = snapshotAll(spreadsheet);
    const existing = Object.keys(before);
    for (const name of MENU_FUNCTIONS) {
      call(name);
      call(name);
    }
    // Then once more each, now that the add-on's own sheets exist too.
    for (const name of MENU_FUNCTIONS) call(name);
    const after = snapshotAll(spreadsheet);
    for (const name of existing) expect(after[name], name).toEqual(before[name]);
    expect(spreadsheet.writes.filter((w) => existing.includes(w.sheet))).toEqual([]);
    expect(spreadsheet.getSheets().map((s) => s.getName())).toEqual([
      'Data',
      'Kling budget',
      'Kling price table',
      'Kling budget 2',
      'Kling budget 3',
      'Kling price table 2',
      'Kling price table 3',
      'Kling prices',
      'Kling budget 4',
      'Kling price table 4',
    ]);
    // No error was shown: no alert at all, only the help dialogs and the sidebars.
    expect(fakes.ui.filter((e) => e.kind === 'alert')).toEqual([]);
    expect(fakes.ui.filter((e) => e.kind === 'dialog').map((e) => e.title)).toEqual(Array(3).fill('Kling Cost help'));
    expect(fakes.ui.filter((e) => e.kind === 'sidebar').map((e) => e.title)).toEqual(Array(3).fill('Kling Cost'));
  });

  it('Edit prices a second time opens the table and writes nothing', () => {
    const { spreadsheet, call } = setup();
    call('editPrices');
    const writes = spreadsheet.writes.length;
    const table = spreadsheet.getSheetByName('Kling prices')?.snapshot();
    spreadsheet.setActiveSheet(spreadsheet.getSheets()[0] as FakeSheet);
    call('editPrices');
    expect(spreadsheet.writes.length).toBe(writes);
    expect(spreadsheet.getSheetByName('Kling prices')?.snapshot()).toEqual(table);
    expect(spreadsheet.getActiveSheet().getName()).toBe('Kling prices');
    expect(spreadsheet.toasts.at(-1)).toContain('edit them there');
  });

  it('a user sheet already named "Kling prices" is never written; the price table is refused with the reason', () => {
    const { spreadsheet, call, fakes } = setup({ userPriceSheet: true });
    const before = snapshotAll(spreadsheet);
    for (const name of MENU_FUNCTIONS) {
      call(name);
      call(name);
    }
    const after = snapshotAll(spreadsheet);
    for (const name of Object.keys(before)) expect(after[name], name).toEqual(before[name]);
    expect(spreadsheet.writes.filter((w) => Object.keys(before).includes(w.sheet))).toEqual([]);
    // No audit table from a broken price table, and no silent default either.
    expect(spreadsheet.getSheetByName('Kling price table 2')).toBeNull();
    const refusals = fakes.ui.filter((e) => e.title === 'Kling Cost: the price table was not inserted');
    expect(refusals).toHaveLength(2);
    expect(String(refusals[0]?.detail)).toMatch(
      /^Fix the sheet "Kling prices", row 1, column A \(Section\): expected the header "Section"/,
    );
    // The budget still points at the user's price sheet, and says it has an error.
    const budget = spreadsheet.getSheetByName('Kling budget 2') as FakeSheet;
    expect(budget.getRange('G6').getFormulas()[0]?.[0]).toBe("=KLING_CREDITS(C6,D6,E6,B6,'Kling prices'!$A$1:$H$200)");
    expect(budget.getRange('A3').getValue()).toMatch(/it has an error/);
    expect(spreadsheet.toasts.some((t) => t.includes('row 1, column A'))).toBe(true);
  });
});

describe('Edit prices', () => {
  it('writes the whole default book, one row per price, dates kept as text, value formats per row', () => {
    const { spreadsheet, call } = setup();
    call('editPrices');
    const sheet = spreadsheet.getSheetByName('Kling prices') as FakeSheet;
    const expected = bookToRows(DEFAULT_PRICE_BOOK);
    expect(sheet.getDataRange().getValues()).toEqual(expected);
    expect(sheet.getFrozenRows()).toBe(1);
    const formats = sheet
      .getRange(2, 4, expected.length - 1, 1)
      .getNumberFormats()
      .map((r) => r[0]);
    const byRow = (section: string, field: string) => formats[expected.findIndex((r) => r[0] === section && r[2] === field) - 1];
    expect(byRow('Plan', 'monthly renewal')).toBe('$#,##0.00');
    expect(byRow('Plan', 'credits per month')).toBe('#,##0');
    expect(byRow('API, Kling 3.0', 'USD per second')).toBe('$0.00####');
    expect(
      sheet
        .getRange(2, 8, expected.length - 1, 1)
        .getNumberFormats()
        .every((r) => r[0] === '@'),
    ).toBe(true);
    expect(sheet.getRange(2, 6).getDataValidations()[0]?.[0]?.getCriteriaValues()[0]).toEqual(['official', 'guide', 'estimate']);
    expect(sheet.getRange('A1').getNote()).toContain('=KLING_COST("pro",10,TRUE,"standard",,,,\'Kling prices\'!$A$1:$H$200)');
  });
});

describe('Insert price table', () => {
  it('writes the default book with sources and the date it was inserted', () => {
    const { spreadsheet, call } = setup();
    call('insertPriceTable');
    const sheet = spreadsheet.getSheetByName('Kling price table 2') as FakeSheet;
    expect(sheet.getRange('B2').getValue()).toBe('the default price book (as of 2026-08-12)');
    expect(sheet.getRange('B3').getValue()).toBe('2026-08-12');
    const inserted = sheet.getRange('B4').getValue();
    expect(Object.prototype.toString.call(inserted)).toBe('[object Date]');
    expect(Math.abs((inserted as Date).getTime() - Date.now())).toBeLessThan(3_600_000);
    const expected = bookToRows(DEFAULT_PRICE_BOOK);
    expect(sheet.getRange(6, 1, expected.length, 8).getValues()).toEqual(expected);
  });

  it('writes the edited prices when the sheet "Kling prices" holds a valid table', () => {
    const { spreadsheet, call } = setup();
    call('editPrices');
    const prices = spreadsheet.getSheetByName('Kling prices') as FakeSheet;
    const row =
      prices
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === 'Plan' && r[1] === 'Pro' && r[2] === 'monthly renewal') + 1;
    // A user edit, as typed into the sheet.
    prices.getRange(row, 4, 1, 5).setValues([[30, 'USD per month', 'official', 'Kling invoice', '2026-11-01']]);
    call('insertPriceTable');
    const sheet = spreadsheet.getSheetByName('Kling price table 2') as FakeSheet;
    expect(sheet.getRange('B2').getValue()).toBe('the sheet "Kling prices" (edited prices, newest as of 2026-11-01)');
    const written = sheet
      .getDataRange()
      .getValues()
      .filter((r) => r[0] === 'Plan' && r[1] === 'Pro');
    expect(written.find((r) => r[2] === 'monthly renewal')?.slice(3)).toEqual([
      30,
      'USD per month',
      'official',
      expect.stringContaining('Kling invoice'),
      '2026-11-01',
    ]);
    expect(written.find((r) => r[2] === 'yearly')?.[3]).toBe(293.04);
  });
});

describe('Insert budget template', () => {
  it('lays out a shot list with dropdowns, a checkbox column, examples, money formats and a summary', () => {
    const { spreadsheet, call } = setup();
    call('insertBudgetTemplate');
    const sheet = spreadsheet.getSheetByName('Kling budget 2') as FakeSheet;
    expect(sheet.getRange('A5:J5').getValues()[0]).toEqual([
      'Scene',
      'Model',
      'Mode',
      'Seconds',
      'Audio',
      'Videos per month',
      'Credits per video',
      'Credits per month',
      'Cost per month (USD)',
      'Kling API per month (USD)',
    ]);
    expect(sheet.getRange('A6:F6').getValues()[0]).toEqual(['Opening shot', '2.6', 'professional', 10, true, 4]);
    const rule = (a1: string) => sheet.getRange(a1).getDataValidations()[0]?.[0];
    expect(rule('B35')?.getCriteriaValues()[0]).toEqual(['2.6', '3.0']);
    expect(rule('C20')?.getCriteriaValues()[0]).toEqual(['standard', 'professional', '4k']);
    expect(rule('D6')?.getCriteriaValues()[0]).toContain('15');
    expect(rule('E35')?.getCriteriaType()).toBe('CHECKBOX');
    expect(rule('M6')?.getCriteriaValues()[0]).toEqual(['monthly', 'intro', 'annual', 'list']);
    expect(sheet.getRange('I6').getNumberFormats()[0]?.[0]).toBe('$#,##0.00');
    expect(sheet.getRange('M12').getNumberFormats()[0]?.[0]).toBe('$#,##0.00');
    expect(sheet.getRange('M7').getNumberFormats()[0]?.[0]).toBe('0%');
    // Formulas without a prices argument while there is no "Kling prices" sheet.
    expect(sheet.getRange('G6').getFormulas()[0]?.[0]).toBe('=KLING_CREDITS(C6,D6,E6,B6)');
    expect(sheet.getRange('L22').getFormulas()[0]?.[0]).toBe('=KLING_YEARLY(M10,TRUE())');
    expect(sheet.getRange('A3').getValue()).toBe('Prices: the default price book (as of 2026-08-12)');
  });

  it('passes the sheet "Kling prices" to every formula once it exists', () => {
    const { spreadsheet, call } = setup();
    call('editPrices');
    call('insertBudgetTemplate');
    const sheet = spreadsheet.getSheetByName('Kling budget 2') as FakeSheet;
    const formulas = Object.values(sheet.snapshot()).filter((v): v is string => typeof v === 'string' && /KLING_/.test(v));
    expect(formulas.length).toBeGreaterThan(60);
    for (const formula of formulas) expect(formula).toMatch(/KLING_[A-Z_]+\((?:[^()]|\(\))*'Kling prices'!\$A\$1:\$H\$200\)/);
    expect(sheet.getRange('A3').getValue()).toMatch(/^Prices: the sheet "Kling prices"/);
  });
});
