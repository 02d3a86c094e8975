import type { FunctionSignature } from '../contract/signatures';
import { positions } from '../contract/signatures';
import type { ChannelWork, Clip, PricingEngine, ShotRow } from '../pricing';
import {
  channelMonthsTable,
  channelsTable,
  compareChannels,
  describeValue,
  formatThousands,
  InputError,
  isBlank,
  MAX_IMAGES,
  MAX_MONTHS,
  MAX_TEST_TAKES,
  PLANNING_RETAKE_RATE,
  parseBalance,
  parseChannelBilling,
  parseRetakeRate,
  readClipCells,
  snapCount,
  toNumber,
} from '../pricing';
import { pricesEngine } from './pricesArg';
import type { CellResult, Grid } from './ranges';
import { checkTable, readGrid, rethrow, shapeText } from './ranges';
import { readSingle } from './single';

/**
 * KLING_CHANNELS (shared/spec/channels.md): a shot list by month (models, modes, seconds, audio,
 * test takes, a retake rate per row or one for all, videos in each month) and images by month,
 * priced on every channel of the price book over the same months: the app's cheapest schedule,
 * Kling's API with its prepaid packs, each reseller. The totals table, or with `detail` "months"
 * each channel's spend by month (for charts).
 */

/** Most videos of one row in one month. */
const MAX_VIDEOS = 1_000_000;
const DETAILS = ['months'] as const;

/** A column argument of the shot list: one value for every row, or a range of one column. */
interface RowColumn {
  readonly name: string;
  readonly single: unknown;
  readonly cells: readonly unknown[] | null;
}

function readColumn(value: unknown, name: string): RowColumn {
  const read = readGrid(value, name);
  if (!read.grid) return { name, single: read.single, cells: null };
  const { rows, cols } = read.grid;
  if (cols === 1) return { name, single: undefined, cells: read.grid.cells.map((line) => line[0]) };
  if (rows === 1) return { name, single: undefined, cells: [...(read.grid.cells[0] as readonly unknown[])] };
  throw new InputError(`${name} must be one column of the shot list (one cell per shot row); this range is ${shapeText(read.grid)}`);
}

const at = (column: RowColumn, row: number): unknown => (column.cells ? column.cells[row] : column.single);

/** A whole number from `low` to `high` by the counts rule (snapped within 1e-6); blank gives 0. */
function wholeCell(value: unknown, what: string, high: number): number {
  if (isBlank(value)) return 0;
  const n = typeof value === 'boolean' ? undefined : toNumber(value);
  const whole = n === undefined || !Number.isFinite(n) ? undefined : snapCount(n);
  if (whole === undefined || !Number.isInteger(whole) || whole < 0 || whole > high) {
    throw new InputError(`${what} ${describeValue(value)} is not a whole number from 0 to ${formatThousands(high)}`);
  }
  return whole;
}

/** The months block: one row per shot row, one column per month; a single shot row may give its months as a column. */
function readVideos(value: unknown, shotRows: number): unknown[][] {
  const read = readGrid(value, 'videos_by_month');
  if (!read.grid) return Array.from({ length: shotRows }, () => [read.single]);
  const grid: Grid = read.grid;
  if (grid.rows === shotRows) return grid.cells.map((line) => [...line]);
  if (shotRows === 1 && grid.cols === 1) return [grid.cells.map((line) => line[0])];
  throw new InputError(
    `videos_by_month is ${shapeText(grid)} but the shot list has ${shotRows} ${shotRows === 1 ? 'row' : 'rows'}; give one row per shot row and one column per month, month 1 first`,
  );
}

/** Images by month: one row or one column; blank cells 0. */
function readImages(value: unknown): unknown[] {
  const read = readGrid(value, 'images_by_month');
  if (!read.grid) return [read.single];
  const { rows, cols } = read.grid;
  if (rows > 1 && cols > 1) {
    throw new InputError(`images_by_month must be one row or one column, month 1 first; this range is ${shapeText(read.grid)}`);
  }
  return rows > 1 ? read.grid.cells.map((line) => line[0]) : [...(read.grid.cells[0] as readonly unknown[])];
}

/** Columns up to the last one holding a value in any row of the videos or in the images: the months of the work. */
function monthCount(videos: readonly (readonly unknown[])[], images: readonly unknown[]): number {
  let last = 0;
  for (const line of videos) for (let m = line.length; m > last; m--) if (!isBlank(line[m - 1])) last = m;
  for (let m = images.length; m > last; m--) if (!isBlank(images[m - 1])) last = m;
  if (last > MAX_MONTHS) {
    throw new InputError(
      `videos_by_month holds ${last} months; KLING_CHANNELS takes 1 to ${MAX_MONTHS} months (one column per month, month 1 first)`,
    );
  }
  return Math.max(1, last);
}

export function channelsCall(signature: FunctionSignature, args: readonly unknown[], zone: string): CellResult {
  const p = positions(signature);
  try {
    const engine = pricesEngine(args[p.prices as number], zone);
    const columns = {
      models: readColumn(args[p.models as number], 'models'),
      modes: readColumn(args[p.modes as number], 'modes'),
      secs: readColumn(args[p.secs as number], 'secs'),
      audios: readColumn(args[p.audios as number], 'audios'),
      testTakes: readColumn(args[p.test_takes as number], 'test_takes'),
      rates: readColumn(args[p.retake_rate as number], 'retake_rate'),
    };
    const ranged = Object.values(columns).filter((c) => c.cells !== null);
    const shotRows = ranged[0]?.cells ? ranged[0].cells.length : 1;
    for (const column of ranged) {
      if ((column.cells as unknown[]).length !== shotRows) {
        throw new InputError(
          `${column.name} has ${(column.cells as unknown[]).length} rows but ${ranged[0]?.name} has ${shotRows}; give the shot list as ranges of the same rows`,
        );
      }
    }
    const videosCells = readVideos(args[p.videos_by_month as number], shotRows);
    const imagesCells = readImages(args[p.images_by_month as number]);
    const months = monthCount(videosCells, imagesCells);
    const billing = parseChannelBilling(readSingle(args[p.billing as number], 'billing'));
    const rateIsColumn = columns.rates.cells !== null;
    const sheetRate = rateIsColumn ? PLANNING_RETAKE_RATE : parseRetakeRate(columns.rates.single, 'retake_rate', PLANNING_RETAKE_RATE);
    const imageRate = parseRetakeRate(readSingle(args[p.image_retake_rate as number], 'image_retake_rate'), 'image_retake_rate', sheetRate);
    const detail = readDetail(readSingle(args[p.detail as number], 'detail'));
    const pricing = engine();
    const creditsPerImage = readCreditsPerImage(readSingle(args[p.credits_per_image as number], 'credits_per_image'), pricing);
    const topupBalance = parseBalance(readSingle(args[p.topup_balance as number], 'topup_balance'), 'topup_balance');

    const shots: ShotRow[] = [];
    for (let r = 0; r < shotRows; r++) {
      const k = r + 1;
      const line = videosCells[r] as readonly unknown[];
      try {
        const videos: number[] = [];
        for (let m = 0; m < months; m++) {
          try {
            videos.push(wholeCell(line[m], 'videos', MAX_VIDEOS));
          } catch (error) {
            if (error instanceof InputError) throw new InputError(`month ${m + 1}: ${error.message}`);
            throw error;
          }
        }
        const mode = at(columns.modes, r);
        const secs = at(columns.secs, r);
        const hasVideos = videos.some((n) => n > 0);
        if (isBlank(mode) && isBlank(secs)) {
          if (!hasVideos) continue;
          throw new InputError('it has videos but no clip; give its mode and seconds (or clear its videos)');
        }
        const clip: Clip = readClipCells(pricing, { model: at(columns.models, r), mode, secs, audio: at(columns.audios, r) });
        const testTakes = wholeCell(at(columns.testTakes, r), 'test_takes', MAX_TEST_TAKES);
        const retakeRate = rateIsColumn ? parseRetakeRate(at(columns.rates, r), 'retake_rate', PLANNING_RETAKE_RATE) : sheetRate;
        shots.push({ row: k, clip, testTakes, retakeRate, videos });
      } catch (error) {
        if (error instanceof InputError) throw new InputError(`row ${k} of the shot list: ${error.message}`);
        throw error;
      }
    }
    const images: number[] = [];
    for (let m = 0; m < months; m++) {
      try {
        images.push(wholeCell(imagesCells[m], 'images', MAX_IMAGES));
      } catch (error) {
        if (error instanceof InputError) throw new InputError(`images_by_month, month ${m + 1}: ${error.message}`);
        throw error;
      }
    }
    const work: ChannelWork = { shots, months, images, creditsPerImage, imageRetakeRate: imageRate, billing, topupBalance };
    const comparison = compareChannels(pricing, work);
    return checkTable(detail === 'months' ? channelMonthsTable(comparison) : channelsTable(comparison));
  } catch (error) {
    rethrow(error);
  }
}

function readDetail(value: unknown): 'totals' | 'months' {
  if (isBlank(value)) return 'totals';
  if (typeof value === 'string' && value.trim().toLowerCase() === 'months') return 'months';
  throw new InputError(
    `detail ${describeValue(value)} is not a detail; leave it blank for the totals, or use ${DETAILS.join(', ')} for each month's spend`,
  );
}

function readCreditsPerImage(value: unknown, engine: PricingEngine): number {
  if (isBlank(value)) return engine.book.images.creditsPerImage;
  const n = typeof value === 'boolean' ? undefined : toNumber(value);
  // Thousandths, as the price table reads the image rate: a finer value is refused, not rounded away.
  const thousandths = n === undefined ? Number.NaN : Math.round(n * 1000);
  if (n === undefined || !Number.isFinite(n) || n < 0 || n > 1_000_000 || Math.abs(n * 1000 - thousandths) > 1e-6) {
    throw new InputError(
      `credits_per_image ${describeValue(value)} is not a number of credits; use a number from 0 to 1,000,000 with at most 3 decimals, such as 0.2 or 1`,
    );
  }
  return thousandths / 1000;
}
