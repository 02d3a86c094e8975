import type { FunctionSignature } from '../contract/signatures';

/**
 * What an inserted sheet holds, as data: values and formulas by position, formats, validations,
 * notes, styles, conditional highlights and charts. Pure (no Apps Script): the layouts of the
 * budget template, the 12-month plan and the usage log are built here and evaluated by the tests
 * in a real formula engine; writeLayout.ts puts one into a new sheet.
 */

export type LayoutCell = string | number | boolean | Date;

export interface LayoutBlock {
  /** Top-left cell, 1-based. */
  readonly row: number;
  readonly col: number;
  /** Values; text starting with "=" is a formula (our own text only: user text goes through asText). */
  readonly values: readonly (readonly LayoutCell[])[];
}

/** A validation rule; `warnOnly` marks a bad value instead of refusing it (for pasted rows of a log). */
export type Validation = { readonly a1: string; readonly warnOnly?: boolean } & (
  | { readonly kind: 'list'; readonly values: readonly string[]; readonly help?: string }
  /** One of the values of a range of the same sheet (filled by a formula, so it can follow the price table). */
  | { readonly kind: 'range'; readonly source: string; readonly help?: string }
  | { readonly kind: 'number'; readonly min: number; readonly max?: number; readonly help: string }
  | { readonly kind: 'date'; readonly help: string }
);

export interface ChartSpec {
  readonly type: 'COLUMN' | 'BAR' | 'LINE';
  readonly title: string;
  /** A1 ranges, header row included. */
  readonly ranges: readonly string[];
  /** Where its top-left corner goes. */
  readonly row: number;
  readonly col: number;
  /** Size in pixels (Sheets' default otherwise). */
  readonly width?: number;
  readonly height?: number;
  readonly stacked?: boolean;
  readonly series?: Readonly<Record<string, unknown>>;
}

export interface Highlight {
  /** Range highlighted where the formula (written for its top-left cell) is TRUE. */
  readonly a1: string;
  readonly formula: string;
  readonly background: string;
}

export interface Layout {
  readonly blocks: readonly LayoutBlock[];
  /** A1 range -> number format ("@" for text). Written before the values. */
  readonly formats: readonly (readonly [string, string])[];
  readonly validations: readonly Validation[];
  readonly notes: readonly (readonly [string, string])[];
  /** Cells the user is meant to edit (shaded). */
  readonly inputs: readonly string[];
  readonly bold: readonly string[];
  /** Secondary text (grey). */
  readonly muted?: readonly string[];
  /** Header rows whose text wraps (long headers over narrow columns would be cut off). */
  readonly wrap?: readonly string[];
  readonly highlights?: readonly Highlight[];
  readonly charts?: readonly ChartSpec[];
  readonly widths: readonly (readonly [col: number, width: number])[];
  /** Helper columns (1-based) hidden from view. */
  readonly hiddenColumns?: readonly number[];
  readonly frozenRows?: number;
  /** Rows the sheet must have (array formulas over a long log spill down to here). */
  readonly minRows?: number;
  /** The cell selected after inserting. */
  readonly start: string;
}

/** What every sheet layout is told about the prices: the argument its formulas pass, where the table is, its models. */
export interface LayoutPrices {
  /** The `prices` argument of every formula ('Kling prices'!A:H), or null for the default book. */
  readonly pricesRef: string | null;
  /** The quoted sheet name of the price table, for native formulas, or null. */
  readonly priceSheet: string | null;
  /** Which prices the formulas use, in words. */
  readonly pricesNote: string;
  /** Every model of the book in force (app, API or resellers), for the model dropdown when there is no price table to follow. */
  readonly models: readonly string[];
  /** Credits per image of the book in force, written when there is no price table to read it from. */
  readonly creditsPerImage: number;
  /** The newest As of of the book's plans (YYYY-MM-DD), for the price age line when there is no price table to read it from. */
  readonly planAsOf: string;
}

export const INPUT_BACKGROUND = '#fff8e1';
export const HIGHLIGHT_BACKGROUND = '#e6f4ea';
export const MONEY = '$#,##0.00';
export const CREDITS = '#,##0';
export const PERCENT = '0%';

export function columnLetters(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "B6" */
export function cell(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** Every cell reference of an A1 range made absolute: "B6:C7" -> "$B$6:$C$7". */
export function absolute(range: string): string {
  return range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}

/** "$B$6" */
export function fixed(row: number, col: number): string {
  return `$${columnLetters(col)}$${row}`;
}

/** "B6:B35" */
export function span(row: number, col: number, rows: number, cols = 1): string {
  return `${cell(row, col)}:${cell(row + rows - 1, col + cols - 1)}`;
}

/**
 * A custom-function call written from its signature: arguments by name, in the signature's
 * order, trailing omitted ones left out, `prices` last when given.
 */
export function call(signature: FunctionSignature, args: Readonly<Record<string, string | undefined>>): string {
  const names = signature.params.map((p) => p.name);
  for (const name of Object.keys(args)) if (!names.includes(name)) throw new Error(`${signature.name} has no argument ${name}`);
  const values = names.map((name) => args[name] ?? '');
  let last = values.length;
  while (last > 0 && values[last - 1] === '') last--;
  return `${signature.name}(${values.slice(0, last).join(',')})`;
}

/** An empty layout to build on. */
export function emptyLayout(start: string): Layout {
  return { blocks: [], formats: [], validations: [], notes: [], inputs: [], bold: [], widths: [], start };
}
