/**
 * A real spreadsheet formula engine (HyperFormula, GPL-3.0, used in tests only) with our custom
 * functions registered as HyperFormula functions that call the globals of the built dist/Code.js
 * in a node:vm context. Arguments reach our functions as Sheets hands them over: a range as rows
 * of cells, an empty cell as "", an omitted argument as undefined; a thrown error becomes an
 * #ERROR! cell carrying our message.
 */

import type vm from 'node:vm';
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
import type { FakeSheet } from '../fakes/appsScript';
import { parseA1 } from '../fakes/appsScript';

/** The custom functions that return a table, with the table's size (columns, rows) for HyperFormula. */
export type ArraySizes = Readonly<Record<string, readonly [width: number, height: number]>>;

function toSheetsValue(value: unknown): unknown {
  if (value === EmptyValue || value === null || value === undefined) return '';
  if (typeof value === 'object' && value !== null && 'val' in value) return (value as { val: unknown }).val;
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

function toResult(result: unknown, size: readonly [number, number] | undefined): unknown {
  if (Array.isArray(result)) return SimpleRangeValue.onlyValues(result as never);
  if (size) {
    // A table function answered with one value (a blank): fill its predicted area.
    const rows = Array.from({ length: size[1] }, (_, r) => Array.from({ length: size[0] }, (_, c) => (r === 0 && c === 0 ? result : '')));
    return SimpleRangeValue.onlyValues(rows as never);
  }
  return result;
}

/** The message of an error thrown in the bundle's realm (not an instance of this realm's Error). */
function messageOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error
    ? String((error as { message: unknown }).message)
    : String(error);
}

let registered: typeof FunctionPlugin | undefined;

/** Registers every function global named `names` of the bundle in `context` (once per test file). */
export function registerKlingFunctions(context: vm.Context, names: readonly string[], sizes: ArraySizes): void {
  if (registered) HyperFormula.unregisterFunctionPlugin(registered as never);
  class KlingPlugin extends FunctionPlugin {}
  const implemented: Record<string, unknown> = {};
  const translations: Record<string, string> = {};
  for (const name of names) {
    const method = `call_${name}`;
    const size = sizes[name];
    implemented[name] = {
      method,
      parameters: [{ argumentType: FunctionArgumentType.ANY, optionalArg: true }],
      repeatLastArgs: 1,
      vectorizationForbidden: true,
      ...(size ? { sizeOfResultArrayMethod: `size_${name}` } : {}),
    };
    translations[name] = name;
    (KlingPlugin.prototype as unknown as Record<string, unknown>)[method] = function (this: FunctionPlugin, ast: never, state: never) {
      return this.runFunction((ast as { args: never }).args, state, this.metadata(name), (...args: unknown[]): never => {
        try {
          const result = (context[name] as (...a: unknown[]) => unknown)(...args.map(toArgument));
          return toResult(result, size) as never;
        } catch (error) {
          return new CellError(ErrorType.ERROR, messageOf(error)) as never;
        }
      });
    };
    if (size) {
      (KlingPlugin.prototype as unknown as Record<string, unknown>)[`size_${name}`] = () => new ArraySize(size[0], size[1]);
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
    line[col - 1] = value;
  }
  return rows;
}

export function buildEngine(sheets: Record<string, unknown[][]>): HyperFormula {
  return HyperFormula.buildFromSheets(sheets as never, { licenseKey: 'gpl-v3' });
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

export function setCell(hf: HyperFormula, sheetName: string, a1: string, value: unknown): void {
  const sheet = hf.getSheetId(sheetName);
  if (sheet === undefined) throw new Error(`no sheet ${sheetName}`);
  const { row, col } = parseA1(a1);
  hf.setCellContents({ sheet, row: row - 1, col: col - 1 }, [[value as never]]);
}
