/**
 * The in-memory spreadsheet fake computed by HyperFormula, live: every write to the fake (values,
 * formulas, new, renamed or deleted sheets) reaches the engine, and every read of the fake
 * (getValues, getDisplayValues, and so getDataRange or getActiveRange values) returns what the
 * engine computed at that moment. The local preview's spreadsheet is one (scripts/preview/), so a
 * menu handler or the sidebar server reads figures, never formula text; tests can use it the same
 * way. Writes are queued and reach the engine in one batch when something is read.
 *
 * Cells reach the engine as Sheets would hold them: a formula with its open-ended ranges bounded
 * (A2:A to the sheet's last row), a Date as its serial number in the spreadsheet's time zone, text
 * in a plain-text cell ("@") or with a leading ' or = as text, and other text as typed, so "10",
 * "TRUE", "20%" or "2026-11-03" become a number, a boolean, a percent or a date, as in Sheets.
 */
import { type DetailedCellError, HyperFormula } from 'hyperformula';
import type { Cell, CellState, FakeSheet, FakeSpreadsheet, SpreadsheetEngine } from '../fakes/appsScript';
import { SHEETS_DATE_FORMATS } from './dateValue';
import { DEFAULT_ROWS, ENGINE_CONFIG, engineFormula, registerSheetsExtras } from './hyperformula';
import { settleIndirect, usesIndirect } from './indirect';
import { formatNumber, formatText, isDateFormat, type ValueKind } from './numberFormat';

/** Sheets' label of each error the engine gives. */
const ERROR_LABELS: Readonly<Record<string, string>> = {
  DIV_BY_ZERO: '#DIV/0!',
  NA: '#N/A',
  NAME: '#NAME?',
  NUM: '#NUM!',
  REF: '#REF!',
  VALUE: '#VALUE!',
  CYCLE: '#REF!',
  SPILL: '#REF!',
  ERROR: '#ERROR!',
  LIC: '#ERROR!',
};

export interface ShownError {
  /** What the cell shows: #ERROR!, #NAME?, #REF! ... */
  readonly label: string;
  /** What Sheets shows when the cell is selected or hovered. */
  readonly message: string;
}

/** A cell as a person sees it. */
export interface Shown {
  readonly text: string;
  /** The computed value: number, string, boolean, or null when empty. */
  readonly value: number | string | boolean | null;
  readonly kind: 'empty' | 'number' | 'text' | 'boolean' | 'error';
  readonly error?: ShownError;
}

function isError(value: unknown): value is DetailedCellError {
  return typeof value === 'object' && value !== null && 'type' in value && 'value' in value;
}

/** An engine error in Sheets' words. */
export function shownError(error: DetailedCellError): ShownError {
  const label = ERROR_LABELS[error.type] ?? String(error.value);
  let message = error.message ?? '';
  const unknown = /^Function name (.+) not recognized\.$/.exec(message);
  if (unknown) message = `Unknown function: '${(unknown[1] as string).toLowerCase()}'.`;
  else if (error.type === 'CYCLE') message = 'Circular dependency detected.';
  else if (/^Parsing error/.test(message)) message = 'Formula parse error.';
  else if (message === '' && label === '#DIV/0!') message = 'Function DIVIDE parameter 2 cannot be zero.';
  else if (message === '') message = `${label} error`;
  return { label, message };
}

const KINDS: Readonly<Record<string, ValueKind>> = {
  NUMBER_DATE: 'date',
  NUMBER_DATETIME: 'datetime',
  NUMBER_TIME: 'time',
  NUMBER_PERCENT: 'percent',
  NUMBER_CURRENCY: 'currency',
};

/** Wall-clock parts of an instant in a time zone. */
const zoneFormats = new Map<string, Intl.DateTimeFormat>();
function wallClock(ms: number, timeZone: string): number {
  if (timeZone === 'Etc/UTC' || timeZone === 'UTC') return ms;
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, Number(p.value)]));
  const whole = Date.UTC(parts.year as number, (parts.month as number) - 1, parts.day, parts.hour, parts.minute, parts.second);
  return whole + (((ms % 1000) + 1000) % 1000);
}

/** A Date (of any realm) as Sheets holds it in a spreadsheet of `timeZone`: days since 1899-12-30. */
export function serialOf(date: Date, timeZone: string): number {
  return wallClock(date.getTime(), timeZone) / 86_400_000 + 25_569;
}

/** The instant whose wall clock in `timeZone` is the serial number's. */
export function instantOf(serial: number, timeZone: string): number {
  const wall = Math.round((serial - 25_569) * 86_400_000);
  let t = wall;
  for (let i = 0; i < 3; i++) t = wall - (wallClock(t, timeZone) - t);
  return t;
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export interface LiveWorkbookOptions {
  /** Makes the Dates reads return (the preview makes them in the add-on's realm). */
  readonly makeDate?: (ms: number) => Date;
  /** Told after each batch of changes reached the engine. */
  readonly onChange?: () => void;
}

export class LiveWorkbook implements SpreadsheetEngine {
  readonly hf: HyperFormula;
  private readonly ids = new Map<FakeSheet, number>();
  private queue: (() => void)[] = [];
  private indirect = false;
  private readonly makeDate: (ms: number) => Date;
  private readonly onChange: (() => void) | undefined;

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    options: LiveWorkbookOptions = {},
  ) {
    registerSheetsExtras();
    this.makeDate = options.makeDate ?? ((ms) => new Date(ms));
    this.onChange = options.onChange;
    // Typed ISO dates are dates here, as in Sheets.
    this.hf = HyperFormula.buildEmpty({ ...ENGINE_CONFIG, dateFormats: SHEETS_DATE_FORMATS } as never);
    for (const sheet of spreadsheet.getSheets()) {
      this.sheetInserted(sheet);
      for (const [row, col] of sheet.cellStates()) this.written(sheet, row, col, 1, 1);
    }
    spreadsheet.engine = this;
    this.flush();
  }

  private get timeZone(): string {
    return this.spreadsheet.getSpreadsheetTimeZone();
  }

  /** The engine's id of a sheet of the fake. */
  sheetId(sheet: FakeSheet): number | undefined {
    this.flush();
    return this.ids.get(sheet);
  }

  // ---- What the fake tells the engine -------------------------------------------------------

  written(sheet: FakeSheet, row: number, col: number, rows: number, cols: number): void {
    this.queue.push(() => {
      const id = this.ids.get(sheet);
      if (id === undefined) return;
      const content: unknown[][] = [];
      for (let r = 0; r < rows; r++) {
        const line: unknown[] = [];
        for (let c = 0; c < cols; c++) line.push(this.content(sheet, sheet.peek(row + r, col + c)));
        content.push(line);
      }
      this.hf.setCellContents({ sheet: id, row: row - 1, col: col - 1 }, content as never);
    });
  }

  sheetInserted(sheet: FakeSheet): void {
    this.queue.push(() => {
      const name = this.hf.addSheet(this.freeName(sheet.getName()));
      this.ids.set(sheet, this.hf.getSheetId(name) as number);
    });
  }

  sheetRenamed(sheet: FakeSheet): void {
    const name = sheet.getName();
    this.queue.push(() => {
      const id = this.ids.get(sheet);
      if (id === undefined) return;
      const taken = this.hf.doesSheetExist(name) && this.hf.getSheetId(name) !== id;
      this.hf.renameSheet(id, taken ? this.freeName(name) : name);
    });
  }

  sheetRemoved(sheet: FakeSheet): void {
    this.queue.push(() => {
      const id = this.ids.get(sheet);
      if (id === undefined) return;
      this.hf.removeSheet(id);
      this.ids.delete(sheet);
    });
  }

  /** A sheet name the engine does not hold yet (the fake's names differ in case only, the engine's may not). */
  private freeName(name: string): string {
    if (!this.hf.doesSheetExist(name)) return name;
    let n = 2;
    while (this.hf.doesSheetExist(`${name} (${n})`)) n++;
    return `${name} (${n})`;
  }

  /** Rows of a sheet named in a formula, for its open-ended ranges. */
  private rowsOf(name: string): number {
    const sheet = this.spreadsheet.getSheetByName(name);
    return sheet ? sheet.getMaxRows() : DEFAULT_ROWS;
  }

  /** A cell of the fake as the engine takes it (see the file's comment). */
  private content(sheet: FakeSheet, state: Readonly<CellState> | undefined): unknown {
    if (!state) return null;
    if (state.formula) {
      this.indirect ||= usesIndirect(state.formula);
      return engineFormula(state.formula, (name) => this.rowsOf(name ?? sheet.getName()));
    }
    const value = state.value;
    if (isDate(value)) return serialOf(value, this.timeZone);
    if (typeof value !== 'string') return value;
    if (value === '') return null;
    if (state.format === '@' || /^[=']/.test(value)) return `'${value}`;
    return value;
  }

  /** Brings the engine up to date with every write so far (one batch); a no-op when there is none. */
  flush(): void {
    if (this.queue.length === 0) return;
    while (this.queue.length > 0) {
      const ops = this.queue;
      this.queue = [];
      this.hf.batch(() => {
        for (const op of ops) op();
      });
    }
    if (this.indirect) settleIndirect(this.hf);
    this.onChange?.();
  }

  // ---- What the fake reads -------------------------------------------------------------------

  /** The engine's value of a cell (0-based inside), flushed first. */
  private raw(sheet: FakeSheet, row: number, col: number): { value: unknown; type: string } | null {
    this.flush();
    const id = this.ids.get(sheet);
    if (id === undefined) return null;
    const address = { sheet: id, row: row - 1, col: col - 1 };
    return { value: this.hf.getCellValue(address), type: this.hf.getCellValueDetailedType(address) };
  }

  valueAt(sheet: FakeSheet, row: number, col: number, state: Readonly<CellState> | undefined): Cell | undefined {
    // The fake's own value for what was written as a number, boolean or Date, or as text the engine keeps as text.
    if (state && !state.formula && typeof state.value !== 'string') return undefined;
    const raw = this.raw(sheet, row, col);
    if (!raw) return undefined;
    const { value, type } = raw;
    if (state && !state.formula && state.value !== '' && typeof value === 'string') return undefined;
    if (value === null || value === undefined) return '';
    if (isError(value)) return shownError(value).label;
    if (typeof value === 'number') {
      const dated = (state?.format && isDateFormat(state.format)) || (!state?.format && /^NUMBER_DATE/.test(type));
      return dated ? this.makeDate(instantOf(value, this.timeZone)) : value;
    }
    return value as Cell;
  }

  display(value: Cell, format: string): string {
    if (value === '' || value === null || value === undefined) return '';
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    if (isDate(value)) return formatNumber(serialOf(value, this.timeZone), format, 'datetime');
    if (typeof value === 'number') return formatNumber(value, format);
    return formatText(String(value), format);
  }

  // ---- What the preview shows ----------------------------------------------------------------

  /** Cells as shown, rows x cols from row, col (1-based), computed values under the fake's formats. */
  shownBlock(sheet: FakeSheet, row: number, col: number, rows: number, cols: number): Shown[][] {
    this.flush();
    const id = this.ids.get(sheet);
    const out: Shown[][] = [];
    const values =
      id === undefined || rows < 1 || cols < 1
        ? []
        : this.hf.getRangeValues({
            start: { sheet: id, row: row - 1, col: col - 1 },
            end: { sheet: id, row: row + rows - 2, col: col + cols - 2 },
          });
    for (let r = 0; r < rows; r++) {
      const line: Shown[] = [];
      for (let c = 0; c < cols; c++) {
        const value = values[r]?.[c];
        line.push(this.show(sheet, id, row + r, col + c, value));
      }
      out.push(line);
    }
    return out;
  }

  shown(sheet: FakeSheet, row: number, col: number): Shown {
    return this.shownBlock(sheet, row, col, 1, 1)[0]?.[0] as Shown;
  }

  private show(sheet: FakeSheet, id: number | undefined, row: number, col: number, value: unknown): Shown {
    if (value === null || value === undefined || value === '') return { text: '', value: null, kind: 'empty' };
    if (isError(value)) {
      const error = shownError(value);
      return { text: error.label, value: error.label, kind: 'error', error };
    }
    if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', value, kind: 'boolean' };
    const state = sheet.peek(row, col);
    const format = state?.format ?? '';
    if (typeof value === 'number') {
      let kind: ValueKind = 'number';
      if (!format && id !== undefined) {
        if (state && !state.formula && isDate(state.value)) kind = 'datetime';
        else kind = KINDS[this.hf.getCellValueDetailedType({ sheet: id, row: row - 1, col: col - 1 })] ?? 'number';
      }
      if (kind === 'datetime' && Number.isInteger(value)) kind = 'date';
      return { text: formatNumber(value, format, kind), value, kind: 'number' };
    }
    return { text: formatText(String(value), format), value: String(value), kind: 'text' };
  }

  /** Evaluates a formula as if written in `sheet` (a conditional format rule's): the engine's value, or null. */
  calculate(formula: string, sheet: FakeSheet): unknown {
    this.flush();
    const id = this.ids.get(sheet);
    if (id === undefined) return null;
    try {
      return this.hf.calculateFormula(
        engineFormula(formula, (name) => this.rowsOf(name ?? sheet.getName())),
        id,
      );
    } catch {
      return null;
    }
  }

  /** The cells (row, col, 1-based, in reading order) whose computed text value passes `matches`. */
  findText(sheet: FakeSheet, matches: (text: string) => boolean): [row: number, col: number][] {
    this.flush();
    const id = this.ids.get(sheet);
    if (id === undefined) return [];
    const found: [number, number][] = [];
    const values = this.hf.getSheetValues(id);
    for (let r = 0; r < values.length; r++) {
      const line = values[r] ?? [];
      for (let c = 0; c < line.length; c++) {
        const value = line[c];
        if (typeof value === 'string' && matches(value)) found.push([r + 1, c + 1]);
      }
    }
    return found;
  }

  /** The engine's extent of a sheet (formulas' results included): rows and columns. */
  extent(sheet: FakeSheet): { rows: number; cols: number } {
    this.flush();
    const id = this.ids.get(sheet);
    if (id === undefined) return { rows: 0, cols: 0 };
    const { height, width } = this.hf.getSheetDimensions(id);
    return { rows: height, cols: width };
  }

  /** The error of a cell, if it shows one. */
  errorAt(sheet: FakeSheet, row: number, col: number): ShownError | undefined {
    return this.shown(sheet, row, col).error;
  }
}
