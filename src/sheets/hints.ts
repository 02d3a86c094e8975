import type { FunctionSignature, ParamKind } from '../contract/signatures';
import { SIGNATURES, usage } from '../contract/signatures';
import type { PricingEngine } from '../pricing';
import { describeValue, isBlank, parseBilling, parseMode, parsePlan, parsePlanField, toNumber } from '../pricing';

/**
 * When a call fails and its values look like another argument's, the message says so: billing
 * 0.2 looks like a retake rate; KLING_VIDEOS("pro", 10, TRUE, "standard") fits KLING_COST's order.
 */

function parses(read: () => unknown): boolean {
  try {
    read();
    return true;
  } catch {
    return false;
  }
}

const PERCENT = /^\s*\d+(?:\.\d+)?\s*%\s*$/;
const FLAGS = /^\s*(true|false|yes|no|voice|voice control)\s*$/i;

/** Whether a value reads as an argument of this kind (loosely: a guess at what the user meant). */
function looksLike(kind: ParamKind, value: unknown, engine: PricingEngine | undefined): boolean {
  switch (kind) {
    case 'mode':
      return parses(() => parseMode(value));
    case 'plan':
      return parses(() => parsePlan(value));
    case 'billing':
      return !isBlank(value) && parses(() => parseBilling(value));
    case 'field':
      return !isBlank(value) && parses(() => parsePlanField(value));
    case 'retake': {
      if (typeof value === 'string' && PERCENT.test(value)) return true;
      return typeof value === 'number' && value > 0 && value < 1;
    }
    case 'audio':
      return typeof value === 'boolean' || (typeof value === 'string' && FLAGS.test(value));
    case 'secs': {
      const n = toNumber(value);
      return n !== undefined && Number.isInteger(n) && n >= 1 && n <= 60;
    }
    case 'model':
      return typeof value === 'string' && engine !== undefined && engine.models.find(value) !== undefined;
    case 'credits':
    case 'count': {
      const n = toNumber(value);
      return n !== undefined && n >= 0;
    }
    default:
      return false;
  }
}

/** Kinds a wrong value is compared against: the ones that tell something apart. */
const TELLING: readonly ParamKind[] = ['mode', 'plan', 'billing', 'retake', 'field', 'model', 'audio'];

/** The message, plus what the values look like when that helps. */
export function explainFailure(
  signature: FunctionSignature,
  values: readonly unknown[],
  message: string,
  engine: () => PricingEngine | undefined,
): string {
  const book = safe(engine);
  const hints: string[] = [];
  const params = signature.params;
  for (let i = 0; i < values.length && hints.length < 1; i++) {
    const own = params[i];
    const value = values[i];
    if (!own || own.kind === 'prices' || isBlank(value) || looksLike(own.kind, value, book)) continue;
    const other = params.findIndex((p, j) => j !== i && p.kind !== own.kind && TELLING.includes(p.kind) && looksLike(p.kind, value, book));
    if (other >= 0) {
      const target = params[other] as (typeof params)[number];
      hints.push(`${describeValue(value)} looks like the ${target.name} argument, number ${other + 1} of ${usage(signature)}`);
    }
  }
  const confused = signature.confusedWith ? (SIGNATURES as Record<string, FunctionSignature>)[signature.confusedWith] : undefined;
  if (confused && fitsOrder(confused, values, book)) {
    // The whole call fits the other function's order: that says it all.
    return `${message} (these arguments fit ${usage(confused)}; this is ${usage(signature)})`;
  }
  return hints.length > 0 ? `${message} (${hints.join('; ')})` : message;
}

/** True when the values, read in another signature's order, look right for every required argument. */
function fitsOrder(signature: FunctionSignature, values: readonly unknown[], book: PricingEngine | undefined): boolean {
  for (let i = 0; i < signature.required; i++) {
    const param = signature.params[i];
    if (!param || isBlank(values[i]) || !looksLike(param.kind, values[i], book)) return false;
  }
  for (let i = signature.required; i < values.length; i++) {
    const param = signature.params[i];
    if (param && param.kind !== 'prices' && !isBlank(values[i]) && !looksLike(param.kind, values[i], book)) return false;
  }
  return true;
}

function safe(engine: () => PricingEngine | undefined): PricingEngine | undefined {
  try {
    return engine();
  } catch {
    return undefined;
  }
}
