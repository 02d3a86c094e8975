/**
 * Renders the budget template as the user first sees it: the sheet "Insert budget template"
 * writes (into the in-memory spreadsheet fake), with every formula evaluated by HyperFormula
 * calling the custom functions of dist/Code.js, as an HTML table. Run by budget-picture.mjs.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

export { CHROMIUM_FLAGS, findChromium } from './chromium';

import { createAppsScriptFakes, type FakeSheet } from '../test/fakes/appsScript';
import { buildEngine, registerKlingFunctions, sheetContent, valueAt } from '../test/support/hyperformula';

const FUNCTIONS = ['KLING_CREDITS', 'KLING_API_COST', 'KLING_BEST_PLAN', 'KLING_MONTHLY_COST', 'KLING_YEARLY'];
const ROWS = 30;
const COLS = 17;

function letters(col: number): string {
  return String.fromCharCode(64 + col);
}

function formatValue(value: unknown, format: string): string {
  if (value && typeof value === 'object' && 'error' in value) return '#ERROR!';
  if (typeof value === 'boolean') return value ? '☑' : '☐';
  if (value === null || value === undefined || value === '') return '';
  if (typeof value !== 'number') return String(value);
  const fixed = (n: number, digits: number) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  if (format === '$#,##0.00') return `$${fixed(value, 2)}`;
  if (format === '$0.0000') return `$${fixed(value, 4)}`;
  if (format === '#,##0') return fixed(value, 0);
  if (format === '0%') return `${Math.round(value * 100)}%`;
  return String(value);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function renderBudgetTemplate(codePath: string): { html: string; width: number; height: number } {
  const fakes = createAppsScriptFakes();
  const context = vm.createContext({ ...fakes.services });
  vm.runInContext(readFileSync(codePath, 'utf8'), context, { filename: 'Code.js' });
  (context.insertBudgetTemplate as () => void)();
  const sheet = fakes.spreadsheet.getSheetByName('Kling budget') as FakeSheet;
  const yearly = (context.KLING_YEARLY as (n: number) => unknown[][])(1000);
  registerKlingFunctions(context, FUNCTIONS, { KLING_YEARLY: [(yearly[0] as unknown[]).length, yearly.length] });
  const hf = buildEngine({ 'Kling budget': sheetContent(sheet) });

  const widths = Array.from({ length: COLS }, (_, i) => sheet.getColumnWidth(i + 1));
  const head = `<tr><th style="width:28px"></th>${widths.map((w, i) => `<th style="width:${w}px">${letters(i + 1)}</th>`).join('')}</tr>`;
  const body: string[] = [];
  for (let r = 1; r <= ROWS; r++) {
    const cells: string[] = [];
    for (let c = 1; c <= COLS; c++) {
      const a1 = `${letters(c)}${r}`;
      const state = sheet.peek(r, c);
      // Typed values as the sheet keeps them ("3.0" in a text column); formulas as evaluated.
      const value = state && state.formula === '' && state.value !== '' ? state.value : valueAt(hf, 'Kling budget', a1);
      const format = state?.format ?? '';
      const text = formatValue(value, format);
      const style: string[] = [];
      if (state?.style.fontWeight === 'bold') style.push('font-weight:600');
      if (state?.style.background) style.push(`background:${String(state.style.background)}`);
      if (typeof value === 'number') style.push('text-align:right');
      if (typeof value === 'boolean') style.push('text-align:center');
      const dropdown = state?.validation?.getCriteriaType() === 'VALUE_IN_LIST' ? '<span class="dd">▾</span>' : '';
      if (dropdown) style.push('padding-right:14px');
      const overflow = r <= 3 && c === 1 ? ' class="spill"' : '';
      cells.push(`<td${overflow} style="${style.join(';')}">${escapeHtml(text)}${dropdown}</td>`);
    }
    body.push(`<tr><th>${r}</th>${cells.join('')}</tr>`);
  }
  const width = 32 + widths.reduce((a, b) => a + b, 0);
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>Kling budget</title><style>
body{margin:0;font:13px Arial,Helvetica,sans-serif;background:#fff}
table{border-collapse:collapse;table-layout:fixed}
th{background:#f8f9fa;color:#5f6368;font-weight:normal;border:1px solid #dadce0;padding:2px 4px;font-size:12px}
td{border:1px solid #e2e3e3;padding:2px 5px;height:20px;white-space:nowrap;overflow:hidden;text-overflow:clip;position:relative}
td.spill{overflow:visible}
.dd{position:absolute;right:3px;color:#80868b;font-size:11px}
</style></head><body><table style="width:${width}px">${head}${body.join('')}</table></body></html>`;
  return { html: page, width, height: 25 * (ROWS + 1) };
}
