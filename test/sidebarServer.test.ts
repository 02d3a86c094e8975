import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { beforeEach, describe, expect, it } from 'vitest';
import { compareWorkload, DEFAULT_PRICE_BOOK, optionsBlock, PricingEngine } from '../src/pricing';
import type { FakeHtmlOutput, FakeSheet, FakeSpreadsheet } from './fakes/appsScript';
import { AddonHarness, MESSY_LIST, SHOT_LIST, SHOT_LIST_VALUES, seedExampleData } from './support/harness';
import { DIST, readCode } from './support/loadBundle';

const SIDEBAR_HTML = readFileSync(join(DIST, 'Sidebar.html'), 'utf8');
const engine = new PricingEngine(DEFAULT_PRICE_BOOK);

const VALID_ROW = { mode: 'professional', secs: 10, audio: false, count: 10, model: '2.6' };
const VALID = { rows: [VALID_ROW], billing: 'monthly', retakeRate: 0 };

function harness(): AddonHarness {
  return new AddonHarness({ code: readCode(), files: { Sidebar: SIDEBAR_HTML }, spreadsheet: seedExampleData() });
}

/** Every written cell of every sheet, to prove nothing changed. */
function everything(ss: FakeSpreadsheet) {
  return ss.getSheets().map((s) => ({ name: s.getName(), cells: s.snapshot(), charts: s.getCharts().length }));
}

describe('sidebar server functions in dist/Code.js', () => {
  let h: AddonHarness;
  beforeEach(() => {
    h = harness();
  });

  it('showSidebar shows dist/Sidebar.html titled "Kling Cost"', () => {
    h.call('showSidebar');
    const shown = h.ui.filter((e) => e.kind === 'sidebar');
    expect(shown).toHaveLength(1);
    expect(shown[0]?.title).toBe('Kling Cost');
    expect(((shown[0] as { detail: unknown }).detail as FakeHtmlOutput).getContent()).toBe(SIDEBAR_HTML);
  });

  it('sidebarInit hands the page the price book as plain data', () => {
    const start = JSON.parse(h.runJson('sidebarInit', '[]'));
    expect(start.book).toEqual(JSON.parse(JSON.stringify(DEFAULT_PRICE_BOOK)));
  });

  it('sidebarReadSelection reads the rows under a header row', () => {
    const read = JSON.parse(h.runJson('sidebarReadSelection', '[]'));
    expect(read).toEqual({
      range: "'Shot list'!A1:E4",
      header: true,
      problems: [],
      rows: [
        { mode: 'professional', secs: 10, audio: true, count: 12, model: '2.6' },
        { mode: 'standard', secs: 5, audio: false, count: 40, model: '2.6' },
        { mode: 'professional', secs: 8, audio: false, count: 6, model: '3.0' },
      ],
    });
  });

  it('sidebarReadSelection without a header row reads every row', () => {
    h.spreadsheet.getRange(`'${SHOT_LIST}'!A3:D3`).activate();
    const read = JSON.parse(h.runJson('sidebarReadSelection', '[]'));
    expect(read.header).toBe(false);
    expect(read.rows).toEqual([{ mode: 'standard', secs: 5, audio: false, count: 40, model: '2.6' }]);
  });

  it('sidebarReadSelection reports each bad cell by its address and fills nothing', () => {
    h.spreadsheet.getRange(`'${MESSY_LIST}'!A1:D4`).activate();
    const read = JSON.parse(h.runJson('sidebarReadSelection', '[]'));
    expect(read.rows).toEqual([]);
    expect(read.problems.map((p: { cell: string }) => p.cell)).toEqual(['A3', 'B3', 'C4', 'D4']);
    expect(read.problems[0].message).toBe('mode "prof" is not a Kling mode; use standard, professional or 4k');
    expect(read.problems[1].message).toContain('seconds 7 is not a clip length Kling 2.6 makes');
    expect(read.problems[2].message).toContain('audio "maybe" is not TRUE or FALSE');
    expect(read.problems[3].message).toContain('videos per month "ten" is not a number');
  });

  it('sidebarReadSelection refuses a selection of the wrong width, and no rows of work', () => {
    h.spreadsheet.getRange(`'${SHOT_LIST}'!A1:C4`).activate();
    const narrow = JSON.parse(h.runJson('sidebarReadSelection', '[]'));
    expect(narrow.problems).toEqual([{ cell: "'Shot list'!A1:C4", message: expect.stringContaining('select 4 or 5 columns') }]);
    h.spreadsheet.getRange(`'${SHOT_LIST}'!A10:D12`).activate();
    const blank = JSON.parse(h.runJson('sidebarReadSelection', '[]'));
    expect(blank.problems[0].message).toContain('no rows of work');
  });

  it('sidebarInsertComparison writes a new sheet with money formats and a chart, and touches nothing else', () => {
    const before = everything(h.spreadsheet);
    const result = JSON.parse(h.runJson('sidebarInsertComparison', JSON.stringify([VALID])));
    expect(result.sheetName).toBe('Kling comparison');
    const sheet = h.spreadsheet.getSheetByName('Kling comparison') as FakeSheet;
    expect(sheet).not.toBeNull();
    // Earlier sheets are exactly as they were; every write went to the new sheet.
    expect(everything(h.spreadsheet).slice(0, before.length)).toEqual(before);
    expect(h.spreadsheet.writes.every((w) => w.sheet === 'Kling comparison')).toBe(true);

    // The options block as the engine computes it, found under its header row.
    const expected = optionsBlock(
      compareWorkload(engine, { lines: [{ ...VALID_ROW, mode: 'professional', model: '2.6' }], billing: 'monthly', retakeRate: 0 }),
    );
    const values = sheet.getDataRange().getValues();
    const header = values.findIndex((r) => r[0] === 'Option');
    expect(header).toBeGreaterThan(0);
    const body = values.slice(header + 1, header + 1 + expected.rows.length).map((r) => r.slice(0, expected.columns.length));
    expect(body).toEqual(expected.rows);
    // Spec example: Standard + 330-credit pack at $13.80 is the cheapest for 700 credits.
    const cheapest = body.find((r) => r[9] === 'cheapest');
    expect(cheapest?.[0]).toBe('Standard + 330-credit pack');
    expect(cheapest?.[4]).toBe(13.8);

    const formats = sheet.getRange(header + 2, 1, expected.rows.length, 10).getNumberFormats();
    expect(formats.every((r) => r[4] === '$#,##0.00' && r[7] === '$#,##0.00' && r[1] === '#,##0')).toBe(true);
    const cheapRow = header + 2 + body.indexOf(cheapest as (typeof body)[number]);
    expect(sheet.peek(cheapRow, 1)?.style.background).toBe('#e8f0fe');

    const charts = sheet.getCharts();
    expect(charts).toHaveLength(1);
    expect(charts[0]?.type).toBe('BAR');
    expect(charts[0]?.ranges).toEqual([
      `A${header + 1}:A${header + 1 + expected.rows.length}`,
      `E${header + 1}:E${header + 1 + expected.rows.length}`,
    ]);
  });

  it('each insert gets a new unique sheet and never reuses one a user made', () => {
    const mine = h.spreadsheet.insertSheet('Kling comparison 2');
    mine.getRange('A1').setValue('my notes');
    h.runJson('sidebarInsertComparison', JSON.stringify([VALID]));
    const second = JSON.parse(h.runJson('sidebarInsertComparison', JSON.stringify([VALID])));
    expect(second.sheetName).toBe('Kling comparison 3');
    expect(mine.snapshot()).toEqual({ A1: 'my notes' });
    expect(h.spreadsheet.getSheets().map((s) => s.getName())).toEqual([
      SHOT_LIST,
      MESSY_LIST,
      'Kling comparison 2',
      'Kling comparison',
      'Kling comparison 3',
    ]);
  });

  it('the first sheet keeps the example data exactly', () => {
    h.runJson('sidebarInsertComparison', JSON.stringify([VALID]));
    const sheet = h.spreadsheet.getSheetByName(SHOT_LIST) as FakeSheet;
    expect(sheet.getRange(1, 1, SHOT_LIST_VALUES.length, 6).getValues()).toEqual(SHOT_LIST_VALUES);
  });
});

describe('sidebarInsertComparison refuses hostile or malformed payloads and writes nothing', () => {
  const row = (patch: Record<string, unknown>) => ({ ...VALID, rows: [{ ...VALID_ROW, ...patch }] });
  const cases: [string, string, RegExp][] = [
    ['null', 'null', /the request must be an object, got null/],
    ['a string', '"rows"', /must be an object, got a string/],
    ['a list', '[]', /must be an object, got a list/],
    ['__proto__ key', '{"__proto__":{"polluted":true},"rows":[],"billing":"monthly","retakeRate":0}', /unexpected field "__proto__"/],
    ['constructor key', JSON.stringify({ ...VALID, constructor: { prototype: { polluted: true } } }), /unexpected field "constructor"/],
    [
      '__proto__ in a row',
      `{"rows":[{"__proto__":{"polluted":true},"mode":"standard","secs":5,"audio":false,"count":1,"model":"2.6"}],"billing":"monthly","retakeRate":0}`,
      /rows\[0\] has an unexpected field "__proto__"/,
    ],
    ['figures sent by the page', JSON.stringify({ ...VALID, monthlyCost: 0.01 }), /unexpected field "monthlyCost"/],
    ['missing field', JSON.stringify({ rows: VALID.rows, billing: 'monthly' }), /missing the field "retakeRate"/],
    ['huge rows', JSON.stringify({ ...VALID, rows: new Array(100_000).fill(VALID_ROW) }), /rows has 100000 entries; at most 50/],
    ['empty rows', JSON.stringify({ ...VALID, rows: [] }), /rows is empty/],
    ['rows not a list', JSON.stringify({ ...VALID, rows: { 0: VALID_ROW } }), /rows must be a list, got an object/],
    [
      'HTML in mode',
      JSON.stringify(row({ mode: '<img src=x onerror=alert(1)>' })),
      /rows\[0\]\.mode must be one of standard, professional, 4k$/,
    ],
    ['alias instead of the mode id', JSON.stringify(row({ mode: 'pro' })), /mode must be one of/],
    ['count as text', JSON.stringify(row({ count: '12' })), /rows\[0\]\.count must be a number, got a string/],
    ['huge count', JSON.stringify(row({ count: 1e300 })), /count must be a whole number from 0 to 1000000/],
    ['negative count', JSON.stringify(row({ count: -1 })), /count must be a whole number/],
    ['fractional count', JSON.stringify(row({ count: 1.5 })), /count must be a whole number/],
    ['secs 7 on Kling 2.6', JSON.stringify(row({ secs: 7 })), /secs must be 5 or 10 for Kling 2.6/],
    ['4k on Kling 2.6', JSON.stringify(row({ mode: '4k' })), /4k is only offered by Kling 3.0/],
    ['audio as text', JSON.stringify(row({ audio: 'yes' })), /audio must be true or false, got a string/],
    ['unknown model', JSON.stringify(row({ model: '9.9' })), /model must be one of 2.6, 3.0/],
    ['unknown billing', JSON.stringify({ ...VALID, billing: 'weekly' }), /billing must be one of monthly, intro, annual, list/],
    ['retake rate 1', JSON.stringify({ ...VALID, retakeRate: 1 }), /retakeRate must be a fraction/],
    ['retake rate as text', JSON.stringify({ ...VALID, retakeRate: '20%' }), /retakeRate must be a number/],
    [
      'more work than the add-on plans for',
      JSON.stringify(row({ mode: '4k', secs: 15, model: '3.0', count: 1_000_000 })),
      /cannot price this work: .*credits a month with retakes/,
    ],
    ['huge text', JSON.stringify(row({ mode: 'x'.repeat(1_000_000) })), /mode must be one of/],
  ];

  for (const [name, json, message] of cases) {
    it(name, () => {
      const h = harness();
      const before = everything(h.spreadsheet);
      let thrown: Error | undefined;
      try {
        h.runJson('sidebarInsertComparison', `[${json}]`);
      } catch (error) {
        thrown = error as Error;
      }
      expect(thrown, 'the call fails').toBeInstanceOf(Error);
      expect(thrown?.message).toMatch(message);
      expect(thrown?.message.length).toBeLessThan(300);
      expect(thrown?.message).not.toContain('<img');
      expect(h.spreadsheet.writes).toEqual([]);
      expect(everything(h.spreadsheet)).toEqual(before);
      expect(h.spreadsheet.getSheets()).toHaveLength(2);
      expect(vm.runInContext('({}).polluted', h.context), 'no prototype pollution in the script').toBeUndefined();
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('objects that are not plain data: getters, class instances, sparse lists, NaN', () => {
    const h = harness();
    const getter = { ...VALID, rows: [Object.defineProperty({ ...VALID_ROW }, 'count', { get: () => 10, enumerable: true })] };
    class Sneaky {
      rows = VALID.rows;
      billing = 'monthly';
      retakeRate = 0;
    }
    // biome-ignore lint/suspicious/noSparseArray: a sparse list is one of the hostile payloads
    const sparse = { ...VALID, rows: [VALID_ROW, , VALID_ROW] };
    const attempts: [unknown, RegExp][] = [
      [getter, /rows\[0\]\.count must be a plain value/],
      [new Sneaky(), /the request must be a plain object/],
      [sparse, /plain list without gaps/],
      [{ ...VALID, retakeRate: Number.NaN }, /retakeRate must be a fraction/],
      [{ ...VALID, rows: [{ ...VALID_ROW, count: Number.POSITIVE_INFINITY }] }, /count must be a whole number/],
      [{ ...VALID, [Symbol('x')]: 1 }, /unexpected field with an unusual name/],
    ];
    for (const [payload, message] of attempts) {
      expect(() => h.call('sidebarInsertComparison', payload)).toThrow(message);
    }
    expect(h.spreadsheet.writes).toEqual([]);
    expect(h.spreadsheet.getSheets()).toHaveLength(2);
  });

  it('google.script.run can reach only public functions, not the private bundle', () => {
    const h = harness();
    expect(() => h.runJson('KlingCost_', '[]')).toThrow(/Script function not found/);
    expect(() => h.runJson('constructor', '[]')).toThrow(/Script function not found/);
    expect(() => h.runJson('sidebarInit', '{"a":1}')).toThrow(/arguments must be a list/);
  });
});
