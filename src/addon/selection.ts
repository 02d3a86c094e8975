import { rowChoices, rowProblem } from '../contract/comparisonView';
import type { CellProblem, SelectedRow, SelectionResult } from '../contract/sidebar';
import type { AudioOption, Mode, PricingEngine, VideoModel } from '../pricing';
import {
  clipOptions,
  InputError,
  isBlank,
  lengthsText,
  MAX_LINES,
  MAX_TEST_TAKES,
  orList,
  parseAudio,
  parseCount,
  parseMode,
  parseRetakeRate,
  parseSecs,
  readModel,
  toNumber,
} from '../pricing';

/**
 * Reading rows of work from selected cells. With a header row (the budget template's shot list, or
 * any list whose header names its columns), in the selection or above it in the same columns,
 * columns are found by their names in any order: Model, Mode, Seconds, Audio, Videos per month,
 * and optionally Test takes and Retake rate (a row's own; blank: the sidebar's); every other column
 * (Scene, computed columns) is ignored, except one headed Buffer: the buffer is now a retake rate,
 * and a column of buffers is reported rather than read as rates or silently dropped.
 * Without a header the columns are, in order, mode, seconds, audio, videos per month and
 * optionally model. Pure: it gets the values and where they start. Every bad cell is reported by
 * its A1 address; nothing is guessed or skipped silently. A blank row is skipped: its mode,
 * seconds and videos are blank and its audio blank or an unticked checkbox (a model, test takes
 * or retake rate alone make no row, as in KLING_BUDGET). A row whose videos are blank is read with
 * count null: it counts as nothing, as in the template.
 */

/** Largest selection read, in cells: whole-column selections of a big sheet are refused. */
export const MAX_SELECTION_CELLS = 20 * 5000;
/** Rows above a selection searched for its header row. */
export const HEADER_LOOKBACK = MAX_LINES;
/** Problems listed one by one; beyond this many, the rest are counted. */
export const MAX_PROBLEMS = 20;

export function columnLetters(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

type Field = 'model' | 'mode' | 'secs' | 'audio' | 'count' | 'testTakes' | 'retakeRate' | 'buffer';
type Columns = Partial<Record<Field, number>>;

/** Header names of each field, as normalised by headerText. */
const HEADER_NAMES: readonly (readonly [Field, RegExp])[] = [
  ['model', /^(kling )?model$/],
  ['mode', /^(mode|quality|resolution)$/],
  ['secs', /^(secs?|seconds|length|duration|clip length)$/],
  ['audio', /^(native )?(audio|sound)$/],
  ['count', /^((final )?videos|finals?|count)( (per|a) month)?$/],
  ['testTakes', /^(standard )?test takes?( per (final|video|final video))?$/],
  ['retakeRate', /^(own )?retake rate$/],
  ['buffer', /^(retake )?buffer( for retakes)?$/],
];

/** "Videos per month (finals)" -> "videos per month": lower case, (notes) dropped, any other mark or odd space one space. */
function headerText(cell: unknown): string {
  return typeof cell === 'string'
    ? cell
        .toLowerCase()
        .replace(/\(.*?\)/g, ' ')
        .replace(/[^a-z0-9]+/g, ' ')
        .trim()
    : '';
}

/** The column of each field named in a row, or null when the row is not a header (it names no Mode and Seconds). */
function headerColumns(row: readonly unknown[] | undefined): Columns | null {
  const found: Columns = {};
  row?.forEach((cell, c) => {
    const text = headerText(cell);
    const named = HEADER_NAMES.find(([, re]) => re.test(text));
    if (named && found[named[0]] === undefined) found[named[0]] = c;
  });
  return found.mode !== undefined && found.secs !== undefined ? found : null;
}

function failure(range: string, message: string, header = false): SelectionResult {
  return { range, header, rows: [], problems: [{ cell: range, message }] };
}

/** The problem with a selection's size, read before its values are fetched; null when it is fine. */
export function selectionShapeProblem(rows: number, cols: number, range: string): SelectionResult | null {
  return rows * cols > MAX_SELECTION_CELLS
    ? failure(range, `the selection has ${rows} rows; select only the rows of work (at most ${MAX_LINES})`)
    : null;
}

const POSITIONAL: Columns = { mode: 0, secs: 1, audio: 2, count: 3, model: 4 };

/** The fields a row is made of; the others (model, test takes, retake rate) only qualify it. */
const DESCRIBING: readonly Field[] = ['mode', 'secs', 'audio', 'count'];

function wholeTakes(value: unknown): number {
  const n = isBlank(value) ? 0 : toNumber(value);
  if (n === undefined || !Number.isInteger(n) || n < 0 || n > MAX_TEST_TAKES) {
    throw new InputError(`test takes must be a whole number from 0 to ${MAX_TEST_TAKES} per final video`);
  }
  return n;
}

/** The cell a message of the core is about: "mode ...", "secs ...", "audio ..."; else the model. */
function fieldOf(message: string): Field {
  const word = /^(mode|secs|audio)\b/.exec(message)?.[1];
  return (word as Field | undefined) ?? 'model';
}

/** The lengths a model's row takes, as a message lists them: "5 or 10 (Kling 2.6)". */
function lengthChoices(model: VideoModel | undefined): string {
  if (!model) return 'a clip length';
  return model.app ? `${lengthsText(clipOptions(model.app))} (${model.name})` : `a clip length in whole seconds (${model.name})`;
}

/**
 * Rows of work from a selection's values; `top`/`left` are the sheet row and column of
 * values[0][0]; `above` are the rows above the selection in the same columns (nearest last).
 */
export function readSelection(
  engine: PricingEngine,
  values: readonly (readonly unknown[])[],
  top: number,
  left: number,
  range: string,
  above: readonly (readonly unknown[])[] = [],
): SelectionResult {
  const width = values[0]?.length ?? 0;
  let columns = headerColumns(values[0]);
  let headerRow = top;
  const first = columns ? 1 : 0;
  for (let r = above.length - 1; !columns && r >= 0; r--) {
    columns = headerColumns(above[r]);
    headerRow = top - above.length + r;
  }
  const header = !!columns;
  if (!columns) {
    if (width < 4 || width > 5) {
      return failure(
        range,
        `select the rows of your shot list with its header row (Model, Mode, Seconds, Audio, Videos per month), or 4 or 5 columns: mode, seconds, audio, videos per month and optionally model; the selection has ${width} columns`,
      );
    }
    columns = POSITIONAL;
  }
  if (columns.buffer !== undefined) {
    // A buffer b adds b to the credits; a retake rate r divides them by 1 - r: b is r = b / (1 + b).
    const cell = `${columnLetters(left + columns.buffer)}${headerRow}`;
    return {
      range,
      header,
      rows: [],
      problems: [
        {
          cell,
          message:
            'the column "Buffer" is no longer read: the buffer is now a retake rate, the share of paid, finished takes thrown away. Rename the column Retake rate and enter rates (a buffer b is a retake rate of b / (1 + b): the guide\'s 20 % buffer is 1/6, about 16.7 %)',
        },
      ],
    };
  }
  if (columns.count === undefined) return failure(range, 'the header names no column "Videos per month"', true);
  const cols = columns;
  const rows: SelectedRow[] = [];
  const problems: CellProblem[] = [];
  for (let r = first; r < values.length; r++) {
    const cells = values[r] as readonly unknown[];
    const cell = (field: Field): unknown => (cols[field] === undefined ? '' : cells[cols[field] as number]);
    if (DESCRIBING.every((f) => isBlank(cell(f)) || (f === 'audio' && cell(f) === false))) continue;
    const found: [number, CellProblem][] = [];
    const report = (field: Field, message: string) => {
      const col = cols[field] ?? (cols.mode as number);
      found.push([col, { cell: `${columnLetters(left + col)}${top + r}`, message }]);
    };
    const read = <T>(field: Field, parse: () => T): T | undefined => {
      try {
        return parse();
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        report(field, error.message);
        return undefined;
      }
    };
    const model: VideoModel | undefined = read('model', () => readModel(engine, cell('model')));
    const choices = model ? rowChoices(model) : undefined;
    const mode: Mode | undefined = read('mode', () => parseMode(cell('mode'), 'mode', choices && orList(choices.modes)));
    const secs = read('secs', () => parseSecs(cell('secs'), lengthChoices(model), 'seconds'));
    const audio: AudioOption | undefined = read('audio', () => parseAudio(cell('audio')));
    const m = mode ?? choices?.modes[0];
    if (model && m && secs !== undefined) {
      // What the model makes, in the core's words, at the cell at fault. With the mode or the audio
      // unreadable the length is still checked (with a mode and audio the model offers).
      const problem = rowProblem(engine, { model: model.name, mode: m, secs, audio: audio ?? choices?.audio(m, secs)[0] ?? 'silent' });
      if (problem && ((mode && audio) || fieldOf(problem) === 'secs')) report(fieldOf(problem), problem);
    }
    const count = read('count', () => (isBlank(cell('count')) ? null : parseCount(cell('count'), 'videos per month')));
    const testTakes = read('testTakes', () => wholeTakes(cell('testTakes')));
    const retakeRate = read('retakeRate', () => (isBlank(cell('retakeRate')) ? null : parseRetakeRate(cell('retakeRate'), 'retake rate')));
    problems.push(...found.sort((a, b) => a[0] - b[0]).map((f) => f[1]));
    if (found.length === 0) {
      rows.push({
        model: (model as VideoModel).name,
        mode: mode as Mode,
        secs: secs as number,
        audio: audio as AudioOption,
        count: count ?? null,
        testTakes: testTakes as number,
        retakeRate: retakeRate ?? null,
      });
    }
  }
  if (problems.length > MAX_PROBLEMS) {
    const more = problems.length - MAX_PROBLEMS;
    problems.splice(MAX_PROBLEMS, more, { cell: range, message: `and ${more} more ${more === 1 ? 'problem' : 'problems'}` });
  }
  if (problems.length > 0) return { range, header, rows: [], problems };
  if (rows.length === 0) return failure(range, 'the selection has no rows of work', header);
  if (rows.length > MAX_LINES)
    return failure(range, `the selection has ${rows.length} rows of work; the comparison takes at most ${MAX_LINES}`, header);
  return { range, header, rows, problems: [] };
}
