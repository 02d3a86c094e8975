/**
 * In-memory fakes of the Apps Script services the add-on uses: a spreadsheet with sheets, ranges,
 * formulas, number formats, data validation, charts and protections; the UI (menus, alerts,
 * sidebars, dialogs); and HtmlService. Every write is recorded, so tests can prove that no existing
 * cell was touched. Used by the bundle tests (node:vm), by the local preview's server bridge and,
 * in the browser, by the preview's spreadsheet (scripts/preview/): this file imports nothing from
 * node, and a formula engine plugs in through FakeSpreadsheet.engine (test/support/liveWorkbook.ts).
 */

export type Cell = string | number | boolean | Date;

export interface WriteRecord {
  readonly sheet: string;
  readonly a1: string;
  readonly what: 'values' | 'formulas' | 'format' | 'validation' | 'style' | 'chart' | 'sheet' | 'protection';
}

/**
 * A formula engine behind the fake (the preview's, or a test's): what reads return for computed
 * cells, and what it is told of every write. Without one, the fake returns what was written (a
 * formula cell reads as ""), as it always has.
 */
export interface SpreadsheetEngine {
  /**
   * The value a read returns for a cell: a formula's result, a cell inside an array result, text
   * the engine reads as a number or date. undefined: the fake's own value.
   */
  valueAt(sheet: FakeSheet, row: number, col: number, state: Readonly<CellState> | undefined): Cell | undefined;
  /** The text getDisplayValues gives for a value under a number format. */
  display?(value: Cell, format: string): string;
  /** After values or formulas were written into a block of cells. */
  written?(sheet: FakeSheet, row: number, col: number, rows: number, cols: number): void;
  sheetInserted?(sheet: FakeSheet): void;
  sheetRenamed?(sheet: FakeSheet, oldName: string): void;
  sheetRemoved?(sheet: FakeSheet): void;
}

/** Column letters of A1 notation. Written apart from src/addon/layout.ts on purpose: the fake
 * checks the add-on's ranges, so it must not share the add-on's arithmetic. */
function columnLetters(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function a1Of(row: number, col: number, rows = 1, cols = 1): string {
  const start = `${columnLetters(col)}${row}`;
  return rows === 1 && cols === 1 ? start : `${start}:${columnLetters(col + cols - 1)}${row + rows - 1}`;
}

/** Parses "B2", "B2:D9", "A:A" is not supported (the add-on never asks for it). */
export function parseA1(a1: string): { row: number; col: number; rows: number; cols: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(a1.trim());
  if (!match) throw new Error(`Range not found: ${a1}`);
  const toCol = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const col = toCol(match[1] as string);
  const row = Number(match[2]);
  const col2 = match[3] ? toCol(match[3]) : col;
  const row2 = match[4] ? Number(match[4]) : row;
  return { row: Math.min(row, row2), col: Math.min(col, col2), rows: Math.abs(row2 - row) + 1, cols: Math.abs(col2 - col) + 1 };
}

export class FakeDataValidation {
  constructor(
    readonly kind: string,
    readonly args: readonly unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}
  getCriteriaType(): string {
    return this.kind;
  }
  getCriteriaValues(): readonly unknown[] {
    return this.args;
  }
}

class FakeDataValidationBuilder {
  private kind = 'ANY';
  private args: unknown[] = [];
  private allowInvalid = true;
  private help = '';
  requireValueInList(values: unknown[], showDropdown = true) {
    this.kind = 'VALUE_IN_LIST';
    this.args = [values, showDropdown];
    return this;
  }
  requireValueInRange(range: FakeRange, showDropdown = true) {
    this.kind = 'VALUE_IN_RANGE';
    this.args = [range.getA1Notation(), showDropdown];
    return this;
  }
  requireDate() {
    this.kind = 'DATE_IS_VALID_DATE';
    this.args = [];
    return this;
  }
  requireNumberBetween(low: number, high: number) {
    this.kind = 'NUMBER_BETWEEN';
    this.args = [low, high];
    return this;
  }
  requireNumberGreaterThanOrEqualTo(low: number) {
    this.kind = 'NUMBER_GREATER_THAN_OR_EQUAL_TO';
    this.args = [low];
    return this;
  }
  requireCheckbox() {
    this.kind = 'CHECKBOX';
    this.args = [];
    return this;
  }
  setAllowInvalid(allow: boolean) {
    this.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string) {
    this.help = text;
    return this;
  }
  build() {
    return new FakeDataValidation(this.kind, this.args, this.allowInvalid, this.help);
  }
}

export class FakeChart {
  constructor(
    readonly type: string,
    readonly ranges: readonly string[],
    readonly position: readonly number[],
    readonly options: Readonly<Record<string, unknown>>,
  ) {}
}

class FakeChartBuilder {
  private type = 'BAR';
  private ranges: string[] = [];
  private position: number[] = [1, 1, 0, 0];
  private options: Record<string, unknown> = {};
  setChartType(type: string) {
    this.type = type;
    return this;
  }
  asBarChart() {
    this.type = 'BAR';
    return this;
  }
  asColumnChart() {
    this.type = 'COLUMN';
    return this;
  }
  asLineChart() {
    this.type = 'LINE';
    return this;
  }
  addRange(range: FakeRange) {
    this.ranges.push(range.getA1Notation());
    return this;
  }
  setPosition(row: number, col: number, offsetX: number, offsetY: number) {
    this.position = [row, col, offsetX, offsetY];
    return this;
  }
  setOption(key: string, value: unknown) {
    this.options[key] = value;
    return this;
  }
  setTitle(title: string) {
    this.options.title = title;
    return this;
  }
  setNumHeaders(n: number) {
    this.options.numHeaders = n;
    return this;
  }
  build() {
    return new FakeChart(this.type, this.ranges, this.position, this.options);
  }
}

export class FakeConditionalRule {
  constructor(
    readonly formula: string,
    readonly background: string,
    readonly ranges: readonly string[],
  ) {}
}

class FakeConditionalRuleBuilder {
  private formula = '';
  private background = '';
  private ranges: string[] = [];
  whenFormulaSatisfied(formula: string) {
    this.formula = formula;
    return this;
  }
  setBackground(color: string) {
    this.background = color;
    return this;
  }
  setRanges(ranges: FakeRange[]) {
    this.ranges = ranges.map((r) => r.getA1Notation());
    return this;
  }
  build() {
    return new FakeConditionalRule(this.formula, this.background, this.ranges);
  }
}

export interface CellState {
  value: Cell;
  formula: string;
  format: string;
  validation: FakeDataValidation | null;
  style: Record<string, unknown>;
}

export class FakeRange {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly row: number,
    private readonly col: number,
    private readonly rows: number,
    private readonly cols: number,
  ) {
    if (row < 1 || col < 1 || rows < 1 || cols < 1 || !Number.isInteger(row + col + rows + cols)) {
      throw new Error(`The coordinates of the range are outside the dimensions of the sheet.`);
    }
  }
  getSheet() {
    return this.sheet;
  }
  getRow() {
    return this.row;
  }
  getColumn() {
    return this.col;
  }
  getLastRow() {
    return this.row + this.rows - 1;
  }
  getLastColumn() {
    return this.col + this.cols - 1;
  }
  getNumRows() {
    return this.rows;
  }
  getNumColumns() {
    return this.cols;
  }
  getA1Notation() {
    return a1Of(this.row, this.col, this.rows, this.cols);
  }
  private map<T>(read: (state: CellState | undefined, row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const line: T[] = [];
      for (let c = 0; c < this.cols; c++) line.push(read(this.sheet.peek(this.row + r, this.col + c), this.row + r, this.col + c));
      out.push(line);
    }
    return out;
  }
  getValues(): Cell[][] {
    const engine = this.sheet.parent.engine;
    if (!engine) return this.map((s) => (s ? s.value : ''));
    // With a formula engine: what it computed (formulas, array results), at this moment.
    return this.map((s, row, col) => engine.valueAt(this.sheet, row, col, s) ?? (s ? s.value : ''));
  }
  getDisplayValues(): string[][] {
    const engine = this.sheet.parent.engine;
    if (!engine?.display) return this.map((s) => (s ? String(s.value) : ''));
    const display = engine.display.bind(engine);
    return this.getValues().map((line, r) => line.map((v, c) => display(v, this.sheet.peek(this.row + r, this.col + c)?.format ?? '')));
  }
  getValue(): Cell {
    return this.getValues()[0]?.[0] ?? '';
  }
  getFormulas(): string[][] {
    return this.map((s) => (s ? s.formula : ''));
  }
  getNumberFormats(): string[][] {
    return this.map((s) => (s ? s.format : ''));
  }
  getDataValidations(): (FakeDataValidation | null)[][] {
    return this.map((s) => (s ? s.validation : null));
  }
  isBlank(): boolean {
    return this.map((s) => !s || (s.value === '' && s.formula === '')).every((line) => line.every(Boolean));
  }
  private checkShape(grid: unknown, what: string): unknown[][] {
    if (!Array.isArray(grid) || grid.length !== this.rows || grid.some((line) => !Array.isArray(line) || line.length !== this.cols)) {
      const got = Array.isArray(grid) ? `${grid.length} x ${Array.isArray(grid[0]) ? grid[0].length : '?'}` : typeof grid;
      throw new Error(`The number of rows or columns in the ${what} does not match the range (${this.rows} x ${this.cols}); got ${got}.`);
    }
    return grid as unknown[][];
  }
  private write(grid: unknown[][], apply: (state: CellState, value: unknown) => void, what: WriteRecord['what']) {
    const run = () => {
      for (let r = 0; r < this.rows; r++) {
        for (let c = 0; c < this.cols; c++) apply(this.sheet.cell(this.row + r, this.col + c), (grid[r] as unknown[])[c]);
      }
    };
    // A format, rule or style over a large range (a 10,000-row log) is applied when the sheet is next read:
    // a sheet removed before that (a write that failed) never pays for it. Values are written at once.
    if (what !== 'values' && what !== 'formulas' && this.rows * this.cols >= LARGE_RANGE) {
      this.sheet.defer({ row: this.row, col: this.col, rows: this.rows, cols: this.cols, run });
    } else run();
    if (what === 'values' || what === 'formulas') this.sheet.parent.engine?.written?.(this.sheet, this.row, this.col, this.rows, this.cols);
    this.sheet.parent.record({ sheet: this.sheet.getName(), a1: this.getA1Notation(), what });
    return this;
  }
  /** A grid of one value (its rows share one array: the writes only read them). */
  private fill<T>(value: T): T[][] {
    const row = new Array<T>(this.cols).fill(value);
    return new Array<T[]>(this.rows).fill(row);
  }
  setValues(values: unknown[][]) {
    const grid = this.checkShape(values, 'data');
    for (const line of grid) {
      for (const v of line) {
        // Dates made by the bundle come from another realm (node:vm): recognise them by their tag.
        const ok =
          v === null ||
          ['string', 'number', 'boolean'].includes(typeof v) ||
          v instanceof Date ||
          Object.prototype.toString.call(v) === '[object Date]';
        if (!ok) throw new Error(`Cannot convert ${String(v)} to a cell value.`);
        if (typeof v === 'number' && !Number.isFinite(v)) throw new Error('Cannot write a non-finite number to a cell.');
      }
    }
    return this.write(
      grid,
      (state, v) => {
        const text = v === null ? '' : (v as Cell);
        if (typeof text === 'string' && text.startsWith("'")) {
          // As Sheets does: a leading apostrophe keeps the rest as text and is not shown.
          state.formula = '';
          state.value = text.slice(1);
        } else if (typeof text === 'string' && /^[=+]./.test(text) && state.format !== '@') {
          // Sheets reads "=..." (and, typed, "+...") as a formula: the fake does too, so tests see injection.
          // In a cell formatted as plain text ("@") it stays text, formula or not.
          state.formula = text;
          state.value = '';
        } else {
          state.formula = '';
          state.value = text;
        }
      },
      'values',
    );
  }
  setValue(value: unknown) {
    return this.setValues(this.fill(value));
  }
  setFormulas(formulas: string[][]) {
    return this.write(
      this.checkShape(formulas, 'formulas'),
      (state, f) => {
        state.formula = String(f);
        state.value = '';
      },
      'formulas',
    );
  }
  setFormula(formula: string) {
    return this.setFormulas(this.fill(formula));
  }
  setNumberFormats(formats: string[][]) {
    return this.write(this.checkShape(formats, 'formats'), (state, f) => void (state.format = String(f)), 'format');
  }
  setNumberFormat(format: string) {
    return this.setNumberFormats(this.fill(format));
  }
  setDataValidation(rule: FakeDataValidation | null) {
    return this.write(this.fill(rule), (state, r) => void (state.validation = r as FakeDataValidation | null), 'validation');
  }
  setDataValidations(rules: (FakeDataValidation | null)[][]) {
    return this.write(
      this.checkShape(rules, 'validations'),
      (state, r) => void (state.validation = r as FakeDataValidation | null),
      'validation',
    );
  }
  private style(key: string, value: unknown) {
    return this.write(this.fill(value), (state, v) => void (state.style[key] = v), 'style');
  }
  setFontWeight(weight: string) {
    return this.style('fontWeight', weight);
  }
  setFontStyle(style: string) {
    return this.style('fontStyle', style);
  }
  setFontColor(color: string) {
    return this.style('fontColor', color);
  }
  setBackground(color: string) {
    return this.style('background', color);
  }
  setHorizontalAlignment(alignment: string) {
    return this.style('horizontalAlignment', alignment);
  }
  setWrap(wrap: boolean) {
    return this.style('wrap', wrap);
  }
  setNote(note: string) {
    return this.style('note', note);
  }
  getNote(): string {
    return String(this.sheet.peek(this.row, this.col)?.style.note ?? '');
  }
  offset(rowOffset: number, colOffset: number, rows = this.rows, cols = this.cols) {
    return new FakeRange(this.sheet, this.row + rowOffset, this.col + colOffset, rows, cols);
  }
  activate() {
    this.sheet.parent.setActiveRange(this);
    return this;
  }
  /** Protects this range (as its owner: you can still edit it); warning-only protections ask before an edit. */
  protect() {
    return this.sheet.addProtection(new FakeProtection(this.sheet, 'RANGE', this));
  }
}

/** A protected sheet or range (SpreadsheetApp.ProtectionType SHEET or RANGE). */
export class FakeProtection {
  private warningOnly = false;
  private description = '';
  private unprotected: FakeRange[] = [];
  constructor(
    private readonly sheet: FakeSheet,
    readonly type: 'SHEET' | 'RANGE',
    private readonly range: FakeRange,
  ) {}
  private record() {
    this.sheet.parent.record({
      sheet: this.sheet.getName(),
      a1: this.type === 'SHEET' ? '' : this.range.getA1Notation(),
      what: 'protection',
    });
  }
  getProtectionType() {
    return this.type;
  }
  getRange() {
    return this.range;
  }
  setWarningOnly(warningOnly: boolean) {
    this.record();
    this.warningOnly = warningOnly;
    return this;
  }
  isWarningOnly() {
    return this.warningOnly;
  }
  setDescription(description: string) {
    this.record();
    this.description = description;
    return this;
  }
  getDescription() {
    return this.description;
  }
  setUnprotectedRanges(ranges: FakeRange[]) {
    this.record();
    this.unprotected = [...ranges];
    return this;
  }
  getUnprotectedRanges() {
    return [...this.unprotected];
  }
  /** The fake's user owns the spreadsheet: they can edit anything. */
  canEdit() {
    return true;
  }
  canDomainEdit() {
    return true;
  }
  setDomainEdit(_edit: boolean) {
    return this;
  }
  getEditors() {
    return [];
  }
  addEditor(_user: unknown) {
    return this;
  }
  addEditors(_users: unknown[]) {
    return this;
  }
  removeEditor(_user: unknown) {
    return this;
  }
  removeEditors(_users: unknown[]) {
    return this;
  }
  remove() {
    this.record();
    this.sheet.removeProtection(this);
  }
  /** Whether an edit of the cell at row, col falls under this protection. */
  covers(row: number, col: number): boolean {
    const inside = (r: FakeRange) => row >= r.getRow() && row <= r.getLastRow() && col >= r.getColumn() && col <= r.getLastColumn();
    if (this.type === 'SHEET') return !this.unprotected.some(inside);
    return inside(this.range);
  }
}

/** Cells from which a format, rule or style write is deferred until the sheet is read. */
const LARGE_RANGE = 2_000;

/** More columns than a sheet has (ZZZ is 18,278). */
const COLUMNS_KEY = 32_768;

export class FakeSheet {
  /** Cell states by row * COLUMNS_KEY + col (a number key: sheets of 10,000 rows are written cell by cell). */
  private readonly cells = new Map<number, CellState>();
  private readonly charts: FakeChart[] = [];
  private frozenRows = 0;
  private readonly widths = new Map<number, number>();
  constructor(
    readonly parent: FakeSpreadsheet,
    private name: string,
  ) {}
  getName() {
    return this.name;
  }
  setName(name: string) {
    if (this.parent.getSheetByName(name) && name !== this.name)
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.parent.record({ sheet: this.name, a1: '', what: 'sheet' });
    const old = this.name;
    this.name = name;
    this.parent.engine?.sheetRenamed?.(this, old);
    return this;
  }
  private readonly hidden = new Set<number>();
  private rules: FakeConditionalRule[] = [];
  hideColumns(col: number, n = 1) {
    for (let c = col; c < col + n; c++) this.hidden.add(c);
    this.parent.record({ sheet: this.name, a1: '', what: 'style' });
  }
  isColumnHiddenByUser(col: number) {
    return this.hidden.has(col);
  }
  setConditionalFormatRules(rules: FakeConditionalRule[]) {
    this.parent.record({ sheet: this.name, a1: '', what: 'style' });
    this.rules = [...rules];
  }
  getConditionalFormatRules() {
    return [...this.rules];
  }
  getParent() {
    return this.parent;
  }
  getSheetId() {
    return this.parent.getSheets().indexOf(this);
  }
  /** The state of a cell, or undefined if never written. */
  private pending: { row: number; col: number; rows: number; cols: number; run: () => void }[] = [];
  /**
   * Queues a large format, rule or style write. Every read applies the queue first, in order, and
   * so does a write to a cell the queue covers: the result is as if each write ran at once.
   */
  defer(op: { row: number; col: number; rows: number; cols: number; run: () => void }): void {
    this.pending.push(op);
  }
  private flush(): void {
    if (this.pending.length === 0) return;
    const ops = this.pending;
    this.pending = [];
    for (const op of ops) op.run();
  }
  private flushFor(row: number, col: number): void {
    for (const op of this.pending) {
      if (row >= op.row && row < op.row + op.rows && col >= op.col && col < op.col + op.cols) {
        this.flush();
        return;
      }
    }
  }
  peek(row: number, col: number): CellState | undefined {
    this.flush();
    return this.cells.get(row * COLUMNS_KEY + col);
  }
  cell(row: number, col: number): CellState {
    if (this.pending.length > 0) this.flushFor(row, col);
    const key = row * COLUMNS_KEY + col;
    let state = this.cells.get(key);
    if (!state) {
      state = { value: '', formula: '', format: '', validation: null, style: {} };
      this.cells.set(key, state);
    }
    return state;
  }
  getRange(a: number | string, col?: number, rows = 1, cols = 1): FakeRange {
    if (typeof a === 'string') {
      const r = parseA1(a);
      return new FakeRange(this, r.row, r.col, r.rows, r.cols);
    }
    return new FakeRange(this, a, col as number, rows, cols);
  }
  private extent(pick: (row: number, col: number) => number): number {
    this.flush();
    let max = 0;
    for (const [key, state] of this.cells) {
      if (state.value === '' && state.formula === '') continue;
      const [row, col] = [Math.floor(key / COLUMNS_KEY), key % COLUMNS_KEY];
      max = Math.max(max, pick(row, col));
    }
    return max;
  }
  getLastRow() {
    return this.extent((row) => row);
  }
  getLastColumn() {
    return this.extent((_, col) => col);
  }
  private maxRows = 1000;
  getMaxRows() {
    return Math.max(this.maxRows, this.getLastRow());
  }
  insertRowsAfter(after: number, howMany: number) {
    this.parent.record({ sheet: this.name, a1: '', what: 'sheet' });
    if (after < this.getMaxRows()) throw new Error('The fake inserts rows only at the end of a sheet.');
    this.maxRows = this.getMaxRows() + howMany;
    return this;
  }
  getMaxColumns() {
    return Math.max(26, this.getLastColumn());
  }
  getDataRange() {
    return new FakeRange(this, 1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }
  setFrozenRows(n: number) {
    this.frozenRows = n;
    this.parent.record({ sheet: this.name, a1: '', what: 'style' });
    return this;
  }
  getFrozenRows() {
    return this.frozenRows;
  }
  setColumnWidth(col: number, width: number) {
    this.widths.set(col, width);
    this.autoSized.delete(col);
    return this;
  }
  setColumnWidths(col: number, n: number, width: number) {
    for (let i = 0; i < n; i++) {
      this.widths.set(col + i, width);
      this.autoSized.delete(col + i);
    }
    return this;
  }
  getColumnWidth(col: number) {
    return this.widths.get(col) ?? 100;
  }
  /** Columns sized to their content by autoResizeColumns (the fake has no fonts: the preview measures them). */
  private readonly autoSized = new Set<number>();
  autoResizeColumns(col: number, n: number) {
    for (let c = col; c < col + n; c++) this.autoSized.add(c);
    return this;
  }
  autoResizeColumn(col: number) {
    return this.autoResizeColumns(col, 1);
  }
  /** Whether a column was last sized to fit its content (autoResizeColumns) rather than given a width. */
  isColumnAutoSized(col: number) {
    return this.autoSized.has(col);
  }
  private protections: FakeProtection[] = [];
  /** Protects the whole sheet (Sheet.protect()); a sheet has at most one sheet protection. */
  protect() {
    const existing = this.protections.find((p) => p.type === 'SHEET');
    if (existing) return existing;
    return this.addProtection(new FakeProtection(this, 'SHEET', new FakeRange(this, 1, 1, this.getMaxRows(), this.getMaxColumns())));
  }
  addProtection(protection: FakeProtection) {
    this.parent.record({ sheet: this.name, a1: '', what: 'protection' });
    this.protections.push(protection);
    return protection;
  }
  removeProtection(protection: FakeProtection) {
    this.protections = this.protections.filter((p) => p !== protection);
  }
  /** The protections of a type ("SHEET" or "RANGE", as SpreadsheetApp.ProtectionType names them). */
  getProtections(type: string) {
    return this.protections.filter((p) => p.type === String(type));
  }
  newChart() {
    return new FakeChartBuilder();
  }
  insertChart(chart: FakeChart) {
    this.charts.push(chart);
    this.parent.record({ sheet: this.name, a1: '', what: 'chart' });
  }
  getCharts() {
    return [...this.charts];
  }
  activate() {
    this.parent.setActiveSheet(this);
    return this;
  }
  /** Test helper: every cell state the sheet holds (also those with only a format or style), with its row and column. */
  cellStates(): [row: number, col: number, state: Readonly<CellState>][] {
    this.flush();
    return [...this.cells].map(([key, state]) => [Math.floor(key / COLUMNS_KEY), key % COLUMNS_KEY, state]);
  }
  /** Test helper: a snapshot of every written cell, "A1" -> value or formula. */
  snapshot(): Record<string, Cell> {
    this.flush();
    const out: Record<string, Cell> = {};
    for (const [key, state] of this.cells) {
      if (state.value === '' && state.formula === '') continue;
      const [row, col] = [Math.floor(key / COLUMNS_KEY), key % COLUMNS_KEY];
      out[a1Of(row, col)] = state.formula || state.value;
    }
    return out;
  }
}

export class FakeSpreadsheet {
  private readonly sheets: FakeSheet[] = [];
  private active: FakeSheet;
  private activeRange: FakeRange | null = null;
  readonly writes: WriteRecord[] = [];
  readonly toasts: string[] = [];
  /** A formula engine computing the cells (see SpreadsheetEngine); null: reads return what was written. */
  engine: SpreadsheetEngine | null = null;
  /** Told of every toast (the preview shows it). */
  onToast: ((message: string, title: string, seconds: number | undefined) => void) | null = null;
  private timeZone = 'Etc/UTC';
  constructor(firstSheet = 'Sheet1') {
    this.active = new FakeSheet(this, firstSheet);
    this.sheets.push(this.active);
  }
  /** Tests: a write for which this returns true throws, as a failed service call would. */
  failWhen: ((write: WriteRecord, index: number) => boolean) | null = null;
  /** Tests: runs just before a sheet is inserted (another user acting at the same moment). */
  beforeInsert: ((name: string) => void) | null = null;
  private lockHeld = false;
  record(write: WriteRecord) {
    if (this.failWhen?.(write, this.writes.length)) {
      this.failWhen = null;
      throw new Error('Service Spreadsheets failed while accessing document with id fake-spreadsheet.');
    }
    this.writes.push(write);
  }
  deleteSheet(sheet: FakeSheet) {
    const i = this.sheets.indexOf(sheet);
    if (i < 0) throw new Error('Sheet not found');
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets.splice(i, 1);
    if (this.active === sheet) this.active = this.sheets[Math.max(0, i - 1)] as FakeSheet;
    if (this.activeRange?.getSheet() === sheet) this.activeRange = null;
    this.writes.push({ sheet: sheet.getName(), a1: '', what: 'sheet' });
    this.engine?.sheetRemoved?.(sheet);
  }
  /** LockService.getDocumentLock() of this document. */
  documentLock() {
    const doc = this;
    let mine = false;
    return {
      tryLock(_ms: number) {
        if (doc.lockHeld && !mine) return false;
        doc.lockHeld = true;
        mine = true;
        return true;
      },
      waitLock(ms: number) {
        if (!this.tryLock(ms)) throw new Error('Lock timeout: another process was holding the lock for too long.');
      },
      releaseLock() {
        if (mine) doc.lockHeld = false;
        mine = false;
      },
      hasLock: () => mine,
    };
  }
  getId() {
    return 'fake-spreadsheet';
  }
  getName() {
    return 'Fake spreadsheet';
  }
  getSpreadsheetTimeZone() {
    return this.timeZone;
  }
  /** The preview sets the browser's zone; tests may set any IANA zone. */
  setSpreadsheetTimeZone(timeZone: string) {
    this.timeZone = timeZone;
  }
  getSpreadsheetLocale() {
    return 'en_US';
  }
  getSheets() {
    return [...this.sheets];
  }
  getSheetByName(name: string) {
    return this.sheets.find((s) => s.getName() === name) ?? null;
  }
  insertSheet(nameOrIndex?: string | number, index?: number): FakeSheet {
    let name = typeof nameOrIndex === 'string' ? nameOrIndex : '';
    if (!name) {
      let n = this.sheets.length + 1;
      while (this.getSheetByName(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    const hook = this.beforeInsert;
    this.beforeInsert = null;
    hook?.(name);
    if (this.getSheetByName(name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    // Recorded first: an insert that fails (failWhen) adds no sheet.
    this.record({ sheet: name, a1: '', what: 'sheet' });
    const sheet = new FakeSheet(this, name);
    const at = typeof nameOrIndex === 'number' ? nameOrIndex : (index ?? this.sheets.length);
    this.sheets.splice(Math.min(Math.max(at, 0), this.sheets.length), 0, sheet);
    this.active = sheet;
    this.activeRange = null;
    this.engine?.sheetInserted?.(sheet);
    return sheet;
  }
  getActiveSheet() {
    return this.active;
  }
  setActiveSheet(sheet: FakeSheet) {
    this.active = sheet;
    return sheet;
  }
  getActiveRange() {
    return this.activeRange;
  }
  setActiveRange(range: FakeRange) {
    this.active = range.getSheet();
    this.activeRange = range;
    return range;
  }
  getRange(a1: string) {
    const bang = a1.lastIndexOf('!');
    if (bang < 0) return this.active.getRange(a1);
    const name = a1.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'");
    const sheet = this.getSheetByName(name);
    if (!sheet) throw new Error(`Range not found: ${a1}`);
    return sheet.getRange(a1.slice(bang + 1));
  }
  toast(message: string, title = '', seconds?: number) {
    this.toasts.push(message);
    this.onToast?.(String(message), String(title), seconds);
  }
}

export interface UiEvent {
  readonly kind: 'menu' | 'alert' | 'prompt' | 'sidebar' | 'dialog';
  readonly title: string;
  readonly detail: unknown;
}

export class FakeHtmlOutput {
  private title = '';
  private width = 0;
  private height = 0;
  constructor(private content: string) {}
  setTitle(title: string) {
    this.title = title;
    return this;
  }
  getTitle() {
    return this.title;
  }
  setWidth(width: number) {
    this.width = width;
    return this;
  }
  setHeight(height: number) {
    this.height = height;
    return this;
  }
  getWidth() {
    return this.width;
  }
  getHeight() {
    return this.height;
  }
  getContent() {
    return this.content;
  }
  setContent(content: string) {
    this.content = content;
    return this;
  }
  setXFrameOptionsMode() {
    return this;
  }
  setSandboxMode() {
    return this;
  }
  addMetaTag() {
    return this;
  }
}

/**
 * An HTML file of the built project (dist/NAME.html), as a pushed project holds it; undefined when
 * absent. Read with node's fs when there is one (process.getBuiltinModule, Node 20.16+), so this
 * file imports nothing from node and also runs in the browser, where there is no such file.
 */
function builtFile(name: string): string | undefined {
  if (!/^[A-Za-z]+$/.test(name)) return undefined;
  const proc = (globalThis as { process?: { cwd(): string; getBuiltinModule?(id: string): unknown } }).process;
  const fs = proc?.getBuiltinModule?.('node:fs') as
    | { existsSync(path: string): boolean; readFileSync(path: string, encoding: 'utf8'): string }
    | undefined;
  if (!proc || !fs) return undefined;
  const path = `${proc.cwd()}/dist/${name}.html`;
  return fs.existsSync(path) ? fs.readFileSync(path, 'utf8') : undefined;
}

/** What a user clicks in an alert or prompt with a button set (OK_CANCEL, YES_NO ...), and the text typed into a prompt. */
export type UiAnswer = (event: UiEvent, buttons: string) => { button: string; text?: string };

export interface FakeOptions {
  readonly spreadsheet?: FakeSpreadsheet;
  /** HTML files by name, for HtmlService.createHtmlOutputFromFile ("Sidebar" -> dist/Sidebar.html). */
  readonly files?: Record<string, string>;
  /** Told of every UI event as it happens (the preview shows menus, sidebars, dialogs and alerts). */
  readonly onUi?: (event: UiEvent) => void;
  /** What the user answers to an alert or a prompt (default, as before: OK for any alert; a prompt is cancelled). */
  readonly answer?: UiAnswer;
}

/** The button sets of ui.ButtonSet. */
const BUTTON_SETS = ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'];

/** Fakes of the Apps Script globals, ready to put in a node:vm context (or, in the preview, on a window). */
export function createAppsScriptFakes(options: FakeOptions = {}) {
  const spreadsheet = options.spreadsheet ?? new FakeSpreadsheet();
  const files = options.files ?? {};
  const ui: UiEvent[] = [];
  /** Records a UI event and tells onUi, as it happens. */
  const emit = (event: UiEvent) => {
    ui.push(event);
    options.onUi?.(event);
  };
  const menus: { title: string; items: [string, string][] }[] = [];

  const makeMenu = (title: string) => {
    const items: [string, string][] = [];
    const menu = {
      addItem(caption: string, fn: string) {
        items.push([caption, fn]);
        return menu;
      },
      addSeparator() {
        items.push(['-', '']);
        return menu;
      },
      addSubMenu() {
        return menu;
      },
      addToUi() {
        menus.push({ title, items });
        emit({ kind: 'menu', title, detail: items });
      },
    };
    return menu;
  };

  const Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };
  const uiService = {
    ButtonSet: { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' },
    Button,
    createAddonMenu: () => makeMenu('Kling Cost'),
    createMenu: (title: string) => makeMenu(title),
    /** alert(message) or alert(title, message, buttons); answered by options.answer. */
    alert(title: string, message?: unknown, buttons?: unknown) {
      // alert(message, buttons): a button set as second argument.
      const set = typeof message === 'string' && BUTTON_SETS.includes(message) && buttons === undefined ? message : String(buttons ?? 'OK');
      const event: UiEvent = { kind: 'alert', title, detail: set === message ? '' : (message ?? '') };
      emit(event);
      return options.answer ? options.answer(event, set).button : Button.OK;
    },
    /** prompt(message) or prompt(title, message, buttons): a PromptResponse. */
    prompt(title: string, message?: unknown, buttons?: unknown) {
      const set = typeof message === 'string' && BUTTON_SETS.includes(message) && buttons === undefined ? message : String(buttons ?? 'OK');
      const event: UiEvent = { kind: 'prompt', title, detail: set === message ? '' : (message ?? '') };
      emit(event);
      const reply = options.answer ? options.answer(event, set) : { button: Button.CANCEL, text: '' };
      return { getSelectedButton: () => reply.button, getResponseText: () => reply.text ?? '' };
    },
    showSidebar(output: FakeHtmlOutput) {
      emit({ kind: 'sidebar', title: output.getTitle(), detail: output });
    },
    showModalDialog(output: FakeHtmlOutput, title: string) {
      emit({ kind: 'dialog', title, detail: output });
    },
    showModelessDialog(output: FakeHtmlOutput, title: string) {
      emit({ kind: 'dialog', title, detail: output });
    },
  };

  const services = {
    SpreadsheetApp: {
      getActive: () => spreadsheet,
      getActiveSpreadsheet: () => spreadsheet,
      getActiveSheet: () => spreadsheet.getActiveSheet(),
      getActiveRange: () => spreadsheet.getActiveRange(),
      getUi: () => uiService,
      flush: () => undefined,
      newDataValidation: () => new FakeDataValidationBuilder(),
      newConditionalFormatRule: () => new FakeConditionalRuleBuilder(),
      DataValidationCriteria: { VALUE_IN_LIST: 'VALUE_IN_LIST', CHECKBOX: 'CHECKBOX' },
      ProtectionType: { RANGE: 'RANGE', SHEET: 'SHEET' },
      BorderStyle: { SOLID: 'SOLID' },
      WrapStrategy: { WRAP: 'WRAP', CLIP: 'CLIP' },
    },
    Charts: {
      ChartType: { BAR: 'BAR', COLUMN: 'COLUMN', LINE: 'LINE', PIE: 'PIE' },
    },
    HtmlService: {
      createHtmlOutput: (html = '') => new FakeHtmlOutput(String(html)),
      createHtmlOutputFromFile: (name: string) => {
        const content = files[name] ?? files[`${name}.html`] ?? builtFile(name);
        if (content === undefined) throw new Error(`No HTML file named ${name} was found.`);
        return new FakeHtmlOutput(content);
      },
      createTemplateFromFile: (name: string) => {
        const content = files[name] ?? files[`${name}.html`];
        if (content === undefined) throw new Error(`No HTML file named ${name} was found.`);
        return { evaluate: () => new FakeHtmlOutput(content) };
      },
      XFrameOptionsMode: { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' },
      SandboxMode: { IFRAME: 'IFRAME' },
    },
    LockService: {
      getDocumentLock: () => spreadsheet.documentLock(),
    },
    ScriptApp: {
      AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' },
    },
  };
  return { services, spreadsheet, ui, menus };
}
