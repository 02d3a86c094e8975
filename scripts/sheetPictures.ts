/**
 * Renders the sheets the menu inserts as a user first sees them: "Insert budget template",
 * "Insert usage log" and "Insert 12-month plan" run from dist/Code.js over the in-memory
 * spreadsheet fake, every formula evaluated by HyperFormula calling the custom functions of the
 * same bundle, drawn as HTML tables (number formats, bold, shading, wrapped headers, dropdown
 * marks, text spilling into empty cells). The plan's chart of spend per month is drawn from the
 * chart's own data range as an inline SVG column chart. Run by sheet-pictures.mjs.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import type { HyperFormula } from 'hyperformula';

export { launchChromium } from './chromium';

import { a1Of, createAppsScriptFakes, type FakeSheet, parseA1 } from '../test/fakes/appsScript';
import { buildEngine, KLING_FUNCTIONS, KLING_SIZES, registerKlingFunctions, sheetContent, valueAt } from '../test/support/hyperformula';

export interface Picture {
  /** Where it goes, relative to the project: docs/12-month-plan.png. */
  readonly file: string;
  readonly title: string;
  readonly html: string;
}

/** Which part of a sheet a picture shows: row ranges (a gap is marked between them), the first columns. */
interface Region {
  readonly rows: readonly (readonly [from: number, to: number])[];
  readonly cols: number;
  /** Columns from (default 1). */
  readonly firstCol?: number;
}

const ROW_HEIGHT = 21;

function columnLetters(col: number): string {
  return a1Of(1, col).replace(/\d+$/, '');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A value as Sheets shows it under the number formats the layouts use. */
export function formatValue(value: unknown, format: string): string {
  if (value && typeof value === 'object' && 'error' in value) return '#ERROR!';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number' && /y/.test(format)) {
    // Days since 1899-12-30, read as a calendar day and time (no time zone).
    const date = new Date(Math.round((value - 25_569) * 86_400_000));
    const [y, m, d, h, min] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes()];
    if (format === 'yyyy-mm') return `${y}-${pad(m)}`;
    if (format === 'yyyy-mm-dd hh:mm') return `${y}-${pad(m)}-${pad(d)} ${pad(h)}:${pad(min)}`;
    return `${y}-${pad(m)}-${pad(d)}`;
  }
  if (typeof value !== 'number') return String(value);
  const fixed = (n: number, digits: number) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const money = (digits: number) => `${value < 0 ? '-' : ''}$${fixed(Math.abs(value), digits)}`;
  switch (format) {
    case '$#,##0.00':
      return money(2);
    case '$0.0000':
      return money(4);
    case '#,##0':
      return fixed(value, 0);
    case '#,##0.00':
      return fixed(value, 2);
    case '0%':
      return `${Math.round(value * 100)}%`;
    case '0.0%':
      return `${(value * 100).toFixed(1)}%`;
    case '0':
      return String(Math.round(value));
    default:
      return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  }
}

interface ChartData {
  readonly title: string;
  readonly labels: readonly string[];
  readonly series: readonly { readonly name: string; readonly values: readonly number[] }[];
}

const SERIES_COLORS = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6'];

/** A column chart as Sheets draws one: grouped columns per label, a legend, a value axis. */
export function columnChartSvg(chart: ChartData, width = 640, height = 330): string {
  const left = 58;
  const right = 12;
  const top = 34;
  const bottom = 64;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = Math.max(1, ...chart.series.flatMap((s) => s.values));
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => max / s <= 5) ?? magnitude * 10;
  const ticks = Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => i * step);
  const top$ = ticks[ticks.length - 1] as number;
  const y = (v: number) => top + plotH - (v / top$) * plotH;
  const group = plotW / chart.labels.length;
  const bar = (group * 0.8) / chart.series.length;
  const parts: string[] = [
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#fff" stroke="#dadce0"/>`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14" fill="#202124">${escapeHtml(chart.title)}</text>`,
  ];
  for (const t of ticks) {
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${y(t)}" y2="${y(t)}" stroke="${t === 0 ? '#80868b' : '#e8eaed'}"/>`);
    parts.push(
      `<text x="${left - 6}" y="${y(t) + 4}" text-anchor="end" font-size="11" fill="#5f6368">$${t.toLocaleString('en-US')}</text>`,
    );
  }
  chart.labels.forEach((label, i) => {
    const x0 = left + i * group + group * 0.1;
    chart.series.forEach((s, k) => {
      const v = s.values[i] ?? 0;
      if (v <= 0) return;
      parts.push(
        `<rect x="${(x0 + k * bar).toFixed(1)}" y="${y(v).toFixed(1)}" width="${Math.max(1, bar - 1).toFixed(1)}" height="${(top + plotH - y(v)).toFixed(1)}" fill="${SERIES_COLORS[k % SERIES_COLORS.length]}"><title>${escapeHtml(`${s.name}, ${label}: $${v.toFixed(2)}`)}</title></rect>`,
      );
    });
    parts.push(
      `<text x="${left + i * group + group / 2}" y="${top + plotH + 15}" text-anchor="middle" font-size="10" fill="#5f6368">${escapeHtml(label)}</text>`,
    );
  });
  let lx = left;
  chart.series.forEach((s, k) => {
    parts.push(`<rect x="${lx}" y="${height - 24}" width="10" height="10" fill="${SERIES_COLORS[k % SERIES_COLORS.length]}"/>`);
    parts.push(`<text x="${lx + 14}" y="${height - 15}" font-size="11" fill="#202124">${escapeHtml(s.name)}</text>`);
    lx += 26 + s.name.length * 6.2;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, Helvetica, sans-serif">${parts.join('')}</svg>`;
}

/** The data of a chart of the sheet: its range, header row first, first column the labels. */
function chartData(hf: HyperFormula, sheet: FakeSheet, range: string, title: string): ChartData {
  const { row, col, rows, cols } = parseA1(range);
  const at = (r: number, c: number) => valueAt(hf, sheet.getName(), a1Of(row + r, col + c));
  const labels = Array.from({ length: rows - 1 }, (_, r) => String(at(r + 1, 0) ?? ''));
  const series = Array.from({ length: cols - 1 }, (_, k) => ({
    name: String(at(0, k + 1) ?? ''),
    values: Array.from({ length: rows - 1 }, (_, r) => {
      const v = at(r + 1, k + 1);
      return typeof v === 'number' ? v : 0;
    }),
  }));
  return { title, labels, series };
}

/** One region of a sheet as an HTML table, with the sheet's charts drawn at their anchor cells. */
function renderRegion(hf: HyperFormula, sheet: FakeSheet, region: Region, title: string): string {
  const name = sheet.getName();
  const first = region.firstCol ?? 1;
  const cols = Array.from({ length: region.cols }, (_, i) => first + i).filter((c) => !sheet.isColumnHiddenByUser(c));
  const charts = new Map<string, string>();
  for (const chart of sheet.getCharts()) {
    const [row, col] = chart.position as [number, number];
    charts.set(`${row},${col}`, columnChartSvg(chartData(hf, sheet, chart.ranges[0] as string, String(chart.options.title ?? ''))));
  }
  // Every value as the formula engine holds it now (a date cell is its serial number, shown by its format).
  const value = (r: number, c: number): unknown => {
    const v = valueAt(hf, name, a1Of(r, c));
    return v === null ? '' : v;
  };
  const head = `<tr><th class="corner"></th>${cols.map((c) => `<th style="width:${sheet.getColumnWidth(c)}px">${columnLetters(c)}</th>`).join('')}</tr>`;
  const body: string[] = [];
  region.rows.forEach(([from, to], part) => {
    if (part > 0) body.push(`<tr class="gap"><th>⋮</th><td colspan="${cols.length}"></td></tr>`);
    for (let r = from; r <= to; r++) {
      const values = cols.map((c) => value(r, c));
      const cells = cols.map((c, i) => {
        const state = sheet.peek(r, c);
        const v = values[i];
        const format = state?.format ?? '';
        const text = formatValue(v, format);
        const style: string[] = [];
        const classes: string[] = [];
        if (state?.style.fontWeight === 'bold') style.push('font-weight:600');
        if (state?.style.background) style.push(`background:${String(state.style.background)}`);
        if (state?.style.fontColor) style.push(`color:${String(state.style.fontColor)}`);
        if (v && typeof v === 'object' && 'error' in v) style.push('color:#c5221f');
        if (typeof v === 'number') style.push('text-align:right');
        // Text runs on over the empty cells to its right, as far as the next cell that holds something.
        let spill = 0;
        if (state?.style.wrap === true) classes.push('wrap');
        else if (typeof v === 'string' && v !== '') {
          let j = i + 1;
          while (j < cols.length && values[j] === '') j++;
          if (j > i + 1) {
            classes.push('spill');
            spill = cols.slice(i, j).reduce((sum, col) => sum + sheet.getColumnWidth(col), 0) - 10;
          }
        }
        const kind = state?.validation?.getCriteriaType();
        const dropdown = kind === 'VALUE_IN_LIST' || kind === 'VALUE_IN_RANGE' ? '<span class="dd">▾</span>' : '';
        const chart = charts.get(`${r},${c}`);
        if (chart) classes.push('anchor');
        const shown = spill > 0 ? `<span class="run" style="width:${spill}px">${escapeHtml(text)}</span>` : escapeHtml(text);
        const inner = `${shown}${dropdown}${chart ? `<div class="chart">${chart}</div>` : ''}`;
        return `<td${classes.length ? ` class="${classes.join(' ')}"` : ''}${style.length ? ` style="${style.join(';')}"` : ''}>${inner}</td>`;
      });
      body.push(`<tr><th>${r}</th>${cells.join('')}</tr>`);
    }
  });
  const width = 32 + cols.reduce((sum, c) => sum + sheet.getColumnWidth(c), 0);
  return `<div class="sheet"><div class="tab">${escapeHtml(title)}</div><table style="width:${width}px">${head}${body.join('')}</table></div>`;
}

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>
body{margin:0;font:13px Arial,Helvetica,sans-serif;background:#fff;color:#202124}
.sheet{display:inline-block;padding:0 0 8px 0}
.tab{font-size:12px;color:#188038;padding:6px 10px;border-bottom:2px solid #188038;display:inline-block;margin:0 0 4px 32px}
table{border-collapse:collapse;table-layout:fixed}
th{background:#f8f9fa;color:#5f6368;font-weight:normal;border:1px solid #dadce0;padding:0 4px;font-size:11px;height:${ROW_HEIGHT}px}
th.corner{width:32px}
td{border:1px solid #e2e3e3;padding:0 5px;height:${ROW_HEIGHT}px;white-space:nowrap;overflow:hidden;position:relative}
td.spill{overflow:visible}
.run{display:block;overflow:hidden;white-space:nowrap;position:relative;z-index:1}
td.wrap{white-space:normal;line-height:1.2;vertical-align:bottom;padding-top:2px;padding-bottom:2px}
td.anchor{overflow:visible}
tr.gap th,tr.gap td{height:12px;background:#f8f9fa;border-color:#f1f3f4}
.chart{position:absolute;left:2px;top:2px;z-index:2;box-shadow:0 1px 3px rgba(60,64,67,.3)}
.dd{position:absolute;right:3px;top:3px;color:#80868b;font-size:10px}
</style></head><body>${body}</body></html>`;
}

/** Today's month, `offset` months on, on `day`: a date cell as Sheets holds it. */
function serialIn(offset: number, day: number): number {
  const now = new Date();
  return Date.UTC(now.getFullYear(), now.getMonth() + offset, day, 12) / 86_400_000 + 25_569;
}

export function renderSheetPictures(codePath: string): Picture[] {
  const fakes = createAppsScriptFakes();
  const context = vm.createContext({ ...fakes.services });
  vm.runInContext(readFileSync(codePath, 'utf8'), context, { filename: 'Code.js' });
  for (const action of ['insertBudgetTemplate', 'insertUsageLog', 'insertTwelveMonthPlan']) (context[action] as () => void)();
  registerKlingFunctions(context, KLING_FUNCTIONS, KLING_SIZES);
  const spreadsheet = fakes.spreadsheet;
  const sheets: Record<string, unknown[][]> = {};
  for (const sheet of spreadsheet.getSheets()) sheets[sheet.getName()] = sheetContent(sheet);
  const hf = buildEngine(sheets);
  const sheet = (name: string) => spreadsheet.getSheetByName(name) as FakeSheet;
  const picture = (file: string, title: string, name: string, region: Region): Picture => ({
    file,
    title,
    html: page(title, renderRegion(hf, sheet(name), region, name)),
  });

  const pictures = [
    picture('docs/budget-template.png', 'The budget template', 'Kling budget', { rows: [[1, 36]], cols: 19 }),
    picture('docs/usage-log.png', 'The usage log', 'Kling usage log', {
      rows: [
        [1, 12],
        [31, 39],
      ],
      cols: 25,
    }),
    picture('docs/12-month-plan.png', 'The 12-month plan and the spend chart', 'Kling 12-month plan', {
      rows: [
        [1, 19],
        [44, 56],
        [80, 96],
      ],
      cols: 23,
    }),
  ];

  // Budget against actuals: the plan started two months ago, a few generations logged in its months.
  const plan = hf.getSheetId('Kling 12-month plan') as number;
  const log = hf.getSheetId('Kling usage log') as number;
  const logRows: unknown[][] = [
    [serialIn(-2, 3), 'Launch film', 'Kling 2.6', 'professional', 10, 'no', 'kept'],
    [serialIn(-2, 3), 'Launch film', 'Kling 2.6', 'professional', 10, 'no', 'discarded'],
    [serialIn(-2, 4), 'Launch film', 'Kling 2.6', 'professional', 10, 'no', 'kept'],
    ...Array.from({ length: 36 }, (_, i) => [
      serialIn(-2, 5 + (i % 20)),
      'Product shots',
      'Kling 2.6',
      'standard',
      5,
      'no',
      i % 6 === 0 ? 'discarded' : 'kept',
    ]),
    ...Array.from({ length: 14 }, (_, i) => [
      serialIn(-2, 6 + i),
      'Social cut-downs',
      'Kling 3.0',
      'standard',
      8,
      'no',
      i % 5 === 0 ? 'failed' : 'kept',
    ]),
    ...Array.from({ length: 10 }, (_, i) => [
      serialIn(-1, 2 + i),
      'Launch film',
      'Kling 2.6',
      'professional',
      10,
      'no',
      i % 3 === 0 ? 'discarded' : 'kept',
    ]),
    ...Array.from({ length: 52 }, (_, i) => [
      serialIn(-1, 1 + (i % 27)),
      'Product shots',
      'Kling 2.6',
      'standard',
      5,
      'no',
      i % 7 === 0 ? 'discarded' : 'kept',
    ]),
    ...Array.from({ length: 12 }, (_, i) => [serialIn(-1, 3 + i), 'Social cut-downs', 'Kling 3.0', 'standard', 8, 'no', 'kept']),
  ];
  hf.batch(() => {
    hf.setCellContents({ sheet: plan, row: 4, col: 1 }, [[serialIn(-2, 1)]]);
    hf.setCellContents({ sheet: log, row: 1, col: 0 }, logRows as never);
    hf.setCellContents({ sheet: plan, row: 97, col: 15 }, [[58.5], [41.2]]);
  });
  pictures.push(
    picture('docs/budget-against-actuals.png', 'Budget against actuals', 'Kling 12-month plan', {
      rows: [
        [95, 111],
        [124, 129],
      ],
      cols: 19,
    }),
  );
  return pictures;
}
