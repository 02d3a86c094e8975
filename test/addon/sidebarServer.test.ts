import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { beforeEach, describe, expect, it } from 'vitest';
import { safeCell as asText } from '../../src/addon/text';
import type { InsertRequest, InsertResult, SelectionResult, SidebarStart, WorkRow } from '../../src/contract/sidebar';
import type { PriceBook, Workload } from '../../src/pricing';
import {
  channelFigures,
  channelsBlock,
  compareWorkload,
  DEFAULT_PRICE_BOOK,
  isoDay,
  optionsBlock,
  PricingEngine,
  priceAgeText,
  summaryLines,
  workloadBlock,
} from '../../src/pricing';
import type { FakeHtmlOutput, FakeSheet, FakeSpreadsheet } from '../fakes/appsScript';
import { FakeRange } from '../fakes/appsScript';
import { ADDED_MODEL, bookWithModel, priceTableWithModel, SHOT_LIST_ROWS } from '../sidebar/fixtures';
import { AddonHarness, MESSY_LIST, SHOT_LIST, SHOT_LIST_VALUES, seedExampleData } from '../support/harness';
import { DIST, readCode } from '../support/loadBundle';

const SIDEBAR_HTML = readFileSync(join(DIST, 'Sidebar.html'), 'utf8');
const engine = new PricingEngine(DEFAULT_PRICE_BOOK);

const VALID_ROW: WorkRow = {
  model: 'Kling 2.6',
  mode: 'professional',
  secs: 10,
  audio: 'silent',
  count: 10,
  testTakes: 0,
  retakeRate: null,
};
const VALID: InsertRequest = { rows: [VALID_ROW], billing: 'monthly', retakeRate: 0, images: 0 };

/** The workload the server must compute for a request: each line named by its position in the request. */
function workloadOf(request: InsertRequest): Workload {
  return {
    lines: request.rows.map((r, i) => ({
      clip: { model: r.model, mode: r.mode, secs: r.secs, audio: r.audio },
      count: r.count,
      testTakes: r.testTakes,
      retakeRate: r.retakeRate,
      row: i + 1,
    })),
    billing: request.billing,
    retakeRate: request.retakeRate,
    images: request.images,
  };
}

/** The channels table's rows as the sheet shows them: cheapest first (exact totals, ties in the core's order), no figure last. */
function channelRowsInOrder(c: ReturnType<typeof compareWorkload>) {
  const rows = channelsBlock(c).rows;
  const all = c.channels.channels.map((ch, i) => ({ i, f: channelFigures(c.channels, ch) }));
  const priced = all.filter((x) => x.f !== null).sort((a, b) => (a.f?.total ?? 0) - (b.f?.total ?? 0) || a.i - b.i);
  return [...priced, ...all.filter((x) => x.f === null)].map((x) => rows[x.i]);
}

/** The rows of a block written under the header whose first cell is `first`. */
function blockBelow(values: unknown[][], first: string, rows: number, cols: number) {
  const header = values.findIndex((r) => r[0] === first);
  expect(header, `a header "${first}"`).toBeGreaterThanOrEqual(0);
  return { header, body: values.slice(header + 1, header + 1 + rows).map((r) => r.slice(0, cols)) };
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
    expect(start.source).toBe(`the default price book (checked against its sources on ${DEFAULT_PRICE_BOOK.asOf})`);
    expect(start.edited).toBe(false);

    const edited = call<SidebarStart>(harness(priceTableWithModel()), 'sidebarInit');
    expect(edited.edited).toBe(true);
    expect(edited.source).toBe(`the sheet "Kling prices" (edited prices, newest as of ${bookWithModel().asOf})`);
    expect(bookWithModel().asOf >= '2026-11-20').toBe(true);
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
        { model: 'Kling 2.6', mode: 'professional', secs: 10, audio: 'audio', count: 12, testTakes: 0, retakeRate: null },
        { model: 'Kling 2.6', mode: 'standard', secs: 5, audio: 'silent', count: 40, testTakes: 0, retakeRate: null },
        { model: 'Kling 3.0', mode: 'professional', secs: 8, audio: 'silent', count: 6, testTakes: 0, retakeRate: null },
      ],
    });
  });

  it('sidebarReadSelection finds the header above rows selected without it', () => {
    h.spreadsheet.getRange(`'${SHOT_LIST}'!A3:E3`).activate();
    const read = call<SelectionResult>(h, 'sidebarReadSelection');
    expect(read.header).toBe(true);
    expect(read.rows).toEqual([
      { model: 'Kling 2.6', mode: 'standard', secs: 5, audio: 'silent', count: 40, testTakes: 0, retakeRate: null },
    ]);
  });

  it('sidebarReadSelection reads the budget template shot list by its header names, in any order', () => {
    selectSheet(h, 'Kling budget', SHOT_LIST_ROWS);
    const read = call<SelectionResult>(h, 'sidebarReadSelection');
    expect(read.problems).toEqual([]);
    expect(read.rows.map((r) => [r.model, r.mode, r.secs, r.audio, r.count, r.testTakes, r.retakeRate])).toEqual([
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

  it('sidebarInsertComparison writes a new sheet: price age, summary, every channel, work, options, a chart of the channels; nothing else changes', () => {
    const before = everything(h.spreadsheet);
    const request: InsertRequest = { ...VALID, retakeRate: 0.2, rows: [{ ...VALID_ROW, count: 10 }] };
    const result = call<InsertResult>(h, 'sidebarInsertComparison', request);
    expect(result).toEqual({ sheetName: 'Kling comparison', range: expect.stringMatching(/^A1:K\d+$/), chart: true });
    const sheet = h.spreadsheet.getSheetByName('Kling comparison') as FakeSheet;
    // Earlier sheets are exactly as they were; every write went to the new sheet.
    expect(everything(h.spreadsheet).slice(0, before.length)).toEqual(before);
    expect(h.spreadsheet.writes.every((w) => w.sheet === 'Kling comparison')).toBe(true);
    // Columns of set widths, none sized to a long note: the figures stay in sight beside the sidebar.
    const widths = Array.from({ length: 11 }, (_, i) => sheet.getColumnWidth(i + 1));
    expect(widths).toEqual([380, ...Array(10).fill(150)]);

    const comparison = compareWorkload(engine, workloadOf(request));
    const values = sheet.getDataRange().getValues();
    expect(values[0]?.[0]).toBe('Kling Cost: plan comparison');
    // The price age, counted to today in the spreadsheet's time zone.
    expect(values[1]?.[0]).toBe(priceAgeText(comparison.asOf, isoDay(new Date(), h.spreadsheet.getSpreadsheetTimeZone())));
    expect(values[1]?.[0]).toMatch(/^prices as of \d{4}-\d{2}-\d{2}/);

    // The summary: every line of the core, dates as text.
    const summary = summaryLines(comparison);
    const top = values.findIndex((r) => r[0] === summary[0]?.label);
    expect(values.slice(top, top + summary.length).map((r) => r.slice(0, 2))).toEqual(summary.map((l) => [l.label, l.value]));
    const asOfRow = top + summary.findIndex((l) => l.label === 'Prices as of');
    expect(values[asOfRow]?.[1]).toBe(comparison.asOf);
    expect(sheet.getRange(asOfRow + 1, 2).getNumberFormats()[0]?.[0]).toBe('@');
    const writes = h.spreadsheet.writes.filter((w) => w.a1 === `A${top + 1}:B${top + summary.length}`);
    expect(
      writes.map((w) => w.what),
      'the summary gets its formats before its values',
    ).toEqual(['format', 'values']);

    // Every channel over 12 months: cheapest first, those without a figure last with their reasons.
    const channels = channelsBlock(comparison);
    expect(channels.rows.length).toBe(2 + DEFAULT_PRICE_BOOK.providers.length);
    const shown = blockBelow(values, 'Channel', channels.rows.length, channels.columns.length);
    expect(values[shown.header]?.slice(0, 5)).toEqual(channels.columns.map((c) => c.title));
    expect(shown.body).toEqual(channelRowsInOrder(comparison));
    // 700 credits a month / 0.8 = 875: the app at its cheapest billing; Kling 2.6 is not sold by the resellers.
    expect(shown.body[0]?.[0]).toBe(comparison.channels.cheapest?.label);
    expect(shown.body[0]?.[0]).toMatch(/^Kling app \((monthly|intro|annual)\)/);
    expect(shown.body[1]?.slice(0, 2)).toEqual(['Kling API (prepaid packs) (estimate)', 1400]);
    expect(shown.body.slice(2).map((r) => [r[1], r[4]])).toEqual(
      DEFAULT_PRICE_BOOK.providers.map(() => ['n/a', 'n/a: row 1 (Kling 2.6 professional 10 s) is not sold there']),
    );
    expect(sheet.peek(shown.header + 2, 1)?.style.background).toBe('#e8f0fe');
    expect(sheet.getRange(shown.header + 2, 2).getNumberFormats()[0]?.[0]).toBe('$#,##0.00');
    expect(sheet.getRange(shown.header + 4, 2).getNumberFormats()[0]?.[0]).toBe('@');

    // The work.
    const work = workloadBlock(comparison);
    expect(blockBelow(values, 'Model', work.rows.length, work.columns.length).body).toEqual(work.rows);

    // The options: those that cover first, in the core's order; then those that do not, marked.
    const expected = optionsBlock(comparison);
    const covering = expected.rows.filter((_, i) => comparison.options[i]?.covers);
    const short = expected.rows.filter((_, i) => !comparison.options[i]?.covers);
    expect(short.length).toBeGreaterThan(0);
    const options = blockBelow(values, 'Option', expected.rows.length, expected.columns.length);
    expect(options.body).toEqual([...covering, ...short]);
    expect(short.every((r) => String(r[9]).startsWith('does not cover'))).toBe(true);
    // 700 / 0.8 = 875 credits: Standard + 330-credit pack at $13.80.
    const cheapest = options.body.findIndex((r) => r[9] === 'cheapest');
    expect(options.body[cheapest]?.slice(0, 5)).toEqual(['Standard + 330-credit pack', 990, 875, 115, 13.8]);
    expect(sheet.peek(options.header + 2 + cheapest, 1)?.style.background).toBe('#e8f0fe');
    const formats = sheet.getRange(options.header + 2, 1, expected.rows.length, 10).getNumberFormats();
    expect(formats.every((r) => r[4] === '$#,##0.00' && r[1] === '#,##0' && r[3] === '+#,##0;-#,##0;0')).toBe(true);

    // The chart: the 12-month totals of the channels with a figure.
    const charts = sheet.getCharts();
    expect(charts.map((c) => c.type)).toEqual(['BAR']);
    const priced = comparison.channels.channels.filter((c) => c.total !== null).length;
    expect(charts[0]?.ranges).toEqual([
      `A${shown.header + 1}:A${shown.header + 1 + priced}`,
      `B${shown.header + 1}:B${shown.header + 1 + priced}`,
    ]);
    const charted = sheet
      .getRange(charts[0]?.ranges[0] as string)
      .getValues()
      .slice(1)
      .map((r) => r[0]);
    expect(charted).toEqual(shown.body.slice(0, priced).map((r) => r[0]));
  });

  it('a Kling 4.0 row (resellers only): no app credits, every channel still compared, fal cheapest', () => {
    // Example 3 of shared/spec/channels.md over 12 months: 10 professional 10 s clips with audio a month, no retakes.
    const request: InsertRequest = { ...VALID, rows: [{ ...VALID_ROW, model: 'Kling 4.0', audio: 'audio', count: 10 }] };
    call<InsertResult>(h, 'sidebarInsertComparison', request);
    const sheet = h.spreadsheet.getSheetByName('Kling comparison') as FakeSheet;
    const values = sheet.getDataRange().getValues();
    const comparison = compareWorkload(engine, workloadOf(request));
    const shown = blockBelow(values, 'Channel', comparison.channels.channels.length, 5);
    expect(shown.body).toEqual(channelRowsInOrder(comparison));
    expect(shown.body.map((r) => [r[0], r[1]])).toEqual([
      ['fal (pay as you go) (estimate)', 282],
      ['PiAPI (pay as you go) (estimate)', 300],
      ['Kling app (monthly)', 'n/a'],
      ['Kling API (prepaid packs) (estimate)', 'n/a'],
      ['Replicate (pay as you go) (estimate)', 'n/a'],
    ]);
    const noApp = 'n/a: row 1 (Kling 4.0 professional 10 s with audio) has no app credits in the price book';
    expect(shown.body[2]?.[4]).toBe(noApp);
    const summary = new Map(values.map((r) => [r[0], r[1]]));
    expect(summary.get('Cheapest channel over 12 months')).toBe('fal (pay as you go) (estimate)');
    expect(summary.get('Its 12-month cost (USD)')).toBe(282);
    expect(summary.get('Credits for the work (no retakes)')).toBe(noApp);
    // No option for one month in the app; the chart is the channels'.
    expect(optionsBlock(comparison).rows).toEqual([]);
    expect(sheet.getCharts()[0]?.ranges).toEqual([
      `A${shown.header + 1}:A${shown.header + 3}`,
      `B${shown.header + 1}:B${shown.header + 3}`,
    ]);
  });

  it('writes every text once, as text: a plain-text cell gets it as it is, any other cell through asText', () => {
    const name = '=HYPERLINK("http://example.invalid","x")';
    const hostile = harness(priceTableWithModel(name));
    const request: InsertRequest = { ...VALID, rows: [{ ...VALID_ROW, model: name, secs: 6, mode: 'standard' }] };
    // Every text written, with the format of its cell at that moment (formats go first).
    const written: { text: string; format: string }[] = [];
    const original = FakeRange.prototype.setValues;
    FakeRange.prototype.setValues = function (this: FakeRange, values: unknown[][]) {
      const formats = this.getNumberFormats();
      values.forEach((r, i) => {
        r.forEach((v, j) => {
          if (typeof v === 'string') written.push({ text: v, format: formats[i]?.[j] ?? '' });
        });
      });
      return original.call(this, values);
    };
    try {
      call<InsertResult>(hostile, 'sidebarInsertComparison', request);
    } finally {
      FakeRange.prototype.setValues = original;
    }
    const sheet = hostile.spreadsheet.getSheetByName('Kling comparison') as FakeSheet;
    const range = sheet.getDataRange();
    expect(range.getFormulas().flat().filter(Boolean)).toEqual([]);
    expect(range.getValues().flat()).toContain(name);
    // The model's name went into plain-text cells as it is: an apostrophe would show there.
    const named = written.filter((w) => /^'?=HYPERLINK/.test(w.text));
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((w) => w.format === '@' && w.text === name)).toBe(true);
    expect(written.filter((w) => w.format !== '@' && /^[=+\-@]/.test(w.text))).toEqual([]);
    expect(written.filter((w) => w.format === '@' && w.text.startsWith("'"))).toEqual([]);
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
      rows: [{ ...VALID_ROW, model: ADDED_MODEL, secs: 20, audio: 'audio', count: 3, testTakes: 1, retakeRate: 0.5 }],
    };
    call<InsertResult>(added, 'sidebarInsertComparison', request);
    const sheet = added.spreadsheet.getSheetByName('Kling comparison') as FakeSheet;
    const values = sheet.getDataRange().getValues();
    const expected = compareWorkload(new PricingEngine(bookWithModel()), workloadOf(request));
    // 13 x 20 = 260 credits a clip and a standard test take of 10 x 20 = 200: 460 x 3 = 1,380 a month, 2,760 at its 50 %.
    const work = values.findIndex((r) => r[0] === 'Model');
    expect(values[work + 1]?.slice(0, 9)).toEqual([ADDED_MODEL, 'professional', 20, 'yes', 3, 1, 0.5, 260, 1380]);
    expect(expected.budget.creditsWithRetakes).toBe(2760);
    expect(values.find((r) => r[0] === 'Credits with retakes (estimate)')?.[1]).toBe(2760);
    const api = values.find((r) => r[0] === 'Kling API (prepaid packs) (estimate)');
    expect(api?.slice(1, 5)).toEqual(['n/a', 'n/a', 'n/a', `n/a: row 1 (${ADDED_MODEL} professional 20 s with audio) is not sold there`]);
  });

  it('work beyond what the app plans for: the app has no figure, the other channels are still compared', () => {
    const request: InsertRequest = { ...VALID, rows: [{ ...VALID_ROW, model: 'Kling 3.0', mode: '4k', secs: 15, count: 1_000_000 }] };
    call<InsertResult>(h, 'sidebarInsertComparison', request);
    const values = (h.spreadsheet.getSheetByName('Kling comparison') as FakeSheet).getDataRange().getValues();
    const comparison = compareWorkload(engine, workloadOf(request));
    const shown = blockBelow(values, 'Channel', comparison.channels.channels.length, 5);
    expect(shown.body).toEqual(channelRowsInOrder(comparison));
    const app = shown.body.find((r) => String(r[0]).startsWith('Kling app'));
    expect(app?.[4]).toBe('n/a: month 1 needs more than 26,000,000 credits');
    expect(comparison.channels.cheapest).not.toBeNull();
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
    const month = 'Cheapest option, one month on its own (monthly renewal)';
    expect(values.find((r) => r[0] === month)?.[1]).toBe('Free');
    expect(values.find((r) => r[0] === 'Its monthly cost (USD)')?.[1]).toBe(0);
    // 3,301 images at 0.2 credits, no retakes: 660.2 credits, rounded up to 661.
    call(h, 'sidebarInsertComparison', { ...VALID, rows: [], images: 3301 });
    const images = (h.spreadsheet.getSheetByName('Kling comparison 2') as FakeSheet).getDataRange().getValues();
    expect(images.find((r) => r[0] === month)?.[1]).toBe('Standard + 330-credit pack');
  });
});

describe('sidebarInsertComparison refuses hostile or malformed payloads and writes nothing', () => {
  const row = (patch: Record<string, unknown>) => ({ ...VALID, rows: [{ ...VALID_ROW, ...patch }] });
  const cases: [string, string, RegExp][] = [
    ['no request at all (a call without an argument)', '', /^Kling Cost refused the comparison: the request is missing$/],
    ['null', 'null', /the request must be an object, got null/],
    ['a string', '"rows"', /must be an object, got a string/],
    ['a list', '[]', /must be an object, got a list/],
    [
      '__proto__ key',
      `{"__proto__":{"polluted":true},"rows":[],"billing":"monthly","retakeRate":0,"images":0}`,
      /unexpected field "__proto__"/,
    ],
    ['constructor key', JSON.stringify({ ...VALID, constructor: { prototype: { polluted: true } } }), /unexpected field "constructor"/],
    [
      '__proto__ in a row',
      `{"rows":[{"__proto__":{"polluted":true},"model":"Kling 2.6","mode":"standard","secs":5,"audio":"silent","count":1,"testTakes":0,"retakeRate":null}],"billing":"monthly","retakeRate":0,"images":0}`,
      /rows\[0\] has an unexpected field "__proto__"/,
    ],
    ['figures sent by the page', JSON.stringify({ ...VALID, monthlyCost: 0.01 }), /unexpected field "monthlyCost"/],
    [
      'the old buffer',
      JSON.stringify({ rows: VALID.rows, billing: 'monthly', buffer: 0.2, images: 0 }),
      /unexpected field "buffer"; expected only rows, billing, retakeRate, images/,
    ],
    [
      "a row's old buffer",
      JSON.stringify({ ...VALID, rows: [{ ...VALID_ROW, retakeRate: undefined, buffer: 0.3 }] }),
      /rows\[0\] has an unexpected field "buffer"/,
    ],
    ['missing field', JSON.stringify({ rows: VALID.rows, billing: 'monthly', retakeRate: 0 }), /missing the field "images"/],
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
    ['row retake rate as text', JSON.stringify(row({ retakeRate: '20%' })), /rows\[0\]\.retakeRate must be a number, got a string/],
    [
      'row retake rate of 1',
      JSON.stringify(row({ retakeRate: 1 })),
      /^Kling Cost refused the comparison: rows\[0\]\.retakeRate must be a fraction from 0 up to but not including 1 \(0\.2 is 20 %\)$/,
    ],
    ['row retake rate of 20 (percent)', JSON.stringify(row({ retakeRate: 20 })), /rows\[0\]\.retakeRate must be a fraction from 0 up to/],
    ['negative row retake rate', JSON.stringify(row({ retakeRate: -0.1 })), /rows\[0\]\.retakeRate must be a fraction/],
    ['a row retake rate that reads as 1', JSON.stringify(row({ retakeRate: 0.9999999 })), /rows\[0\]\.retakeRate must be a fraction/],
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
      'a clip no channel of a reseller-only model makes',
      JSON.stringify(row({ model: 'Kling 4.0', audio: 'silent' })),
      /^Kling Cost refused the comparison: rows\[0\]: audio FALSE: fal for Kling 4\.0 offers no professional clip without audio/,
    ],
    [
      'a mode Kling 4.0 Flash is not sold in',
      JSON.stringify(row({ model: 'Kling 4.0 Flash', audio: 'audio' })),
      /rows\[0\]: mode "professional" is not offered by PiAPI for Kling 4\.0 Flash; use standard/,
    ],
    [
      'a length an API-only model is not sold in',
      JSON.stringify(row({ model: 'Kling 2.5 Turbo', secs: 7 })),
      /rows\[0\]: secs 7 is not a clip length Kling's API for Kling 2\.5 Turbo makes; use 5 or 10/,
    ],
    ['model as a number', JSON.stringify(row({ model: 2.6 })), /rows\[0\]\.model must be text, got a number/],
    ['unknown billing', JSON.stringify({ ...VALID, billing: 'weekly' }), /billing must be one of monthly, intro, annual, list/],
    [
      'retake rate of 1',
      JSON.stringify({ ...VALID, retakeRate: 1 }),
      /^Kling Cost refused the comparison: retakeRate must be a fraction from 0 up to but not including 1/,
    ],
    ['retake rate of 100 (percent)', JSON.stringify({ ...VALID, retakeRate: 100 }), /retakeRate must be a fraction from 0 up to/],
    ['retake rate as text', JSON.stringify({ ...VALID, retakeRate: '20%' }), /retakeRate must be a number, got a string/],
    ['retake rate null', JSON.stringify({ ...VALID, retakeRate: null }), /retakeRate must be a number, got null/],
    ['images as text', JSON.stringify({ ...VALID, images: '5' }), /images must be a number/],
    ['huge images', JSON.stringify({ ...VALID, images: 1e12 }), /images must be a whole number from 0 to 10000000/],
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
      retakeRate = 0;
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
      [{ ...VALID, retakeRate: Number.NaN }, /retakeRate must be a fraction/],
      [{ ...VALID, retakeRate: Number.POSITIVE_INFINITY }, /retakeRate must be a fraction/],
      [undefined, /^Kling Cost refused the comparison: the request is missing$/],
      [{ ...VALID, rows: [{ ...VALID_ROW, count: Number.POSITIVE_INFINITY }] }, /count must be a whole number/],
      [{ ...VALID, [Symbol('x')]: 1 }, /unexpected field with an unusual name/],
    ];
    for (const [payload, message] of attempts) {
      expect(() => h.call('sidebarInsertComparison', payload)).toThrow(message);
    }
    // Called with no argument at all, as google.script.run may be.
    expect(() => h.call('sidebarInsertComparison')).toThrow(/^Kling Cost refused the comparison: the request is missing$/);
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
    // The contract's types only; the one piece of code both sides share is what a row may be and the channels' order.
    expect(
      importsOf('sidebar')
        .filter((i) => i.from.startsWith('../contract') && !i.type)
        .map((i) => i.from),
    ).toEqual(expect.arrayContaining(['../contract/comparisonView']));
    expect(
      importsOf('sidebar')
        .filter((i) => i.from.startsWith('../contract') && !i.type)
        .every((i) => i.from === '../contract/comparisonView'),
    ).toBe(true);
    expect(importsOf('contract').filter((i) => i.file === 'contract/comparisonView.ts' && !i.from.startsWith('../pricing'))).toEqual([]);
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
