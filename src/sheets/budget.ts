import type { FunctionSignature } from '../contract/signatures';
import { positions } from '../contract/signatures';
import type { BudgetSummary, ChannelBilling, ChannelFigure, PricingEngine, ShotLine } from '../pricing';
import {
  appBillingName,
  billingName,
  budgetSummary,
  channelFigures,
  InputError,
  isBlank,
  noResellerReason,
  notCompared,
  PLANNING_RETAKE_RATE,
  parseAudio,
  parseChannelBilling,
  parseCount,
  parseRetakeRate,
  readClipCells,
} from '../pricing';
import { pricesEngine } from './pricesArg';
import type { CellResult, CellValue, Grid } from './ranges';
import { checkTable, readGrid, rethrow } from './ranges';
import { readSingle } from './single';

/**
 * KLING_BUDGET: a shot list (modes, secs, audios, counts; model one value or a range of the same
 * rows) budgeted by the pricing core. Blank rows are skipped; an invalid row fails the whole call
 * with a message naming its row of the shot list.
 */

/** Labels of KLING_BUDGET's rows, in order; the table always has these 18 rows. */
export const BUDGET_LABELS = [
  'Videos per month',
  'Credits for delivered videos',
  'Retake rate',
  'Credits with retakes',
  'Best option (one month on its own)',
  'Monthly cost (USD)',
  '12-month cost (USD)',
  'Average month over 12 months (USD)',
  'Cost per delivered video (USD)',
  '12-month schedule',
  'Kling API, 12 months with prepaid packs (USD, estimate)',
  'Kling API packs assumed',
  'Cheapest reseller, 12 months (USD)',
  'Cheapest reseller',
  'Cheapest channel over 12 months',
  'Not compared',
  'Billing',
  'Model',
] as const;

interface Column {
  readonly name: string;
  readonly grid?: Grid;
  readonly single?: unknown;
}

const COLUMNS = ['modes', 'secs', 'audios', 'counts', 'model'] as const;
const AUDIO = 2;
const MODEL = 4;

function readColumns(args: readonly unknown[], at: Readonly<Record<string, number>>): { columns: Column[]; shape?: Grid } {
  const columns: Column[] = COLUMNS.map((name) => ({ name, ...readGrid(args[at[name] as number], name) }));
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

/** The model column alone does not make a row, nor does audio (a checkbox column holds FALSE in its empty rows). */
function describesRow(value: unknown, column: number): boolean {
  return column !== MODEL && column !== AUDIO && !isBlank(value);
}

/** The shot lines, blank rows skipped; an invalid row is an InputError naming it. */
function shotLines(engine: PricingEngine, columns: readonly Column[], shape: Grid | undefined): ShotLine[] {
  const rows = shape ? shape.rows : 1;
  const cols = shape ? shape.cols : 1;
  const lines: ShotLine[] = [];
  // A model range alone does not describe rows: then the single values describe every row.
  const rangesDecide = columns.some((column, i) => column.grid && i !== MODEL);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const cells = columns.map((column) => (column.grid ? (column.grid.cells[r] as readonly unknown[])[c] : column.single));
      // As in every range call, only the range columns decide that a row is blank, so a single
      // value next to whole-column ranges (A2:A, 5, FALSE, D2:D) skips the empty rows.
      if (!cells.some((v, i) => (!rangesDecide || columns[i]?.grid) && describesRow(v, i))) continue;
      const where = cols > 1 ? `row ${r + 1}, column ${c + 1}` : `row ${r + 1}`;
      try {
        const [mode, secs, audio, count, model] = cells;
        parseAudio(audio, 'audio');
        const clip = readClipCells(engine, { model, mode, secs, audio });
        lines.push({ clip, count: parseCount(count, 'count'), testTakes: 0, row: cols > 1 ? r * cols + c + 1 : r + 1 });
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        throw new InputError(`${where} of the shot list: ${error.message}`);
      }
    }
  }
  return lines;
}

/** KLING_BUDGET's two-column table: label, value; a value that cannot be computed is "n/a: <reason>". */
function budgetTable(summary: BudgetSummary, billing: ChannelBilling, models: string, noReseller: string): CellValue[][] {
  const year = summary.year;
  const app = summary.app;
  const appFigures = channelFigures(year, app);
  const noApp = typeof summary.credits === 'string' ? summary.credits : (app.reason ?? '');
  const api = year.channels.find((c) => c.kind === 'api') as ChannelFigure;
  const apiFigures = channelFigures(year, api);
  const resellers = year.channels.filter((c) => c.kind === 'reseller');
  const priced = resellers.filter((c) => c.total);
  const cheapestReseller = priced.reduce<ChannelFigure | null>(
    (best, c) => (!best || (c.total && best.total && c.total.compare(best.total) < 0) ? c : best),
    null,
  );
  const resellerFigures = cheapestReseller ? channelFigures(year, cheapestReseller) : null;
  const orApp = (value: CellValue | null | undefined): CellValue => (value === null || value === undefined ? noApp : value);
  const values: CellValue[] = [
    summary.videos,
    orApp(typeof summary.credits === 'number' ? summary.credits : null),
    summary.retakeRate,
    orApp(typeof summary.creditsWithRetakes === 'number' ? summary.creditsWithRetakes : null),
    orApp(summary.best ? summary.best.label : null),
    orApp(summary.monthlyCost),
    orApp(appFigures ? appFigures.total : null),
    orApp(appFigures ? appFigures.average : null),
    appFigures ? (appFigures.perVideo ?? '') : noApp,
    orApp(appFigures ? app.boughtAs : null),
    apiFigures ? apiFigures.total : (api.reason ?? 'n/a'),
    apiFigures ? api.boughtAs || 'none' : '',
    resellerFigures ? resellerFigures.total : noReseller,
    cheapestReseller ? cheapestReseller.label : noReseller,
    year.cheapest ? year.cheapest.label : `n/a: ${year.none ?? ''}`,
    notCompared(year),
    billing === 'cheapest' ? appBillingName(year, billing) : billingName(billing),
    models,
  ];
  return BUDGET_LABELS.map((label, i) => [label, values[i] as CellValue]);
}

export function budgetCall(signature: FunctionSignature, args: readonly unknown[], zone: string): CellResult {
  const at = positions(signature);
  try {
    const engine = pricesEngine(args[at.prices as number], zone);
    const { columns, shape } = readColumns(args, at);
    const billingCell = readSingle(args[at.billing as number], 'billing');
    const rateCell = readSingle(args[at.retake_rate as number], 'retake_rate');
    const allBlank = !shape && columns.every((c, i) => !describesRow(c.single, i));
    if (allBlank && isBlank(billingCell) && isBlank(rateCell)) return '';
    const pricing = engine(); // a broken price table fails the call, not a row
    const billing = parseChannelBilling(billingCell);
    const retakeRate = parseRetakeRate(rateCell, 'retake_rate', PLANNING_RETAKE_RATE);
    const lines = shotLines(pricing, columns, shape);
    const summary = budgetSummary(pricing, { lines, images: 0, billing, retakeRate });
    const models = pricing.modelNames(lines.map((l) => l.clip));
    const modelText = models.length === 0 ? 'none (no rows)' : models.map((m) => `Kling ${m}`).join(', ');
    return checkTable(
      budgetTable(
        summary,
        billing,
        modelText,
        noResellerReason(
          pricing,
          lines.map((l) => l.clip),
          summary.year,
        ),
      ),
    );
  } catch (error) {
    rethrow(error);
  }
}
