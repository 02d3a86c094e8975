/**
 * The grid of the shown sheet: column letters and row numbers, the computed text of each cell
 * under its number format, bold, italics, font colours, backgrounds (conditional ones too),
 * wrapped text and text running over empty neighbours, column widths, frozen rows, hidden
 * columns, dropdowns and checkboxes, notes and errors on hover, charts at their anchor cells.
 * Selecting (click, drag, Shift, headers, keys), typing into a cell or its editor, Delete, copy
 * and paste. Rows are drawn as they are scrolled to (a 10,000-row log draws its first rows).
 */
import type { FakeSheet } from '../../test/fakes/appsScript';
import type { Shown } from '../../test/support/liveWorkbook';
import { columnNumber, shiftFormula } from '../../test/support/references';
import type { App } from './app';
import { editText, hasDropdown, listValues, validationProblem } from './cells';
import { chartSvg } from './charts';

export interface Selection {
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
  /** The active cell. */
  readonly row: number;
  readonly col: number;
}

export function letters(col: number): string {
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

export function a1(sel: Pick<Selection, 'r1' | 'c1' | 'r2' | 'c2'>): string {
  const start = `${letters(sel.c1)}${sel.r1}`;
  return sel.r1 === sel.r2 && sel.c1 === sel.c2 ? start : `${start}:${letters(sel.c2)}${sel.r2}`;
}

/** "B6", "B6:D9" -> a selection (active cell top left); null when it is not one. */
export function parseA1Range(text: string): Selection | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(text.trim());
  if (!m) return null;
  const c1 = columnNumber(m[1] as string);
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  if (r1 < 1 || r2 < 1) return null;
  const top = Math.min(r1, r2);
  const left = Math.min(c1, c2);
  return { r1: top, c1: left, r2: Math.max(r1, r2), c2: Math.max(c1, c2), row: top, col: left };
}

const DEFAULT_WIDTH = 100;
const ROW_HEADER_WIDTH = 46;
/** Rows drawn at first, and added each time the bottom is scrolled to. */
const FIRST_ROWS = 100;
const MORE_ROWS = 200;
const DEFAULT_CHART = { width: 600, height: 371 };

export class Grid {
  sheet!: FakeSheet;
  selection: Selection = { r1: 1, c1: 1, r2: 1, c2: 1, row: 1, col: 1 };
  private rows = 0;
  private maxRows = 0;
  private cols: number[] = [];
  private readonly cells = new Map<string, HTMLTableCellElement>();
  private shownCache = new Map<string, Shown>();
  private problems = new Map<string, string>();
  private anchor: { row: number; col: number } | null = null;
  private dragging = false;
  private editing: { row: number; col: number; original: string } | null = null;
  private picker: HTMLElement | null = null;
  readonly scroller: HTMLElement;
  /** The focusable grid: keys, copy and paste go to it. */
  private readonly content: HTMLElement;
  private readonly table: HTMLTableElement;
  private readonly chartsLayer: HTMLElement;
  readonly editor: HTMLTextAreaElement;

  constructor(private readonly app: App) {
    this.scroller = document.getElementById('grid-scroll') as HTMLElement;
    this.content = document.getElementById('grid-content') as HTMLElement;
    this.table = document.getElementById('grid') as HTMLTableElement;
    this.chartsLayer = document.getElementById('charts-layer') as HTMLElement;
    this.editor = document.getElementById('cell-editor') as HTMLTextAreaElement;
    this.listen();
  }

  /** Keyboard focus on the grid (arrows, typing, copy and paste). */
  focus(): void {
    this.content.focus({ preventScroll: true });
  }

  private get workbook() {
    return this.app.workbook;
  }

  /** Shows a sheet from its top, with a selection. */
  show(sheet: FakeSheet, selection: Selection): void {
    this.closePicker();
    if (this.editing) this.cancelEdit();
    const changed = this.sheet !== sheet;
    this.sheet = sheet;
    this.selection = selection;
    if (changed) {
      this.rows = 0;
      this.scroller.scrollTop = 0;
      this.scroller.scrollLeft = 0;
    }
    this.render();
    this.app.selectionChanged();
  }

  /** Draws the sheet again (after a change), keeping the scroll position and the rows drawn. */
  render(): void {
    const sheet = this.sheet;
    const extent = this.workbook.extent(sheet);
    const lastRow = sheet.getLastRow();
    this.maxRows = Math.max(sheet.getMaxRows(), extent.rows);
    const chartRows = sheet.getCharts().map((chart) => Number(chart.position[0] ?? 1) + 20);
    const wanted = Math.max(FIRST_ROWS, lastRow + 30, sheet.getFrozenRows() + 40, this.selection.r2 + 20, ...chartRows);
    this.rows = Math.min(this.maxRows, Math.max(this.rows, wanted));
    const maxCol = Math.max(26, sheet.getLastColumn(), extent.cols, this.selection.c2);
    this.cols = [];
    for (let c = 1; c <= maxCol; c++) if (!sheet.isColumnHiddenByUser(c)) this.cols.push(c);
    this.shownCache = new Map();
    this.problems = new Map();
    this.cells.clear();

    const table = this.table;
    table.replaceChildren();
    const colgroup = document.createElement('colgroup');
    const head = document.createElement('col');
    head.style.width = `${ROW_HEADER_WIDTH}px`;
    colgroup.append(head);
    let width = ROW_HEADER_WIDTH;
    this.widths = new Map(
      this.cols.map((c) => [c, sheet.isColumnAutoSized(c) ? this.fitWidth(c) : sheet.getColumnWidth(c) || DEFAULT_WIDTH]),
    );
    for (const c of this.cols) {
      const col = document.createElement('col');
      const w = this.width(c);
      col.style.width = `${w}px`;
      width += w;
      colgroup.append(col);
    }
    table.style.width = `${width}px`;
    table.append(colgroup);
    const thead = document.createElement('thead');
    const hr = document.createElement('tr');
    const corner = document.createElement('th');
    corner.className = 'corner';
    hr.append(corner);
    this.cols.forEach((c, i) => {
      const th = document.createElement('th');
      th.textContent = letters(c);
      th.dataset.c = String(c);
      if (i > 0 && (this.cols[i - 1] as number) !== c - 1) th.classList.add('after-hidden');
      hr.append(th);
    });
    thead.append(hr);
    table.append(thead);
    const tbody = document.createElement('tbody');
    table.append(tbody);
    this.appendRows(1, this.rows);
    this.freezeRows();
    this.drawCharts();
    this.paintSelection();
  }

  private widths = new Map<number, number>();

  private width(col: number): number {
    return this.widths.get(col) ?? DEFAULT_WIDTH;
  }

  private static measurer: CanvasRenderingContext2D | null = null;

  /** The width that fits a column's content, as autoResizeColumns makes it in Sheets (wrapped cells aside). */
  private fitWidth(col: number): number {
    const sheet = this.sheet;
    Grid.measurer ??= document.createElement('canvas').getContext('2d');
    const ctx = Grid.measurer;
    const rows = Math.min(sheet.getLastRow(), 1000);
    if (!ctx || rows < 1) return DEFAULT_WIDTH;
    let widest = 0;
    const shown = this.workbook.shownBlock(sheet, 1, col, rows, 1);
    for (let r = 1; r <= rows; r++) {
      const text = shown[r - 1]?.[0]?.text ?? '';
      const style = sheet.peek(r, col)?.style ?? {};
      if (!text || style.wrap === true) continue;
      ctx.font = `${style.fontWeight === 'bold' ? 'bold ' : ''}13px Arial, Helvetica, sans-serif`;
      widest = Math.max(widest, ctx.measureText(text).width);
    }
    return widest === 0 ? DEFAULT_WIDTH : Math.ceil(widest + 12);
  }

  /** Rows from..to, drawn at the end of the table. */
  private appendRows(from: number, to: number): void {
    if (to < from) return;
    const sheet = this.sheet;
    const maxCol = this.cols[this.cols.length - 1] ?? 26;
    const block = this.workbook.shownBlock(sheet, from, 1, to - from + 1, maxCol);
    const highlights = this.highlights(from, to);
    const rangeChoices = new Map<string, string[]>();
    const tbody = this.table.tBodies[0] as HTMLTableSectionElement;
    const frag = document.createDocumentFragment();
    for (let r = from; r <= to; r++) {
      const tr = document.createElement('tr');
      tr.dataset.r = String(r);
      const th = document.createElement('th');
      th.textContent = String(r);
      th.dataset.r = String(r);
      tr.append(th);
      const line = block[r - from] as Shown[];
      this.cols.forEach((c, i) => {
        const shown = line[c - 1] as Shown;
        const td = document.createElement('td');
        td.dataset.r = String(r);
        td.dataset.c = String(c);
        const key = `${r},${c}`;
        this.cells.set(key, td);
        this.shownCache.set(key, shown);
        const state = sheet.peek(r, c);
        const style = state?.style ?? {};
        const v = document.createElement('div');
        v.className = 'v';
        const validation = state?.validation ?? null;
        if (validation?.getCriteriaType() === 'CHECKBOX' && (shown.kind === 'boolean' || shown.kind === 'empty')) {
          const box = document.createElement('span');
          box.className = 'cb';
          box.textContent = shown.value === true ? '☑' : '☐';
          v.append(box);
          td.classList.add('center');
        } else v.textContent = shown.text;
        td.append(v);
        if (shown.kind === 'number') td.classList.add('num');
        if (shown.kind === 'boolean') td.classList.add('center');
        if (shown.kind === 'error') td.classList.add('err');
        const align = String(style.horizontalAlignment ?? '').toLowerCase();
        if (align === 'right') td.classList.add('num');
        if (align === 'center') td.classList.add('center');
        if (align === 'left' || align === 'normal') td.classList.remove('num', 'center');
        if (style.fontWeight === 'bold') td.style.fontWeight = 'bold';
        if (style.fontStyle === 'italic') td.style.fontStyle = 'italic';
        if (style.fontColor) td.style.color = String(style.fontColor);
        const background = highlights.get(key) ?? (style.background ? String(style.background) : '');
        if (background) td.style.backgroundColor = background;
        if (style.wrap === true) td.classList.add('wrap');
        if (style.note) td.classList.add('noted');
        if (hasDropdown(validation)) {
          td.classList.add('has-dd');
          const dd = document.createElement('span');
          dd.className = 'dd';
          dd.textContent = '▼';
          dd.setAttribute('aria-hidden', 'true');
          td.append(dd);
        }
        if (validation && shown.kind !== 'empty') {
          let choices: string[] = [];
          if (validation.getCriteriaType() === 'VALUE_IN_RANGE') {
            const source = String(validation.getCriteriaValues()[0]);
            if (!rangeChoices.has(source)) rangeChoices.set(source, this.rangeValues(source));
            choices = rangeChoices.get(source) as string[];
          }
          const value = this.cellValue(r, c);
          const problem = validationProblem(validation, value, choices);
          if (problem) {
            td.classList.add('invalid');
            this.problems.set(key, problem);
          }
        }
        // Left-aligned text runs over the empty cells to its right, as far as the next that holds something.
        if (shown.kind === 'text' && style.wrap !== true && !td.classList.contains('num') && !td.classList.contains('center')) {
          let j = i + 1;
          let extra = 0;
          while (j < this.cols.length && (line[(this.cols[j] as number) - 1] as Shown).kind === 'empty' && j - i < 30) {
            extra += this.width(this.cols[j] as number);
            j++;
          }
          if (extra > 0) {
            td.classList.add('spill');
            v.style.width = `${this.width(c) + extra - 8}px`;
          }
        }
        tr.append(td);
      });
      frag.append(tr);
    }
    tbody.append(frag);
  }

  /** Backgrounds of conditional format rules over rows from..to: "row,col" -> colour. */
  private highlights(from: number, to: number): Map<string, string> {
    const out = new Map<string, string>();
    for (const rule of this.sheet.getConditionalFormatRules()) {
      for (const range of rule.ranges) {
        const box = parseA1Range(range);
        if (!box) continue;
        for (let r = Math.max(from, box.r1); r <= Math.min(to, box.r2); r++) {
          for (let c = box.c1; c <= box.c2; c++) {
            const formula = shiftFormula(rule.formula, r - box.r1, c - box.c1);
            const value = this.workbook.calculate(formula, this.sheet);
            if (value === true || (typeof value === 'number' && value !== 0)) out.set(`${r},${c}`, rule.background);
          }
        }
      }
    }
    return out;
  }

  /** The display texts of a range of this sheet (a dropdown's choices). */
  private rangeValues(range: string): string[] {
    try {
      return this.sheet
        .getRange(range)
        .getDisplayValues()
        .flat()
        .filter((v) => v !== '');
    } catch {
      return [];
    }
  }

  /** A cell's value as a read gives it (computed). */
  cellValue(row: number, col: number) {
    return this.sheet.getRange(row, col).getValue();
  }

  /** Frozen rows stay at the top while the rest scrolls. */
  private freezeRows(): void {
    const frozen = Math.min(this.sheet.getFrozenRows(), this.rows);
    if (frozen <= 0) return;
    const headRow = this.table.tHead?.rows[0];
    const headHeight = headRow ? headRow.getBoundingClientRect().height : 0;
    let top = headHeight;
    const body = this.table.tBodies[0] as HTMLTableSectionElement;
    for (let i = 0; i < frozen; i++) {
      const tr = body.rows[i] as HTMLTableRowElement;
      tr.classList.add('frozen');
      if (i === frozen - 1) tr.classList.add('frozen-last');
      const height = tr.getBoundingClientRect().height;
      for (const cell of Array.from(tr.cells)) cell.style.top = `${top}px`;
      top += height;
    }
  }

  /** The charts of the sheet, over the grid at their anchor cells. */
  private drawCharts(): void {
    this.chartsLayer.replaceChildren();
    for (const [index, chart] of this.sheet.getCharts().entries()) {
      const [row = 1, col = 1, dx = 0, dy = 0] = chart.position.map(Number);
      const anchor = this.cellBox(row, col);
      if (!anchor) continue;
      const width = Number(chart.options.width ?? DEFAULT_CHART.width);
      const height = Number(chart.options.height ?? DEFAULT_CHART.height);
      const div = document.createElement('div');
      div.className = 'chart';
      div.dataset.chart = String(index);
      div.setAttribute('role', 'img');
      div.setAttribute('aria-label', `Chart: ${String(chart.options.title ?? '')}`);
      div.style.left = `${anchor.left + dx}px`;
      div.style.top = `${anchor.top + dy}px`;
      div.style.width = `${width}px`;
      div.style.height = `${height}px`;
      div.innerHTML = chartSvg({ ...this.chartData(chart), width, height });
      this.chartsLayer.append(div);
    }
  }

  /** A chart's data: its ranges side by side, header row the series names, first column the labels. */
  private chartData(chart: ReturnType<FakeSheet['getCharts']>[number]) {
    const columns: { shown: Shown[]; money: boolean }[] = [];
    for (const range of chart.ranges) {
      const box = parseA1Range(range);
      if (!box) continue;
      const block = this.workbook.shownBlock(this.sheet, box.r1, box.c1, box.r2 - box.r1 + 1, box.c2 - box.c1 + 1);
      for (let c = 0; c <= box.c2 - box.c1; c++) {
        const format = this.sheet.peek(box.r1 + 1, box.c1 + c)?.format ?? '';
        columns.push({ shown: block.map((line) => line[c] as Shown), money: format.includes('$') });
      }
    }
    const headers = Number(chart.options.numHeaders ?? 1) > 0 ? 1 : 0;
    const [labels, ...series] = columns;
    const legend = chart.options.legend as { position?: string } | undefined;
    return {
      type: chart.type,
      title: String(chart.options.title ?? ''),
      labels: (labels?.shown ?? []).slice(headers).map((s) => s.text),
      series: series.map((s, k) => ({
        name: headers ? (s.shown[0]?.text ?? '') : `Series ${k + 1}`,
        values: s.shown.slice(headers).map((v) => (typeof v.value === 'number' ? v.value : null)),
      })),
      stacked: chart.options.isStacked === true,
      legend: legend?.position === 'none' ? false : undefined,
      money: series.some((s) => s.money),
    };
  }

  /** A cell's box inside the grid's content (drawn rows only). */
  cellBox(row: number, col: number): { left: number; top: number; width: number; height: number } | null {
    const td = this.cells.get(`${row},${this.visibleCol(col)}`);
    if (!td) return null;
    return { left: td.offsetLeft, top: td.offsetTop, width: td.offsetWidth, height: td.offsetHeight };
  }

  /** The first shown column at or after `col` (a chart anchored in a hidden column). */
  private visibleCol(col: number): number {
    return this.cols.find((c) => c >= col) ?? col;
  }

  /** Makes sure rows up to `row` are drawn. */
  ensureRow(row: number): void {
    if (row <= this.rows || this.rows >= this.maxRows) return;
    const to = Math.min(this.maxRows, Math.max(row + 20, this.rows + MORE_ROWS));
    this.appendRows(this.rows + 1, to);
    this.rows = to;
    this.drawCharts();
    this.paintSelection();
  }

  // ---- Selection ---------------------------------------------------------------------------

  select(selection: Selection, scroll = true): void {
    this.closePicker();
    this.ensureRow(selection.r2);
    this.selection = selection;
    this.paintSelection();
    if (scroll)
      this.cells.get(`${selection.row},${this.visibleCol(selection.col)}`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    this.app.selectionChanged();
  }

  private paintSelection(): void {
    for (const el of Array.from(this.table.querySelectorAll('.in-sel, .active, th.sel'))) el.classList.remove('in-sel', 'active', 'sel');
    const s = this.selection;
    const multi = s.r1 !== s.r2 || s.c1 !== s.c2;
    for (let r = s.r1; r <= Math.min(s.r2, this.rows); r++) {
      for (const c of this.cols) {
        if (c < s.c1 || c > s.c2) continue;
        const td = this.cells.get(`${r},${c}`);
        if (!td) continue;
        if (multi) td.classList.add('in-sel');
        if (r === s.row && c === s.col) td.classList.add('active');
      }
      this.table.querySelector(`tbody th[data-r="${r}"]`)?.classList.add('sel');
    }
    for (const th of Array.from(this.table.querySelectorAll<HTMLElement>('thead th[data-c]'))) {
      const c = Number(th.dataset.c);
      if (c >= s.c1 && c <= s.c2) th.classList.add('sel');
    }
  }

  private moveActive(dr: number, dc: number, extend: boolean): void {
    const s = this.selection;
    const colIndex = this.cols.indexOf(extend ? (this.anchorFar().col as number) : s.col);
    const nextCol = (this.cols[Math.min(this.cols.length - 1, Math.max(0, colIndex + dc))] ?? s.col) as number;
    if (extend) {
      const far = this.anchorFar();
      const row = Math.max(1, Math.min(this.maxRows, far.row + dr));
      const col = dc === 0 ? far.col : nextCol;
      this.farCell = { row, col };
      this.select({
        r1: Math.min(s.row, row),
        r2: Math.max(s.row, row),
        c1: Math.min(s.col, col),
        c2: Math.max(s.col, col),
        row: s.row,
        col: s.col,
      });
      return;
    }
    const row = Math.max(1, Math.min(this.maxRows, s.row + dr));
    const col = dc === 0 ? s.col : nextCol;
    this.farCell = null;
    this.select({ r1: row, r2: row, c1: col, c2: col, row, col });
  }

  private farCell: { row: number; col: number } | null = null;
  private anchorFar(): { row: number; col: number } {
    const s = this.selection;
    return this.farCell ?? { row: s.row === s.r1 ? s.r2 : s.r1, col: s.col === s.c1 ? s.c2 : s.c1 };
  }

  // ---- Editing -----------------------------------------------------------------------------

  /** The text a cell's editor starts with. */
  editTextAt(row: number, col: number): string {
    const state = this.sheet.peek(row, col);
    const value = state?.formula || (state && state.value !== '') ? this.cellValue(row, col) : null;
    return editText(state, value, (date) => this.app.serial(date));
  }

  beginEdit(initial?: string, focus = true): void {
    const s = this.selection;
    const box = this.cellBox(s.row, s.col);
    if (!box) return;
    this.closePicker();
    const original = this.editTextAt(s.row, s.col);
    this.editing = { row: s.row, col: s.col, original };
    const editor = this.editor;
    editor.hidden = false;
    editor.value = initial ?? original;
    editor.style.left = `${box.left}px`;
    editor.style.top = `${box.top}px`;
    editor.style.minWidth = `${box.width}px`;
    editor.style.width = `${Math.max(box.width, 12 + editor.value.length * 7.2)}px`;
    editor.style.height = `${Math.max(box.height, 21)}px`;
    if (focus) {
      editor.focus();
      editor.setSelectionRange(editor.value.length, editor.value.length);
      this.app.formulaBar.value = editor.value;
    }
  }

  isEditing(): boolean {
    return this.editing !== null;
  }

  /** The editor's text, changed from the formula bar. */
  setEditorText(text: string): void {
    if (!this.editing) this.beginEdit(text, false);
    else this.editor.value = text;
  }

  cancelEdit(): void {
    this.editing = null;
    this.editor.hidden = true;
    this.app.selectionChanged();
    this.focus();
  }

  /** Writes the editor's text into its cell, then moves (Enter: down, Tab: right). */
  async commitEdit(move: 'down' | 'right' | 'none' = 'down'): Promise<void> {
    const editing = this.editing;
    if (!editing) return;
    const text = this.editor.value;
    this.editing = null;
    this.editor.hidden = true;
    this.focus();
    // The selection moves at once, as in Sheets; the write follows (it may first ask about a protection).
    if (move === 'down') this.moveActive(1, 0, false);
    else if (move === 'right') this.moveActive(0, 1, false);
    if (text !== editing.original) await this.app.writeCells(this.sheet, editing.row, editing.col, [[text]]);
    else this.app.selectionChanged();
  }

  // ---- Dropdowns ---------------------------------------------------------------------------

  private openPicker(row: number, col: number): void {
    this.closePicker();
    const validation = this.sheet.peek(row, col)?.validation;
    if (!validation || !hasDropdown(validation)) return;
    const choices =
      validation.getCriteriaType() === 'VALUE_IN_RANGE'
        ? this.rangeValues(String(validation.getCriteriaValues()[0]))
        : listValues(validation);
    const box = this.cellBox(row, col);
    if (!box) return;
    const picker = document.createElement('div');
    picker.className = 'picker';
    picker.setAttribute('role', 'listbox');
    picker.style.left = `${box.left}px`;
    picker.style.top = `${box.top + box.height}px`;
    for (const choice of [...new Set(choices)]) {
      const button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('role', 'option');
      button.textContent = choice;
      button.addEventListener('click', async () => {
        this.closePicker();
        await this.app.writeCells(this.sheet, row, col, [[choice]]);
        this.focus();
      });
      picker.append(button);
    }
    (document.getElementById('grid-content') as HTMLElement).append(picker);
    this.picker = picker;
    (picker.firstElementChild as HTMLElement | null)?.focus();
  }

  private closePicker(): void {
    this.picker?.remove();
    this.picker = null;
  }

  // ---- What a cell shows on hover and when selected ------------------------------------------

  /** Error, note or invalid-value text of a cell, for the card beside it. */
  cardFor(row: number, col: number): { kind: 'error' | 'note'; head: string; text: string } | null {
    const key = `${row},${col}`;
    const shown = this.shownCache.get(key);
    if (shown?.error) return { kind: 'error', head: 'Error', text: shown.error.message };
    const problem = this.problems.get(key);
    if (problem) return { kind: 'error', head: 'Invalid:', text: problem };
    const note = this.sheet.peek(row, col)?.style.note;
    if (note) return { kind: 'note', head: '', text: String(note) };
    return null;
  }

  shownAt(row: number, col: number): Shown | undefined {
    return this.shownCache.get(`${row},${col}`);
  }

  // ---- Events ------------------------------------------------------------------------------

  private cellOf(target: EventTarget | null): { row: number; col: number } | null {
    const td = (target as HTMLElement | null)?.closest?.('td');
    if (!td || !(td instanceof HTMLTableCellElement) || !td.dataset.r) return null;
    return { row: Number(td.dataset.r), col: Number(td.dataset.c) };
  }

  private listen(): void {
    const scroller = this.scroller;
    scroller.addEventListener('scroll', () => {
      if (scroller.scrollTop + scroller.clientHeight > scroller.scrollHeight - 400) this.ensureRow(this.rows + 1);
      this.app.hideCard();
    });
    this.table.addEventListener('mousedown', (event) => {
      if (event.button !== 0) return;
      const target = event.target as HTMLElement;
      const header = target.closest('th');
      if (header) {
        event.preventDefault();
        if (this.editing) void this.commitEdit('none');
        if (header.dataset.c) {
          const c = Number(header.dataset.c);
          this.select({ r1: 1, r2: this.maxRows, c1: c, c2: c, row: 1, col: c }, false);
        } else if (header.dataset.r) {
          const r = Number(header.dataset.r);
          this.select({ r1: r, r2: r, c1: 1, c2: this.cols[this.cols.length - 1] ?? 26, row: r, col: this.cols[0] ?? 1 }, false);
        }
        this.focus();
        return;
      }
      const cell = this.cellOf(target);
      if (!cell) return;
      event.preventDefault();
      if (this.editing) void this.commitEdit('none');
      this.focus();
      if (target.classList.contains('dd')) {
        this.select({ r1: cell.row, r2: cell.row, c1: cell.col, c2: cell.col, ...cell }, false);
        this.openPicker(cell.row, cell.col);
        return;
      }
      if (target.classList.contains('cb')) {
        this.select({ r1: cell.row, r2: cell.row, c1: cell.col, c2: cell.col, ...cell }, false);
        void this.app.writeCells(this.sheet, cell.row, cell.col, [[this.cellValue(cell.row, cell.col) === true ? 'FALSE' : 'TRUE']]);
        return;
      }
      const s = this.selection;
      if (event.shiftKey) {
        this.farCell = cell;
        this.select(
          {
            r1: Math.min(s.row, cell.row),
            r2: Math.max(s.row, cell.row),
            c1: Math.min(s.col, cell.col),
            c2: Math.max(s.col, cell.col),
            row: s.row,
            col: s.col,
          },
          false,
        );
      } else {
        this.anchor = cell;
        this.farCell = null;
        this.dragging = true;
        this.select({ r1: cell.row, r2: cell.row, c1: cell.col, c2: cell.col, ...cell }, false);
      }
    });
    this.table.addEventListener('mouseover', (event) => {
      const cell = this.cellOf(event.target);
      if (this.dragging && cell && this.anchor) {
        const a = this.anchor;
        this.farCell = cell;
        this.select(
          {
            r1: Math.min(a.row, cell.row),
            r2: Math.max(a.row, cell.row),
            c1: Math.min(a.col, cell.col),
            c2: Math.max(a.col, cell.col),
            row: a.row,
            col: a.col,
          },
          false,
        );
      }
      if (cell) this.app.hoverCard(cell.row, cell.col, this.cells.get(`${cell.row},${cell.col}`) as HTMLElement);
    });
    this.table.addEventListener('mouseleave', () => this.app.hideCard());
    document.addEventListener('mouseup', () => {
      this.dragging = false;
    });
    this.table.addEventListener('dblclick', (event) => {
      const cell = this.cellOf(event.target);
      if (!cell) return;
      this.beginEdit();
    });
    scroller.addEventListener('keydown', (event) => this.onKey(event));
    this.editor.addEventListener('keydown', (event) => {
      // The grid's own keys are not the editor's: Enter here commits, it does not start another edit.
      event.stopPropagation();
      if (event.key === 'Enter' && !event.altKey && !event.shiftKey) {
        event.preventDefault();
        void this.commitEdit('down');
      } else if (event.key === 'Tab') {
        event.preventDefault();
        void this.commitEdit('right');
      } else if (event.key === 'Escape') {
        event.preventDefault();
        this.cancelEdit();
      }
    });
    this.editor.addEventListener('input', () => {
      this.app.formulaBar.value = this.editor.value;
      this.editor.style.width = `${Math.max(Number.parseFloat(this.editor.style.minWidth) || 0, 12 + this.editor.value.length * 7.2)}px`;
    });
    document.addEventListener('copy', (event) => {
      if (document.activeElement !== this.content || this.editing) return;
      const s = this.selection;
      const rows = this.sheet.getRange(s.r1, s.c1, Math.min(s.r2, this.maxRows) - s.r1 + 1, s.c2 - s.c1 + 1).getDisplayValues();
      event.clipboardData?.setData('text/plain', rows.map((line) => line.join('\t')).join('\n'));
      event.preventDefault();
    });
    document.addEventListener('paste', (event) => {
      if (document.activeElement !== this.content || this.editing) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (!text) return;
      event.preventDefault();
      const rows = text
        .replace(/\r/g, '')
        .replace(/\n$/, '')
        .split('\n')
        .map((line) => line.split('\t'));
      const width = Math.max(...rows.map((r) => r.length));
      const s = this.selection;
      void this.app.writeCells(
        this.sheet,
        s.row,
        s.col,
        rows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]),
      );
    });
  }

  private onKey(event: KeyboardEvent): void {
    if (this.editing || event.target !== this.content) return;
    if (this.picker) {
      if (event.key === 'Escape') this.closePicker();
      return;
    }
    const s = this.selection;
    const page = Math.max(5, Math.floor(this.scroller.clientHeight / 21) - 2);
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      PageUp: [-page, 0],
      PageDown: [page, 0],
    };
    const move = moves[event.key];
    if (move && !(event.altKey && event.key === 'ArrowDown')) {
      event.preventDefault();
      this.moveActive(move[0], move[1], event.shiftKey);
      return;
    }
    if (event.key === 'ArrowDown' && event.altKey) {
      event.preventDefault();
      this.openPicker(s.row, s.col);
      return;
    }
    if (event.key === 'Home' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.select({ r1: 1, r2: 1, c1: 1, c2: 1, row: 1, col: 1 });
      return;
    }
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      this.beginEdit();
      return;
    }
    if (event.key === 'Tab') {
      event.preventDefault();
      this.moveActive(0, event.shiftKey ? -1 : 1, false);
      return;
    }
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      const rows = Math.min(s.r2, this.maxRows) - s.r1 + 1;
      void this.app.writeCells(
        this.sheet,
        s.r1,
        s.c1,
        Array.from({ length: rows }, () => new Array<string>(s.c2 - s.c1 + 1).fill('')),
      );
      return;
    }
    if (event.key === ' ' && this.sheet.peek(s.row, s.col)?.validation?.getCriteriaType() === 'CHECKBOX') {
      event.preventDefault();
      void this.app.writeCells(this.sheet, s.row, s.col, [[this.cellValue(s.row, s.col) === true ? 'FALSE' : 'TRUE']]);
      return;
    }
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      this.beginEdit(event.key);
    }
  }
}
