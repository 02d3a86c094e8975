import type { ColumnKind, Comparison, TableBlock, TableValue } from '../pricing';
import { billingName, optionsBlock, summaryLines, workloadBlock } from '../pricing';
import { uniqueSheetName } from './sheetNames';

/**
 * Writes a comparison into a NEW sheet of the spreadsheet: a title, the summary, the work per
 * month, the options (cheapest highlighted) and a native bar chart of the monthly cost per option.
 * It never writes into an existing sheet, so no cell of the user's is ever overwritten.
 */

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const COMPARISON_SHEET_NAME = 'Kling comparison';

const FORMATS: Readonly<Record<ColumnKind, string>> = {
  text: '@',
  count: '#,##0',
  usd: '$#,##0.00',
  rate: '0%',
};
const SIGNED_COUNT = '+#,##0;-#,##0;0';
const HIGHLIGHT = '#e8f0fe';
const HEADER_BACKGROUND = '#f1f3f4';

export interface InsertedComparison {
  readonly sheetName: string;
  /** A1 range of everything written, e.g. "A1:J24". */
  readonly range: string;
  readonly chart: boolean;
}

/** Format of one cell by its column kind; text cells keep "General" so numbers in them stay numbers. */
function formatOf(kind: ColumnKind, value: TableValue): string {
  if (typeof value === 'string') return '@';
  return FORMATS[kind];
}

export function insertComparison(spreadsheet: Spreadsheet, comparison: Comparison): InsertedComparison {
  const name = uniqueSheetName(spreadsheet, COMPARISON_SHEET_NAME);
  const sheet = spreadsheet.insertSheet(name);
  const width = 10;
  let row = 1;

  writeTitle(sheet, row, 'Kling Cost: plan comparison');
  row += 1;
  const note = `USD; price book as of ${comparison.asOf}; figures recomputed from the work below.${comparison.estimate ? ' Kling 3.0 credits are an estimate.' : ''}`;
  sheet
    .getRange(row, 1)
    .setValues([[note]])
    .setFontColor('#5f6368');
  row += 2;

  // Summary: label, value; each value formatted by its kind.
  const summary = summaryLines(comparison);
  writeTitle(sheet, row, 'Summary');
  row += 1;
  const summaryRange = sheet.getRange(row, 1, summary.length, 2);
  summaryRange.setValues(summary.map((l) => [l.label, l.value]));
  summaryRange.setNumberFormats(summary.map((l) => ['@', formatOf(l.kind, l.value)]));
  row += summary.length + 1;

  row = writeBlock(sheet, row, workloadBlock(comparison)) + 2;

  const options = optionsBlock(comparison);
  const headerRow = row + 1;
  const end = writeBlock(sheet, row, options);
  const firstOption = headerRow + 1;
  // Spare (+) or missing (-) credits: signed.
  sheet.getRange(firstOption, 4, options.rows.length, 1).setNumberFormat(SIGNED_COUNT);
  comparison.options.forEach((o, i) => {
    if (o.cheapest)
      sheet
        .getRange(firstOption + i, 1, 1, options.columns.length)
        .setBackground(HIGHLIGHT)
        .setFontWeight('bold');
  });

  // Native chart: option labels (column A) against monthly cost (column E), header row included.
  const labels = sheet.getRange(headerRow, 1, options.rows.length + 1, 1);
  const costs = sheet.getRange(headerRow, 5, options.rows.length + 1, 1);
  const chart = sheet
    .newChart()
    .setChartType(Charts.ChartType.BAR)
    .addRange(labels)
    .addRange(costs)
    .setNumHeaders(1)
    .setPosition(end + 2, 1, 0, 0)
    .setOption('title', `Monthly cost per option (USD, ${billingName(comparison.workload.billing)})`)
    .setOption('legend', { position: 'none' })
    .build();
  sheet.insertChart(chart);
  sheet.autoResizeColumns(1, width);
  return { sheetName: name, range: `A1:${String.fromCharCode(64 + width)}${end}`, chart: true };
}

/** A bold title in column A of `row`. */
function writeTitle(sheet: Sheet, row: number, title: string): void {
  sheet
    .getRange(row, 1)
    .setValues([[title]])
    .setFontWeight('bold');
}

/** Writes a titled block at `row`; returns the last row written. */
function writeBlock(sheet: Sheet, row: number, block: TableBlock): number {
  const cols = block.columns.length;
  writeTitle(sheet, row, block.title);
  const header = sheet.getRange(row + 1, 1, 1, cols);
  header
    .setValues([block.columns.map((c) => c.title)])
    .setFontWeight('bold')
    .setBackground(HEADER_BACKGROUND)
    .setWrap(true);
  if (block.rows.length > 0) {
    const body = sheet.getRange(row + 2, 1, block.rows.length, cols);
    body.setValues(block.rows.map((r) => [...r]));
    body.setNumberFormats(block.rows.map((r) => block.columns.map((c, i) => formatOf(c.kind, r[i] as TableValue))));
  }
  return row + 1 + block.rows.length;
}
