import { it } from 'vitest';
import { createAppsScriptFakes, type FakeSheet } from './fakes/appsScript';
import { buildEngine, KLING_SIZES, registerKlingFunctions, sheetContent, valueAt } from './support/hyperformula';
import { callGlobal, loadBundle } from './support/loadBundle';

it('scratch plan', () => {
  const fakes = createAppsScriptFakes();
  const context = loadBundle(fakes.services);
  if (process.env.WITH_PRICES) callGlobal(context, 'editPrices');
  callGlobal(context, 'insertUsageLog');
  callGlobal(context, 'insertTwelveMonthPlan');
  console.log(fakes.spreadsheet.getSheets().map((s) => s.getName()));
  registerKlingFunctions(context, Object.keys(KLING_SIZES), KLING_SIZES);
  const sheets: Record<string, unknown[][]> = {};
  for (const s of fakes.spreadsheet.getSheets()) sheets[s.getName()] = sheetContent(s as FakeSheet);
  const t0 = Date.now();
  const hf = buildEngine(sheets);
  console.log('hf build ms', Date.now() - t0);
  const P = 'Kling 12-month plan';
  const L = 'Kling usage log';
  const cols = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => {
      let n = from + i;
      let s = '';
      while (n > 0) {
        const r = (n - 1) % 26;
        s = String.fromCharCode(65 + r) + s;
        n = Math.floor((n - 1) / 26);
      }
      return s;
    });
  const row = (sheet: string, r: number, from: number, to: number) =>
    cols(from, to)
      .map((c) => JSON.stringify(valueAt(hf, sheet, `${c}${r}`)))
      .join(' | ');
  for (const r of [
    5, 6, 7, 8, 13, 14, 15, 16, 17, 44, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56, 58, 59, 60, 61, 72, 73, 75, 76, 77, 78, 79, 80,
  ])
    console.log(r, row(P, r, 1, 24));
  for (const r of [58, 59, 60, 61, 73]) console.log('sched', r, row(P, r, 12, 32));
  for (const r of [82, 83, 84, 95, 98, 100, 101, 102, 103, 112, 113, 114, 115, 116, 117, 118, 119, 120]) console.log(r, row(P, r, 1, 19));
  for (const r of [5, 6, 7, 8, 9, 10, 11, 33, 34, 35, 36, 37, 38, 39]) console.log('log', r, row(L, r, 1, 25));
});
