import type { Model, PricingEngine, ShotLine } from '../pricing';
import { InputError, isBlank, parseAudio, parseCount, parseMode, parseSecs } from '../pricing';
import { type Grid, readGrid } from './ranges';

/**
 * KLING_BUDGET's shot list: four columns (modes, secs, audios, counts), each a range or one
 * value that applies to every row. Blank rows are skipped; a bad row fails with its row number.
 */

export const SHOT_COLUMNS = ['modes', 'secs', 'audios', 'counts'] as const;
const AUDIO = 2;

interface ShotColumn {
  readonly name: string;
  readonly grid?: Grid;
  readonly single?: unknown;
}

export interface ShotList {
  readonly columns: readonly ShotColumn[];
  /** The shape the range columns share; undefined when every column is a single value. */
  readonly shape?: Grid;
}

/** A checkbox column holds FALSE in its empty rows: FALSE counts as blank there. */
function isBlankCell(value: unknown, column: number): boolean {
  return isBlank(value) || (column === AUDIO && value === false);
}

export function readShotList(args: readonly unknown[]): ShotList {
  const columns: ShotColumn[] = SHOT_COLUMNS.map((name, i) => ({ name, ...readGrid(args[i], name) }));
  const ranges = columns.filter((c) => c.grid);
  const first = ranges[0];
  for (const column of ranges) {
    const grid = column.grid as Grid;
    const shape = first?.grid as Grid;
    if (grid.rows !== shape.rows || grid.cols !== shape.cols) {
      throw new InputError(
        `${column.name} has ${grid.rows} x ${grid.cols} cells but ${first?.name} has ${shape.rows} x ${shape.cols}; give the shot list as ranges of the same rows`,
      );
    }
  }
  return { columns, shape: first?.grid };
}

/** True when no column is a range and every single value is blank. */
export function isBlankShotList(list: ShotList): boolean {
  return !list.shape && list.columns.every((c, i) => isBlankCell(c.single, i));
}

/** The shot lines of the list, blank rows skipped; an invalid row is an InputError naming it. */
export function shotLines(list: ShotList, model: Model, engine: PricingEngine): ShotLine[] {
  const { columns, shape } = list;
  const rows = shape ? shape.rows : 1;
  const cols = shape ? shape.cols : 1;
  const lines: ShotLine[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const cells = columns.map((column) => (column.grid ? (column.grid.cells[r] as readonly unknown[])[c] : column.single));
      // As in every range call, only the range columns decide that a row is blank, so a
      // single value next to whole-column ranges (A2:A, 5, FALSE, D2:D) skips the empty rows.
      const blank = cells.every((v, i) => (shape && !columns[i]?.grid) || isBlankCell(v, i));
      if (blank) continue;
      try {
        const line: ShotLine = {
          mode: parseMode(cells[0], 'mode'),
          secs: parseSecs(cells[1], model, 'secs'),
          audio: parseAudio(cells[2], 'audio'),
          model,
          count: parseCount(cells[3], 'count'),
        };
        engine.clipCredits(line);
        lines.push(line);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        throw new InputError(`${cols > 1 ? `row ${r + 1}, column ${c + 1}` : `row ${r + 1}`}: ${error.message}`);
      }
    }
  }
  return lines;
}
