import type { FunctionSignature } from '../contract/signatures';
import { positions, SIGNATURES } from '../contract/signatures';
import type { PricingEngine, ReadClip } from '../pricing';
import {
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
  yearlyTable,
  yearlyView,
} from '../pricing';
import { actualsCall } from './actuals';
import { budgetCall } from './budget';
import { child, find, isLongText, keep, newNode } from './cache';
import { explainFailure } from './hints';
import { monthsCall } from './months';
import { pricesEngine } from './pricesArg';
import type { BroadcastSpec, CellResult, CellValue } from './ranges';
import { broadcast, checkTable, memoize, rethrow } from './ranges';
import { readSingle } from './single';

/**
 * The custom functions. Each reads its arguments by the names of its signature (signatures.ts),
 * so the order of arguments is written once. Every function takes an optional last argument
 * `prices`, a range holding an edited price table, read once per call and never broadcast.
 */

type Compute = (values: unknown[]) => CellValue;

/** A one-result-per-position function: `prepare` builds the per-call readers, then each position computes. */
function cellFunction(
  signature: FunctionSignature,
  prepare: (engine: () => PricingEngine, at: Readonly<Record<string, number>>) => Compute,
): (...args: unknown[]) => CellResult {
  const at = positions(signature);
  const broadcastParams = signature.params.filter((p) => p.kind !== 'prices');
  const pricesAt = at.prices as number;
  const names = broadcastParams.map((p) => p.name);
  const rowArgs = broadcastParams.flatMap((p, i) => (p.row ? [i] : []));
  const falseIsBlank = broadcastParams.flatMap((p, i) => (p.falseIsBlank ? [i] : []));
  return (...args: unknown[]) => {
    const engine = pricesEngine(args[pricesAt]);
    const spec: BroadcastSpec = {
      names,
      rowArgs,
      falseIsBlank,
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
  return { plan: memoize(parsePlan), billing: memoize(parseBilling), rate: memoize(parseRetakeRate) };
}

/** =KLING_COST(mode, secs, audio, plan, [billing], [retake_rate], [model]) */
export const KLING_COST = cellFunction(S.KLING_COST, (engine, at) => {
  const read = clipReader(engine, 'app');
  const readers = planReaders();
  return (v) => {
    const clip = read(v[at.model as number], v[at.mode as number], v[at.secs as number], v[at.audio as number]) as ReadClip;
    const plan = readers.plan(v[at.plan as number]);
    return engine().costForCredits(clip.value, plan, readers.billing(v[at.billing as number]), readers.rate(v[at.retake_rate as number]));
  };
});

/** =KLING_VIDEOS(plan, mode, secs, [audio], [retake_rate], [model]) */
export const KLING_VIDEOS = cellFunction(S.KLING_VIDEOS, (engine, at) => {
  const read = clipReader(engine, 'app');
  const readers = planReaders();
  return (v) => {
    const plan = readers.plan(v[at.plan as number]);
    const clip = read(v[at.model as number], v[at.mode as number], v[at.secs as number], v[at.audio as number]) as ReadClip;
    return engine().videosForCredits(clip.value, plan, readers.rate(v[at.retake_rate as number]));
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

/** The text KLING_API_COST gives for a model the price book has no API price for. */
export const NO_API_FIGURE = 'n/a';

/** =KLING_API_COST(mode, secs, [audio], [model]) */
export const KLING_API_COST = cellFunction(S.KLING_API_COST, (engine, at) => {
  const read = clipReader(engine, 'api');
  return (v) => {
    const clip = read(v[at.model as number], v[at.mode as number], v[at.secs as number], v[at.audio as number]);
    return clip === null ? NO_API_FIGURE : clip.value / 1000;
  };
});

/** =KLING_BUDGET(modes, secs, audios, counts, [billing], [buffer], [model]) */
export function KLING_BUDGET(...args: unknown[]): CellResult {
  return budgetCall(S.KLING_BUDGET, args);
}

/** =KLING_PRICES([prices]) */
export function KLING_PRICES(...args: unknown[]): CellResult {
  try {
    return checkTable(planTable(pricesEngine(args[positions(S.KLING_PRICES).prices as number])().book));
  } catch (error) {
    rethrow(error);
  }
}

/** =KLING_YEARLY(credits_per_month, [allow_topups]) */
export function KLING_YEARLY(...args: unknown[]): CellResult {
  const at = positions(S.KLING_YEARLY);
  try {
    const credits = readSingle(args[at.credits_per_month as number], 'credits_per_month');
    // The blank rule: a blank need is a blank result, whatever the other arguments hold.
    if (isBlank(credits)) return '';
    const topups = readSingle(args[at.allow_topups as number], 'allow_topups');
    const need = parseCreditsPerMonth(credits);
    const engine = pricesEngine(args[at.prices as number])();
    return checkTable(yearlyTable(yearlyView(engine, need, parseFlag(topups, 'allow_topups', true))));
  } catch (error) {
    rethrow(error);
  }
}

/** =KLING_SCHEDULE(credits_by_month, [billing], [topup_balance]) */
export function KLING_SCHEDULE(...args: unknown[]): CellResult {
  return monthsCall(S.KLING_SCHEDULE, args, 'app');
}

/** =KLING_API_SCHEDULE(api_usd_by_month) */
export function KLING_API_SCHEDULE(...args: unknown[]): CellResult {
  return monthsCall(S.KLING_API_SCHEDULE, args, 'api');
}

/** =KLING_ACTUALS(dates, modes, secs, audios, outcomes, [models]) */
export function KLING_ACTUALS(...args: unknown[]): CellResult {
  return actualsCall(S.KLING_ACTUALS, args);
}
