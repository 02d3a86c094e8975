/**
 * A real spreadsheet formula engine (HyperFormula, GPL-3.0, used in tests and in the local preview
 * only, never in dist/) with our custom functions registered as HyperFormula functions that call
 * the globals of the built dist/Code.js: in a node:vm context in the tests, in a hidden iframe's
 * window in the preview. Arguments reach our functions as Sheets hands them over: a range as rows
 * of cells, an empty cell as "", a date cell as a Date, an omitted argument as undefined; a thrown
 * error becomes an #ERROR! cell carrying our message. What Sheets reads and HyperFormula does not
 * is bridged here: open-ended ranges (A2:A), TRUE / FALSE and 1E+300 literals are rewritten before a
 * formula reaches the engine (references.ts), INDIRECT is a plugin (indirect.ts), DATEVALUE reads
 * ISO dates (dateValue.ts). Imports nothing from node: the preview bundles it for the browser.
 */

import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from 'hyperformula';
import { SIGNATURES } from '../../src/contract/signatures';
import type { FakeSheet } from '../fakes/appsScript';
import { parseA1 } from '../fakes/appsScript';
import { dateValuePlugin } from './dateValue';
import { IndirectPlugin, settleIndirect, usesIndirect } from './indirect';
import { rewriteLiterals, rewriteOpenRanges } from './references';
import { formatGrouped } from './sheetsText';

export { rewriteOpenRanges } from './references';

/**
 * The size (columns, rows) a call's result takes, from the sizes of its arguments: HyperFormula
 * must know it before evaluating. A smaller result is padded with blanks, as Sheets shows it.
 */
export type SizeRule = (
  args: readonly (readonly [width: number, height: number])[],
  /** The arguments as written: a text literal is { type: 'STRING', value }, an empty argument { type: 'EMPTY' }. */
  asts?: readonly { readonly type?: string; readonly value?: unknown }[],
) => readonly [width: number, height: number];
export type ArraySizes = Readonly<Record<string, readonly [width: number, height: number] | SizeRule>>;

/** Rows the sheets reserve for a KLING_CHANNELS table (and columns for its months detail). */
const CHANNEL_ROWS = 16;
/** Channels of the default book. */
const DEFAULT_CHANNELS = 5;

/** A broadcast function: the shape of its range arguments (1 x 1 for single values), `prices` aside. */
function broadcast(name: keyof typeof SIGNATURES): SizeRule {
  const prices = SIGNATURES[name].params.findIndex((p) => p.kind === 'prices');
  return (args) => args.find(([w, h], i) => i !== prices && w * h > 1) ?? [1, 1];
}

/** The sizes of every custom function's result, for the sheets the add-on inserts. */
export const KLING_SIZES: ArraySizes = {
  KLING_CREDITS: broadcast('KLING_CREDITS'),
  KLING_COST: broadcast('KLING_COST'),
  KLING_VIDEOS: broadcast('KLING_VIDEOS'),
  KLING_IMAGES: broadcast('KLING_IMAGES'),
  KLING_PLAN: broadcast('KLING_PLAN'),
  KLING_BEST_PLAN: broadcast('KLING_BEST_PLAN'),
  KLING_MONTHLY_COST: broadcast('KLING_MONTHLY_COST'),
  KLING_API_COST: broadcast('KLING_API_COST'),
  KLING_BUDGET: [2, 18],
  KLING_PRICES: [12, 6],
  KLING_YEARLY: [6, 8],
  KLING_SCHEDULE: (args) => [10, Math.max(...(args[0] ?? [1, 1])) + 2],
  // One window per month at most (30-day packs), a header and a Total row.
  KLING_API_SCHEDULE: (args) => [5, Math.max(...(args[0] ?? [1, 1])) + 2],
  KLING_ACTUALS: (args) => [8, Math.min(Math.max(...(args[0] ?? [1, 1])), 24) + 2],
  // The totals: the header, the app, Kling's API, up to 12 resellers, the Cheapest row (the rows the sheets reserve);
  // with `detail` (a 13th argument), a header and one row per month, a column per channel.
  // The default book has 5 channels (the app, Kling's API, fal, Replicate, PiAPI): a header, 5
  // rows and Cheapest; a price table may add resellers, so with one the sheets' 16 are reserved.
  KLING_CHANNELS: (args, asts) => {
    const channels = args.length > 13 && asts?.[13] !== undefined && asts[13].type !== 'EMPTY' ? CHANNEL_ROWS - 2 : DEFAULT_CHANNELS;
    return asts?.[12]?.type === 'STRING' && String(asts[12].value).trim().toLowerCase() === 'months'
      ? [channels + 1, (args[4]?.[0] ?? 1) + 1]
      : [5, channels + 2];
  },
  KLING_PRICE_CHANGES: [5, 60],
};

export const KLING_FUNCTIONS = Object.keys(KLING_SIZES);

/** A date serial as the Date Sheets hands a custom function (set by registerKlingFunctions; UTC by default). */
let dateArgument = (serial: number): Date => new Date(Math.round((serial - 25_569) * 86_400_000));

function toSheetsValue(value: unknown): unknown {
  if (value === EmptyValue || value === null || value === undefined) return '';
  if (typeof value === 'object' && value !== null && 'val' in value) {
    // A date or date-time cell (typed, or a date function's result) reaches a custom function as a Date, as in Sheets.
    const type = (value as { getDetailedType?: () => string }).getDetailedType?.();
    const number = (value as { val: unknown }).val;
    if ((type === 'NUMBER_DATE' || type === 'NUMBER_DATETIME') && typeof number === 'number') return dateArgument(number);
    return number;
  }
  return value;
}

function toArgument(value: unknown): unknown {
  if (value instanceof SimpleRangeValue) {
    const rows = value.data.map((row) => row.map(toSheetsValue));
    // Sheets hands a 1x1 range over as its single value.
    return rows.length === 1 && rows[0]?.length === 1 ? rows[0][0] : rows;
  }
  if (value === undefined) return undefined;
  return toSheetsValue(value);
}

/** A Date returned by a function (of any realm) as Sheets holds it: days since 1899-12-30, UTC. */
function fromDate(value: unknown): unknown {
  return Object.prototype.toString.call(value) === '[object Date]' ? (value as Date).getTime() / 86_400_000 + 25_569 : value;
}

function toResult(result: unknown, size: readonly [number, number] | undefined): unknown {
  if (!size || (size[0] === 1 && size[1] === 1 && !Array.isArray(result))) return fromDate(result);
  const cells = Array.isArray(result)
    ? (result as unknown[][]).map((row) => (Array.isArray(row) ? row.map(fromDate) : [fromDate(row)]))
    : [[fromDate(result)]];
  if (cells.length > size[1] || (cells[0]?.length ?? 0) > size[0]) {
    return new CellError(
      ErrorType.SPILL,
      `result of ${cells[0]?.length} x ${cells.length} is larger than the predicted ${size[0]} x ${size[1]}`,
    );
  }
  // A smaller result (or a blank) fills its predicted area, the rest blank, as Sheets shows it.
  const rows = Array.from({ length: size[1] }, (_, r) => Array.from({ length: size[0] }, (_, c) => cells[r]?.[c] ?? ''));
  return SimpleRangeValue.onlyValues(rows as never);
}

/** The message of an error thrown in the bundle's realm (not an instance of this realm's Error). */
function messageOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error
    ? String((error as { message: unknown }).message)
    : String(error);
}

let registered: typeof FunctionPlugin | undefined;

/** Where the bundle's globals are: a node:vm context, or the window of the preview's iframe. */
export type FunctionHolder = { readonly [name: string]: unknown };

export interface RegisterOptions {
  /** The Date a date cell becomes as an argument (the preview's: in the spreadsheet's time zone, of the add-on's realm). */
  readonly date?: (serial: number) => Date;
}

/**
 * Registers every function global named `names` of the bundle in `context` (once per test file;
 * a new registration replaces the previous one). Each is looked up in `context` when it runs.
 */
export function registerKlingFunctions(
  context: FunctionHolder,
  names: readonly string[],
  sizes: ArraySizes,
  options: RegisterOptions = {},
): void {
  if (options.date) dateArgument = options.date;
  if (registered) HyperFormula.unregisterFunctionPlugin(registered as never);
  class KlingPlugin extends FunctionPlugin {}
  const implemented: Record<string, unknown> = {};
  const translations: Record<string, string> = {};
  for (const name of names) {
    const method = `call_${name}`;
    const rule = sizes[name];
    const sizeRule: SizeRule | undefined =
      rule === undefined ? undefined : typeof rule === 'function' ? (rule as SizeRule) : () => rule as [number, number];
    const sizeOf = new Map<string, readonly [number, number]>();
    implemented[name] = {
      method,
      parameters: [{ argumentType: FunctionArgumentType.ANY, optionalArg: true }],
      repeatLastArgs: 1,
      vectorizationForbidden: true,
      ...(sizeRule ? { sizeOfResultArrayMethod: `size_${name}` } : {}),
    };
    translations[name] = name;
    (KlingPlugin.prototype as unknown as Record<string, unknown>)[method] = function (this: FunctionPlugin, ast: never, state: never) {
      const where = JSON.stringify((state as { formulaAddress: unknown }).formulaAddress);
      return this.runFunction((ast as { args: never }).args, state, this.metadata(name), (...args: unknown[]): never => {
        try {
          const result = (context[name] as (...a: unknown[]) => unknown)(...args.map(toArgument));
          return toResult(result, sizeOf.get(where)) as never;
        } catch (error) {
          return new CellError(ErrorType.ERROR, messageOf(error)) as never;
        }
      });
    };
    if (sizeRule) {
      (KlingPlugin.prototype as unknown as Record<string, unknown>)[`size_${name}`] = function (
        this: { arraySizeForAst(ast: unknown, state: unknown): { width: number; height: number } },
        ast: { args: unknown[] },
        state: { formulaAddress: unknown },
      ) {
        // HyperFormula's own InterpreterState is this plain pair (it is not exported): array arithmetic on.
        const arrays = { formulaAddress: state.formulaAddress, arraysFlag: true };
        const args = ast.args.map((arg) => {
          const size = this.arraySizeForAst(arg, arrays);
          return [size.width, size.height] as const;
        });
        const size = sizeRule(args, ast.args as never);
        sizeOf.set(JSON.stringify(state.formulaAddress), size);
        return new ArraySize(size[0], size[1]);
      };
    }
  }
  (KlingPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(KlingPlugin as never, { enGB: translations } as never);
  registered = KlingPlugin;
}

/** A fake sheet's cells as the 2D array HyperFormula builds a sheet from (formulas as written). */
export function sheetContent(sheet: FakeSheet): unknown[][] {
  const rows: unknown[][] = [];
  for (const [a1, value] of Object.entries(sheet.snapshot())) {
    const { row, col } = parseA1(a1);
    while (rows.length < row) rows.push([]);
    const line = rows[row - 1] as unknown[];
    while (line.length < col) line.push(null);
    // A date cell as Sheets holds it: days since 1899-12-30.
    line[col - 1] = Object.prototype.toString.call(value) === '[object Date]' ? (value as Date).getTime() / 86_400_000 + 25_569 : value;
  }
  return rows;
}

/** Sheets' grid has 1,000 rows unless a sheet is given more: the end of an open-ended range such as A2:A. */
export const DEFAULT_ROWS = 1000;

/**
 * The engine's settings (the preview's live workbook adds ISO typed dates: SHEETS_DATE_FORMATS).
 * DATEVALUE reads ISO dates either way (dateValue.ts).
 */
export const ENGINE_CONFIG = {
  licenseKey: 'gpl-v3',
  // TEXT with thousands separators ("$#,##0.00"), as Sheets formats it; undefined: HyperFormula's own formats.
  stringifyCurrency: (value: number, format: string) => formatGrouped(value, format) ?? undefined,
} as const;

let extras = false;

/** Registers what the engine lacks or reads unlike Sheets and the sheets use (INDIRECT, DATEVALUE of ISO dates), once. */
export function registerSheetsExtras(): void {
  if (extras) return;
  HyperFormula.registerFunctionPlugin(IndirectPlugin as never, { enGB: { INDIRECT: 'INDIRECT' } } as never);
  HyperFormula.registerFunction('DATEVALUE', dateValuePlugin() as never, { enGB: { DATEVALUE: 'DATEVALUE' } } as never);
  extras = true;
}

/**
 * A formula as the engine reads it: open-ended ranges bounded at `rowsOf(sheet)` (null: its own
 * sheet), TRUE / FALSE literals as the calls HyperFormula knows, 1E+300 as 1e+300.
 */
export function engineFormula(formula: string, rowsOf: (sheet: string | null) => number): string {
  return rewriteLiterals(rewriteOpenRanges(formula, rowsOf));
}

/**
 * HyperFormula over sheets of cells (formulas as text starting with "="). A sheet's open-ended
 * ranges end at its row count (`rows`, by default its content or 1,000 rows, as Sheets' grid).
 */
export function buildEngine(sheets: Record<string, unknown[][]>, rows?: (sheet: string) => number): HyperFormula {
  registerSheetsExtras();
  const rowCount = (name: string) => rows?.(name) ?? Math.max(DEFAULT_ROWS, sheets[name]?.length ?? 0);
  let indirect = false;
  const content: Record<string, unknown[][]> = {};
  for (const [name, cells] of Object.entries(sheets)) {
    content[name] = cells.map((line) =>
      line.map((value) => {
        if (typeof value !== 'string' || !value.startsWith('=')) return value;
        indirect ||= usesIndirect(value);
        return engineFormula(value, (sheet) => rowCount(sheet ?? name));
      }),
    );
  }
  const hf = HyperFormula.buildFromSheets(content as never, ENGINE_CONFIG as never);
  if (indirect) settleIndirect(hf);
  return hf;
}

/** The value a user would see in a cell: a number, text, boolean, or the error's message. */
export function valueAt(hf: HyperFormula, sheetName: string, a1: string): unknown {
  const sheet = hf.getSheetId(sheetName);
  if (sheet === undefined) throw new Error(`no sheet ${sheetName}`);
  const { row, col } = parseA1(a1);
  const value = hf.getCellValue({ sheet, row: row - 1, col: col - 1 });
  if (value && typeof value === 'object' && 'type' in value) return { error: (value as { message?: string }).message ?? String(value) };
  return value;
}

/** The rows of a sheet of the engine, as the end of an open-ended range: its content, or 1,000. */
export function engineRows(hf: HyperFormula, sheetName: string): number {
  const id = hf.getSheetId(sheetName);
  return Math.max(DEFAULT_ROWS, id === undefined ? 0 : hf.getSheetDimensions(id).height);
}

export function setCell(hf: HyperFormula, sheetName: string, a1: string, value: unknown): void {
  const sheet = hf.getSheetId(sheetName);
  if (sheet === undefined) throw new Error(`no sheet ${sheetName}`);
  const { row, col } = parseA1(a1);
  const content =
    typeof value === 'string' && value.startsWith('=') ? engineFormula(value, (name) => engineRows(hf, name ?? sheetName)) : value;
  hf.setCellContents({ sheet, row: row - 1, col: col - 1 }, [[content as never]]);
  if (usesIndirect(content)) settleIndirect(hf);
}
