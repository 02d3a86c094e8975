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

export function shapeText(grid: Grid): string {
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
    if (value.some((cell) => isArray(cell))) throw new InputError(`${arg} is not a rectangular range (it mixes cells and rows)`);
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

function checkResult(value: CellValue): CellValue {
  if (typeof value === 'number' && !isFiniteNumber(value)) {
    throw new InputError('the result is too large to compute; use smaller numbers');
  }
  return value;
}

export interface BroadcastSpec {
  /** Argument names, in order, as the spec names them. */
  readonly names: readonly string[];
  /** Arguments whose FALSE counts as blank (checkbox columns hold FALSE in empty rows). */
  readonly falseIsBlank?: readonly number[];
}

function isBlankArg(value: unknown, index: number, spec: BroadcastSpec): boolean {
  return isBlank(value) || (value === false && spec.falseIsBlank !== undefined && spec.falseIsBlank.includes(index));
}

/**
 * Sheets' calling convention for one-result-per-position functions: every argument may be a
 * single value or a range; ranges must share one shape and the result has that shape.
 * Single values: blank in, blank out; bad input throws. Ranges: blank positions give "",
 * bad positions give "ERROR: ...", the others compute.
 */
export function broadcast(args: readonly unknown[], spec: BroadcastSpec, compute: (values: unknown[]) => CellValue): CellResult {
  const values: unknown[] = [];
  const grids: { index: number; grid: Grid }[] = [];
  try {
    spec.names.forEach((name, index) => {
      const read = readGrid(args[index], name);
      values.push(read.single);
      if (read.grid) grids.push({ index, grid: read.grid });
    });
  } catch (error) {
    rethrow(error);
  }

  if (grids.length === 0) {
    if (values.every((v, i) => isBlankArg(v, i, spec))) return '';
    try {
      return checkResult(compute(values));
    } catch (error) {
      rethrow(error);
    }
  }

  const first = grids[0] as { index: number; grid: Grid };
  for (const other of grids) {
    if (other.grid.rows !== first.grid.rows || other.grid.cols !== first.grid.cols) {
      throw new Error(
        `ranges of different shapes: ${spec.names[first.index]} is ${shapeText(first.grid)}, ${spec.names[other.index]} is ${shapeText(other.grid)}; give ranges of the same size`,
      );
    }
  }
  const { rows, cols } = first.grid;
  // Most columns repeat a few combinations: compute each distinct combination of range cells once.
  // Results sit in a tree of Maps keyed by each range cell in turn (Map keys keep 5, "5" and TRUE apart).
  const results = new Map<unknown, unknown>();
  let cached = 0;
  const count = grids.length;
  const indexes = grids.map((g) => g.index);
  const columns = grids.map((g) => g.grid.cells);
  const falseIsBlank = indexes.map((i) => spec.falseIsBlank?.includes(i) ?? false);
  const cellAt = (g: number, r: number, c: number): unknown =>
    ((columns[g] as readonly (readonly unknown[])[])[r] as readonly unknown[])[c];
  const computeAt = (r: number, c: number): CellValue => {
    let blank = true;
    for (let g = 0; g < count; g++) {
      const cell = cellAt(g, r, c);
      values[indexes[g] as number] = cell;
      if (blank && !(isBlank(cell) || (cell === false && (falseIsBlank[g] as boolean)))) blank = false;
    }
    if (blank) return '';
    try {
      return checkResult(compute(values));
    } catch (error) {
      return `ERROR: ${errorMessage(error)}`;
    }
  };
  const valueAt = (r: number, c: number): CellValue => {
    let node: Map<unknown, unknown> = results;
    for (let g = 0; g < count - 1; g++) {
      const cell = cellAt(g, r, c);
      let next = node.get(cell) as Map<unknown, unknown> | undefined;
      if (next === undefined) {
        next = new Map<unknown, unknown>();
        node.set(cell, next);
      }
      node = next;
    }
    const last = cellAt(count - 1, r, c);
    const known = node.get(last) as CellValue | undefined;
    if (known !== undefined) return known;
    const result = computeAt(r, c);
    if (cached < 10_000) {
      node.set(last, result);
      cached++;
    }
    return result;
  };
  const out: CellValue[][] = [];
  for (let r = 0; r < rows; r++) {
    if (cols === 1) {
      out.push([valueAt(r, 0)]);
      continue;
    }
    const line: CellValue[] = [];
    for (let c = 0; c < cols; c++) line.push(valueAt(r, c));
    out.push(line);
  }
  return out;
}

/**
 * Memoizes a parser for the length of one call, so a whole column of the same text is read once.
 * Input errors are remembered too and thrown again for the same value.
 */
export function memoize<T>(parse: (value: unknown) => T): (value: unknown) => T {
  const cache = new Map<unknown, { ok: T } | { error: unknown }>();
  return (value) => {
    let entry = cache.get(value);
    if (entry === undefined) {
      try {
        entry = { ok: parse(value) };
      } catch (error) {
        entry = { error };
      }
      if (cache.size < 10_000) cache.set(value, entry);
    }
    if ('error' in entry) throw entry.error;
    return entry.ok;
  };
}
