import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { beforeEach, describe, expect, it } from 'vitest';
import { safeCell as asText } from '../../src/addon/text';
import type { InsertRequest, InsertResult, SelectionResult, SidebarStart, WorkRow } from '../../src/contract/sidebar';
import type { PriceBook, Workload } from '../../src/pricing';
import { compareWorkload, DEFAULT_PRICE_BOOK, optionsBlock, PricingEngine, summaryLines } from '../../src/pricing';
import type { FakeHtmlOutput, FakeSheet, FakeSpreadsheet } from '../fakes/appsScript';
import { ADDED_MODEL, bookWithModel, priceTableWithModel, SHOT_LIST_ROWS } from '../sidebar/fixtures';
import { AddonHarness, MESSY_LIST, SHOT_LIST, SHOT_LIST_VALUES, seedExampleData } from '../support/harness';
import { DIST, readCode } from '../support/loadBundle';

const SIDEBAR_HTML = readFileSync(join(DIST, 'Sidebar.html'), 'utf8');
const engine = new PricingEngine(DEFAULT_PRICE_BOOK);

const VALID_ROW: WorkRow = { model: 'Kling 2.6', mode: 'professional', secs: 10, audio: 'silent', count: 10, testTakes: 0, buffer: null };
const VALID: InsertRequest = { rows: [VALID_ROW], billing: 'monthly', buffer: 0, images: 0 };

/** The workload the server must compute for a request. */
function workloadOf(request: InsertRequest): Workload {
  return {
    lines: request.rows.map((r) => ({
      clip: { model: r.model, mode: r.mode, secs: r.secs, audio: r.audio },
      count: r.count,
      testTakes: r.testTakes,
      buffer: r.buffer,
    })),
    billing: request.billing,
    buffer: request.buffer,
    images: request.images,
  };
}

/** A spreadsheet with the example data, optionally an edited price table, the shot list selected; no write recorded. */
function harness(prices?: unknown[][]): AddonHarness {
  const spreadsheet = seedExampleData();
  if (prices) spreadsheet.insertSheet('Kling prices').getRange(1, 1, prices.length, 8).setValues(prices);
  spreadsheet.getRange(`'${SHOT_LIST}'!A1:E4`).activate();
  spreadsheet.writes.length = 0;
  return new AddonHarness({ code: readCode(), files: { Sidebar: SIDEBAR_HTML }, spreadsheet });
}

function call<T>(h: AddonHarness, name: string, ...args: unknown[]): T {
  return JSON.parse(h.runJson(name, JSON.stringify(args))) as T;
}

/** Every written cell of every sheet, to prove nothing changed. */
function everything(ss: FakeSpreadsheet) {
  return ss.getSheets().map((s) => ({ name: s.getName(), cells: s.snapshot(), charts: s.getCharts().length }));
}

/** A new sheet of the given rows, selected. */
function selectSheet(h: AddonHarness, name: string, rows: unknown[][], a1?: string): void {
  const sheet = h.spreadsheet.insertSheet(name);
  sheet.getRange(1, 1, rows.length, (rows[0] as unknown[]).length).setValues(rows);
  sheet.getRange(a1 ?? `A1:${String.fromCharCode(64 + (rows[0] as unknown[]).length)}${rows.length}`).activate();
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

  it('sidebarInit hands the page the price book in force as plain data, and says where it comes from', () => {
    const start = call<SidebarStart>(h, 'sidebarInit');
    expect(start.book).toEqual(JSON.parse(JSON.stringify(DEFAULT_PRICE_BOOK)));
    expect(start.source).toBe(`the default price book (as of ${DEFAULT_PRICE_BOOK.asOf})`);
    expect(start.edited).toBe(false);

    const edited = call<SidebarStart>(harness(priceTableWithModel()), 'sidebarInit');
    expect(edited.edited).toBe(true);
    expect(edited.source).toBe('the sheet "Kling prices" (edited prices, newest as of 2026-11-20)');
    expect(new PricingEngine(edited.book as PriceBook).models.appModels().map((m) => m.name)).toEqual([
      'Kling 2.6',
      'Kling 3.0',
      ADDED_MODEL,
    ]);
  });

  it('sidebarInit fails with the row and column of a broken price table, never falling back to the default', () => {
    const rows = priceTableWithModel();
    (rows[3] as unknown[])[3] = 'ask sales';
    expect(() => call(harness(rows), 'sidebarInit')).toThrow(
      /^Kling Cost cannot read the prices: the sheet "Kling prices", row 4, column D \(Value\)/,
    );
  });

  it('sidebarReadSelection reads the rows under a header row', () => {
    expect(call<SelectionResult>(h, 'sidebarReadSelection')).toEqual({
      range: "'Shot list'!A1:E4",
      header: true,
      problems: [],
      rows: [
        { model: 'Kling 2.6', mode: 'professional', secs: 10, audio: 'audio', count: 12, testTakes: 0, buffer: null },
        { model: 'Kling 2.6', mode: 'standard', secs: 5, audio: 'silent', count: 40, testTakes: 0, buffer: null },
        { model: 'Kling 3.0', mode: 'professional', secs: 8, audio: 'silent', count: 6, testTakes: 0, buffer: null },
      ],
    });
  });

  it('sidebarReadSelection finds the header above rows selected without it', () => {
    h.spreadsheet.getRange(`'${SHOT_LIST}'!A3:E3`).activate();
    const read = call<SelectionResult>(h, 'sidebarReadSelection');
    expect(read.header).toBe(true);
    expect(read.rows).toEqual([{ model: 'Kling 2.6', mode: 'standard', secs: 5, audio: 'silent', count: 40, testTakes: 0, buffer: null }]);
  });

  it('sidebarReadSelection reads the budget template shot list by its header names, in any order', () => {
    selectSheet(h, 'Kling budget', SHOT_LIST_ROWS);
    const read = call<SelectionResult>(h, 'sidebarReadSelection');
    expect(read.problems).toEqual([]);
    expect(read.rows.map((r) => [r.model, r.mode, r.secs, r.audio, r.count, r.testTakes, r.buffer])).toEqual([
      ['Kling 2.6', 'professional', 10, 'audio', 4, 2, null],
      ['Kling 2.6', 'standard', 5, 'silent', 20, 0, 0.3],
      ['Kling 3.0', 'professional', 8, 'voice', 6, 1, null],
      ['Kling 2.6', 'standard', 10, 'silent', null, 0, null],
    ]);
  });

  it('sidebarReadSelection without a header reads the columns by position', () => {
    selectSheet(h, 'No header', [
      ['pro', 10, true, 3],
      ['standard', 5, false, 8],
    ]);
    const read = call<SelectionResult>(h, 'sidebarReadSelection');
    expect(read.header).toBe(false);
    expect(read.rows.map((r) => r.count)).toEqual([3, 8]);
  });

  it('sidebarReadSelection reports each bad cell by its address and fills nothing', () => {
    h.spreadsheet.getRange(`'${MESSY_LIST}'!A1:D4`).activate();
    const read = call<SelectionResult>(h, 'sidebarReadSelection');
    expect(read.rows).toEqual([]);
    expect(read.problems.map((p) => p.cell)).toEqual(['A3', 'B3', 'C4', 'D4']);
    expect(read.problems[0]?.message).toBe('mode "prof" is not a Kling mode; use standard, professional or 4k');
    expect(read.problems[1]?.message).toBe('secs 7 is not a clip length Kling 2.6 makes; use 5 or 10');
    expect(read.problems[2]?.message).toContain('audio "maybe" is not an audio option');
    expect(read.problems[3]?.message).toContain('videos per month "ten" is not a number');
  });

  it('sidebarReadSelection refuses a selection of the wrong width, no rows of work and no selection', () => {
    selectSheet(h, 'Narrow', [['pro', 10, true]]);
    expect(call<SelectionResult>(h, 'sidebarReadSelection').problems[0]?.message).toContain('the selection has 3 columns');
    h.spreadsheet.getRange(`'${SHOT_LIST}'!A10:D12`).activate();
    expect(call<SelectionResult>(h, 'sidebarReadSelection').problems[0]?.message).toBe('the selection has no rows of work');
    h.spreadsheet.insertSheet('Nothing selected');
    expect(() => call(h, 'sidebarReadSelection')).toThrow('Select the rows of your shot list first, with its header row');
  });

  it('sidebarInsertComparison writes a new sheet: summary, work, options (covering first), a chart of the covering ones; nothing else changes', () => {
    const before = everything(h.spreadsheet);
    const request: InsertRequest = { ...VALID, buffer: 0.2, rows: [{ ...VALID_ROW, count: 10 }] };
    const result = call<InsertResult>(h, 'sidebarInsertComparison', request);
    expect(result).toEqual({ sheetName: 'Kling comparison', range: expect.stringMatching(/^A1:J\d+$/), chart: true });
    const sheet = h.spreadsheet.getSheetByName('Kling comparison') as FakeSheet;
    // Earlier sheets are exactly as they were; every write went to the new sheet.
    expect(everything(h.spreadsheet).slice(0, before.length)).toEqual(before);
    expect(h.spreadsheet.writes.every((w) => w.sheet === 'Kling comparison')).toBe(true);

    const comparison = compareWorkload(engine, workloadOf(request));
    const values = sheet.getDataRange().getValues();
    // The summary: every line of the core, "Price book as of" as text.
    const summary = summaryLines(comparison);
    expect(values.slice(4, 4 + summary.length).map((r) => r.slice(0, 2))).toEqual(summary.map((l) => [l.label, l.value]));
    const asOfRow = 4 + summary.findIndex((l) => l.label === 'Price book as of');
    expect(values[asOfRow]?.[1]).toBe(DEFAULT_PRICE_BOOK.asOf);
    expect(sheet.getRange(asOfRow + 1, 2).getNumberFormats()[0]?.[0]).toBe('@');
    const asOfA1 = `B${asOfRow + 1}`;
    const writes = h.spreadsheet.writes.filter((w) => /^A\d+:B\d+$/.test(w.a1) && w.a1.startsWith(`A5:`));
    expect(
      writes.map((w) => w.what),
      `the summary ${asOfA1} gets its format before its value`,
    ).toEqual(['format', 'values']);

    // The options: those that cover first, in the core's order; then those that do not, marked.
    const expected = optionsBlock(comparison);
    const covering = expected.rows.filter((_, i) => comparison.options[i]?.covers);
    const short = expected.rows.filter((_, i) => !comparison.options[i]?.covers);
    expect(short.length).toBeGreaterThan(0);
    const header = values.findIndex((r) => r[0] === 'Option');
    const body = values.slice(header + 1, header + 1 + expected.rows.length).map((r) => r.slice(0, expected.columns.length));
    expect(body).toEqual([...covering, ...short]);
    expect(short.every((r) => r[9] === 'does not cover')).toBe(true);
    // 700 x 1.2 = 840 credits: Standard + 330-credit pack at $13.80.
    const cheapest = body.findIndex((r) => r[9] === 'cheapest');
    expect(body[cheapest]?.slice(0, 5)).toEqual(['Standard + 330-credit pack', 990, 840, 150, 13.8]);
    expect(sheet.peek(header + 2 + cheapest, 1)?.style.background).toBe('#e8f0fe');
    const formats = sheet.getRange(header + 2, 1, expected.rows.length, 10).getNumberFormats();
    expect(formats.every((r) => r[4] === '$#,##0.00' && r[7] === (r[7] === '@' ? '@' : '$#,##0.00') && r[1] === '#,##0')).toBe(true);

    // The chart: only the options that cover the work.
    const charts = sheet.getCharts();
    expect(charts.map((c) => c.type)).toEqual(['BAR']);
    expect(charts[0]?.ranges).toEqual([
      `A${header + 1}:A${header + 1 + covering.length}`,
      `E${header + 1}:E${header + 1 + covering.length}`,
    ]);
    const charted = sheet
      .getRange(charts[0]?.ranges[0] as string)
      .getValues()
      .slice(1)
      .map((r) => r[0]);
    expect(charted).toEqual(covering.map((r) => r[0]));
    expect(charted).not.toContain('Standard');
  });

  it('writes every text as text: a model named like a formula from the price table stays text', () => {
    const name = '=HYPERLINK("http://example.invalid","x")';
    const hostile = harness(priceTableWithModel(name));
    const request: InsertRequest = { ...VALID, rows: [{ ...VALID_ROW, model: name, secs: 6, mode: 'standard' }] };
    call<InsertResult>(hostile, 'sidebarInsertComparison', request);
    const sheet = hostile.spreadsheet.getSheetByName('Kling comparison') as FakeSheet;
    const range = sheet.getDataRange();
    expect(range.getFormulas().flat().filter(Boolean)).toEqual([]);
    // Sheets keeps text behind a leading apostrophe as that text (the fake does as Sheets does).
    expect(range.getValues().flat()).toContain(name);
    expect([asText('=1+1'), asText('+1'), asText('-1'), asText('@x'), asText('a=b'), asText(-1), asText('')]).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@x",
      'a=b',
      -1,
      '',
    ]);
  });

  it('accepts a model the user added to the price table, and prices it with its own rows', () => {
    const added = harness(priceTableWithModel());
    const request: InsertRequest = {
      ...VALID,
      rows: [{ ...VALID_ROW, model: ADDED_MODEL, secs: 20, audio: 'audio', count: 3, testTakes: 1, buffer: 0.5 }],
    };
    call<InsertResult>(added, 'sidebarInsertComparison', request);
    const sheet = added.spreadsheet.getSheetByName('Kling comparison') as FakeSheet;
    const values = sheet.getDataRange().getValues();
    const expected = compareWorkload(new PricingEngine(bookWithModel()), workloadOf(request));
    // 13 x 20 = 260 credits a clip and a standard test take of 10 x 20 = 200: 460 x 3 = 1,380 a month, 2,070 with its 50 %.
    const work = values.findIndex((r) => r[0] === 'Model');
    expect(values[work + 1]?.slice(0, 8)).toEqual([ADDED_MODEL, 'professional', 20, 'yes', 3, 1, 260, 1380]);
    expect(expected.budget.creditsWithBuffer).toBe(2070);
    expect(values.find((r) => r[0] === 'Credits with buffer (estimate)')?.[1]).toBe(expected.budget.creditsWithBuffer);
    expect(values.find((r) => r[0] === 'Kling API, 12 months (USD)')?.[1]).toBe(`n/a: ${(expected.api as { problem: string }).problem}`);
  });

  it('each insert gets a new unique sheet and never reuses one a user made', () => {
    const mine = h.spreadsheet.insertSheet('Kling comparison 2');
    mine.getRange('A1').setValue('my notes');
    call(h, 'sidebarInsertComparison', VALID);
    expect(call<InsertResult>(h, 'sidebarInsertComparison', VALID).sheetName).toBe('Kling comparison 3');
    expect(mine.snapshot()).toEqual({ A1: 'my notes' });
    expect(h.spreadsheet.getSheets().map((s) => s.getName())).toEqual([
      SHOT_LIST,
      MESSY_LIST,
      'Kling comparison 2',
      'Kling comparison',
      'Kling comparison 3',
    ]);
    expect((h.spreadsheet.getSheetByName(SHOT_LIST) as FakeSheet).getRange(1, 1, SHOT_LIST_VALUES.length, 6).getValues()).toEqual(
      SHOT_LIST_VALUES,
    );
  });

  it('0 videos: what KLING_BEST_PLAN(0) gives, Free at $0; and images alone', () => {
    call(h, 'sidebarInsertComparison', { ...VALID, rows: [] });
    const values = (h.spreadsheet.getSheetByName('Kling comparison') as FakeSheet).getDataRange().getValues();
    expect(values.find((r) => r[0] === 'Cheapest option, one month on its own')?.[1]).toBe('Free');
    expect(values.find((r) => r[0] === 'Its monthly cost (USD)')?.[1]).toBe(0);
    call(h, 'sidebarInsertComparison', { ...VALID, rows: [], images: 3301 });
    const images = (h.spreadsheet.getSheetByName('Kling comparison 2') as FakeSheet).getDataRange().getValues();
    expect(images.find((r) => r[0] === 'Cheapest option, one month on its own')?.[1]).toBe('Standard + 330-credit pack');
  });
});

describe('sidebarInsertComparison refuses hostile or malformed payloads and writes nothing', () => {
  const row = (patch: Record<string, unknown>) => ({ ...VALID, rows: [{ ...VALID_ROW, ...patch }] });
  const cases: [string, string, RegExp][] = [
    ['null', 'null', /the request must be an object, got null/],
    ['a string', '"rows"', /must be an object, got a string/],
    ['a list', '[]', /must be an object, got a list/],
    [
      '__proto__ key',
      `{"__proto__":{"polluted":true},"rows":[],"billing":"monthly","buffer":0,"images":0}`,
      /unexpected field "__proto__"/,
    ],
    ['constructor key', JSON.stringify({ ...VALID, constructor: { prototype: { polluted: true } } }), /unexpected field "constructor"/],
    [
      '__proto__ in a row',
      `{"rows":[{"__proto__":{"polluted":true},"model":"Kling 2.6","mode":"standard","secs":5,"audio":"silent","count":1,"testTakes":0,"buffer":null}],"billing":"monthly","buffer":0,"images":0}`,
      /rows\[0\] has an unexpected field "__proto__"/,
    ],
    ['figures sent by the page', JSON.stringify({ ...VALID, monthlyCost: 0.01 }), /unexpected field "monthlyCost"/],
    [
      'the old retake rate',
      JSON.stringify({ rows: VALID.rows, billing: 'monthly', retakeRate: 0.2, images: 0 }),
      /unexpected field "retakeRate"/,
    ],
    ['missing field', JSON.stringify({ rows: VALID.rows, billing: 'monthly', buffer: 0 }), /missing the field "images"/],
    ['missing row field', JSON.stringify(row({ testTakes: undefined })), /rows\[0\] is missing the field "testTakes"/],
    ['huge rows', JSON.stringify({ ...VALID, rows: new Array(100_000).fill(VALID_ROW) }), /rows has 100000 entries; at most 50/],
    ['rows not a list', JSON.stringify({ ...VALID, rows: { 0: VALID_ROW } }), /rows must be a list, got an object/],
    [
      'HTML in mode',
      JSON.stringify(row({ mode: '<img src=x onerror=alert(1)>' })),
      /rows\[0\]\.mode must be one of standard, professional, 4k$/,
    ],
    ['alias instead of the mode id', JSON.stringify(row({ mode: 'pro' })), /mode must be one of/],
    ['audio as a boolean', JSON.stringify(row({ audio: true })), /rows\[0\]\.audio must be text \(silent, audio, voice\), got a boolean/],
    ['count as text', JSON.stringify(row({ count: '12' })), /rows\[0\]\.count must be a number, got a string/],
    ['huge count', JSON.stringify(row({ count: 1e300 })), /count must be a whole number from 0 to 1000000/],
    ['negative count', JSON.stringify(row({ count: -1 })), /count must be a whole number/],
    ['fractional count', JSON.stringify(row({ count: 1.5 })), /count must be a whole number/],
    ['huge test takes', JSON.stringify(row({ testTakes: 101 })), /testTakes must be a whole number from 0 to 100/],
    ['row buffer as text', JSON.stringify(row({ buffer: '20%' })), /rows\[0\]\.buffer must be a number, got a string/],
    ['huge row buffer', JSON.stringify(row({ buffer: 101 })), /rows\[0\]\.buffer must be a fraction from 0 to 100/],
    ['secs 7 on Kling 2.6', JSON.stringify(row({ secs: 7 })), /rows\[0\]: secs 7 is not a clip length Kling 2.6 makes; use 5 or 10/],
    [
      'secs 16 on Kling 3.0',
      JSON.stringify(row({ model: 'Kling 3.0', secs: 16 })),
      /secs 16 is not a clip length Kling 3.0 makes; use a whole number of seconds from 3 to 15/,
    ],
    ['huge secs', JSON.stringify(row({ secs: 1e9 })), /secs must be a whole number from 1 to 600/],
    ['4k on Kling 2.6', JSON.stringify(row({ mode: '4k' })), /mode "4k" is not offered by Kling 2.6; use standard or professional/],
    ['voice on Kling 2.6', JSON.stringify(row({ audio: 'voice' })), /Kling 2.6 offers no professional clip with voice control/],
    ['unknown model', JSON.stringify(row({ model: 'Kling 9.9' })), /rows\[0\]\.model must be a model of the price book in force$/],
    ['a model alias, not its name', JSON.stringify(row({ model: '2.6' })), /model must be a model of the price book in force/],
    [
      'a model the default book does not have',
      JSON.stringify(row({ model: ADDED_MODEL, secs: 20 })),
      /model must be a model of the price book in force/,
    ],
    [
      'a model without app credits',
      JSON.stringify(row({ model: 'Kling 3.0 Turbo', secs: 5 })),
      /Kling publishes no app credits for Kling 3.0 Turbo/,
    ],
    ['model as a number', JSON.stringify(row({ model: 2.6 })), /rows\[0\]\.model must be text, got a number/],
    ['unknown billing', JSON.stringify({ ...VALID, billing: 'weekly' }), /billing must be one of monthly, intro, annual, list/],
    ['buffer above 10,000 %', JSON.stringify({ ...VALID, buffer: 100.5 }), /buffer must be a fraction from 0 to 100/],
    ['buffer as text', JSON.stringify({ ...VALID, buffer: '20%' }), /buffer must be a number, got a string/],
    ['images as text', JSON.stringify({ ...VALID, images: '5' }), /images must be a number/],
    ['huge images', JSON.stringify({ ...VALID, images: 1e12 }), /images must be a whole number from 0 to 10000000/],
    [
      'more work than the add-on plans for',
      JSON.stringify(row({ mode: '4k', secs: 15, model: 'Kling 3.0', count: 1_000_000 })),
      /^Kling Cost cannot price this work: this work needs .* credits a month with the buffer, more than/,
    ],
    ['huge text', JSON.stringify(row({ mode: 'x'.repeat(1_000_000) })), /mode must be one of/],
    ['huge model name', JSON.stringify(row({ model: 'x'.repeat(1_000_000) })), /model must be a model of the price book in force$/],
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

  it('objects that are not plain data: getters, class instances, sparse lists, NaN, symbols', () => {
    const h = harness();
    const getter = { ...VALID, rows: [Object.defineProperty({ ...VALID_ROW }, 'count', { get: () => 10, enumerable: true })] };
    class Sneaky {
      rows = VALID.rows;
      billing = 'monthly';
      buffer = 0;
      images = 0;
    }
    // biome-ignore lint/suspicious/noSparseArray: a sparse list is one of the hostile payloads
    const sparse = { ...VALID, rows: [VALID_ROW, , VALID_ROW] };
    const attempts: [unknown, RegExp][] = [
      [getter, /rows\[0\]\.count must be a plain value/],
      [new Sneaky(), /the request must be a plain object/],
      [sparse, /plain list without gaps/],
      [Object.assign([VALID_ROW], { extra: 1 }), /must be an object, got a list/],
      [{ ...VALID, rows: Object.assign([VALID_ROW], { extra: 1 }) }, /plain list without gaps or extra fields/],
      [{ ...VALID, buffer: Number.NaN }, /buffer must be a fraction/],
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

describe('the contract between the page and its server', () => {
  const src = join(__dirname, '..', '..', 'src');
  const importsOf = (dir: string) =>
    readdirSync(join(src, dir))
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        [...readFileSync(join(src, dir, f), 'utf8').matchAll(/^import (type )?[^;]*? from '([^']+)';/gms)].map((m) => ({
          file: `${dir}/${f}`,
          type: !!m[1],
          from: m[2] as string,
        })),
      );

  it('the page never imports src/addon, and src/addon never imports src/sidebar', () => {
    expect(importsOf('sidebar').filter((i) => i.from.startsWith('../addon'))).toEqual([]);
    expect(importsOf('addon').filter((i) => i.from.startsWith('../sidebar'))).toEqual([]);
    expect(
      importsOf('sidebar')
        .filter((i) => i.from.startsWith('../contract'))
        .every((i) => i.type),
    ).toBe(true);
  });

  it('is types only: it imports only types, from src/pricing', () => {
    const imports = importsOf('contract').filter((i) => i.file === 'contract/sidebar.ts');
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.every((i) => i.type && i.from === '../pricing')).toBe(true);
    expect(readFileSync(join(src, 'contract', 'sidebar.ts'), 'utf8')).not.toMatch(/^export (const|function|class|let|var) /m);
  });

  it('both sides use it: the server satisfies it, the page calls through it', () => {
    expect(readFileSync(join(src, 'addon', 'sidebarServer.ts'), 'utf8')).toMatch(/\} satisfies SidebarServer;/);
    expect(readFileSync(join(src, 'sidebar', 'server.ts'), 'utf8')).toMatch(
      /callServer<K extends ServerFunction>\(\s*name: K,\s*\.\.\.args: Parameters<SidebarServer\[K\]>,?\s*\): Promise<ReturnType<SidebarServer\[K\]>>/,
    );
  });
});
