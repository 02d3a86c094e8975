/**
 * Calling the custom functions of the built dist/Code.js as Google Sheets calls them: one bare
 * node:vm context per test file, values and 2D arrays as arguments, Date cells made in the
 * bundle's own realm (as Apps Script hands them over), and checks that nothing odd comes back.
 */
import vm from 'node:vm';
import { expect } from 'vitest';
import { callGlobal, loadBundle } from '../support/loadBundle';

export type Sheets = {
  /** Calls a global of Code.js with the given arguments (leave trailing ones out to omit them). */
  call(name: string, ...args: unknown[]): unknown;
  /** Calls it and returns the Error it throws (fails the test if it returns). */
  error(name: string, ...args: unknown[]): Error;
  /** A Date cell, made in the bundle's realm. */
  date(iso: string): Date;
  /** A Date cell holding this instant (milliseconds since 1970 UTC), made in the bundle's realm. */
  instant(ms: number): Date;
  /** The bundle realm's Error constructor. */
  readonly Error: ErrorConstructor;
  /**
   * A copy of plain data (numbers, text, booleans, arrays) made in the bundle's realm, as Apps Script
   * hands over a range: node:vm reads arrays of another realm cell by cell far more slowly.
   */
  inRealm<T>(value: T): T;
};

/**
 * The bundle in a fresh bare context. `services` are globals of Apps Script given to it (a fake
 * SpreadsheetApp ...); without them the context has none, as a test of "no Apps Script global
 * needed" wants.
 */
export function sheets(services: Record<string, unknown> = {}): Sheets {
  const context = loadBundle(services);
  const VmError = vm.runInContext('Error', context) as ErrorConstructor;
  const VmJson = vm.runInContext('JSON', context) as JSON;
  const call = (name: string, ...args: unknown[]) => {
    const result = callGlobal(context, name, ...args);
    expectClean(result, `${name}(${args.map(show).join(', ')})`);
    return result;
  };
  return {
    call,
    error(name, ...args) {
      let result: unknown;
      try {
        result = callGlobal(context, name, ...args);
      } catch (error) {
        expect(error, `${name} throws an Error`).toBeInstanceOf(VmError);
        const e = error as Error;
        expect(e.name).toBe('Error');
        expectCleanText(e.message, `${name} error message`);
        return e;
      }
      throw new Error(`${name}(${args.map(show).join(', ')}) returned ${show(result)} instead of throwing`);
    },
    date: (iso) => vm.runInContext(`new Date(${JSON.stringify(iso)})`, context) as Date,
    instant: (ms) => vm.runInContext(`new Date(${JSON.stringify(ms)})`, context) as Date,
    Error: VmError,
    inRealm: (value) => VmJson.parse(JSON.stringify(value)),
  };
}

function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[${value.length} rows]`;
  return JSON.stringify(value) ?? String(value);
}

/** Words that only a JavaScript internal error would put in a message. */
const INTERNAL =
  /TypeError|ReferenceError|RangeError|SyntaxError|is not a function|Cannot read|undefined|null|NaN|Infinity|\[object|is not defined|could not compute/;

export function expectCleanText(text: string, where: string): void {
  // Text the user typed is repeated back in quotes: "NaN" there is theirs, not ours.
  expect(text.replace(/"[^"]*"/g, '""'), where).not.toMatch(INTERNAL);
  expect(text.trim().length, where).toBeGreaterThan(0);
}

/**
 * A cell result: a finite number, a boolean, text without internal words, or a 2D array of those.
 * Checked in plain code, `expect` called only to report what is wrong: a result of 400,000 cells
 * is checked in milliseconds.
 */
export function expectClean(value: unknown, where: string): void {
  const problem = cleanProblem(value);
  if (problem === null) return;
  // Report through expect, with what was found.
  if (Array.isArray(value)) {
    expect(problem, where).toBe(null);
    return;
  }
  if (typeof value === 'string') expectCleanText(value, where);
  expect(problem, where).toBe(null);
}

/** What is wrong with a result, or null. */
function cleanProblem(value: unknown): string | null {
  if (!Array.isArray(value)) return cellProblem(value);
  if (value.length === 0) return 'an empty array';
  const first = value[0];
  if (!Array.isArray(first)) return 'not a 2D array';
  const cols = first.length;
  for (let r = 0; r < value.length; r++) {
    const line = value[r];
    if (!Array.isArray(line)) return `row ${r} is not an array`;
    if (line.length !== cols) return `row ${r} has ${line.length} cells, row 0 has ${cols}: not rectangular`;
    for (let c = 0; c < line.length; c++) {
      const cell = line[c];
      if (Array.isArray(cell)) return `row ${r}, column ${c}: a nested array`;
      const problem = cellProblem(cell);
      if (problem !== null) return `row ${r}, column ${c}: ${problem}`;
    }
  }
  return null;
}

function cellProblem(cell: unknown): string | null {
  switch (typeof cell) {
    case 'number':
      return Number.isFinite(cell) ? null : `${cell} is not finite`;
    case 'boolean':
      return null;
    case 'string':
      if (cell === '') return null;
      if (cell.trim().length === 0) return 'white space only';
      return INTERNAL.test(cell.replace(/"[^"]*"/g, '""')) ? `internal words in ${JSON.stringify(cell.slice(0, 300))}` : null;
    default:
      return `a ${cell === null ? 'null' : typeof cell} is not a cell value`;
  }
}

/** A column range as Sheets passes it: [[a], [b], ...]. */
export const column = (...cells: unknown[]): unknown[][] => cells.map((c) => [c]);

/** A row range: [[a, b, ...]]. */
export const row = (...cells: unknown[]): unknown[][] => [cells];

/** A whole-column range (A2:A): the cells, then blank rows up to `rows`. */
export function wholeColumn(cells: unknown[], rows: number, blank: unknown = ''): unknown[][] {
  return Array.from({ length: rows }, (_, i) => [i < cells.length ? cells[i] : blank]);
}
