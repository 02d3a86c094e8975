import type { Layout, Validation } from './layout';
import { INPUT_BACKGROUND } from './layout';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

function rule(sheet: Sheet, validation: Validation): DataValidation {
  const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(validation.warnOnly === true);
  switch (validation.kind) {
    case 'list':
      builder.requireValueInList([...validation.values], true);
      break;
    case 'range':
      builder.requireValueInRange(sheet.getRange(validation.source), true);
      break;
    case 'number':
      if (validation.max === undefined) builder.requireNumberGreaterThanOrEqualTo(validation.min);
      else builder.requireNumberBetween(validation.min, validation.max);
      break;
    case 'date':
      builder.requireDate();
      break;
  }
  if (validation.help) builder.setHelpText(validation.help);
  return builder.build();
}

/** Writes a layout into a new, empty sheet: formats first (so values arrive formatted), then values, rules, styles, charts. */
export function writeLayout(sheet: Sheet, layout: Layout): void {
  const rows = sheet.getMaxRows();
  if (layout.minRows && rows < layout.minRows) sheet.insertRowsAfter(rows, layout.minRows - rows);
  for (const [a1, format] of layout.formats) sheet.getRange(a1).setNumberFormat(format);
  for (const block of layout.blocks) {
    const width = Math.max(...block.values.map((line) => line.length));
    const values = block.values.map((line) => [...line, ...new Array<string>(width - line.length).fill('')]);
    sheet.getRange(block.row, block.col, values.length, width).setValues(values);
  }
  for (const validation of layout.validations) sheet.getRange(validation.a1).setDataValidation(rule(sheet, validation));
  for (const a1 of layout.inputs) sheet.getRange(a1).setBackground(INPUT_BACKGROUND);
  for (const a1 of layout.bold) sheet.getRange(a1).setFontWeight('bold');
  for (const a1 of layout.muted ?? []) sheet.getRange(a1).setFontColor('#5f6368');
  for (const a1 of layout.wrap ?? []) sheet.getRange(a1).setWrap(true);
  for (const [a1, note] of layout.notes) sheet.getRange(a1).setNote(note);
  for (const [col, width] of layout.widths) sheet.setColumnWidth(col, width);
  if (layout.highlights && layout.highlights.length > 0) {
    sheet.setConditionalFormatRules(
      layout.highlights.map((h) =>
        SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied(h.formula)
          .setBackground(h.background)
          .setRanges([sheet.getRange(h.a1)])
          .build(),
      ),
    );
  }
  for (const chart of layout.charts ?? []) {
    let builder = sheet.newChart().setChartType(Charts.ChartType[chart.type]);
    for (const a1 of chart.ranges) builder = builder.addRange(sheet.getRange(a1));
    builder = builder.setNumHeaders(1).setPosition(chart.row, chart.col, 0, 0).setOption('title', chart.title);
    if (chart.width) builder = builder.setOption('width', chart.width);
    if (chart.height) builder = builder.setOption('height', chart.height);
    if (chart.stacked) builder = builder.setOption('isStacked', true);
    if (chart.series) builder = builder.setOption('series', chart.series);
    sheet.insertChart(builder.build());
  }
  for (const col of layout.hiddenColumns ?? []) sheet.hideColumns(col);
  if (layout.frozenRows) sheet.setFrozenRows(layout.frozenRows);
  sheet.getRange(layout.start).activate();
}
