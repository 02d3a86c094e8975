/**
 * What a usage log must show, from the pricing engine: shared by the usage log's test and the
 * 12-month plan's (whose workbooks hold a log too). The log is read to its last row, however far
 * down (the sheet's formulas read open-ended ranges).
 */
import { expect } from 'vitest';
import {
  actualsByMonth,
  actualsTable,
  type LogCells,
  type MonthActuals,
  PLANNING_RETAKE_RATE,
  type PricingEngine,
  parseOutcome,
  readClip,
} from '../../src/pricing';
import { close, expectCells, LOG, lastRow, monthText, type SheetView } from './sheets';

export const HEADER = 1;
/** The summary block: KLING_ACTUALS at L6 (a header, up to 24 months, the total). */
export const TABLE = { row: 6, col: 12, rows: 26, cols: 8 };
/** Below it, in column M: the last complete month, its credits, the cheapest plan and its cost, the retake rates. */
export const BELOW = 33;
/** The retakes per scene, from U7. */
export const SCENES = { row: 7, col: 21 };

/** A log row's input cells, as Sheets holds them (a date cell is its serial number). */
export type LogRow = readonly [
  date: unknown,
  scene: string,
  model: unknown,
  mode: unknown,
  secs: unknown,
  audio: unknown,
  outcome: unknown,
  note?: string,
];

/** The date of a log cell as the sheet shows it (the calendar day of a date serial, ISO text as it is): what the sheet passes KLING_ACTUALS. */
export function isoOf(value: unknown): unknown {
  if (typeof value !== 'number') return value;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(value) * 86_400_000).toISOString().slice(0, 10);
}

/** The log rows the workbook holds now, header included (KLING_ACTUALS's "log row N" is sheet row N), to the last row that holds anything. */
export function logCells(view: SheetView): LogCells[] {
  const rows = view.block(HEADER, 1, lastRow(view.hf, LOG), 7);
  return rows.map(([date, , model, mode, secs, audio, outcome]) => ({ date: isoOf(date), model, mode, secs, audio, outcome }));
}

/** The newest month of `months` before the current month. */
export function lastComplete(months: readonly string[]): string {
  const current = monthText(new Date());
  return [...months].filter((m) => m < current).pop() ?? '';
}

export interface LogResult {
  readonly months: readonly MonthActuals[];
  readonly total: MonthActuals;
}

/** Checks the whole sheet against the engine: per row, by month, the summary below, per scene. */
export function checkLog(view: SheetView, engine: PricingEngine): LogResult {
  const cells = logCells(view);
  const result = actualsByMonth(engine, cells);
  // By month: KLING_ACTUALS's table, as the engine makes it, the rest of the 26 rows blank.
  expectCells(view.block(TABLE.row, TABLE.col, TABLE.rows, TABLE.cols), actualsTable(result), 'by month');
  // Per row: credits of the generation, and what it was charged (failed: refunded).
  const credits = view.block(HEADER, 9, cells.length, 2);
  cells.forEach((row, i) => {
    if (i === 0 || (row.date === '' && row.mode === '' && row.secs === '')) return;
    const value = readClip(engine, row, 'app').value;
    const r = i + 1;
    if (credits[i]?.[0] !== value) close(credits[i]?.[0], value, `I${r}`);
    const charged = parseOutcome(row.outcome) === 'failed' ? 0 : value;
    if (credits[i]?.[1] !== charged) close(credits[i]?.[1], charged, `J${r}`);
  });
  // The last complete month and the cheapest plan for that real volume.
  const month = lastComplete(result.months.map((m) => m.month));
  expect(view.text(`M${BELOW}`)).toBe(month);
  const spent = result.months.find((m) => m.month === month)?.credits;
  if (spent === undefined) {
    for (let i = 1; i <= 3; i++) expect(view.text(`M${BELOW + i}`)).toBe('');
  } else {
    close(view.get(`M${BELOW + 1}`), spent, 'credits spent');
    const best = engine.bestBundle(spent, 'monthly', true);
    expect(view.get(`M${BELOW + 2}`)).toBe(best.label);
    close(view.get(`M${BELOW + 3}`), engine.monthUsd(best, 'monthly'), 'its cost');
  }
  const { kept, discarded } = result.total;
  if (kept + discarded === 0) expect(view.text(`M${BELOW + 4}`)).toBe('');
  else close(view.get(`M${BELOW + 4}`), discarded / (kept + discarded), 'observed retake rate');
  // Beside it, the rate the budget sheets plan with (no buffer any more: the same kind of figure).
  expect(view.get(`L${BELOW + 5}`)).toBe('Retake rate the budget sheets plan with by default');
  expect(view.get(`M${BELOW + 5}`)).toBe(PLANNING_RETAKE_RATE);
  // Per scene, every row of the log counted by its exact name.
  const scenes = new Map<string, { kept: number; discarded: number; failed: number }>();
  view.block(HEADER + 1, 1, Math.max(1, cells.length - 1), 7).forEach(([, scene, , , , , outcome]) => {
    if (scene === '') return;
    const entry = scenes.get(String(scene)) ?? { kept: 0, discarded: 0, failed: 0 };
    entry[parseOutcome(outcome)] += 1;
    scenes.set(String(scene), entry);
  });
  const sceneRows = view.block(SCENES.row, SCENES.col, scenes.size + 1, 5);
  // Each scene once, in the sheet's own sort order (collations differ on punctuation such as ~).
  expect(
    sceneRows
      .slice(0, scenes.size)
      .map((r) => String(r[0]))
      .sort(),
  ).toEqual([...scenes.keys()].sort());
  for (const [scene, n] of scenes) {
    const row = sceneRows.find((r) => r[0] === scene);
    expect(row?.slice(0, 4), scene).toEqual([scene, n.kept, n.discarded, n.failed]);
    if (n.kept + n.discarded === 0) expect(row?.[4]).toBe('');
    else close(row?.[4], n.discarded / (n.kept + n.discarded), `${scene} retake rate`);
  }
  expect(sceneRows[scenes.size]).toEqual(['', '', '', '', '']);
  return result;
}

/**
 * The log's ranges that read its rows (columns A to J and the hidden keys AD to AF): every one
 * must be open-ended ($A$2:$A), never bounded at a row that rows pasted below would pass.
 * Returns the bounded ones found in `formulas` ("AD2: $G$2:$G$1000").
 */
export function boundedLogRanges(formulas: Readonly<Record<string, string>>, sheetPrefix = ''): string[] {
  const found: string[] = [];
  const logColumn = /^(?:[A-J]|A[D-F])$/;
  const prefix = sheetPrefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const range = new RegExp(`${prefix}\\$?([A-Z]{1,3})\\$?(\\d+):\\$?([A-Z]{1,3})(\\$?\\d+)?`, 'g');
  for (const [a1, formula] of Object.entries(formulas)) {
    for (const m of formula.matchAll(range)) {
      // Only ranges of one column of the log, from its header or first row (the summary's own tables are bounded, as they should be).
      if (!logColumn.test(m[1] as string) || m[1] !== m[3] || Number(m[2]) > 2) continue;
      if (m[4] !== undefined) found.push(`${a1}: ${m[0]}`);
    }
  }
  return found;
}
