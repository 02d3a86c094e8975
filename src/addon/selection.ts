import type { PricingEngine, ShotLine } from '../pricing';
import { InputError, isBlank, MAX_LINES, MAX_TEST_TAKES, parseBuffer, parseCount, readClip, toNumber } from '../pricing';

/**
 * Reading rows of work from selected cells. With a header row (the budget template's shot list,
 * or any list whose header names its columns), columns are found by their names in any order:
 * Model, Mode, Seconds, Audio, Videos per month, and optionally Test takes and Buffer; every other
 * column (Scene, computed columns) is ignored. Without a header the columns are, in order, mode,
 * seconds, audio, videos per month and optionally model. Pure: it gets the values and where they
 * start. A bad cell is reported by its A1 address; nothing is guessed or skipped silently.
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
export const MAX_SELECTION_CELLS = 20 * 5000;

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

type Field = 'model' | 'mode' | 'secs' | 'audio' | 'count' | 'testTakes' | 'buffer';

/** Header names of each field, lower case. */
const HEADER_NAMES: Readonly<Record<Field, readonly RegExp[]>> = {
  model: [/^model$/],
  mode: [/^mode$/, /^quality$/, /^resolution$/],
  secs: [/^sec(ond)?s$/, /^length/, /^duration/],
  audio: [/^audio$/, /^native audio$/, /^sound$/],
  count: [/^videos( per month)?$/, /^count$/, /^finals?( per month)?$/],
  testTakes: [/^test takes/],
  buffer: [/^buffer/],
};

function headerField(cell: unknown): Field | null {
  if (typeof cell !== 'string') return null;
  const text = cell.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const field of Object.keys(HEADER_NAMES) as Field[]) if (HEADER_NAMES[field].some((re) => re.test(text))) return field;
  return null;
}

/** The columns of each field found in a header row, or null when the row is not a header. */
function headerColumns(row: readonly unknown[]): Partial<Record<Field, number>> | null {
  const found: Partial<Record<Field, number>> = {};
  row.forEach((cell, c) => {
    const field = headerField(cell);
    if (field && found[field] === undefined) found[field] = c;
  });
  return found.mode !== undefined && found.secs !== undefined ? found : null;
}

/** Problems listed one by one; beyond this many, the rest are counted. */
export const MAX_PROBLEMS = 20;

export const SELECTION_COLUMNS =
  'a header row naming Mode, Seconds, Audio, Videos per month (and Model), or columns mode, seconds, audio, videos per month and optionally model';

function failure(range: string, message: string): SelectionRows {
  return { range, header: false, rows: [], problems: [{ cell: range, message }] };
}

/** The problem with a selection's size, read before its values are fetched; null when it is fine. */
export function selectionShapeProblem(rows: number, cols: number, range: string): SelectionRows | null {
  if (cols < 4) return failure(range, `select at least 4 columns: ${SELECTION_COLUMNS}; the selection has ${cols}`);
  if (rows * cols > MAX_SELECTION_CELLS) {
    return failure(range, `the selection has ${rows} rows; select only the rows of work (at most ${MAX_LINES})`);
  }
  return null;
}

const POSITIONAL: Partial<Record<Field, number>> = { mode: 0, secs: 1, audio: 2, count: 3, model: 4 };

function parseTestTakes(value: unknown): number {
  if (isBlank(value)) return 0;
  const n = toNumber(value);
  if (n === undefined || !Number.isInteger(n) || n < 0 || n > MAX_TEST_TAKES) {
    throw new InputError(`test takes must be a whole number from 0 to ${MAX_TEST_TAKES} per final video`);
  }
  return n;
}

/** Rows of work from a selection's values; `top`/`left` are the sheet row and column of values[0][0]. */
export function readSelection(
  engine: PricingEngine,
  values: readonly (readonly unknown[])[],
  top: number,
  left: number,
  range: string,
): SelectionRows {
  const width = values[0]?.length ?? 0;
  const fromHeader = values.length > 0 ? headerColumns(values[0] as readonly unknown[]) : null;
  if (!fromHeader) {
    const shape = selectionShapeProblem(values.length, width, range);
    if (shape) return shape;
    if (width > 5)
      return failure(
        range,
        `without a header row, select 4 or 5 columns (mode, seconds, audio, videos per month, model); the selection has ${width}`,
      );
  }
  const columns = fromHeader ?? POSITIONAL;
  if (fromHeader && fromHeader.count === undefined) return failure(range, 'the header has no column "Videos per month"');
  const inputs = (Object.values(columns) as number[]).filter((c) => c < width);
  const rows: ShotLine[] = [];
  const problems: CellProblem[] = [];
  for (let r = fromHeader ? 1 : 0; r < values.length; r++) {
    const cells = values[r] as readonly unknown[];
    const cellOf = (field: Field) => (columns[field] === undefined ? '' : cells[columns[field] as number]);
    // A row is blank when its inputs are (an unticked audio checkbox counts as blank); other columns are not read.
    if (inputs.every((c) => c === columns.model || isBlank(cells[c]) || (c === columns.audio && cells[c] === false))) continue;
    const sheetRow = top + r;
    const at = (field: Field) => a1(sheetRow, left + (columns[field] ?? 0));
    const read = <T>(field: Field, parse: () => T): T | undefined => {
      try {
        return parse();
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        problems.push({ cell: at(field), message: error.message });
        return undefined;
      }
    };
    const clip = read('mode', () =>
      readClip(engine, { model: cellOf('model'), mode: cellOf('mode'), secs: cellOf('secs'), audio: cellOf('audio') }, 'app'),
    );
    const count = read('count', () => parseCount(cellOf('count'), 'videos per month'));
    const testTakes = read('testTakes', () => parseTestTakes(cellOf('testTakes')));
    const buffer = read('buffer', () => (isBlank(cellOf('buffer')) ? null : parseBuffer(cellOf('buffer'))));
    if (clip && count !== undefined && testTakes !== undefined && buffer !== undefined) {
      rows.push({ clip: clip.clip, count, testTakes, buffer });
    }
  }
  if (problems.length > MAX_PROBLEMS) {
    const more = problems.length - MAX_PROBLEMS;
    return {
      range,
      header: !!fromHeader,
      rows: [],
      problems: [...problems.slice(0, MAX_PROBLEMS), { cell: range, message: `and ${more} more ${more === 1 ? 'problem' : 'problems'}` }],
    };
  }
  if (problems.length > 0) return { range, header: !!fromHeader, rows: [], problems };
  if (rows.length === 0) return failure(range, `the selection has no rows of work; select ${SELECTION_COLUMNS}`);
  if (rows.length > MAX_LINES)
    return failure(range, `the selection has ${rows.length} rows of work; the comparison takes at most ${MAX_LINES}`);
  return { range, header: !!fromHeader, rows, problems: [] };
}
