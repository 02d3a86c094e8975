import { SIGNATURES } from '../contract/signatures';
import { COUNT_TOLERANCE, PRICE_AGE_ADVICE, PRICE_AGE_WARN_DAYS, PRICE_TABLE_MAX_ROWS } from '../pricing';
import type { LayoutCell, LayoutPrices } from './layout';
import { call, columnLetters, span } from './layout';
import { asText } from './text';

/**
 * The shot list shared by the budget template and the 12-month plan: input columns (scene, model,
 * mode, seconds, audio, test takes, retake rate), a status column written by native formulas, and
 * the few range calls of our functions that price every row at once (one call per column, never
 * one per cell). A half-filled row shows "needs mode, seconds" in its status and leaves its
 * computed cells blank; an invalid row shows the function's message there; a row whose model has
 * no app credits (Kling 4.0: resellers only) is valid, "no app credits: API/resellers only", and
 * goes to the channel comparison, which prices it where it is sold.
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
  readonly retakeRate: number;
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
}

/**
 * A number column (or several, such as the plan's months) the status checks: blank or a whole
 * number of 0 or more (`whole`), blank or a retake rate from 0 up to but not including 1 (`rate`);
 * `message` is the status of a row where it is not, so a typo is a row to fix, never an error that
 * breaks the totals.
 */
export interface NumberCheck {
  readonly col: number;
  /** Columns from `col` (default 1). */
  readonly width?: number;
  readonly kind: 'whole' | 'rate';
  readonly message: string;
}

/** The status text of a row the sheet prices in the app and on every channel. */
export const OK = 'ok';
/** The status of a valid row whose model has no app credits: the channels still price it. */
export const NO_APP_CREDITS = 'no app credits: API/resellers only';
/** How KLING_CREDITS names a model without app credits (the status recognises it). */
const NO_APP_CREDITS_MESSAGE = 'has no app credits in the price book';

export function columnRange(c: ShotColumns, col: number): string {
  return span(c.first, col, c.rows);
}

/** A column of the shot list, blanked where the row has no test takes (so the range call leaves it blank). */
function whenTestTakes(c: ShotColumns, col: number, value?: string): string {
  return `ARRAYFORMULA(IF(${columnRange(c, c.testTakes)}>0,${value ?? columnRange(c, col)},""))`;
}

/** The two range calls: credits per clip and per standard test take. */
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
  ];
}

/** 1 where a cell holds something that is not a valid number of its kind, else 0 (an array over `range`). */
function badNumber(range: string, kind: NumberCheck['kind']): string {
  const out = kind === 'whole' ? `IF(${range}<0,1,IF(${range}<>INT(${range}),1,0))` : `IF(${range}<0,1,IF(${range}>=1,1,0))`;
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
 * check's message for a typo, "no app credits: API/resellers only" for a model sold only on an API
 * or by resellers, the function's message for a row it cannot price, else "ok".
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
    `IF(ISNUMBER(SEARCH("${NO_APP_CREDITS_MESSAGE}",${r(c.rawCredits)})),"${NO_APP_CREDITS}",` +
    `IF(${error(c.rawCredits)},MID(${r(c.rawCredits)},8,500),` +
    `IF(${error(c.rawTestCredits)},"test takes: "&MID(${r(c.rawTestCredits)},8,500),"${OK}")))${')'.repeat(c.numbers.length)})))`
  );
}

/** What the status says of a bad test-takes or retake-rate cell (both shot lists). */
export const TEST_TAKES_MESSAGE = 'test takes per video: use a whole number, 0 or more (blank: none)';
export const RETAKE_MESSAGE = "retake rate: use 0 % up to but not 100 % (blank: the sheet's)";

/** The condition "the row goes to the channel comparison": priced in the app, or sold only on an API or by resellers. */
export function passes(c: ShotColumns): string {
  const status = columnRange(c, c.status);
  return `((${status}="${OK}")+(${status}="${NO_APP_CREDITS}"))`;
}

/** Credits of one finished video with its test takes, for rows the sheet prices in the app (blank elsewhere). */
export function perVideoCredits(c: ShotColumns): string {
  const r = (col: number) => columnRange(c, col);
  return `IF(${r(c.status)}="${OK}",${r(c.rawCredits)}+IF(${r(c.testTakes)}>0,${r(c.testTakes)}*${r(c.rawTestCredits)},0),"")`;
}

/** A row's retake rate: its own, or the sheet's (an absolute cell). */
export function rowRetakeRate(c: ShotColumns, sheetRate: string): string {
  const r = columnRange(c, c.retakeRate);
  return `IF(${r}="",${sheetRate},${r})`;
}

/** The counts rule of the core, natively: within 1e-6 of a whole number it is that number, else rounded up (a need of credits). */
export function needUp(x: string): string {
  return `IF(ABS(${x}-ROUND(${x},0))<=${COUNT_TOLERANCE},ROUND(${x},0),ROUNDUP(${x},0))`;
}

/** "2 rows need attention: 10, 12", or "none": a total is never presented as complete when it is not. */
export function attentionFormula(c: ShotColumns): string {
  const status = columnRange(c, c.status);
  const flagged = `(${status}<>"")*(${status}<>"${OK}")*(${status}<>"${NO_APP_CREDITS}")`;
  const count = `SUM(ARRAYFORMULA(${flagged}))`;
  return `=IF(${count}=0,"none",${count}&IF(${count}=1," row needs"," rows need")&" attention: "&TEXTJOIN(", ",TRUE(),ARRAYFORMULA(FILTER(${rowNumbers(c)},${flagged}))))`;
}

/** Whether any row of the shot list has no app credits (its model is sold only on an API or by resellers). */
export function anyNoAppCredits(c: ShotColumns): string {
  return `COUNTIF(${columnRange(c, c.status)},"${NO_APP_CREDITS}")>0`;
}

/** The sheet row numbers of the shot list, as an array (ROW() of a range is not an array everywhere). */
function rowNumbers(c: ShotColumns): string {
  return `SEQUENCE(${c.rows},1,${c.first})`;
}

/**
 * The hidden columns KLING_CHANNELS reads: only the rows that pass (priced in the app, or sold
 * only on an API or by resellers), every other row blanked, videos included (they are counted in
 * "Rows left out"): model, mode, seconds, audio, test takes and each row's retake rate (blank: the
 * sheet's). One native array formula per column.
 */
export function channelInputs(c: ShotColumns, sheetRate: string): string[] {
  const r = (col: number) => columnRange(c, col);
  const pass = passes(c);
  const keep = (value: string) => `=ARRAYFORMULA(IF(${pass},${value},""))`;
  return [
    keep(r(c.model)),
    keep(r(c.mode)),
    keep(r(c.secs)),
    keep(r(c.audio)),
    keep(`IF(${r(c.testTakes)}="",0,${r(c.testTakes)})`),
    keep(rowRetakeRate(c, sheetRate)),
  ];
}

/**
 * The cells of the hidden column a sheet's model dropdown validates against: with a price table,
 * one native formula listing its models (so a model added later appears); without, the models of
 * the book in force as text.
 */
export function modelListCells(prices: LayoutPrices): LayoutCell[][] {
  return prices.priceSheet ? [[modelListFormula(prices.priceSheet)]] : prices.models.map((m) => [asText(m)]);
}

/** A column of the price table, rows 1 to 5,000, for native formulas. */
function priceColumn(priceSheet: string, col: string): string {
  return `${priceSheet}!$${col}$1:$${col}$${PRICE_TABLE_MAX_ROWS}`;
}

/**
 * The credits-per-image cell: read from the price table by a native formula matching Section
 * "Images" and Item "image" (so the "API image" row is never taken for it), or the book's value.
 */
export function creditsPerImageCell(prices: LayoutPrices): LayoutCell {
  if (!prices.priceSheet) return prices.creditsPerImage;
  const col = (c: string) => priceColumn(prices.priceSheet as string, c);
  return `=INDEX(${col('D')},MATCH(1,ARRAYFORMULA((LOWER(TRIM(${col('A')}))="images")*(LOWER(TRIM(${col('B')}))="image")),0))`;
}

/**
 * The hidden column a template's model dropdown validates against: the model part, after the first
 * comma, of every "App credits, ", "API, " and "Reseller <provider>, " section of the price table.
 */
export function modelListFormula(priceSheet: string): string {
  const a = priceColumn(priceSheet, 'A');
  const model = `TRIM(MID(${a},FIND(",",${a}&",")+1,200))`;
  const isModelSection = `((LEFT(${a},13)="App credits, ")+(LEFT(${a},5)="API, ")+((LEFT(${a},9)="Reseller ")*ISNUMBER(FIND(",",${a}))))`;
  return `=ARRAYFORMULA(UNIQUE(FILTER(${model},${isModelSection})))`;
}

/** 1 for a shot row KLING_CHANNELS prices (Status ok, or no app credits: API/resellers only), else 0, as an array formula. */
export function passesFormula(c: ShotColumns): string {
  const status = columnRange(c, c.status);
  return `((${status}="${OK}")+(${status}="${NO_APP_CREDITS}"))`;
}

/**
 * The price age line every inserted sheet shows: "prices as of <date>", the newest As of of the
 * Plan rows (from the price table, or the book's date), and, 60 or more days before TODAY() (the
 * spreadsheet's today), ", <n> days ago: check Kling's pages or Edit prices".
 */
export function priceAgeFormula(prices: Pick<LayoutPrices, 'priceSheet' | 'planAsOf'>): string {
  let asOf: string;
  if (prices.priceSheet) {
    const col = (c: string) => priceColumn(prices.priceSheet as string, c);
    // The newest As of of the Plan rows: a date cell as it is, ISO text (as Edit prices writes it) by its parts.
    const h = col('H');
    const date = `IF(ISNUMBER(${h}),${h},IFERROR(DATE(VALUE(LEFT(${h},4)),VALUE(MID(${h},6,2)),VALUE(MID(${h},9,2))),0))`;
    asOf = `MAX(ARRAYFORMULA(IF(LOWER(TRIM(${col('A')}))="plan",${date},0)))`;
  } else {
    const [y, m, d] = prices.planAsOf.split('-').map(Number);
    asOf = `DATE(${y},${m},${d})`;
  }
  const days = `(TODAY()-${asOf})`;
  return `="prices as of "&TEXT(${asOf},"yyyy-mm-dd")&IF(${days}>=${PRICE_AGE_WARN_DAYS},", "&${days}&" days ago: ${PRICE_AGE_ADVICE}","")`;
}

export function letters(col: number): string {
  return columnLetters(col);
}
