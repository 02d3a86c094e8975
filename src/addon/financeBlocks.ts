import { SIGNATURES } from '../contract/signatures';
import { HIGH_CASE, LOW_CASE } from '../pricing';
import type { LayoutCell } from './layout';
import { call, cell, span } from './layout';

/**
 * What the budget template and the 12-month plan share to be a budget a finance team defends
 * (shared/spec/finance.md): every channel over the months (one KLING_CHANNELS call, billing
 * cheapest), three cases (low, typical, high: each one KLING_CHANNELS call) with a contingency on
 * top of the money, the line "Between $X and $Y, most likely $Z", and the version locked by "Lock
 * budget version": locked, now at locked prices, now, work and price changes, the price rows that
 * changed. Pure: formulas as text, placed by the layouts.
 */

/** The KLING_CHANNELS arguments a sheet passes: its hidden columns of complete rows, its months, images, prices. */
export interface ChannelArgs {
  readonly models: string;
  readonly modes: string;
  readonly secs: string;
  readonly audios: string;
  readonly videos: string;
  readonly testTakes: string;
  /** The column of each row's retake rate (blank rows: the sheet's), for the typical case. */
  readonly rowRates: string;
  readonly images: string;
  readonly topupBalance?: string;
  readonly prices?: string;
}

/** The input cells (absolute A1) the finance blocks read. */
export interface FinanceInputs {
  readonly retakeRate: string;
  readonly creditsPerImage: string;
  readonly contingency: string;
  readonly lowRate: string;
  readonly highRate: string;
  readonly lowCpi: string;
  readonly highCpi: string;
  readonly lockedSheet: string;
  readonly lockedPrices: string;
}

export const CASE_DEFAULTS = {
  lowRate: LOW_CASE.retakeRate,
  highRate: HIGH_CASE.retakeRate,
  lowCpi: LOW_CASE.creditsPerImage,
  highCpi: HIGH_CASE.creditsPerImage,
} as const;

/** The labels of the inputs this module adds to a sheet, by key. */
export const FINANCE_INPUT_LABELS = {
  contingency: 'Contingency',
  lowRate: 'Low case: retake rate',
  highRate: 'High case: retake rate',
  lowCpi: 'Low case: credits per image',
  highCpi: 'High case: credits per image',
  lockedSheet: 'Locked version: budget sheet',
  lockedPrices: 'Locked version: price table',
} as const;

export type CaseName = 'low' | 'typical' | 'high';

/** One KLING_CHANNELS call of a case; `prices` replaces the sheet's (the locked table for "now at locked prices"). */
export function channelsCall(a: ChannelArgs, f: FinanceInputs, which: CaseName, prices?: string, detail?: string): string {
  const rate = which === 'typical' ? a.rowRates : which === 'low' ? f.lowRate : f.highRate;
  const imageRate = which === 'typical' ? f.retakeRate : rate;
  const cpi = which === 'typical' ? f.creditsPerImage : which === 'low' ? f.lowCpi : f.highCpi;
  return call(SIGNATURES.KLING_CHANNELS, {
    models: a.models,
    modes: a.modes,
    secs: a.secs,
    audios: a.audios,
    videos_by_month: a.videos,
    billing: '"cheapest"',
    retake_rate: rate,
    test_takes: a.testTakes,
    images_by_month: a.images,
    credits_per_image: cpi,
    image_retake_rate: imageRate,
    topup_balance: a.topupBalance,
    detail,
    prices: prices ?? a.prices,
  });
}

/** Where a KLING_CHANNELS totals table is: its top-left cell and the rows reserved for it (5 columns). */
export interface TablePos {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
}

/** One column of a table (1 = Channel, 2 = Total, 3 = Average month, 4 = per video, 5 = Bought as), absolute. */
export function tableColumn(t: TablePos, k: number): string {
  return span(t.row, t.col + k - 1, t.rows).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}

/** A channels table's cheapest total: the Total of its "Cheapest" row (a number, or "n/a"). */
export function cheapestTotal(t: TablePos): string {
  return `INDEX(${tableColumn(t, 2)},MATCH("Cheapest",${tableColumn(t, 1)},0))`;
}

/** A channels table's cheapest channel label, or its reason when no channel has a figure. */
export function cheapestLabel(t: TablePos): string {
  return `INDEX(${tableColumn(t, 5)},MATCH("Cheapest",${tableColumn(t, 1)},0))`;
}

/** The app's row of a channels table (always its first after the header): a column of it. */
export function appCell(t: TablePos, k: number): string {
  return `INDEX(${tableColumn(t, k)},2)`;
}

/** "Not compared: <channel> (<reason>); ...": the channels of a table without a figure, by native formulas; "" when all have one. */
export function notComparedFormula(t: TablePos): string {
  const labels = tableColumn(t, 1);
  const totals = tableColumn(t, 2);
  const reasons = tableColumn(t, 5);
  const missing = `(${totals}="n/a")*(${labels}<>"Cheapest")`;
  return `IF(SUM(ARRAYFORMULA(${missing}))=0,"","Not compared: "&TEXTJOIN("; ",TRUE(),ARRAYFORMULA(FILTER(${labels}&" ("&MID(${reasons},6,500)&")",${missing}))))`;
}

/** "Cases out of order: low <= typical <= high is required for <input>", or "" when in order. */
export function disorderFormula(f: FinanceInputs): string {
  const rates = `AND(${f.lowRate}<=${f.retakeRate},${f.retakeRate}<=${f.highRate})`;
  const cpis = `AND(${f.lowCpi}<=${f.creditsPerImage},${f.creditsPerImage}<=${f.highCpi})`;
  return `IF(${rates},IF(${cpis},"","Cases out of order: low <= typical <= high is required for credits per image"),"Cases out of order: low <= typical <= high is required for the retake rate")`;
}

/** Money as the range line writes it: $#,##0.00. */
export function usdText(x: string): string {
  return `TEXT(${x},"$#,##0.00")`;
}

/** The typical case's row label in the cases block (the locked block finds the locked total by it). */
export const TYPICAL_LABEL = 'Typical (the sheet)';

/**
 * The cases block: a header and one row per case (low, typical, high): its retake rate and credits
 * per image, the credits over the period (native: each month's credits after the counts rule,
 * added), the app's total, the cheapest channel, its total, the contingency and the total after it.
 * `tables` are the three cases' channels tables; `credits` each case's credits over the period
 * (a formula, or text saying why the app has none).
 */
export function casesBlock(
  f: FinanceInputs,
  tables: Readonly<Record<CaseName, TablePos>>,
  credits: Readonly<Record<CaseName, string>>,
): LayoutCell[][] {
  const header = [
    'Case',
    'Retake rate',
    'Credits per image',
    'Credits over the period',
    'Kling app (USD)',
    'Cheapest channel',
    'Its total (USD)',
    'Contingency (USD)',
    'Total after contingency (USD)',
  ];
  const row = (label: string, which: CaseName, rate: string, cpi: string): LayoutCell[] => {
    const t = tables[which];
    const total = cheapestTotal(t);
    return [
      label,
      `=${rate}`,
      `=${cpi}`,
      `=${credits[which]}`,
      `=IFERROR(${appCell(t, 2)},"n/a")`,
      `=IFERROR(${cheapestLabel(t)},"n/a")`,
      `=IFERROR(${total},"n/a")`,
      `=IFERROR(IF(ISNUMBER(${total}),${total}*${f.contingency},"n/a"),"n/a")`,
      `=IFERROR(IF(ISNUMBER(${total}),${total}*(1+${f.contingency}),"n/a"),"n/a")`,
    ];
  };
  return [
    header,
    row('Low', 'low', f.lowRate, f.lowCpi),
    row(TYPICAL_LABEL, 'typical', f.retakeRate, f.creditsPerImage),
    row('High', 'high', f.highRate, f.highCpi),
  ];
}

/**
 * The range line from the cases block's "Total after contingency" cells (low, typical, high):
 * "Between $X and $Y, most likely $Z"; "Cases out of order: ..." when the inputs are; "No range:
 * <reason>" when a case has no channel with a figure.
 */
export function rangeFormula(
  f: FinanceInputs,
  after: Readonly<Record<CaseName, string>>,
  reasons: Readonly<Record<CaseName, string>>,
): string {
  const noFigure = (which: CaseName) => `NOT(ISNUMBER(${after[which]}))`;
  const reasonOf = (which: CaseName) => `IFERROR(${reasons[which]},"no channel can make this work")`;
  return (
    `=IF(${disorderFormula(f)}<>"",${disorderFormula(f)},` +
    `IF(${noFigure('low')},"No range: "&${reasonOf('low')},IF(${noFigure('typical')},"No range: "&${reasonOf('typical')},IF(${noFigure('high')},"No range: "&${reasonOf('high')},` +
    `"Between "&${usdText(after.low)}&" and "&${usdText(after.high)}&", most likely "&${usdText(after.typical)}))))`
  );
}

/** The app row's reason in a channels table, for every app figure when a row has no app credits. */
export function appReasonFormula(table: TablePos): string {
  return `IFERROR(${appCell(table, 5)},"n/a: a row has no app credits in the price book")`;
}

/** The letters of a referenced cell's column, as a formula: follows the cell when columns are inserted. */
const columnLettersOf = (ref: string) => `SUBSTITUTE(ADDRESS(1,COLUMN(${ref}),4),"1","")`;

/** The whole column of the locked copy that holds the referenced live cell's column. */
function lockedColumn(f: FinanceInputs, ref: string): string {
  return `INDIRECT("'"&SUBSTITUTE(${f.lockedSheet},"'","''")&"'!"&${columnLettersOf(ref)}&":"&${columnLettersOf(ref)})`;
}

/**
 * The locked copy's typical total after contingency, found by the typical case's label in the
 * copy's label column, not at a fixed address: rows inserted into the live sheet (before or after
 * the lock) move the live cells, and the formula follows them through COLUMN().
 */
function lockedTotal(f: FinanceInputs, nowCell: string, labelCol: number): string {
  const labelCell = cell(Number(/\d+$/.exec(nowCell)?.[0]), labelCol);
  return `INDEX(${lockedColumn(f, nowCell)},MATCH("${TYPICAL_LABEL}",${lockedColumn(f, labelCell)},0))`;
}

/**
 * The locked block: the typical case's cheapest-channel total after contingency as locked, now at
 * locked prices (the live work priced with the locked table), now; work changes and price changes
 * (they add up to now - locked). Blank while the "Locked version" cells are blank.
 * `nowCell`: the live typical total after contingency (found in the locked copy by its row label);
 * `atLockedTable`: the channels table of the live work at locked prices.
 */
export function lockedBlock(f: FinanceInputs, nowCell: string, atLockedTable: TablePos, labelCol: number, row: number): LayoutCell[][] {
  const locked = cell(row + 1, labelCol + 1);
  const atLocked = cell(row + 2, labelCol + 1);
  const now = cell(row + 3, labelCol + 1);
  const blankUnlessLocked = (x: string) => `=IF(OR(${f.lockedSheet}="",${f.lockedPrices}=""),"",${x})`;
  const total = cheapestTotal(atLockedTable);
  return [
    ['Against the locked version (typical case, cheapest channel, after contingency)', ''],
    ['Locked (USD)', blankUnlessLocked(`IFERROR(${lockedTotal(f, nowCell, labelCol)},"n/a: the locked sheet cannot be read")`)],
    [
      'Now at locked prices (USD)',
      blankUnlessLocked(
        `IFERROR(IF(ISNUMBER(${total}),${total}*(1+${f.contingency}),${total}),"n/a: the locked price table cannot be read")`,
      ),
    ],
    ['Now (USD)', blankUnlessLocked(nowCell)],
    ['Work changes (USD)', blankUnlessLocked(`IF(AND(ISNUMBER(${atLocked}),ISNUMBER(${locked})),${atLocked}-${locked},"n/a")`)],
    ['Price changes (USD)', blankUnlessLocked(`IF(AND(ISNUMBER(${now}),ISNUMBER(${atLocked})),${now}-${atLocked},"n/a")`)],
  ];
}

/**
 * The locked price table as a range, through INDIRECT; while the "Locked version" cell is blank, a
 * cell of the sheet that stays blank (`blankCell`), so the calls that read it have a blank argument
 * instead of an error (no IF around a call that returns a table: an IF does not spill a table
 * everywhere).
 */
export function lockedPricesRange(f: FinanceInputs, blankCell: string): string {
  return `INDIRECT(IF(${f.lockedPrices}="","${blankCell}","'"&SUBSTITUTE(${f.lockedPrices},"'","''")&"'!A:H"))`;
}

/** KLING_PRICE_CHANGES of the locked price table against the table in force; blank while unlocked. */
export function priceChangesFormula(f: FinanceInputs, prices: string | undefined, blankCell: string): string {
  return `=${call(SIGNATURES.KLING_PRICE_CHANGES, { locked_prices: lockedPricesRange(f, blankCell), prices })}`;
}
