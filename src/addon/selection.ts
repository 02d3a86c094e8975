import type { ShotLine } from '../pricing';
import { FOUR_K_ON_26, InputError, isBlank, MAX_LINES, parseAudio, parseCount, parseMode, parseModel, parseSecs } from '../pricing';

/**
 * Reading rows of work from selected cells: columns mode, seconds, audio, videos per month and
 * an optional fifth column, model (blank: 2.6). Pure: it gets the values and where they start.
 * A bad cell is reported by its A1 address; nothing is guessed or skipped silently.
 */

export interface CellProblem {
  /** "B3" */
  readonly cell: string;
  readonly message: string;
}

export interface SelectionRows {
  /** "'Shot list'!A1:E4" */
  readonly range: string;
  readonly header: boolean;
  /** The rows of work; empty whenever there is a problem. */
  readonly rows: ShotLine[];
  readonly problems: CellProblem[];
}

/** Largest selection read, in cells: whole-column selections of a big sheet are refused. */
export const MAX_SELECTION_CELLS = 5 * 5000;

export function columnLetters(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** A first row is a header when its first two cells read like "Mode" and "Seconds". */
function isHeader(row: readonly unknown[]): boolean {
  const [mode, secs] = row;
  return typeof mode === 'string' && typeof secs === 'string' && /mode|quality|resolution/i.test(mode) && /sec|length|duration/i.test(secs);
}

/** A row is blank when every cell is blank (an unticked audio checkbox counts as blank). */
function isBlankRow(row: readonly unknown[]): boolean {
  return row.every((v, i) => isBlank(v) || (i === 2 && v === false));
}

/** Problems listed one by one; beyond this many, the rest are counted. */
export const MAX_PROBLEMS = 20;

export const SELECTION_COLUMNS = 'mode, seconds, audio, videos per month and, optionally, model';

function failure(range: string, message: string): SelectionRows {
  return { range, header: false, rows: [], problems: [{ cell: range, message }] };
}

/** The problem with a selection's size, read before its values are fetched; null when it is fine. */
export function selectionShapeProblem(rows: number, cols: number, range: string): SelectionRows | null {
  if (cols < 4 || cols > 5) return failure(range, `select 4 or 5 columns (${SELECTION_COLUMNS}); the selection has ${cols}`);
  if (rows * cols > MAX_SELECTION_CELLS) {
    return failure(range, `the selection has ${rows} rows; select only the rows of work (at most ${MAX_LINES})`);
  }
  return null;
}

/** Rows of work from a selection's values; `top`/`left` are the sheet row and column of values[0][0]. */
export function readSelection(values: readonly (readonly unknown[])[], top: number, left: number, range: string): SelectionRows {
  const shape = selectionShapeProblem(values.length, values[0]?.length ?? 0, range);
  if (shape) return shape;
  const header = values.length > 0 && isHeader(values[0] as readonly unknown[]);
  const rows: ShotLine[] = [];
  const problems: CellProblem[] = [];
  for (let r = header ? 1 : 0; r < values.length; r++) {
    const cells = values[r] as readonly unknown[];
    if (isBlankRow(cells)) continue;
    const sheetRow = top + r;
    const at = (c: number) => a1(sheetRow, left + c);
    const read = <T>(c: number, parse: () => T): T | undefined => {
      try {
        return parse();
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        problems.push({ cell: at(c), message: error.message });
        return undefined;
      }
    };
    const model = read(4, () => parseModel(cells[4]));
    const mode = read(0, () => parseMode(cells[0]));
    if (mode === '4k' && model === '2.6') {
      problems.push({ cell: at(0), message: FOUR_K_ON_26 });
    }
    const secs = model === undefined ? undefined : read(1, () => parseSecs(cells[1], model, 'seconds'));
    const audio = read(2, () => parseAudio(cells[2]));
    const count = read(3, () => parseCount(cells[3], 'videos per month'));
    if (mode !== undefined && model !== undefined && secs !== undefined && audio !== undefined && count !== undefined) {
      rows.push({ mode, secs, audio, count, model });
    }
  }
  if (problems.length > MAX_PROBLEMS) {
    const more = problems.length - MAX_PROBLEMS;
    return {
      range,
      header,
      rows: [],
      problems: [...problems.slice(0, MAX_PROBLEMS), { cell: range, message: `and ${more} more ${more === 1 ? 'problem' : 'problems'}` }],
    };
  }
  if (problems.length > 0) return { range, header, rows: [], problems };
  if (rows.length === 0) return failure(range, `the selection has no rows of work; select cells with ${SELECTION_COLUMNS}`);
  if (rows.length > MAX_LINES)
    return failure(range, `the selection has ${rows.length} rows of work; the comparison takes at most ${MAX_LINES}`);
  return { range, header, rows, problems: [] };
}
