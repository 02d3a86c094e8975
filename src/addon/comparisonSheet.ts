import { channelsInOrder } from '../contract/comparisonView';
import type { InsertResult } from '../contract/sidebar';
import type { ColumnKind, Comparison, TableBlock, TableValue } from '../pricing';
import { billingName, channelsBlock, isoDay, optionsBlock, priceAgeText, summaryLines, workloadBlock } from '../pricing';
import { insertNewSheet } from './insertSheet';
import { columnLetters } from './selection';
import { asText } from './text';

/**
 * Writes a comparison into a NEW sheet of the spreadsheet: a title and the price age line, the
 * summary, every channel over 12 months (cheapest first, those without a figure last, with their
 * reasons), the work per month, the options for one month on its own (those that cover the work
 * first) and a native bar chart: the 12-month totals of the channels with a figure, or, when no
 * channel has one, the monthly cost of the options that cover the work. It never writes into an
 * existing sheet, so no cell of the user's is ever overwritten.
 *
 * Text is written once, as text: each range gets its number formats before its values; a cell
 * formatted as plain text ("@") gets its text as it is (Sheets keeps "=..." there as text, and an
 * apostrophe would show), and only a text in a cell of another format goes through asText.
 */

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const COMPARISON_SHEET_NAME = 'Kling comparison';

/** Pixels of column A: "Pro + 1,320-credit pack + 660-credit pack + 330-credit pack" fits. */
const LABEL_WIDTH = 380;
/** Pixels of the other columns: a figure, a mode, a short label such as "12 x Standard". */
const FIGURE_WIDTH = 150;

const FORMATS: Readonly<Record<ColumnKind, string>> = { text: '@', count: '#,##0', usd: '$#,##0.00', rate: '0.00%' };
const TEXT = '@';
const SPARE = '+#,##0;-#,##0;0';
const HIGHLIGHT = '#e8f0fe';
const HEADER_BACKGROUND = '#f1f3f4';
const NOTE_COLOR = '#5f6368';

/** Format of one cell by its column kind; a text value (a blank, "n/a: ...") is plain text. */
function formatOf(kind: ColumnKind, value: TableValue): string {
  return typeof value === 'string' ? TEXT : FORMATS[kind];
}

/** A value as written under its format: text as it is in a plain-text cell, made safe in any other. */
function cellValue(value: TableValue, format: string): TableValue {
  return typeof value === 'string' && format !== TEXT ? asText(value) : value;
}

/** Writes rows at `row`, column A (formats first, then values); returns the range written. */
function write(sheet: Sheet, row: number, values: readonly (readonly TableValue[])[], formats: readonly (readonly string[])[]) {
  const range = sheet.getRange(row, 1, values.length, (values[0] as readonly TableValue[]).length);
  return range
    .setNumberFormats(formats.map((r) => [...r]))
    .setValues(values.map((r, i) => r.map((v, j) => cellValue(v, formats[i]?.[j] ?? TEXT))));
}

/** One line of text in column A. */
function line(sheet: Sheet, row: number, text: string) {
  return write(sheet, row, [[text]], [[TEXT]]);
}

interface Written {
  /** The row of the header. */
  readonly header: number;
  /** The first row after the block. */
  readonly end: number;
}

/** A titled block at `row`: title, header, rows (each cell formatted by its column, or `formatAt`). */
function block(sheet: Sheet, row: number, b: TableBlock, formatAt?: (r: number, c: number) => string | null): Written {
  line(sheet, row, b.title).setFontWeight('bold');
  write(sheet, row + 1, [b.columns.map((c) => c.title)], [b.columns.map(() => TEXT)])
    .setFontWeight('bold')
    .setBackground(HEADER_BACKGROUND)
    .setWrap(true);
  if (b.rows.length > 0) {
    const formats = b.rows.map((r, i) => b.columns.map((c, j) => formatAt?.(i, j) ?? formatOf(c.kind, r[j] as TableValue)));
    write(sheet, row + 2, b.rows, formats);
  }
  return { header: row + 1, end: row + 2 + b.rows.length };
}

function highlight(sheet: Sheet, row: number, width: number): void {
  sheet.getRange(row, 1, 1, width).setBackground(HIGHLIGHT).setFontWeight('bold');
}

/** Today in the spreadsheet's time zone (YYYY-MM-DD), for the price age line. */
function today(spreadsheet: Spreadsheet): string {
  return isoDay(new Date(), spreadsheet.getSpreadsheetTimeZone());
}

export function insertComparison(spreadsheet: Spreadsheet, comparison: Comparison): InsertResult {
  let result: InsertResult | undefined;
  const day = today(spreadsheet);
  // Written completely or not at all, under the document lock (see insertSheet.ts).
  insertNewSheet(spreadsheet, COMPARISON_SHEET_NAME, (sheet) => {
    result = writeComparison(sheet, comparison, day);
  });
  return result as InsertResult;
}

function writeComparison(sheet: Sheet, c: Comparison, day: string): InsertResult {
  line(sheet, 1, 'Kling Cost: plan comparison').setFontWeight('bold');
  line(sheet, 2, priceAgeText(c.asOf, day));
  const note = `USD; every figure recomputed from the work below. The channels: 12 equal months of this work, the app at its cheapest billing.${c.estimate ? ' Some credit prices are estimates.' : ''}`;
  line(sheet, 3, note).setFontColor(NOTE_COLOR);

  const summary = summaryLines(c);
  line(sheet, 5, 'Summary').setFontWeight('bold');
  write(
    sheet,
    6,
    summary.map((l) => [l.label, l.value]),
    summary.map((l) => [TEXT, formatOf(l.kind, l.value)]),
  );

  // Every channel: cheapest first, those without a figure last (as the sidebar shows them).
  const channels = channelsBlock(c);
  const order = channelsInOrder(c.channels).map((ch) => c.channels.channels.indexOf(ch));
  const channelRows = order.map((i) => channels.rows[i] as readonly TableValue[]);
  const priced = c.channels.channels.filter((ch) => ch.total !== null).length;
  const ch = block(sheet, 7 + summary.length, { ...channels, rows: channelRows });
  if (c.channels.cheapest) highlight(sheet, ch.header + 1, channels.columns.length);

  const work = workloadBlock(c);
  const w = block(sheet, ch.end + 1, work);

  // The options that cover the work first.
  const options = optionsBlock(c);
  const all = c.options;
  const covering = all.filter((o) => o.covers).length;
  const optionOrder = all.map((_, i) => i).sort((a, b) => Number(!all[a]?.covers) - Number(!all[b]?.covers));
  const spareColumn = options.columns.findIndex((col) => col.title.startsWith('Spare'));
  const o = block(sheet, w.end + 1, { ...options, rows: optionOrder.map((i) => options.rows[i] as TableValue[]) }, (r, j) =>
    j === spareColumn && typeof options.rows[optionOrder[r] as number]?.[j] === 'number' ? SPARE : null,
  );
  optionOrder.forEach((i, n) => {
    if (all[i]?.cheapest) highlight(sheet, o.header + 1 + n, options.columns.length);
  });

  // The chart: the channels' 12-month totals (those with a figure), else the options that cover the work.
  const chart =
    priced > 0
      ? { header: ch.header, rows: priced, value: 2, title: '12-month total of each channel (USD; the app at its cheapest billing)' }
      : covering > 0
        ? {
            header: o.header,
            rows: covering,
            value: options.columns.findIndex((col) => col.title.startsWith('Monthly cost')) + 1,
            title: `Monthly cost of each option that covers the work (USD, ${billingName(c.workload.billing)})`,
          }
        : null;
  if (chart) {
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(Charts.ChartType.BAR)
        .addRange(sheet.getRange(chart.header, 1, chart.rows + 1, 1))
        .addRange(sheet.getRange(chart.header, chart.value, chart.rows + 1, 1))
        .setNumHeaders(1)
        .setPosition(o.end + 1, 1, 0, 0)
        .setOption('title', chart.title)
        .setOption('legend', { position: 'none' })
        .build(),
    );
  }
  const width = Math.max(channels.columns.length, work.columns.length, options.columns.length);
  // Fixed widths, not autoResize: the notes and the Not compared line are long texts that
  // overflow into the empty cells to their right, and a column sized to them would push the
  // figures out of sight (under the sidebar). Column A fits a long option label.
  sheet.setColumnWidth(1, LABEL_WIDTH);
  for (let col = 2; col <= width; col++) sheet.setColumnWidth(col, FIGURE_WIDTH);
  return { sheetName: sheet.getName(), range: `A1:${columnLetters(width)}${o.end - 1}`, chart: chart !== null };
}
