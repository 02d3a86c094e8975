import type { FunctionSignature } from '../contract/signatures';
import { positions } from '../contract/signatures';
import type { LogCells } from '../pricing';
import { actualsByMonth, actualsTable, InputError } from '../pricing';
import { pricesEngine } from './pricesArg';
import type { CellResult, Grid } from './ranges';
import { checkTable, readGrid, rethrow, shapeText } from './ranges';

/**
 * KLING_ACTUALS: the usage log's columns (dates, modes, secs, audios, outcomes, and models as a
 * range of the same rows or one value), read as one log: one call for the whole log.
 */

const COLUMNS = ['dates', 'modes', 'secs', 'audios', 'outcomes', 'models'] as const;

export function actualsCall(signature: FunctionSignature, args: readonly unknown[], zone: string): CellResult {
  const at = positions(signature);
  try {
    const columns = COLUMNS.map((name) => ({ name, ...readGrid(args[at[name] as number], name) }));
    const ranges = columns.filter((c) => c.grid);
    const shape = ranges[0]?.grid;
    for (const column of ranges) {
      const grid = column.grid as Grid;
      if (grid.rows !== (shape as Grid).rows || grid.cols !== (shape as Grid).cols) {
        throw new InputError(
          `${column.name} is ${shapeText(grid)} but ${ranges[0]?.name} is ${shapeText(shape as Grid)}; give the log's columns as ranges of the same rows`,
        );
      }
    }
    const rows = shape ? shape.rows : 1;
    const cols = shape ? shape.cols : 1;
    const log: LogCells[] = [];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const [date, mode, secs, audio, outcome, model] = columns.map((column) =>
          column.grid ? (column.grid.cells[r] as readonly unknown[])[c] : column.single,
        );
        log.push({ date, mode, secs, audio, outcome, model });
      }
    }
    const engine = pricesEngine(args[at.prices as number], zone)();
    return checkTable(actualsTable(actualsByMonth(engine, log, zone)));
  } catch (error) {
    rethrow(error);
  }
}
