import { SIGNATURES } from '../contract/signatures';
import { PRICE_TABLE_MAX_ROWS } from '../pricing';
import type { LayoutCell, LayoutPrices } from './layout';
import { call, columnLetters, span } from './layout';
import { asText } from './text';

/**
 * The shot list shared by the budget template and the 12-month plan: input columns (scene, model,
 * mode, seconds, audio, test takes, buffer), a status column written by native formulas, and the
 * few range calls of our functions that price every row at once (one call per column, never one
 * per cell). A half-filled row shows "needs mode, seconds" in its status and leaves its computed
 * cells blank; an invalid row shows the function's message there.
 */

export interface ShotColumns {
  readonly first: number;
  readonly rows: number;
  readonly scene: number;
  readonly model: number;
  readonly mode: number;
  readonly secs: number;
  readonly audio: number;
  readonly testTakes: number;
  readonly buffer: number;
  /** Columns whose values must be there in a started row, with the word the status names them by. */
  readonly required: readonly (readonly [col: number, word: string])[];
  /** Every input column (a row is started when any holds something). */
  readonly inputs: readonly number[];
  /** Number columns a started row may leave blank or must fill with a valid number, checked in this order. */
  readonly numbers: readonly NumberCheck[];
  readonly status: number;
  /** Helper columns for the raw range results. */
  readonly rawCredits: number;
  readonly rawTestCredits: number;
  readonly rawApi: number;
  readonly rawApiTest: number;
}

/**
 * A number column (or several, such as the plan's months) the status checks: blank or a whole
 * number of 0 or more (`whole`), blank or a fraction from 0 to 1 (`rate`); `message` is the status
 * of a row where it is not, so a typo is a row to fix, never an error that breaks the totals.
 */
export interface NumberCheck {
  readonly col: number;
  /** Columns from `col` (default 1). */
  readonly width?: number;
  readonly kind: 'whole' | 'rate';
  readonly message: string;
}

/** The status text of a row the sheet prices. */
export const OK = 'ok';
/** What the API columns show for a clip the API does not make. */
export const NOT_OFFERED = 'n/a';

export function columnRange(c: ShotColumns, col: number): string {
  return span(c.first, col, c.rows);
}

/** A column of the shot list, blanked where the row has no test takes (so the range call leaves it blank). */
function whenTestTakes(c: ShotColumns, col: number, value?: string): string {
  return `ARRAYFORMULA(IF(${columnRange(c, c.testTakes)}>0,${value ?? columnRange(c, col)},""))`;
}

/** The four range calls: credits per clip and per standard test take, API list price of each. */
export function rawCalls(c: ShotColumns, prices: string | undefined): { col: number; formula: string }[] {
  const r = (col: number) => columnRange(c, col);
  const clip = { mode: r(c.mode), secs: r(c.secs), audio: r(c.audio), model: r(c.model), prices };
  const test = {
    mode: whenTestTakes(c, c.mode, '"standard"'),
    secs: whenTestTakes(c, c.secs),
    audio: whenTestTakes(c, c.audio),
    model: r(c.model),
    prices,
  };
  return [
    { col: c.rawCredits, formula: `=${call(SIGNATURES.KLING_CREDITS, clip)}` },
    { col: c.rawTestCredits, formula: `=${call(SIGNATURES.KLING_CREDITS, test)}` },
    { col: c.rawApi, formula: `=${call(SIGNATURES.KLING_API_COST, clip)}` },
    { col: c.rawApiTest, formula: `=${call(SIGNATURES.KLING_API_COST, test)}` },
  ];
}

/** 1 where a cell holds something that is not a valid number of its kind, else 0 (an array over `range`). */
function badNumber(range: string, kind: NumberCheck['kind']): string {
  const out = kind === 'whole' ? `IF(${range}<0,1,IF(${range}<>INT(${range}),1,0))` : `IF(${range}<0,1,IF(${range}>1,1,0))`;
  return `IF(${range}="",0,IF(ISNUMBER(${range}),${out},1))`;
}

/** The condition "this row fails the check", one value per row. */
function failsCheck(c: ShotColumns, check: NumberCheck): string {
  const width = check.width ?? 1;
  const range = span(c.first, check.col, c.rows, width);
  if (width === 1) return `${badNumber(range, check.kind)}>0`;
  // Several columns: how many of the row's cells are bad, by a product with a column of ones.
  return `MMULT(${badNumber(range, check.kind)},SEQUENCE(${width},1,1,0))>0`;
}

/**
 * The status column: blank for an empty row, "needs mode, seconds" for a half row, a number
 * check's message for a typo, the function's message for a row it cannot price, else "ok".
 */
export function statusFormula(c: ShotColumns): string {
  const r = (col: number) => columnRange(c, col);
  const started = c.inputs.map((col) => r(col)).join('&');
  const missing = c.required.map(([col, word]) => `IF(${r(col)}="","${word}, ","")`).join('&');
  const error = (col: number) => `LEFT(${r(col)},6)="ERROR:"`;
  const checks = c.numbers.map((check) => `IF(${failsCheck(c, check)},"${check.message}",`).join('');
  return (
    `=ARRAYFORMULA(IF(LEN(${started})=0,"",` +
    `IF(LEN(${missing})>0,"needs "&LEFT(${missing},LEN(${missing})-2),${checks}` +
    `IF(${error(c.rawCredits)},MID(${r(c.rawCredits)},8,500),` +
    `IF(${error(c.rawTestCredits)},"test takes: "&MID(${r(c.rawTestCredits)},8,500),"${OK}"))${')'.repeat(c.numbers.length)})))`
  );
}

/** What the status says of a bad test-takes or buffer cell (both shot lists). */
export const TEST_TAKES_MESSAGE = 'test takes per video: use a whole number, 0 or more (blank: none)';
export const BUFFER_MESSAGE = "buffer: use 0 % to 100 % (blank: the sheet's)";

/** Credits of one finished video with its test takes, for rows the sheet prices (blank elsewhere). */
export function perVideoCredits(c: ShotColumns): string {
  const r = (col: number) => columnRange(c, col);
  return `IF(${r(c.status)}="${OK}",${r(c.rawCredits)}+IF(${r(c.testTakes)}>0,${r(c.testTakes)}*${r(c.rawTestCredits)},0),"")`;
}

/** A row's buffer: its own, or the sheet's (an absolute cell). */
export function rowBuffer(c: ShotColumns, sheetBuffer: string): string {
  const r = columnRange(c, c.buffer);
  return `IF(${r}="",${sheetBuffer},${r})`;
}

/** API USD of one finished video with its test takes: a number, or n/a when the API does not make it. */
export function perVideoApi(c: ShotColumns): string {
  const r = (col: number) => columnRange(c, col);
  return (
    `IF(${r(c.status)}="${OK}",IF(ISNUMBER(${r(c.rawApi)}),` +
    `IF(${r(c.testTakes)}>0,IF(ISNUMBER(${r(c.rawApiTest)}),${r(c.rawApi)}+${r(c.testTakes)}*${r(c.rawApiTest)},"${NOT_OFFERED}"),${r(c.rawApi)}),` +
    `"${NOT_OFFERED}"),"")`
  );
}

/** "2 rows need attention: 10, 12", or "none": a total is never presented as complete when it is not. */
export function attentionFormula(c: ShotColumns): string {
  const status = columnRange(c, c.status);
  const flagged = `(${status}<>"")*(${status}<>"${OK}")`;
  const count = `SUM(ARRAYFORMULA(${flagged}))`;
  return `=IF(${count}=0,"none",${count}&IF(${count}=1," row needs"," rows need")&" attention: "&TEXTJOIN(", ",TRUE(),ARRAYFORMULA(FILTER(${rowNumbers(c)},${flagged}))))`;
}

/** The sheet row numbers of the shot list, as an array (ROW() of a range is not an array everywhere). */
function rowNumbers(c: ShotColumns): string {
  return `SEQUENCE(${c.rows},1,${c.first})`;
}

/** Rows the API does not make, as "n/a: rows 7, 9 (the API does not make these clips)", or the figure. */
export function apiFigureFormula(c: ShotColumns, apiColumn: string, figure: string): string {
  const count = `COUNTIF(${apiColumn},"${NOT_OFFERED}")`;
  return `=IF(${count}>0,"${NOT_OFFERED}: row"&IF(${count}=1," ","s ")&TEXTJOIN(", ",TRUE(),ARRAYFORMULA(FILTER(${rowNumbers(c)},${apiColumn}="${NOT_OFFERED}")))&" (Kling's API does not make these clips)",${figure})`;
}

/**
 * The cells of the hidden column a sheet's model dropdown validates against: with a price table,
 * one native formula listing its models (so a model added later appears); without, the models of
 * the book in force as text.
 */
export function modelListCells(prices: LayoutPrices): LayoutCell[][] {
  return prices.priceSheet ? [[modelListFormula(prices.priceSheet)]] : prices.models.map((m) => [asText(m)]);
}

/** The credits-per-image cell: read from the price table by a native formula, or the book's value. */
export function creditsPerImageCell(prices: LayoutPrices): LayoutCell {
  if (!prices.priceSheet) return prices.creditsPerImage;
  const column = (c: string) => `${prices.priceSheet}!$${c}$1:$${c}$${PRICE_TABLE_MAX_ROWS}`;
  return `=INDEX(${column('D')},MATCH("Images",${column('A')},0))`;
}

/** The hidden column a template's model dropdown validates against: the price table's models, by a native formula. */
export function modelListFormula(priceSheet: string): string {
  const a = `${priceSheet}!$A$1:$A$${PRICE_TABLE_MAX_ROWS}`;
  return `=ARRAYFORMULA(UNIQUE(FILTER(TRIM(MID(${a},14,200)),LEFT(${a},13)="App credits, ")))`;
}

export function letters(col: number): string {
  return columnLetters(col);
}
