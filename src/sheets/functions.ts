import type { Clip, Model, PricingEngine } from '../pricing';
import {
  FOUR_K_ON_26,
  InputError,
  isBlank,
  parseAudio,
  parseBilling,
  parseBuffer,
  parseCreditsPerMonth,
  parseFlag,
  parseMode,
  parseModel,
  parsePlan,
  parsePlanField,
  parseRetakeRate,
  parseSecs,
  planTable,
  yearlyTable,
  yearlyView,
} from '../pricing';
import { budgetTable } from './budgetTable';
import { pricesEngine } from './pricesArg';
import { broadcast, type CellResult, type CellValue, memoize, readGrid, rethrow } from './ranges';
import { isBlankShotList, readShotList, shotLines } from './shotList';

// Every function takes an optional last argument `prices` (after the spec's arguments): a range
// holding an edited price table. It is read once per call and never broadcast per position.

/** Per-call readers of the clip arguments (mode, secs, audio, model), memoized over a range. */
function clipReader(): (mode: unknown, secs: unknown, audio: unknown, model: unknown) => Clip {
  const readModel = memoize(parseModel);
  const readMode = memoize(parseMode);
  const readAudio = memoize(parseAudio);
  const readSecs26 = memoize((v) => parseSecs(v, '2.6'));
  const readSecs30 = memoize((v) => parseSecs(v, '3.0'));
  return (mode, secs, audio, model) => {
    const parsedModel: Model = readModel(model);
    const parsedMode = readMode(mode);
    if (parsedMode === '4k' && parsedModel === '2.6') throw new InputError(FOUR_K_ON_26);
    return {
      mode: parsedMode,
      secs: parsedModel === '2.6' ? readSecs26(secs) : readSecs30(secs),
      audio: readAudio(audio),
      model: parsedModel,
    };
  };
}

/** A function of one clip (mode, secs, [audio], [model], [prices]), answered per position. */
function clipFunction(args: unknown[], answer: (engine: PricingEngine, clip: Clip) => number): CellResult {
  const engine = pricesEngine(args[4]);
  const readClip = clipReader();
  return broadcast(args, { names: ['mode', 'secs', 'audio', 'model'], falseIsBlank: [2] }, (v) =>
    answer(engine(), readClip(v[0], v[1], v[2], v[3])),
  );
}

/** =KLING_CREDITS(mode, secs, [audio], [model]) */
export function KLING_CREDITS(...args: unknown[]): CellResult {
  return clipFunction(args, (engine, clip) => engine.clipCredits(clip));
}

/** =KLING_COST(mode, secs, audio, plan, [billing], [retake_rate], [model]) */
export function KLING_COST(...args: unknown[]): CellResult {
  const engine = pricesEngine(args[7]);
  const readClip = clipReader();
  const readPlan = memoize(parsePlan);
  const readBilling = memoize(parseBilling);
  const readRate = memoize(parseRetakeRate);
  return broadcast(args, { names: ['mode', 'secs', 'audio', 'plan', 'billing', 'retake_rate', 'model'], falseIsBlank: [2] }, (v) => {
    const clip = readClip(v[0], v[1], v[2], v[6]);
    return engine().costPerVideo(clip, readPlan(v[3]), readBilling(v[4]), readRate(v[5]));
  });
}

/** =KLING_VIDEOS(plan, mode, secs, [audio], [retake_rate], [model]) */
export function KLING_VIDEOS(...args: unknown[]): CellResult {
  const engine = pricesEngine(args[6]);
  const readClip = clipReader();
  const readPlan = memoize(parsePlan);
  const readRate = memoize(parseRetakeRate);
  return broadcast(args, { names: ['plan', 'mode', 'secs', 'audio', 'retake_rate', 'model'], falseIsBlank: [3] }, (v) => {
    const plan = readPlan(v[0]);
    return engine().videosPerMonth(readClip(v[1], v[2], v[3], v[5]), plan, readRate(v[4]));
  });
}

/** =KLING_IMAGES(plan) */
export function KLING_IMAGES(...args: unknown[]): CellResult {
  const engine = pricesEngine(args[1]);
  const readPlan = memoize(parsePlan);
  return broadcast(args, { names: ['plan'] }, (v) => engine().imagesPerMonth(readPlan(v[0])));
}

/** =KLING_PLAN(plan, [field], [billing]) */
export function KLING_PLAN(...args: unknown[]): CellResult {
  const engine = pricesEngine(args[3]);
  const readPlan = memoize(parsePlan);
  const readField = memoize(parsePlanField);
  const readBilling = memoize(parseBilling);
  return broadcast(args, { names: ['plan', 'field', 'billing'] }, (v) =>
    engine().planFigure(engine().plan(readPlan(v[0])), readField(v[1]), readBilling(v[2])),
  );
}

function bestOptionOf(engine: PricingEngine, v: unknown[]) {
  const need = parseCreditsPerMonth(v[0]);
  return engine.bestOption(need, parseBilling(v[1]), parseFlag(v[2], 'allow_topups', true));
}

const BEST_SPEC = { names: ['credits_per_month', 'billing', 'allow_topups'] };

/** =KLING_BEST_PLAN(credits_per_month, [billing], [allow_topups]) */
export function KLING_BEST_PLAN(...args: unknown[]): CellResult {
  const engine = pricesEngine(args[3]);
  return broadcast(args, BEST_SPEC, (v) => bestOptionOf(engine(), v).label);
}

/** =KLING_MONTHLY_COST(credits_per_month, [billing], [allow_topups]) */
export function KLING_MONTHLY_COST(...args: unknown[]): CellResult {
  const engine = pricesEngine(args[3]);
  return broadcast(args, BEST_SPEC, (v) => bestOptionOf(engine(), v).monthlyCost);
}

/** =KLING_API_COST(mode, secs, [audio], [model]) */
export function KLING_API_COST(...args: unknown[]): CellResult {
  return clipFunction(args, (engine, clip) => engine.apiCost(clip));
}

/** A table function's scalar argument: a single value or a 1x1 range, never a larger range. */
function readSingle(value: unknown, name: string): unknown {
  const read = readGrid(value, name);
  if (read.grid) throw new InputError(`${name} must be a single value, not a range`);
  return read.single;
}

/** =KLING_BUDGET(modes, secs, audios, counts, [billing], [buffer], [model]) */
export function KLING_BUDGET(...args: unknown[]): CellResult {
  try {
    const [, , , , billingArg, bufferArg, modelArg, pricesArg] = args;
    const engine = pricesEngine(pricesArg);
    const list = readShotList(args);
    const billingCell = readSingle(billingArg, 'billing');
    const bufferCell = readSingle(bufferArg, 'buffer');
    const modelCell = readSingle(modelArg, 'model');
    if (isBlankShotList(list) && [billingCell, bufferCell, modelCell].every((v) => isBlank(v))) return '';
    const pricing = engine(); // a broken price table fails the call, not a row
    const billing = parseBilling(billingCell);
    const buffer = parseBuffer(bufferCell);
    const model = parseModel(modelCell);
    return budgetTable(pricing.budget(shotLines(list, model, pricing), billing, buffer), billing, model);
  } catch (error) {
    rethrow(error);
  }
}

/** =KLING_PRICES([prices]) */
export function KLING_PRICES(...args: unknown[]): CellValue[][] {
  try {
    return planTable(pricesEngine(args[0])().book);
  } catch (error) {
    rethrow(error);
  }
}

/** =KLING_YEARLY(credits_per_month, [allow_topups], [prices]) */
export function KLING_YEARLY(...args: unknown[]): CellResult {
  try {
    const [creditsArg, topupsArg, pricesArg] = args;
    const credits = readSingle(creditsArg, 'credits_per_month');
    const topups = readSingle(topupsArg, 'allow_topups');
    if (isBlank(credits)) return '';
    const need = parseCreditsPerMonth(credits);
    return yearlyTable(yearlyView(pricesEngine(pricesArg)(), need, parseFlag(topups, 'allow_topups', true)));
  } catch (error) {
    rethrow(error);
  }
}
