/**
 * Inserted sheets as a user gets them, evaluated: the menu actions run from dist/Code.js in a
 * node:vm context over the in-memory spreadsheet, then every sheet of the spreadsheet goes into
 * HyperFormula with our custom functions registered from the same bundle.
 * Shared by the *.formulas.test.ts files and the writer tests.
 */

import type vm from 'node:vm';
import type { HyperFormula } from 'hyperformula';
import { expect } from 'vitest';
import { bookFromRows, InputError, type PriceBook, PricingEngine } from '../../src/pricing';
import { a1Of, createAppsScriptFakes, type FakeSheet, FakeSpreadsheet } from '../fakes/appsScript';
import { buildEngine, KLING_FUNCTIONS, KLING_SIZES, registerKlingFunctions, setCell, sheetContent, valueAt } from '../support/hyperformula';
import { callGlobal, distHtmlFiles, loadBundle } from '../support/loadBundle';

export const BUDGET = 'Kling budget';
export const PLAN = 'Kling 12-month plan';
export const LOG = 'Kling usage log';
export const PRICES = 'Kling prices';

export interface Addon {
  readonly spreadsheet: FakeSpreadsheet;
  readonly context: vm.Context;
  readonly fakes: ReturnType<typeof createAppsScriptFakes>;
  run(name: string, ...args: unknown[]): unknown;
}

/** The add-on loaded over a spreadsheet (a new, empty one by default). */
export function addon(spreadsheet: FakeSpreadsheet = new FakeSpreadsheet()): Addon {
  const fakes = createAppsScriptFakes({ spreadsheet, files: distHtmlFiles() });
  const context = loadBundle(fakes.services);
  return { spreadsheet: fakes.spreadsheet, context, fakes, run: (name, ...args) => callGlobal(context, name, ...args) };
}

let registered = false;

/**
 * HyperFormula over every sheet of the spreadsheet, our functions registered from `context`'s
 * bundle (once per test file: the custom functions touch no spreadsheet, so any bundle serves).
 */
export function workbook(spreadsheet: FakeSpreadsheet, context: vm.Context): HyperFormula {
  if (!registered) {
    registerKlingFunctions(context, KLING_FUNCTIONS, KLING_SIZES);
    registered = true;
  }
  const sheets: Record<string, unknown[][]> = {};
  for (const sheet of spreadsheet.getSheets()) sheets[sheet.getName()] = sheetContent(sheet);
  return buildEngine(sheets);
}

/** The cells of a sheet whose formula calls one of our functions (each is one custom-function execution per recalculation). */
export function customFunctionCells(sheet: FakeSheet): string[] {
  return Object.entries(sheet.snapshot())
    .filter(([, v]) => typeof v === 'string' && v.startsWith('=') && /\bKLING_[A-Z_]+\s*\(/.test(v))
    .map(([a1]) => a1);
}

/** Reading and writing one sheet of a workbook. */
export class SheetView {
  constructor(
    readonly hf: HyperFormula,
    readonly name: string,
  ) {}
  get(a1: string): unknown {
    return valueAt(this.hf, this.name, a1);
  }
  /** A cell as a user reads it: null (never written) and "" alike are blank. */
  text(a1: string): unknown {
    const v = this.get(a1);
    return v === null ? '' : v;
  }
  set(a1: string, value: unknown): void {
    setCell(this.hf, this.name, a1, value === undefined ? null : value);
  }
  /** Several cells at once (one recalculation). */
  setAll(cells: Readonly<Record<string, unknown>>): void {
    this.hf.batch(() => {
      for (const [a1, value] of Object.entries(cells)) this.set(a1, value);
    });
  }
  /** Rows of values from row, col: rows x cols, blanks as "". */
  block(row: number, col: number, rows: number, cols: number): unknown[][] {
    const sheet = this.hf.getSheetId(this.name) as number;
    const values = this.hf.getRangeValues({
      start: { sheet, row: row - 1, col: col - 1 },
      end: { sheet, row: row + rows - 2, col: col + cols - 2 },
    });
    return values.map((line) =>
      line.map((v) => (v === null ? '' : typeof v === 'object' ? { error: (v as { message?: string }).message ?? String(v) } : v)),
    );
  }
  /** Every value of the sheet, "A1" -> value (blanks left out): to prove what did not change. */
  values(): Record<string, unknown> {
    const id = this.hf.getSheetId(this.name) as number;
    const out: Record<string, unknown> = {};
    const rows = this.hf.getSheetValues(id);
    for (let r = 0; r < rows.length; r++) {
      const line = rows[r] ?? [];
      for (let c = 0; c < line.length; c++) {
        const v = line[c];
        if (v === null || v === '' || v === undefined) continue;
        out[a1Of(r + 1, c + 1)] = typeof v === 'object' ? { error: (v as { message?: string }).message } : v;
      }
    }
    return out;
  }
}

/** The price book a price sheet of the workbook holds now, read as the functions read it. */
export function bookOf(hf: HyperFormula, sheetName: string): PriceBook {
  const rows = hf
    .getSheetValues(hf.getSheetId(sheetName) as number)
    .map((line) => Array.from({ length: Math.max(8, line.length) }, (_, c) => line[c] ?? ''));
  const book = bookFromRows(rows as never);
  if (book instanceof InputError) throw book;
  return book;
}

export function engineOf(hf: HyperFormula, sheetName: string): PricingEngine {
  return new PricingEngine(bookOf(hf, sheetName));
}

/**
 * Rows "App credits, <model>" a user adds to the price table (per second, 3 to 20 s: standard 7,
 * professional 10, professional with audio 16 credits a second; no API rows).
 */
export function appCreditRows(model: string, source = 'my account', asOf = '2026-11-20'): (string | number)[][] {
  const section = `App credits, ${model}`;
  const perSecond = 'credits per second of video';
  return [
    [section, 'standard', 'credits per second', 7, perSecond, 'estimate', source, asOf],
    [section, 'professional', 'credits per second', 10, perSecond, 'estimate', source, asOf],
    [section, 'professional with audio', 'credits per second', 16, perSecond, 'estimate', source, asOf],
    [section, 'shortest clip', 'seconds', 3, 'seconds', 'estimate', source, asOf],
    [section, 'longest clip', 'seconds', 20, 'seconds', 'estimate', source, asOf],
  ];
}

/** App credits for Kling 4.0, which the default book sells through resellers only: how a user who sees its credits in the app adds them. */
export const KLING_4_ROWS: (string | number)[][] = appCreditRows('Kling 4.0');

/** The last row of a sheet of the workbook that holds anything. */
export function lastRow(hf: HyperFormula, sheetName: string): number {
  const rows = hf.getSheetValues(hf.getSheetId(sheetName) as number);
  let last = rows.length;
  while (last > 0 && (rows[last - 1] ?? []).every((v) => v === null || v === '')) last--;
  return last;
}

/** Writes rows into a sheet of the workbook from `row` (1-based), columns A to H. */
export function putRows(hf: HyperFormula, sheetName: string, row: number, rows: readonly (readonly unknown[])[]): void {
  const sheet = hf.getSheetId(sheetName) as number;
  hf.setCellContents({ sheet, row: row - 1, col: 0 }, rows as never);
}

/** The month "2026-11" of a date, as the sheets write it. */
export function monthText(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** The month `offset` months from the month of `date`. */
export function addMonths(date: Date, offset: number): Date {
  return new Date(date.getFullYear(), date.getMonth() + offset, 1, 12);
}

/** A date as Sheets holds it: days since 1899-12-30 (local calendar day, at noon). */
export function serial(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day, 12) / 86_400_000 + 25_569;
}

/** Today as Sheets' TODAY() reads it in the tests (the local calendar day): YYYY-MM-DD. */
export function localDay(date: Date = new Date()): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The day `days` before today (local calendar), as YYYY-MM-DD. */
export function daysAgo(days: number): string {
  const d = new Date();
  return localDay(new Date(d.getFullYear(), d.getMonth(), d.getDate() - days, 12));
}

/** A number close to the one worked out (6 decimals), with what it is in the message. */
export function close(got: unknown, want: number, what: string): void {
  expect(typeof got, `${what}: ${JSON.stringify(got)}`).toBe('number');
  expect(got as number, what).toBeCloseTo(want, 6);
}

/**
 * A block of the sheet against a table (numbers close, anything else equal); the block may be
 * taller or wider than `want` (a table padded to the rows a sheet reserves): the rest is blank.
 */
export function expectCells(got: readonly (readonly unknown[])[], want: readonly (readonly unknown[])[], what: string): void {
  got.forEach((line, r) => {
    line.forEach((value, c) => {
      const w = want[r]?.[c] ?? '';
      if (typeof w === 'number') close(value, w, `${what} [${r + 1},${c + 1}]`);
      else expect(value, `${what} [${r + 1},${c + 1}]`).toEqual(w);
    });
  });
}

/** Our custom functions called directly, as globals of dist/Code.js loaded in `context`. */
export function klingCaller(context: vm.Context): (name: string, ...args: unknown[]) => unknown {
  return (name, ...args) => callGlobal(context, name, ...args);
}
