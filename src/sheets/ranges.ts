import { InputError, isBlank } from '../pricing';

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
  if (!Array.isArray(value)) return { single: value };
  const rows: unknown[][] = value.every((row) => Array.isArray(row)) ? (value as unknown[][]) : [value];
  if (rows.length === 0 || (rows[0] as unknown[]).length === 0) {
    throw new InputError(`${arg} is an empty range; give at least one cell`);
  }
  const cols = (rows[0] as unknown[]).length;
  for (const row of rows) {
    if (row.length !== cols) throw new InputError(`${arg} is not a rectangular range (its rows have different lengths)`);
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
  if (typeof value === 'number' && !Number.isFinite(value)) {
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
  const out: CellValue[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const line: CellValue[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      let blank = true;
      for (const { index, grid } of grids) {
        const cell = (grid.cells[r] as readonly unknown[])[c];
        values[index] = cell;
        if (blank && !isBlankArg(cell, index, spec)) blank = false;
      }
      if (blank) {
        line[c] = '';
        continue;
      }
      try {
        line[c] = checkResult(compute(values));
      } catch (error) {
        line[c] = `ERROR: ${errorMessage(error)}`;
      }
    }
    out[r] = line;
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
