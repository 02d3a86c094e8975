/**
 * The usage log as "Insert usage log" writes it, evaluated by HyperFormula with our functions from
 * dist/Code.js, against the pricing engine's actualsByMonth over the same rows: the months it
 * holds, the last complete month and the cheapest plan for it, the retake rate per scene; pasted
 * rows (dates as dates or ISO text, outcome synonyms); bad input named by its row. No silent limit:
 * every formula reads open-ended ranges (A2:A), and 10,500 pasted rows are all counted, by month and
 * by scene; KLING_ACTUALS called directly agrees with the sheet, and dates go to the month the sheet
 * shows, in the spreadsheet's time zone.
 */
import type { HyperFormula } from 'hyperformula';
import { beforeAll, describe, expect, it } from 'vitest';
import { actualsByMonth, actualsTable, DEFAULT_PRICE_BOOK, PricingEngine } from '../../src/pricing';
import { type FakeSheet, parseA1 } from '../fakes/appsScript';
import { instantOf } from '../support/liveWorkbook';
import {
  type Addon,
  addMonths,
  addon,
  customFunctionCells,
  expectCells,
  klingCaller,
  LOG,
  monthText,
  putRows,
  SheetView,
  serial,
  workbook,
} from './sheets';
import { BELOW, boundedLogRanges, checkLog, type LogRow, logCells, SCENES, TABLE } from './usageLogCheck';

const ENGINE = new PricingEngine(DEFAULT_PRICE_BOOK);
const today = new Date();
const month = (offset: number, day: number, hours = 0) => {
  const d = addMonths(today, offset);
  return serial(d.getFullYear(), d.getMonth() + 1, day) + hours / 24 - 0.5;
};
const iso = (offset: number, day: number) => `${monthText(addMonths(today, offset))}-${String(day).padStart(2, '0')}`;

/** Every formula of a sheet, "A1" -> formula. */
function formulasOf(sheet: FakeSheet): Record<string, string> {
  return Object.fromEntries(
    Object.entries(sheet.snapshot()).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].startsWith('=')),
  );
}

describe('the usage log with the default prices', () => {
  let hf: HyperFormula;
  let view: SheetView;
  let sheet: FakeSheet;
  beforeAll(() => {
    const a = addon();
    a.run('insertUsageLog');
    sheet = a.spreadsheet.getSheetByName(LOG) as FakeSheet;
    hf = workbook(a.spreadsheet, a.context);
    view = new SheetView(hf, LOG);
  });

  it('four custom-function cells whatever the log holds: KLING_ACTUALS over the whole log in one call, open-ended ranges everywhere', () => {
    const cells = customFunctionCells(sheet);
    expect(cells.sort()).toEqual(['I2', 'L6', 'M35', 'M36']);
    const actuals = sheet.getRange('L6').getFormulas()[0]?.[0] ?? '';
    expect(actuals).toMatch(/^=KLING_ACTUALS\(/);
    expect(actuals.match(/KLING_/g)).toHaveLength(1);
    // From the header row (so "log row 9" is the sheet's row 9), to the end of the sheet, whatever its length.
    for (const col of ['A', 'D', 'E', 'F', 'G', 'C']) expect(actuals).toContain(`$${col}$1:$${col}`);
    // The dates as the text the sheet shows, a blank as a blank (a bare TEXT of a blank would read 1899-12-30).
    expect(actuals).toContain('ARRAYFORMULA(IF($A$1:$A="","",IF(ISNUMBER($A$1:$A),TEXT($A$1:$A,"yyyy-mm-dd"),$A$1:$A)))');
    expect(sheet.getRange('I2').getFormulas()[0]?.[0]).toBe('=KLING_CREDITS($D$2:$D,$E$2:$E,$F$2:$F,$C$2:$C)');
    expect(sheet.getRange('U7').getFormulas()[0]?.[0]).toBe('=SORT(UNIQUE($B$2:$B))');
    // No range over the log's rows stops at a row: rows pasted below, however many, are read.
    expect(boundedLogRanges(formulasOf(sheet))).toEqual([]);
  });

  it('the example rows: the months the log holds, the last complete month and its cheapest plan, retakes per scene', () => {
    const result = checkLog(view, ENGINE);
    expect(result.months.map((m) => m.month)).toEqual([monthText(addMonths(today, -1)), monthText(today)]);
    // Last month: a discarded and a kept 70-credit take, a 100-credit take, a failed one refunded: 240 credits.
    expectCells(view.block(TABLE.row + 1, TABLE.col, 1, 8), [[monthText(addMonths(today, -1)), 4, 2, 1, 1, 240, 1 / 3, 120]], 'last month');
    expect(view.get(`M${BELOW}`)).toBe(monthText(addMonths(today, -1)));
    expect(view.get(`M${BELOW + 1}`)).toBe(240);
    expect(view.get(`M${BELOW + 2}`)).toBe('Standard');
    expect(view.get(`M${BELOW + 3}`)).toBe(8.8);
    // Over the log: 1 discarded of 4 finished takes.
    expect(view.get(`M${BELOW + 4}`)).toBe(0.25);
    expect(view.block(SCENES.row, SCENES.col, 4, 5)).toEqual([
      ['Opening shot', 1, 1, 0, 0.5],
      ['Social teaser', 0, 0, 1, ''],
      ['Talking head', 2, 0, 0, 0],
      ['', '', '', '', ''],
    ]);
  });

  it('pasted rows: dates as dates or ISO text, outcome synonyms, models by any name', () => {
    const rows: Record<number, LogRow> = {
      7: [month(-3, 14, 9.5), 'Crowd', '3', 'pro', 15, 'voice', 'used'],
      8: [iso(-3, 28), 'Crowd', 'Kling 3.0', 'professional', 15, 'voice', 'retake'],
      9: [`${iso(-2, 2)} 14:22`, 'Crowd', 3, 'standard', 3, 'no', true],
      10: [month(-2, 28), 'Close-up', '', 'standard', 10, 'yes', false],
      11: [iso(-2, 5), 'Close-up', 'kling 2.6', 'std', 5, '', 'refunded'],
      999: [month(-2, 1), 'Far down', '2.6', 'professional', 10, 'yes', 'kept'],
    };
    hf.batch(() => {
      for (const [r, row] of Object.entries(rows)) putRows(hf, LOG, Number(r), [row]);
    });
    try {
      const result = checkLog(view, ENGINE);
      expect(result.months.map((m) => m.month)).toEqual([-3, -2, -1, 0].map((m) => monthText(addMonths(today, m))));
      // Three months back: 2 x 15 s x 14 credits (voice control), one kept, one thrown away.
      expect(result.months[0]).toMatchObject({ generations: 2, kept: 1, discarded: 1, failed: 0, credits: 420 });
      // Two months back: 18 + 100 + 0 (refunded) + 200 credits.
      expect(result.months[1]).toMatchObject({ generations: 4, kept: 2, discarded: 1, failed: 1, credits: 318 });
      // The last complete month is the one before this one, which holds the example rows.
      expect(view.get(`M${BELOW}`)).toBe(monthText(addMonths(today, -1)));
    } finally {
      hf.batch(() => {
        for (const r of Object.keys(rows)) putRows(hf, LOG, Number(r), [[null, null, null, null, null, null, null]]);
      });
    }
  });

  it('scene names with wildcard and comparison characters are counted as the names they are', () => {
    const rows: Record<number, LogRow> = {
      20: [iso(-1, 4), 'Crowd * wide', '2.6', 'standard', 5, 'no', 'kept'],
      21: [iso(-1, 4), 'Crowd X wide', '2.6', 'standard', 5, 'no', 'discarded'],
      22: [iso(-1, 4), 'Crowd X wide', '2.6', 'standard', 5, 'no', 'discarded'],
      23: [iso(-1, 5), 'Take ?', '2.6', 'standard', 5, 'no', 'kept'],
      24: [iso(-1, 5), 'Take 1', '2.6', 'standard', 5, 'no', 'discarded'],
      25: [iso(-1, 5), '>5', '2.6', 'standard', 5, 'no', 'kept'],
      26: [iso(-1, 5), '~tilde', '2.6', 'standard', 5, 'no', 'discarded'],
    };
    hf.batch(() => {
      for (const [r, row] of Object.entries(rows)) putRows(hf, LOG, Number(r), [row]);
    });
    try {
      // checkLog counts every scene by its exact name and compares each with the sheet's row for it.
      checkLog(view, ENGINE);
      const scenes = view.block(SCENES.row, SCENES.col, 12, 4);
      expect(scenes.find((r) => r[0] === 'Crowd * wide')).toEqual(['Crowd * wide', 1, 0, 0]);
      expect(scenes.find((r) => r[0] === 'Take ?')).toEqual(['Take ?', 1, 0, 0]);
    } finally {
      hf.batch(() => {
        for (const r of Object.keys(rows)) putRows(hf, LOG, Number(r), [[null, null, null, null, null, null, null]]);
      });
    }
  });

  it('bad input (a date that is not a date, an unknown outcome, a model the book does not know): a message naming the row of the log and what is accepted; nothing else changes', () => {
    const before = view.values();
    const r = 200;
    // Every cell outside the summary by month (and what is read from it) and the row itself stays as it was.
    const outside = (values: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(values).filter(([a1]) => {
          const { row: at, col } = parseA1(a1);
          return at !== r && !(col >= TABLE.col && col < TABLE.col + TABLE.cols && at >= TABLE.row && at < BELOW + 7);
        }),
      );
    for (const [row, message] of [
      [
        ['yesterday', '', '2.6', 'standard', 5, 'no', 'kept'],
        'date "yesterday" is not a date; use a date cell or ISO text such as 2026-11-03 or 2026-11-03 14:22',
      ],
      [
        [month(-1, 2), '', '2.6', 'standard', 5, 'no', 'maybe'],
        'outcome "maybe" is not an outcome; use kept (also used, yes, TRUE), discarded (also retake, no, FALSE) or failed (refunded, 0 credits)',
      ],
      [
        [month(-1, 2), '', 'Kling 9', 'standard', 5, 'no', 'kept'],
        'model "Kling 9" is not a model of the price book in force; use 2.6 or 3.0 (the price book also has 3.0 Turbo, 3.0 Omni, 2.5 Turbo and O1, sold on Kling\'s API; 4.0 and 4.0 Flash, sold by resellers only)',
      ],
      // A model the app does not make (resellers only): a log of app generations cannot hold it.
      [
        [month(-1, 2), '', '4.0', 'professional', 10, 'yes', 'kept'],
        /^Kling 4\.0 has no app credits in the price book; it is sold by fal and PiAPI/,
      ],
    ] as const) {
      putRows(hf, LOG, r, [row]);
      const got = view.get('L6') as { error?: string };
      if (typeof message === 'string') expect(got).toEqual({ error: `log row ${r}: ${message}` });
      else expect(got.error?.replace(/^log row \d+: /, '')).toMatch(message);
      expect(got.error).toMatch(new RegExp(`^log row ${r}: `));
      expect(outside(view.values())).toEqual(outside(before));
    }
    putRows(hf, LOG, r, [[null, null, null, null, null, null, null]]);
    expect(view.values()).toEqual(before);
  });

  it('the last complete month is the newest month of the log before this one', () => {
    // Clear last month's rows: the newest complete month is now two months back.
    putRows(hf, LOG, 7, [[month(-2, 3), 'Older', '2.6', 'standard', 5, 'no', 'kept']]);
    putRows(
      hf,
      LOG,
      2,
      Array.from({ length: 4 }, () => [null, null, null, null, null, null, null, null]),
    );
    checkLog(view, ENGINE);
    expect(view.get(`M${BELOW}`)).toBe(monthText(addMonths(today, -2)));
    expect(view.get(`M${BELOW + 1}`)).toBe(10);
  });
});

/** A row of the 10,500 pasted: four months back to this one, a dozen scenes, every outcome, dates as date cells and as ISO text. */
function pastedRow(i: number): LogRow {
  const offset = -3 + (i % 4);
  const day = 1 + (i % 28);
  const scene = `Scene ${1 + (i % 12)}`;
  const clips = [
    ['2.6', 'standard', 5, 'no'],
    ['Kling 3.0', 'standard', 3, 'no'],
    ['2.6', 'professional', 10, 'yes'],
  ] as const;
  const [model, mode, secs, audio] = clips[i % 3] as (typeof clips)[number];
  const outcome = ['kept', 'discarded', 'kept', 'failed', 'kept'][i % 5] as string;
  const d = addMonths(today, offset);
  const date =
    i % 2 === 0
      ? serial(d.getFullYear(), d.getMonth() + 1, day) + (i % 24) / 24 - 0.5
      : `${monthText(d)}-${String(day).padStart(2, '0')}${i % 3 === 0 ? ' 14:22' : ''}`;
  return [date, scene, model, mode, secs, audio, outcome];
}

describe('no silent limit: 10,500 rows pasted into the log', () => {
  const PASTED = 10_500;
  const FIRST = 7;
  const LAST = FIRST + PASTED - 1;
  let a: Addon;
  let hf: HyperFormula;
  let view: SheetView;
  const rows = Array.from({ length: PASTED }, (_, i) => pastedRow(i));
  // The last rows: a month and a scene that only they hold (beyond the 10,001 rows an older log was bounded at).
  const tail: LogRow[] = [
    [month(-5, 9, 10), 'Only at the end', '2.6', 'standard', 10, 'no', 'kept'],
    [`${iso(-5, 28)} 23:59`, 'Only at the end', '2.6', 'standard', 10, 'no', 'discarded'],
    // The last day of a month at 23:30: the month the sheet shows, not the next one.
    [month(-5, 28, 23.5), 'Only at the end', '2.6', 'standard', 10, 'no', 'failed'],
  ];
  rows.splice(PASTED - tail.length, tail.length, ...tail);
  beforeAll(() => {
    a = addon();
    a.run('insertUsageLog');
    const sheet = a.spreadsheet.getSheetByName(LOG) as FakeSheet;
    // Pasted as a user pastes: date cells (Dates, as Sheets holds them) and ISO text.
    const toCell = (v: unknown) => (typeof v === 'number' && v > 40_000 ? new Date(Math.round((v - 25_569) * 86_400_000)) : v);
    sheet.getRange(FIRST, 1, PASTED, 7).setValues(rows.map((r) => r.map(toCell)));
    expect(sheet.getMaxRows()).toBe(LAST);
    hf = workbook(a.spreadsheet, a.context);
    view = new SheetView(hf, LOG);
  });

  it('every row is counted in the by-month table and in the per-scene table, and KLING_ACTUALS called directly agrees', () => {
    const result = checkLog(view, ENGINE);
    // The five example rows and the 10,500 pasted.
    expect(result.total.generations).toBe(PASTED + 5);
    const months = view.block(TABLE.row + 1, TABLE.col, 25, 2).filter((r) => r[0] !== '' && r[0] !== 'Total');
    expect(months.reduce((sum, r) => sum + (r[1] as number), 0)).toBe(PASTED + 5);
    // The month only the last rows hold is there, with its three generations (one refunded).
    const fiveBack = monthText(addMonths(today, -5));
    expect(view.block(TABLE.row + 1, TABLE.col, 1, 8)[0]).toEqual([fiveBack, 3, 1, 1, 1, 40, 0.5, 40]);
    // Per scene: the example rows' three scenes, the twelve pasted and the one at the end; every generation counted once.
    const scenes = view.block(SCENES.row, SCENES.col, 18, 4);
    expect(scenes.filter((r) => r[0] !== '')).toHaveLength(16);
    expect(scenes.reduce((sum, r) => sum + (Number(r[1]) || 0) + (Number(r[2]) || 0) + (Number(r[3]) || 0), 0)).toBe(PASTED + 5);
    expect(scenes.find((r) => r[0] === 'Only at the end')).toEqual(['Only at the end', 1, 1, 1]);
    // The per-row credits reach the last row.
    expect(view.get(`I${LAST}`)).toBe(20);
    expect(view.get(`J${LAST}`)).toBe(0);

    // KLING_ACTUALS called directly with the same cells (dates as Sheets hands them: Dates in the spreadsheet's zone).
    const kling = klingCaller(a.context);
    const log = a.spreadsheet.getSheetByName(LOG) as FakeSheet;
    const cells = log.getRange(1, 1, LAST, 7).getValues();
    const column = (c: number) => cells.map((r) => [r[c]]);
    const direct = kling('KLING_ACTUALS', column(0), column(3), column(4), column(5), column(6), column(2)) as unknown[][];
    expectCells(view.block(TABLE.row, TABLE.col, TABLE.rows, TABLE.cols), direct, 'KLING_ACTUALS called directly');
    expect(direct).toEqual(actualsTable(actualsByMonth(ENGINE, logCells(view))));
  });
});

describe("dates go to the month the sheet shows, in the spreadsheet's time zone", () => {
  it("a date cell read in the spreadsheet's zone (Berlin's 2027-01-01 00:30 is 2026-12-31 23:30 UTC), ISO text as written", () => {
    const a = addon();
    a.spreadsheet.setSpreadsheetTimeZone('Europe/Berlin');
    const kling = klingCaller(a.context);
    // What Sheets hands a custom function for a date cell showing 2027-01-01 00:30 in Berlin.
    const newYear = new Date(instantOf(serial(2027, 1, 1) - 0.5 + 0.5 / 24, 'Europe/Berlin'));
    expect(newYear.toISOString()).toBe('2026-12-31T23:30:00.000Z');
    // And one showing 2026-12-31 23:30 in Berlin (22:30 UTC): still December.
    const lastEvening = new Date(instantOf(serial(2026, 12, 31) - 0.5 + 23.5 / 24, 'Europe/Berlin'));
    const result = kling(
      'KLING_ACTUALS',
      [[newYear], [lastEvening], ['2027-01-01 00:30'], ['2026-12-31 23:59']],
      [['standard'], ['standard'], ['standard'], ['standard']],
      [[5], [5], [5], [5]],
      [['no'], ['no'], ['no'], ['no']],
      [['kept'], ['kept'], ['kept'], ['kept']],
    ) as unknown[][];
    expect(result.map((r) => r.slice(0, 2))).toEqual([
      ['Month', 'Generations'],
      ['2026-12', 2],
      ['2027-01', 2],
      ['Total', 4],
    ]);
  });

  it('the sheet passes the dates as the text it shows, so a date cell is grouped by its shown day whatever the zone', () => {
    const a = addon();
    a.run('insertUsageLog');
    const sheet = a.spreadsheet.getSheetByName(LOG) as FakeSheet;
    const hf = workbook(a.spreadsheet, a.context);
    const view = new SheetView(hf, LOG);
    // 23:30 on the last day of November, as a date cell; 00:10 on the first of December.
    putRows(hf, LOG, 2, [
      [serial(2026, 11, 30) - 0.5 + 23.5 / 24, 'Late', '2.6', 'standard', 5, 'no', 'kept'],
      [serial(2026, 12, 1) - 0.5 + 1 / 144, 'Early', '2.6', 'standard', 5, 'no', 'kept'],
      ['', '', '', '', '', '', ''],
      ['', '', '', '', '', '', ''],
      ['', '', '', '', '', '', ''],
    ]);
    expect(sheet.getRange('A2').getNumberFormats()[0]?.[0]).toBe('yyyy-mm-dd hh:mm');
    expect(view.block(TABLE.row + 1, TABLE.col, 3, 2)).toEqual([
      ['2026-11', 1],
      ['2026-12', 1],
      ['Total', 2],
    ]);
  });
});
