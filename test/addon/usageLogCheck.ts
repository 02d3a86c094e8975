/**
 * What a usage log must show, from the pricing engine: shared by the usage log's test and the
 * 12-month plan's (whose workbooks hold a log too).
 */
import { expect } from 'vitest';
import { actualsByMonth, actualsTable, type LogCells, type PricingEngine, parseOutcome, readClip } from '../../src/pricing';
import { LOG, lastRow, monthText, type SheetView } from './sheets';

export const HEADER = 1;
export const LAST = 10_001;
/** The summary block: KLING_ACTUALS at L6, the last complete month below it. */
export const TABLE = { row: 6, col: 12, rows: 26, cols: 8 };
export const BELOW = 33;
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

/** The date of a log cell as ISO text: what the sheet passes KLING_ACTUALS. */
export function isoOf(value: unknown): unknown {
  if (typeof value !== 'number') return value;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(value) * 86_400_000).toISOString().slice(0, 10);
}

/** The log rows the workbook holds now, header included (KLING_ACTUALS's "log row N" is sheet row N). */
export function logCells(view: SheetView): LogCells[] {
  const rows = view.block(HEADER, 1, lastRow(view.hf, LOG), 7);
  return rows.map(([date, , model, mode, secs, audio, outcome]) => ({ date: isoOf(date), model, mode, secs, audio, outcome }));
}

export function close(got: unknown, want: number, what: string) {
  expect(typeof got, `${what}: ${JSON.stringify(got)}`).toBe('number');
  expect(got as number, what).toBeCloseTo(want, 6);
}

/** The newest month of `months` before the current month. */
export function lastComplete(months: readonly string[]): string {
  const current = monthText(new Date());
  return [...months].filter((m) => m < current).pop() ?? '';
}

/** Checks the whole sheet against the engine: per row, by month, the summary below, per scene. */
export function checkLog(view: SheetView, engine: PricingEngine) {
  const cells = logCells(view);
  const result = actualsByMonth(engine, cells);
  // By month: KLING_ACTUALS's table, as the engine makes it.
  const want = actualsTable(result);
  const got = view.block(TABLE.row, TABLE.col, TABLE.rows, TABLE.cols);
  for (let r = 0; r < TABLE.rows; r++) {
    for (let c = 0; c < TABLE.cols; c++) {
      const w = want[r]?.[c] ?? '';
      if (typeof w === 'number') close(got[r]?.[c], w, `by month [${r},${c}]`);
      else expect(got[r]?.[c], `by month [${r},${c}]`).toBe(w);
    }
  }
  // Per row: credits of the generation, and what it was charged (failed: refunded).
  cells.forEach((row, i) => {
    if (i === 0 || (row.date === '' && row.mode === '' && row.secs === '')) return;
    const r = i + 1;
    const credits = readClip(engine, row, 'app').value;
    close(view.get(`I${r}`), credits, `I${r}`);
    close(view.get(`J${r}`), parseOutcome(row.outcome) === 'failed' ? 0 : credits, `J${r}`);
  });
  // The last complete month and the cheapest plan for that real volume.
  const month = lastComplete(result.months.map((m) => m.month));
  expect(view.text(`M${BELOW}`)).toBe(month);
  const spent = result.months.find((m) => m.month === month)?.credits;
  if (spent === undefined) {
    expect(view.text(`M${BELOW + 1}`)).toBe('');
    expect(view.text(`M${BELOW + 2}`)).toBe('');
  } else {
    close(view.get(`M${BELOW + 1}`), spent, 'credits spent');
    const best = engine.bestBundle(spent, 'monthly', true);
    expect(view.get(`M${BELOW + 2}`)).toBe(best.label);
    close(view.get(`M${BELOW + 3}`), engine.monthUsd(best, 'monthly'), 'its cost');
  }
  const observed =
    result.total.kept + result.total.discarded === 0 ? '' : result.total.discarded / (result.total.kept + result.total.discarded);
  if (observed === '') expect(view.text(`M${BELOW + 4}`)).toBe('');
  else {
    close(view.get(`M${BELOW + 4}`), observed, 'observed retake rate');
    close(view.get(`M${BELOW + 6}`), observed / (1 - observed), 'buffer that covers it');
  }
  close(view.get(`M${BELOW + 5}`), 0.2 / 1.2, 'retake rate of a 20 % buffer');
  // Per scene, in alphabetical order.
  const scenes = new Map<string, { kept: number; discarded: number; failed: number }>();
  view.block(HEADER + 1, 1, lastRow(view.hf, LOG), 7).forEach(([, scene, , , , , outcome]) => {
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
    const retake = n.kept + n.discarded === 0 ? '' : n.discarded / (n.kept + n.discarded);
    expect(row?.slice(0, 4), scene).toEqual([scene, n.kept, n.discarded, n.failed]);
    if (retake === '') expect(row?.[4]).toBe('');
    else close(row?.[4], retake, `${scene} retake rate`);
  }
  expect(sceneRows[scenes.size]).toEqual(['', '', '', '', '']);
  return result;
}
