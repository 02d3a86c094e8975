/**
 * "Lock budget version" as the menu runs it from dist/Code.js: it refuses any sheet but a budget
 * template or a 12-month plan (and one inserted before budgets could be locked), writes two new
 * sheets under unique names and then only the two "Locked version" cells, and leaves nothing
 * half-written when a write fails anywhere; two people locking at once get distinct names.
 */
import { describe, expect, it } from 'vitest';
import { SUMMARY_CELL } from '../../src/addon/budgetLayout';
import { INPUT } from '../../src/addon/planLayout';
import { bookFromRows, InputError, isoDay } from '../../src/pricing';
import type { FakeSheet } from '../fakes/appsScript';
import { type Addon, addon, PRICES } from './sheets';
import { state, userSpreadsheet } from './userData';

const SERVICE_ERROR = /^Service Spreadsheets failed/;
const NOT_A_BUDGET = 'Select a Kling budget or 12-month plan sheet, then choose Lock budget version again.';

function dayOf(a: Addon): string {
  return isoDay(new Date(), a.spreadsheet.getSpreadsheetTimeZone());
}

/** A user's spreadsheet with a budget template (or plan) inserted and active. */
function withBudget(action = 'insertBudgetTemplate', name = 'Kling budget 2'): { a: Addon; sheet: FakeSheet } {
  const a = addon(userSpreadsheet());
  a.run(action);
  const sheet = a.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  sheet.activate();
  a.spreadsheet.writes.length = 0;
  return { a, sheet };
}

describe('Lock budget version', () => {
  it('on any other sheet changes nothing and says what to select', () => {
    const a = addon(userSpreadsheet());
    const before = state(a.spreadsheet);
    a.run('lockBudgetVersion');
    expect(state(a.spreadsheet)).toEqual(before);
    expect(a.fakes.ui.at(-1)).toMatchObject({ kind: 'alert', detail: NOT_A_BUDGET });
  });

  it('on a budget inserted before this release (no "Locked version" cells) says to insert a new one, and changes nothing', () => {
    const a = addon(userSpreadsheet());
    const old = a.spreadsheet.insertSheet('Old budget');
    old.getRange('A1').setValue('Kling budget');
    old.activate();
    const before = state(a.spreadsheet);
    a.run('lockBudgetVersion');
    expect(state(a.spreadsheet)).toEqual(before);
    expect(String((a.fakes.ui.at(-1) as { detail?: unknown }).detail)).toMatch(/inserted before budgets could be locked.*insert a new/);
  });

  it('finds the "Locked version" cells by their labels wherever inserted rows or columns have moved them', () => {
    const a = addon(userSpreadsheet());
    const moved = a.spreadsheet.insertSheet('Moved budget');
    moved.getRange('A1').setValue('Kling budget');
    // As if three rows and two columns had been inserted above and left of the labels.
    moved.getRange('C10:C11').setValues([['Locked version: budget sheet'], ['Locked version: price table']]);
    moved.activate();
    a.run('lockBudgetVersion');
    const day = dayOf(a);
    expect(moved.getRange('D10:D11').getValues()).toEqual([[`Moved budget locked ${day}`], [`Kling prices locked ${day}`]]);
    expect(a.spreadsheet.getSheetByName(`Moved budget locked ${day}`)).not.toBeNull();
  });

  it('refuses to lock a locked copy (it keeps the labels, but it is the record), and changes nothing', () => {
    const { a } = withBudget();
    a.run('lockBudgetVersion');
    const copy = a.spreadsheet.getSheetByName(`Kling budget 2 locked ${dayOf(a)}`) as FakeSheet;
    copy.activate();
    const before = state(a.spreadsheet);
    a.run('lockBudgetVersion');
    expect(state(a.spreadsheet)).toEqual(before);
    expect(String((a.fakes.ui.at(-1) as { detail?: unknown }).detail)).toMatch(/^This sheet is a locked version/);
  });

  it('a budget template: two new protected sheets, a price table the functions accept, and only the two cells written', () => {
    const { a, sheet } = withBudget();
    const names = a.spreadsheet.getSheets().map((s) => s.getName());
    const others = names.filter((n) => n !== sheet.getName());
    const beforeOthers = state(a.spreadsheet, others).sheets;
    const before = sheet.snapshot();
    a.run('lockBudgetVersion');
    const day = dayOf(a);
    const copyName = `Kling budget 2 locked ${day}`;
    const pricesName = `Kling prices locked ${day}`;
    expect(a.spreadsheet.getSheets().map((s) => s.getName())).toEqual([...names, pricesName, copyName]);
    // The live sheet: only the two cells changed.
    const after = sheet.snapshot();
    const changed = Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
    expect(changed.sort()).toEqual([SUMMARY_CELL.lockedSheet, SUMMARY_CELL.lockedPrices].sort());
    expect(after[SUMMARY_CELL.lockedSheet]).toBe(copyName);
    expect(after[SUMMARY_CELL.lockedPrices]).toBe(pricesName);
    expect(state(a.spreadsheet, others).sheets).toEqual(beforeOthers);
    // The copies: values only, protected with a warning, the prices a table the functions read.
    const copy = a.spreadsheet.getSheetByName(copyName) as FakeSheet;
    expect(Object.values(copy.snapshot()).some((v) => typeof v === 'string' && v.startsWith('='))).toBe(false);
    expect(String(copy.getRange('A2').getValue())).toMatch(new RegExp(`^Locked ${day} from "Kling budget 2"`));
    expect(copy.getProtections('SHEET').map((p) => [p.isWarningOnly(), p.getDescription()])).toEqual([
      [true, `Kling Cost: the version of "Kling budget 2" locked ${day}`],
    ]);
    const prices = a.spreadsheet.getSheetByName(pricesName) as FakeSheet;
    expect(prices.getProtections('SHEET').map((p) => p.isWarningOnly())).toEqual([true]);
    expect(bookFromRows(prices.getDataRange().getValues())).not.toBeInstanceOf(InputError);
  });

  it('a 12-month plan: its own two cells; an edited price table is copied row by row', () => {
    const a = addon(userSpreadsheet());
    a.run('editPrices');
    a.run('insertTwelveMonthPlan');
    const plan = a.spreadsheet.getSheetByName('Kling 12-month plan 2') as FakeSheet;
    plan.activate();
    a.run('lockBudgetVersion');
    const day = dayOf(a);
    expect(plan.getRange(INPUT.lockedSheet.replace(/\$/g, '')).getValue()).toBe(`Kling 12-month plan 2 locked ${day}`);
    expect(plan.getRange(INPUT.lockedPrices.replace(/\$/g, '')).getValue()).toBe(`Kling prices locked ${day}`);
    const table = (a.spreadsheet.getSheetByName(PRICES) as FakeSheet).getDataRange().getValues();
    const copy = (a.spreadsheet.getSheetByName(`Kling prices locked ${day}`) as FakeSheet).getDataRange().getValues();
    expect(copy.map((r) => r.slice(0, 8))).toEqual(table.filter((r) => r.some((c) => c !== '')).map((r) => r.slice(0, 8)));
  });

  it('a second lock the same day adds " (2)", then " (3)"', () => {
    const { a, sheet } = withBudget();
    a.run('lockBudgetVersion');
    sheet.activate();
    a.run('lockBudgetVersion');
    sheet.activate();
    a.run('lockBudgetVersion');
    const day = dayOf(a);
    expect(sheet.getRange(SUMMARY_CELL.lockedSheet).getValue()).toBe(`Kling budget 2 locked ${day} (3)`);
    expect(sheet.getRange(SUMMARY_CELL.lockedPrices).getValue()).toBe(`Kling prices locked ${day} (3)`);
    for (const name of [`Kling budget 2 locked ${day}`, `Kling budget 2 locked ${day} (2)`, `Kling prices locked ${day} (2)`]) {
      expect(a.spreadsheet.getSheetByName(name), name).not.toBeNull();
    }
  });

  it('two people locking at once get distinct names: another sheet takes the name between the check and the insert', () => {
    const { a, sheet } = withBudget();
    // The other person's lock makes each name this lock chose, just before it inserts it (a retry, " (2)", is left alone).
    const taken: string[] = [];
    const theirs = (name: string) => {
      if (!/\(\d+\)$/.test(name)) {
        taken.push(name);
        a.spreadsheet
          .insertSheet(name)
          .getRange('A1')
          .setValues([['theirs']]);
      }
      a.spreadsheet.beforeInsert = theirs;
    };
    a.spreadsheet.beforeInsert = theirs;
    a.run('lockBudgetVersion');
    const day = dayOf(a);
    a.spreadsheet.beforeInsert = null;
    expect(taken).toEqual([`Kling prices locked ${day}`, `Kling budget 2 locked ${day}`]);
    for (const name of taken) expect(a.spreadsheet.getSheetByName(name)?.snapshot()).toEqual({ A1: 'theirs' });
    expect(sheet.getRange(SUMMARY_CELL.lockedSheet).getValue()).toBe(`Kling budget 2 locked ${day} (2)`);
    expect(sheet.getRange(SUMMARY_CELL.lockedPrices).getValue()).toBe(`Kling prices locked ${day} (2)`);
  });

  it('a failure at any write leaves no new sheet and the two cells as they were', () => {
    for (const [action, name] of [
      ['insertBudgetTemplate', 'Kling budget 2'],
      ['insertTwelveMonthPlan', 'Kling 12-month plan 2'],
    ] as const) {
      const { a, sheet } = withBudget(action, name);
      const spreadsheet = a.spreadsheet;
      const before = state(spreadsheet);
      const names = before.names;
      const start = spreadsheet.writes.length;
      a.run('lockBudgetVersion');
      const writes = spreadsheet.writes.length - start;
      expect(writes).toBeGreaterThan(5);
      // Undo the successful lock by hand, back to the start.
      for (const s of spreadsheet.getSheets()) if (!names.includes(s.getName())) spreadsheet.deleteSheet(s);
      const cells =
        action === 'insertBudgetTemplate'
          ? [SUMMARY_CELL.lockedSheet, SUMMARY_CELL.lockedPrices]
          : [INPUT.lockedSheet, INPUT.lockedPrices].map((c) => c.replace(/\$/g, ''));
      for (const c of cells) sheet.getRange(c).setValue('');
      expect(state(spreadsheet)).toEqual(before);
      for (let i = 0; i < writes; i++) {
        sheet.activate();
        const from = spreadsheet.writes.length;
        let failed = false;
        spreadsheet.failWhen = (_write, index) => {
          if (index !== from + i) return false;
          failed = true;
          return true;
        };
        expect(() => a.run('lockBudgetVersion'), `${action}: a failure at write ${i + 1} of ${writes}`).toThrow(SERVICE_ERROR);
        spreadsheet.failWhen = null;
        expect(failed).toBe(true);
        const now = state(spreadsheet);
        expect(now, `${action}: after a failure at write ${i + 1} of ${writes}`).toEqual(before);
      }
    }
  });
});

describe('the menu', () => {
  it('offers Lock budget version', () => {
    const a = addon();
    a.run('onOpen');
    const menu = a.fakes.ui.find((e) => e.kind === 'menu') as { items?: unknown } | undefined;
    expect(JSON.stringify(menu)).toContain('lockBudgetVersion');
  });
});
