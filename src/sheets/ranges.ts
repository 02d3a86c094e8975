import { InputError, isBlank } from '../pricing';
import { type CacheNode, child, find, isLongText, keep, newNode, SAMPLE } from './cache';

/**
 * Globals read once: inside a per-cell loop every global lookup costs (Apps Script, and node:vm
 * far more so, resolve globals through the global object).
 */
const isArray = Array.isArray;
const isFiniteNumber = Number.isFinite;

/** What a custom function may hand back to a cell. */
export type CellValue = string | number | boolean;
export type CellResult = CellValue | CellValue[][];

/** A rectangular range as Sheets passes it: rows of cells. */
export interface Grid {
  readonly rows: number;
  readonly cols: number;
  readonly cells: readonly (readonly unknown[])[];
}

export function shapeText(grid: { rows: number; cols: number }): string {
  return `${grid.rows} ${grid.rows === 1 ? 'row' : 'rows'} x ${grid.cols} ${grid.cols === 1 ? 'column' : 'columns'}`;
}

/**
 * A range argument as a grid, or undefined for a single value. A 1x1 range counts as a single
 * value (its cell is returned in `single`). A flat list is read as one row.
 */
export function readGrid(value: unknown, arg: string): { grid?: Grid; single?: unknown } {
  if (!isArray(value)) return { single: value };
  const empty = () => new InputError(`${arg} is an empty range; give at least one cell`);
  if (value.length === 0) throw empty();
  // Rows of cells; a flat list (no row is a list) is read as one row.
  let rows = value as unknown[][];
  if (!isArray(value[0])) {
    for (let i = 0; i < value.length; i++) {
      if (isArray(value[i])) throw new InputError(`${arg} is not a rectangular range (it mixes cells and rows)`);
    }
    rows = [value];
  }
  const cols = (rows[0] as unknown[]).length;
  if (cols === 0) throw empty();
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!isArray(row) || row.length !== cols) {
      throw new InputError(`${arg} is not a rectangular range (its rows have different lengths)`);
    }
  }
  if (rows.length === 1 && cols === 1) return { single: (rows[0] as unknown[])[0] };
  return { grid: { rows: rows.length, cols, cells: rows } };
}

/** The message shown for an error: ours as written, anything unexpected in plain words. */
export function errorMessage(error: unknown): string {
  if (error instanceof InputError) return error.message;
  return 'Kling Cost could not compute this; check the inputs';
}

/** Throw a plain Error carrying our message, as Sheets shows it in the cell's #ERROR! tooltip. */
export function rethrow(error: unknown): never {
  throw new Error(errorMessage(error));
}

/** A number that is not finite never reaches a cell. */
export function checkResult(value: CellValue): CellValue {
  if (typeof value === 'number' && !isFiniteNumber(value)) {
    throw new InputError('the result is too large to compute; use smaller numbers');
  }
  return value;
}

/** Every cell of a table passes the same check as a single value. */
export function checkTable(rows: CellValue[][]): CellValue[][] {
  for (const row of rows) for (let c = 0; c < row.length; c++) checkResult(row[c] as CellValue);
  return rows;
}

/** How one function broadcasts: its arguments' names in order, and which describe a row. */
export interface BroadcastSpec {
  /** Names of the broadcast arguments, in order. */
  readonly names: readonly string[];
  /** Positions of the arguments that can describe the row (the blank rule looks only at them). */
  readonly rowArgs: readonly number[];
  /** Adds to a message what the values look like (another argument, another function's order). */
  readonly explain?: (values: readonly unknown[], message: string) => string;
}

/**
 * The blank rule: a row is blank when every argument describing it is blank. In a range call only
 * the row arguments given as ranges describe a row (a single value is the same for every row and
 * never makes an empty row partly filled), so `=KLING_COST(A2:A, 10, TRUE, "standard")` is blank
 * below the last mode; when no row argument is a range, the single values decide.
 */
function rowIsBlank(rowArgs: readonly number[], values: readonly unknown[]): boolean {
  for (let i = 0; i < rowArgs.length; i++) if (!isBlank(values[rowArgs[i] as number])) return false;
  return true;
}

function messageOf(spec: BroadcastSpec, values: readonly unknown[], error: unknown): string {
  const message = errorMessage(error);
  return error instanceof InputError && spec.explain ? spec.explain(values, message) : message;
}

/** Most results one call keeps for reuse. */
const MAX_STORED = 100_000;
type Cells = readonly (readonly unknown[])[];

/**
 * Sheets' calling convention for one-result-per-position functions: every argument may be a
 * single value or a range; ranges must share one shape and the result has that shape.
 * Single values: a blank row gives blank, bad input throws. Ranges: blank positions give "",
 * bad positions give "ERROR: ...", the others compute. Each distinct combination of range cells
 * is computed once.
 */
export function broadcast(args: readonly unknown[], spec: BroadcastSpec, compute: (values: unknown[]) => CellValue): CellResult {
  const values: unknown[] = [];
  const gridIndexes: number[] = [];
  const grids: Grid[] = [];
  try {
    for (let i = 0; i < spec.names.length; i++) {
      const read = readGrid(args[i], spec.names[i] as string);
      values.push(read.single);
      if (read.grid) {
        gridIndexes.push(i);
        grids.push(read.grid);
      }
    }
  } catch (error) {
    rethrow(error);
  }

  if (grids.length === 0) {
    if (rowIsBlank(spec.rowArgs, values)) return '';
    try {
      return checkResult(compute(values));
    } catch (error) {
      throw new Error(messageOf(spec, values, error));
    }
  }

  const first = grids[0] as Grid;
  for (let g = 1; g < grids.length; g++) {
    const other = grids[g] as Grid;
    if (other.rows !== first.rows || other.cols !== first.cols) {
      throw new Error(
        `ranges of different shapes: ${spec.names[gridIndexes[0] as number]} is ${shapeText(first)}, ${spec.names[gridIndexes[g] as number]} is ${shapeText(other)}; give ranges of the same size`,
      );
    }
  }
  const { rows, cols } = first;
  const count = grids.length;
  const rangeRowArgs = spec.rowArgs.filter((i) => gridIndexes.includes(i));
  const deciders = rangeRowArgs.length > 0 ? rangeRowArgs : spec.rowArgs;
  const cellsOf = grids.map((g) => g.cells);
  const computeAt = (r: number, c: number): CellValue => {
    for (let g = 0; g < count; g++) values[gridIndexes[g] as number] = ((cellsOf[g] as Cells)[r] as readonly unknown[])[c];
    return computeValues();
  };
  const computeValues = (): CellValue => {
    if (rowIsBlank(deciders, values)) return '';
    try {
      return checkResult(compute(values));
    } catch (error) {
      return `ERROR: ${messageOf(spec, values, error)}`;
    }
  };
  // Each distinct combination of range cells is computed once: results sit in a tree keyed by
  // each range's cell in turn (see CacheNode). Long text is never a key.
  const results = newNode();
  let stored = 0;
  let reused = 0;
  // When nearly every row is distinct (a rate per row), keeping results only costs: stop.
  let caching = true;
  const last = count - 1;
  const lastCells = cellsOf[last] as Cells;
  const first0 = cellsOf[0] as Cells;
  const first1 = cellsOf[1] as Cells;
  const valueAt = (r: number, c: number): CellValue => {
    if (!caching) return computeAt(r, c);
    // The first two levels unrolled (most calls have two or three range arguments).
    let node: CacheNode | undefined = results;
    if (last > 0) node = child(node, (first0[r] as readonly unknown[])[c]);
    if (last > 1 && node !== undefined) node = child(node, (first1[r] as readonly unknown[])[c]);
    for (let g = 2; g < last && node !== undefined; g++) node = child(node, ((cellsOf[g] as Cells)[r] as readonly unknown[])[c]);
    const key = (lastCells[r] as readonly unknown[])[c];
    if (node === undefined || isLongText(key)) return computeAt(r, c);
    const known = find(node, key) as CellValue | undefined;
    if (known !== undefined) {
      reused++;
      return known;
    }
    const result = computeAt(r, c);
    if (stored < MAX_STORED) {
      keep(node, key, result);
      stored++;
      if (stored === SAMPLE && reused < SAMPLE) caching = false;
    }
    return result;
  };
  // Array literals, not new Array(): a global lookup per row is slow where globals live on a global object.
  const out: CellValue[][] = [];
  if (cols === 1) {
    for (let r = 0; r < rows; r++) out.push([valueAt(r, 0)]);
  } else {
    for (let r = 0; r < rows; r++) {
      const line: CellValue[] = [];
      for (let c = 0; c < cols; c++) line.push(valueAt(r, c));
      out.push(line);
    }
  }
  return out;
}

/**
 * Memoizes a parser for the length of one call, so a whole column of the same text is read once.
 * Input errors are remembered too and thrown again for the same value. Long text is not kept, and
 * values that never repeat (a rate per row) stop being kept.
 */
export function memoize<T>(parse: (value: unknown) => T): (value: unknown) => T {
  const cache = newNode();
  let kept = 0;
  let reused = 0;
  let caching = true;
  return (value) => {
    const cacheable = caching && !isLongText(value);
    // Not kept: parse it, with nothing to allocate (a rate per row calls this for every row).
    if (!cacheable) return parse(value);
    let entry = find(cache, value) as { ok: T } | { error: unknown } | undefined;
    if (entry === undefined) {
      try {
        entry = { ok: parse(value) };
      } catch (error) {
        entry = { error };
      }
      keep(cache, value, entry);
      if (++kept === SAMPLE && reused < SAMPLE) caching = false;
    } else {
      reused++;
    }
    if ('error' in entry) throw entry.error;
    return entry.ok;
  };
}
