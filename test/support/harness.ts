import vm from 'node:vm';
import type { FakeSpreadsheet, UiEvent } from '../fakes/appsScript';
import { createAppsScriptFakes } from '../fakes/appsScript';

/**
 * The add-on as Apps Script runs it, on this machine: dist/Code.js in a fresh node:vm context
 * holding only the in-memory fakes of the Apps Script services. Shared by the server tests and
 * the local preview (scripts/preview.mjs bundles this file with esbuild).
 */

export interface HarnessOptions {
  /** The text of dist/Code.js. */
  readonly code: string;
  /** HTML files by name, for HtmlService.createHtmlOutputFromFile ("Sidebar" -> dist/Sidebar.html). */
  readonly files?: Record<string, string>;
  readonly spreadsheet?: FakeSpreadsheet;
}

export class AddonHarness {
  readonly context: vm.Context;
  readonly spreadsheet: FakeSpreadsheet;
  readonly ui: UiEvent[];

  constructor(options: HarnessOptions) {
    const fakes = createAppsScriptFakes({ spreadsheet: options.spreadsheet, files: options.files });
    this.spreadsheet = fakes.spreadsheet;
    this.ui = fakes.ui;
    this.context = vm.createContext({ ...fakes.services });
    vm.runInContext(options.code, this.context, { filename: 'Code.js' });
  }

  /** Whether google.script.run may call `name`: a public top-level function (private ones end with "_"). */
  isCallable(name: string): boolean {
    return (
      /^[A-Za-z][A-Za-z0-9]*$/.test(name) &&
      Object.prototype.hasOwnProperty.call(this.context, name) &&
      typeof this.context[name] === 'function'
    );
  }

  /** Calls a global with arguments made in this realm. */
  call(name: string, ...args: unknown[]): unknown {
    if (!this.isCallable(name)) throw new Error(`${name} is not a function the page may call`);
    return (this.context[name] as (...a: unknown[]) => unknown)(...args);
  }

  /**
   * Calls a global as google.script.run does: the arguments arrive as JSON and are rebuilt inside
   * the script's realm, the result goes back as JSON (undefined becomes null). A thrown error
   * becomes an Error here with the script's message.
   */
  runJson(name: string, argsJson: string): string {
    if (!this.isCallable(name)) throw new Error(`Script function not found: ${name}`);
    this.context.__argsJson = argsJson;
    this.context.__name = name;
    try {
      const out = vm.runInContext(
        `(function () { var args = JSON.parse(__argsJson); if (!Array.isArray(args)) throw new Error('arguments must be a list');
          var result = this[__name].apply(null, args); return JSON.stringify(result === undefined ? null : result); }).call(this)`,
        this.context,
      ) as string;
      return out;
    } catch (error) {
      const message =
        error && typeof error === 'object' && 'message' in error ? String((error as { message: unknown }).message) : String(error);
      throw new Error(message);
    } finally {
      delete this.context.__argsJson;
      delete this.context.__name;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Example data: what a producer might already have in a spreadsheet (exampleData.ts, which the
// browser preview imports too).

export { MESSY_LIST, MESSY_LIST_VALUES, SHOT_LIST, SHOT_LIST_VALUES, seedExampleData } from './exampleData';

// ---------------------------------------------------------------------------------------------
// A view of the spreadsheet for the preview page and for tests.

export interface SheetView {
  readonly name: string;
  /** Display text of every cell up to the last row and column written. */
  readonly rows: string[][];
  /** Cells highlighted or bold: "row,col" -> style. */
  readonly styles: Record<string, { bold?: boolean; background?: string }>;
  readonly charts: { type: string; title: string; ranges: readonly string[]; points: { label: string; value: number }[] }[];
}

export interface SpreadsheetView {
  readonly sheets: SheetView[];
  readonly active: string;
  readonly selection: string | null;
}

function grouped(n: number, digits: number): string {
  const [whole, fraction] = Math.abs(n).toFixed(digits).split('.');
  const text = (whole ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction ? `.${fraction}` : '');
  return n < 0 ? `-${text}` : text;
}

/** Roughly what Sheets shows for a value under the number formats the add-on uses. */
export function displayValue(value: unknown, format: string): string {
  if (typeof value === 'number') {
    if (format.includes('$')) return `${value < 0 ? '-' : ''}$${grouped(Math.abs(value), 2)}`;
    if (format === '0%') return `${Math.round(value * 100)}%`;
    if (format.startsWith('+')) return value > 0 ? `+${grouped(value, 0)}` : grouped(value, 0);
    if (format.includes('#,##0')) return grouped(value, 0);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value === undefined || value === null ? '' : String(value);
}

export function viewSpreadsheet(spreadsheet: FakeSpreadsheet): SpreadsheetView {
  const sheets = spreadsheet.getSheets().map((sheet) => {
    const lastRow = sheet.getLastRow();
    const lastCol = sheet.getLastColumn();
    const rows: string[][] = [];
    const styles: SheetView['styles'] = {};
    for (let r = 1; r <= lastRow; r++) {
      const line: string[] = [];
      for (let c = 1; c <= lastCol; c++) {
        const state = sheet.peek(r, c);
        line.push(state ? state.formula || displayValue(state.value, state.format) : '');
        if (state && (state.style.fontWeight === 'bold' || state.style.background)) {
          styles[`${r},${c}`] = { bold: state.style.fontWeight === 'bold', background: state.style.background as string | undefined };
        }
      }
      rows.push(line);
    }
    const charts = sheet.getCharts().map((chart) => {
      // Data of a two-range chart (labels, values), header row first.
      const [labels, values] = chart.ranges.map((a1) =>
        sheet
          .getRange(a1)
          .getValues()
          .map((line) => line[0]),
      );
      const points =
        labels && values && chart.ranges.length === 2
          ? labels.slice(1).map((label, i) => ({ label: String(label), value: Number(values[i + 1]) }))
          : [];
      return { type: chart.type, title: String(chart.options.title ?? ''), ranges: chart.ranges, points };
    });
    return { name: sheet.getName(), rows, styles, charts };
  });
  const range = spreadsheet.getActiveRange();
  return {
    sheets,
    active: spreadsheet.getActiveSheet().getName(),
    selection: range ? `${range.getSheet().getName()}!${range.getA1Notation()}` : null,
  };
}
