import type { FunctionSignature } from '../contract/signatures';
import { positions, SIGNATURES } from '../contract/signatures';
import type { PricingEngine, ReadClip } from '../pricing';
import {
  InputError,
  isBlank,
  isFree,
  parseBilling,
  parseCreditsPerMonth,
  parseFlag,
  parsePlan,
  parsePlanField,
  parseRetakeRate,
  planFigure,
  planTable,
  readClip,
  readModel,
  TICKS_PER_USD,
  yearlyTable,
  yearlyView,
} from '../pricing';
import { actualsCall } from './actuals';
import { budgetCall } from './budget';
import { child, find, isLongText, keep, newNode } from './cache';
import { channelsCall } from './channels';
import { explainFailure } from './hints';
import { monthsCall } from './months';
import { priceChangesCall } from './priceChanges';
import { pricesEngine } from './pricesArg';
import { notOnKlingApi, readProviderArg, resellerPrice } from './provider';
import type { BroadcastSpec, CellResult, CellValue } from './ranges';
import { broadcast, checkTable, memoize, rethrow } from './ranges';
import { readSingle } from './single';
import type { Zone } from './zone';
import { zoneText } from './zone';

/**
 * The custom functions. Each reads its arguments by the names of its signature (signatures.ts),
 * so the order of arguments is written once. Every function takes an optional last argument
 * `prices`, a range holding an edited price table, read once per call and never broadcast.
 *
 * Each is called as fn(zone, ...arguments): `zone` is the spreadsheet's time zone, which the
 * generated wrapper of Code.js hands down as a reader (asked only when a date is read; see zone.ts),
 * so this layer and the core stay free of Apps Script globals; '' when no date is to be read.
 */

type Compute = (values: unknown[]) => CellValue;

/** A custom function as the bundle exports it: the spreadsheet's time zone first, then the cell's arguments. */
export type CustomFunction = (zone: Zone, ...args: unknown[]) => CellResult;

/** A one-result-per-position function: `prepare` builds the per-call readers, then each position computes. */
function cellFunction(
  signature: FunctionSignature,
  prepare: (engine: () => PricingEngine, at: Readonly<Record<string, number>>) => Compute,
): CustomFunction {
  const at = positions(signature);
  const broadcastParams = signature.params.filter((p) => p.kind !== 'prices');
  const pricesAt = at.prices as number;
  const names = broadcastParams.map((p) => p.name);
  const rowArgs = broadcastParams.flatMap((p, i) => (p.row ? [i] : []));
  return (zone: Zone, ...args: unknown[]) => {
    const engine = pricesEngine(args[pricesAt], zone);
    const spec: BroadcastSpec = {
      names,
      rowArgs,
      explain: (values, message) => explainFailure(signature, values, message, engine),
    };
    return broadcast(args, spec, prepare(engine, at));
  };
}

/** A memoized clip reader for one call: (model, mode, secs, audio) cells to a checked clip. */
function clipReader(
  engine: () => PricingEngine,
  billed: 'app' | 'api',
): (model: unknown, mode: unknown, secs: unknown, audio: unknown) => ReadClip | null {
  const cache = newNode();
  return (model, mode, secs, audio) => {
    let node = child(cache, model);
    if (node !== undefined) node = child(node, mode);
    if (node !== undefined) node = child(node, secs);
    let entry = node === undefined ? undefined : (find(node, audio) as { ok: ReadClip | null } | { error: unknown } | undefined);
    if (entry === undefined) {
      try {
        entry = { ok: readClip(engine(), { model, mode, secs, audio }, billed) };
      } catch (error) {
        entry = { error };
      }
      if (node !== undefined && !isLongText(audio)) keep(node, audio, entry);
    }
    if ('error' in entry) throw entry.error;
    return entry.ok;
  };
}

const S = SIGNATURES;

/** =KLING_CREDITS(mode, secs, [audio], [model]) */
export const KLING_CREDITS = cellFunction(S.KLING_CREDITS, (engine, at) => {
  const read = clipReader(engine, 'app');
  return (v) => (read(v[at.model as number], v[at.mode as number], v[at.secs as number], v[at.audio as number]) as ReadClip).value;
});

/** Per-call readers of a plan's arguments. */
function planReaders() {
  return { plan: memoize(parsePlan), billing: memoize(parseBilling), rate: memoize((v) => parseRetakeRate(v)) };
}

/** =KLING_COST(mode, secs, audio, plan, [billing], [retake_rate], [model]) */
export const KLING_COST = cellFunction(S.KLING_COST, (engine, at) => {
  const read = clipReader(engine, 'app');
  const readers = planReaders();
  return (v) => {
    const clip = read(v[at.model as number], v[at.mode as number], v[at.secs as number], v[at.audio as number]) as ReadClip;
    const plan = readers.plan(v[at.plan as number]);
    const billing = readers.billing(v[at.billing as number]);
    return engine().costForClip(clip.clip, clip.value, plan, billing, readers.rate(v[at.retake_rate as number]));
  };
});

/** =KLING_VIDEOS(plan, mode, secs, [audio], [retake_rate], [model]) */
export const KLING_VIDEOS = cellFunction(S.KLING_VIDEOS, (engine, at) => {
  const read = clipReader(engine, 'app');
  const readers = planReaders();
  return (v) => {
    const plan = readers.plan(v[at.plan as number]);
    const clip = read(v[at.model as number], v[at.mode as number], v[at.secs as number], v[at.audio as number]) as ReadClip;
    return engine().videosForClip(clip.clip, clip.value, plan, readers.rate(v[at.retake_rate as number]));
  };
});

/** =KLING_IMAGES(plan) */
export const KLING_IMAGES = cellFunction(S.KLING_IMAGES, (engine, at) => {
  const readPlan = memoize(parsePlan);
  return (v) => engine().imagesPerMonth(readPlan(v[at.plan as number]));
});

/** =KLING_PLAN(plan, [field], [billing]) */
export const KLING_PLAN = cellFunction(S.KLING_PLAN, (engine, at) => {
  const readPlan = memoize(parsePlan);
  const readField = memoize(parsePlanField);
  const readBilling = memoize(parseBilling);
  return (v) =>
    planFigure(engine().plan(readPlan(v[at.plan as number])), readField(v[at.field as number]), readBilling(v[at.billing as number]));
});

/** The best bundle for one month on its own, from (credits_per_month, billing, allow_topups). */
function bestReader(engine: () => PricingEngine, at: Readonly<Record<string, number>>) {
  const readBilling = memoize(parseBilling);
  const readTopups = memoize((value) => parseFlag(value, 'allow_topups', true));
  return (v: unknown[]) => {
    const need = parseCreditsPerMonth(v[at.credits_per_month as number]);
    return engine().bestBundle(need, readBilling(v[at.billing as number]), readTopups(v[at.allow_topups as number]));
  };
}

/** =KLING_BEST_PLAN(credits_per_month, [billing], [allow_topups]) */
export const KLING_BEST_PLAN = cellFunction(S.KLING_BEST_PLAN, (engine, at) => {
  const best = bestReader(engine, at);
  return (v) => best(v).label;
});

/** =KLING_MONTHLY_COST(credits_per_month, [billing], [allow_topups]) */
export const KLING_MONTHLY_COST = cellFunction(S.KLING_MONTHLY_COST, (engine, at) => {
  const best = bestReader(engine, at);
  const readBilling = memoize(parseBilling);
  return (v) => {
    const bundle = best(v);
    return isFree(bundle.plan) ? 0 : engine().monthUsd(bundle, readBilling(v[at.billing as number]));
  };
});

/** The text KLING_API_COST gives for a model that no channel of the price book sells over an API. */
export const NO_API_FIGURE = 'n/a';

/** =KLING_API_COST(mode, secs, [audio], [model], [provider]) */
export const KLING_API_COST = cellFunction(S.KLING_API_COST, (engine, at) => {
  const read = clipReader(engine, 'api');
  const readProvider = memoize((value) => readProviderArg(engine(), value));
  return (v) => {
    const provider = readProvider(v[at.provider as number]);
    if (provider === null) {
      const clip = read(v[at.model as number], v[at.mode as number], v[at.secs as number], v[at.audio as number]);
      if (clip !== null) return clip.value / TICKS_PER_USD;
      const model = readModel(engine(), v[at.model as number], 'model', 'api');
      if (model.resellers.length > 0) throw new InputError(notOnKlingApi(model));
      return NO_API_FIGURE;
    }
    return resellerPrice(engine(), provider, v[at.model as number], v[at.mode as number], v[at.secs as number], v[at.audio as number]);
  };
});

/** =KLING_BUDGET(modes, secs, audios, counts, [billing], [retake_rate], [model]) */
export function KLING_BUDGET(zone: Zone, ...args: unknown[]): CellResult {
  return budgetCall(S.KLING_BUDGET, args, zoneText(zone));
}

/** Sheets' limit of characters in one cell. */
export const CELL_LIMIT = 50_000;
const CUT_NOTE = '... (see the price table)';

/** A text cut to Sheets' cell limit: its first 49,975 characters and "... (see the price table)". */
export function fitCell(text: string): string {
  if (text.length <= CELL_LIMIT) return text;
  let cut = text.slice(0, CELL_LIMIT - CUT_NOTE.length);
  // Never between the two halves of an emoji.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}${CUT_NOTE}`;
}

/** =KLING_PRICES([prices]) */
export function KLING_PRICES(zone: Zone, ...args: unknown[]): CellResult {
  try {
    const table = planTable(pricesEngine(args[positions(S.KLING_PRICES).prices as number], zone)().book);
    return checkTable(table.map((row) => row.map((cell) => (typeof cell === 'string' ? fitCell(cell) : cell))));
  } catch (error) {
    rethrow(error);
  }
}

/** =KLING_YEARLY(credits_per_month, [allow_topups]) */
export function KLING_YEARLY(zone: Zone, ...args: unknown[]): CellResult {
  const at = positions(S.KLING_YEARLY);
  try {
    const credits = readSingle(args[at.credits_per_month as number], 'credits_per_month');
    // The blank rule: a blank need is a blank result, whatever the other arguments hold.
    if (isBlank(credits)) return '';
    const topups = readSingle(args[at.allow_topups as number], 'allow_topups');
    const need = parseCreditsPerMonth(credits);
    const engine = pricesEngine(args[at.prices as number], zone)();
    return checkTable(yearlyTable(yearlyView(engine, need, parseFlag(topups, 'allow_topups', true))));
  } catch (error) {
    rethrow(error);
  }
}

/** =KLING_SCHEDULE(credits_by_month, [billing], [topup_balance]) */
export function KLING_SCHEDULE(zone: Zone, ...args: unknown[]): CellResult {
  return monthsCall(S.KLING_SCHEDULE, args, 'app', zoneText(zone));
}

/** =KLING_API_SCHEDULE(api_usd_by_month) */
export function KLING_API_SCHEDULE(zone: Zone, ...args: unknown[]): CellResult {
  return monthsCall(S.KLING_API_SCHEDULE, args, 'api', zoneText(zone));
}

/** =KLING_ACTUALS(dates, modes, secs, audios, outcomes, [models]) */
export function KLING_ACTUALS(zone: Zone, ...args: unknown[]): CellResult {
  return actualsCall(S.KLING_ACTUALS, args, zoneText(zone));
}

/** =KLING_CHANNELS(models, modes, secs, audios, videos_by_month, [billing], [retake_rate], [test_takes], [images_by_month], [credits_per_image], [image_retake_rate], [topup_balance], [detail]) */
export function KLING_CHANNELS(zone: Zone, ...args: unknown[]): CellResult {
  return channelsCall(S.KLING_CHANNELS, args, zoneText(zone));
}

/** =KLING_PRICE_CHANGES(locked_prices) */
export function KLING_PRICE_CHANGES(zone: Zone, ...args: unknown[]): CellResult {
  return priceChangesCall(S.KLING_PRICE_CHANGES, args, zoneText(zone));
}
