/**
 * The usage log as "Insert usage log" writes it (10,000 rows), evaluated by HyperFormula with our
 * functions from dist/Code.js, against the pricing engine's actualsByMonth over the same rows:
 * the months it holds, the last complete month and the cheapest plan for it, the retake rate per
 * scene; pasted rows (dates as dates or ISO text, outcome synonyms); bad input named by its row.
 */
import type { HyperFormula } from 'hyperformula';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRICE_BOOK, PricingEngine } from '../../src/pricing';
import { type FakeSheet, parseA1 } from '../fakes/appsScript';
import { addMonths, addon, customFunctionCells, LOG, monthText, putRows, SheetView, serial, workbook } from './sheets';
import { BELOW, checkLog, LAST, type LogRow, TABLE } from './usageLogCheck';

const ENGINE = new PricingEngine(DEFAULT_PRICE_BOOK);
const today = new Date();
const month = (offset: number, day: number, hours = 0) => {
  const d = addMonths(today, offset);
  return serial(d.getFullYear(), d.getMonth() + 1, day) + hours / 24 - 0.5;
};
const iso = (offset: number, day: number) => `${monthText(addMonths(today, offset))}-${String(day).padStart(2, '0')}`;

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

  it('has a few custom-function cells whatever its 10,000 rows hold: KLING_ACTUALS over the whole log in one call', () => {
    const cells = customFunctionCells(sheet);
    expect(cells.sort()).toEqual(['I2', 'L6', 'M35', 'M36']);
    const actuals = sheet.getRange('L6').getFormulas()[0]?.[0] ?? '';
    expect(actuals).toMatch(/^=KLING_ACTUALS\(/);
    expect(actuals.match(/KLING_/g)).toHaveLength(1);
    for (const col of ['A', 'D', 'E', 'F', 'G', 'C']) expect(actuals).toContain(`$${col}$1:$${col}$${LAST}`);
    expect(sheet.getRange('I2').getFormulas()[0]?.[0]).toContain(`$E$2:$E$${LAST}`);
  });

  it('the example rows: the months the log holds, the last complete month and its cheapest plan, retakes per scene', () => {
    const result = checkLog(view, ENGINE);
    expect(result.months.map((m) => m.month)).toEqual([monthText(addMonths(today, -1)), monthText(today)]);
    expect(view.get(`M${BELOW}`)).toBe(monthText(addMonths(today, -1)));
    expect(view.get(`M${BELOW + 1}`)).toBe(240);
    expect(view.get(`M${BELOW + 2}`)).toBe('Standard');
  });

  it('pasted rows: dates as dates or ISO text, outcome synonyms, models by any name, the last row of the log', () => {
    const rows: Record<number, LogRow> = {
      7: [month(-3, 14, 9.5), 'Crowd', '3', 'pro', 15, 'voice', 'used'],
      8: [iso(-3, 30), 'Crowd', 'Kling 3.0', 'professional', 15, 'voice', 'retake'],
      9: [`${iso(-2, 2)} 14:22`, 'Crowd', 3, 'standard', 3, 'no', true],
      10: [month(-2, 28), 'Close-up', '', 'standard', 10, 'yes', false],
      11: [iso(-2, 5), 'Close-up', 'kling 2.6', 'std', 5, '', 'refunded'],
      [LAST]: [month(-2, 1), 'Last row', '2.6', 'professional', 10, 'yes', 'kept'],
    };
    hf.batch(() => {
      for (const [r, row] of Object.entries(rows)) putRows(hf, LOG, Number(r), [row]);
    });
    const result = checkLog(view, ENGINE);
    expect(result.months.map((m) => m.month)).toEqual([-3, -2, -1, 0].map((m) => monthText(addMonths(today, m))));
    expect(result.months[1]).toMatchObject({ generations: 4, kept: 2, discarded: 1, failed: 1 });
    // The last complete month is the one before this one, which holds the example rows.
    expect(view.get(`M${BELOW}`)).toBe(monthText(addMonths(today, -1)));
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
    } finally {
      hf.batch(() => {
        for (const r of Object.keys(rows)) putRows(hf, LOG, Number(r), [['', '', '', '', '', '', '']]);
      });
    }
  });

  it('the last complete month is the newest month of the log before this one', () => {
    // Clear last month's rows: the newest complete month is now two months back.
    putRows(
      hf,
      LOG,
      2,
      Array.from({ length: 4 }, () => [null, null, null, null, null, null, null, null]),
    );
    checkLog(view, ENGINE);
    expect(view.get(`M${BELOW}`)).toBe(monthText(addMonths(today, -2)));
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
        'model "Kling 9" is not a model of the price book in force; use 2.6 or 3.0 (the price book also has 3.0 Turbo, 3.0 Omni and 2.5 Turbo, priced only on the API)',
      ],
    ] as const) {
      putRows(hf, LOG, r, [row]);
      expect(view.get('L6')).toEqual({ error: `log row ${r}: ${message}` });
      expect(outside(view.values())).toEqual(outside(before));
    }
    putRows(hf, LOG, r, [[null, null, null, null, null, null, null]]);
    expect(view.values()).toEqual(before);
  });
});
