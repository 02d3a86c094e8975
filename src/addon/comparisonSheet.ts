import type { InsertResult } from '../contract/sidebar';
import type { ColumnKind, Comparison, TableBlock, TableValue } from '../pricing';
import { billingName, optionsBlock, summaryLines, workloadBlock } from '../pricing';
import { insertNewSheet } from './insertSheet';
import { safeCell } from './text';

/**
 * Writes a comparison into a NEW sheet of the spreadsheet: a title, the summary, the work per
 * month, the options (those that cover the work first, the cheapest highlighted, the others
 * marked "does not cover") and a native bar chart of the monthly cost of the options that cover
 * the work. It never writes into an existing sheet, so no cell of the user's is ever overwritten.
 * Every text goes through safeCell (model names come from the user's price table), and each range
 * gets its number formats before its values, so text such as "2026-10-08" stays text.
 */

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const COMPARISON_SHEET_NAME = 'Kling comparison';

const FORMATS: Readonly<Record<ColumnKind, string>> = { text: '@', count: '#,##0', usd: '$#,##0.00', rate: '0.##%' };
const HIGHLIGHT = '#e8f0fe';
const WIDTH = 10;

/** Format of one cell by its column kind; a text value (a blank, "n/a: ...") is text. */
function formatOf(kind: ColumnKind, value: TableValue): string {
  return typeof value === 'string' ? '@' : FORMATS[kind];
}

/** Writes rows at `row` (formats first, then values); returns the range written. */
function write(sheet: Sheet, row: number, values: readonly (readonly TableValue[])[], formats: string[][]) {
  const range = sheet.getRange(row, 1, values.length, (values[0] as readonly TableValue[]).length);
  return range.setNumberFormats(formats).setValues(values.map((r) => r.map(safeCell)));
}

/** A bold title in column A. */
function title(sheet: Sheet, row: number, text: string): void {
  write(sheet, row, [[text]], [['@']]).setFontWeight('bold');
}

/** A titled block at `row`: title, header, rows; returns the row after it. */
function block(sheet: Sheet, row: number, b: TableBlock): number {
  title(sheet, row, b.title);
  write(sheet, row + 1, [b.columns.map((c) => c.title)], [b.columns.map(() => '@')])
    .setFontWeight('bold')
    .setBackground('#f1f3f4')
    .setWrap(true);
  if (b.rows.length > 0)
    write(
      sheet,
      row + 2,
      b.rows,
      b.rows.map((r) => b.columns.map((c, i) => formatOf(c.kind, r[i] as TableValue))),
    );
  return row + 2 + b.rows.length;
}

export function insertComparison(spreadsheet: Spreadsheet, comparison: Comparison): InsertResult {
  let result: InsertResult | undefined;
  // Written completely or not at all, under the document lock (see insertSheet.ts).
  insertNewSheet(spreadsheet, COMPARISON_SHEET_NAME, (sheet) => {
    result = writeComparison(sheet, comparison);
  });
  return result as InsertResult;
}

function writeComparison(sheet: Sheet, comparison: Comparison): InsertResult {
  const name = sheet.getName();
  title(sheet, 1, 'Kling Cost: plan comparison');
  const note = `USD; prices as of ${comparison.asOf}; every figure recomputed from the work below.${comparison.estimate ? ' Some credit prices are estimates.' : ''}`;
  write(sheet, 2, [[note]], [['@']]).setFontColor('#5f6368');

  const summary = summaryLines(comparison);
  title(sheet, 4, 'Summary');
  write(
    sheet,
    5,
    summary.map((l) => [l.label, l.value]),
    summary.map((l) => ['@', formatOf(l.kind, l.value)]),
  );
  const workEnd = block(sheet, 6 + summary.length, workloadBlock(comparison));

  // The options that cover the work first: the chart shows only those.
  const options = optionsBlock(comparison);
  const all = comparison.options;
  const order = all.map((_, i) => i).sort((a, b) => Number(!all[a]?.covers) - Number(!all[b]?.covers));
  const covering = all.filter((o) => o.covers).length;
  const top = workEnd + 1;
  const end = block(sheet, top, { ...options, rows: order.map((i) => options.rows[i] as TableValue[]) });
  order.forEach((i, n) => {
    if (all[i]?.cheapest)
      sheet
        .getRange(top + 2 + n, 1, 1, WIDTH)
        .setBackground(HIGHLIGHT)
        .setFontWeight('bold');
  });
  sheet.getRange(top + 2, 4, Math.max(1, options.rows.length), 1).setNumberFormat('+#,##0;-#,##0;0');

  if (covering > 0) {
    // Option labels (column A) against monthly cost (column E), header row included.
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.BAR)
      .addRange(sheet.getRange(top + 1, 1, covering + 1, 1))
      .addRange(sheet.getRange(top + 1, 5, covering + 1, 1))
      .setNumHeaders(1)
      .setPosition(end + 1, 1, 0, 0)
      .setOption('title', `Monthly cost of each option that covers the work (USD, ${billingName(comparison.workload.billing)})`)
      .setOption('legend', { position: 'none' })
      .build();
    sheet.insertChart(chart);
  }
  sheet.autoResizeColumns(1, WIDTH);
  return { sheetName: name, range: `A1:J${end - 1}`, chart: covering > 0 };
}
