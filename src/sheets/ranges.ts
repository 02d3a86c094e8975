import { InputError, isBlank } from '../pricing';

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
  /** Positions of the arguments that describe the row (the blank rule looks only at them). */
  readonly rowArgs: readonly number[];
  /** Positions whose FALSE counts as blank (checkbox columns hold FALSE in empty rows). */
  readonly falseIsBlank: readonly number[];
  /** Adds to a message what the values look like (another argument, another function's order). */
  readonly explain?: (values: readonly unknown[], message: string) => string;
}

function isBlankAt(spec: BroadcastSpec, values: readonly unknown[], index: number): boolean {
  const value = values[index];
  return isBlank(value) || (value === false && spec.falseIsBlank.includes(index));
}

/** The blank rule: a row is blank when every argument describing it is blank. */
function rowIsBlank(spec: BroadcastSpec, values: readonly unknown[]): boolean {
  for (const index of spec.rowArgs) if (!isBlankAt(spec, values, index)) return false;
  return true;
}

function messageOf(spec: BroadcastSpec, values: readonly unknown[], error: unknown): string {
  const message = errorMessage(error);
  return error instanceof InputError && spec.explain ? spec.explain(values, message) : message;
}

/** Text this long is never used as a key: V8 hashes long strings by length alone, so a Map of them is quadratic. */
const LONGEST_KEY = 4096;
/** Largest number of combinations numbered by mixed radix (beyond it, or when sparse, they are renumbered). */
const FLAT_CACHE = 1 << 22;

/**
 * Sheets' calling convention for one-result-per-position functions: every argument may be a
 * single value or a range; ranges must share one shape and the result has that shape.
 * Single values: a blank row gives blank, bad input throws. Ranges: blank positions give "",
 * bad positions give "ERROR: ...", the others compute. Each distinct combination of range cells
 * is computed once: cells are numbered per argument, and the numbers index a table of results.
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
    if (rowIsBlank(spec, values)) return '';
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
  const positions = rows * cols;
  const count = grids.length;

  // Number every range's cells: equal cells (5, "5" and TRUE stay apart) share a number.
  const ids: Int32Array[] = [];
  const distinct: unknown[][] = [];
  for (let g = 0; g < count; g++) {
    const cells = (grids[g] as Grid).cells;
    const seen = new Map<unknown, number>();
    const list: unknown[] = [];
    const out = new Int32Array(positions);
    let p = 0;
    for (let r = 0; r < rows; r++) {
      const line = cells[r] as readonly unknown[];
      for (let c = 0; c < cols; c++) {
        const cell = line[c];
        let id = typeof cell === 'string' && cell.length > LONGEST_KEY ? undefined : seen.get(cell);
        if (id === undefined) {
          id = list.length;
          list.push(cell);
          if (!(typeof cell === 'string' && cell.length > LONGEST_KEY)) seen.set(cell, id);
        }
        out[p++] = id;
      }
    }
    ids.push(out);
    distinct.push(list);
  }

  // A combination's number: mixed radix over the ranges' numbers, or renumbered pairwise when large.
  let combos = ids[0] as Int32Array;
  let size = (distinct[0] as unknown[]).length;
  for (let g = 1; g < count; g++) {
    const next = ids[g] as Int32Array;
    const width = (distinct[g] as unknown[]).length;
    const joined = new Int32Array(positions);
    if (size * width <= Math.min(FLAT_CACHE, Math.max(1024, 8 * positions))) {
      for (let p = 0; p < positions; p++) joined[p] = (combos[p] as number) * width + (next[p] as number);
      size *= width;
    } else {
      const renumber = new Map<number, number>();
      for (let p = 0; p < positions; p++) {
        const key = (combos[p] as number) * width + (next[p] as number);
        let id = renumber.get(key);
        if (id === undefined) {
          id = renumber.size;
          renumber.set(key, id);
        }
        joined[p] = id;
      }
      size = renumber.size;
    }
    combos = joined;
  }

  const results: (CellValue | undefined)[] = new Array(size);
  const computeAt = (p: number): CellValue => {
    for (let g = 0; g < count; g++) values[gridIndexes[g] as number] = (distinct[g] as unknown[])[(ids[g] as Int32Array)[p] as number];
    if (rowIsBlank(spec, values)) return '';
    try {
      return checkResult(compute(values));
    } catch (error) {
      return `ERROR: ${messageOf(spec, values, error)}`;
    }
  };
  const out: CellValue[][] = new Array(rows);
  let p = 0;
  for (let r = 0; r < rows; r++) {
    const line: CellValue[] = new Array(cols);
    for (let c = 0; c < cols; c++, p++) {
      const combo = combos[p] as number;
      let result = results[combo];
      if (result === undefined) {
        result = computeAt(p);
        results[combo] = result;
      }
      line[c] = result;
    }
    out[r] = line;
  }
  return out;
}

/**
 * Memoizes a parser for the length of one call, so a whole column of the same text is read once.
 * Input errors are remembered too and thrown again for the same value. Long text is not kept.
 */
export function memoize<T>(parse: (value: unknown) => T): (value: unknown) => T {
  const cache = new Map<unknown, { ok: T } | { error: unknown }>();
  return (value) => {
    const long = typeof value === 'string' && value.length > LONGEST_KEY;
    let entry = long ? undefined : cache.get(value);
    if (entry === undefined) {
      try {
        entry = { ok: parse(value) };
      } catch (error) {
        entry = { error };
      }
      if (cache.size < 10_000 && !long) cache.set(value, entry);
    }
    if ('error' in entry) throw entry.error;
    return entry.ok;
  };
}
