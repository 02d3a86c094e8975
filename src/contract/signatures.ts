/**
 * Every custom function's signature, written once: its arguments' names in order, what each holds,
 * which describe a row (the blank rule), how many are required, and `prices` last. The build writes
 * each wrapper's parameter names from this table, the implementations read their arguments by
 * these names at these positions, and the help and the JSDoc (signatureDocs.ts, typed against this
 * table so every argument has its text) follow it. Reordering a function's arguments is a change
 * to this table alone, and the tests hold the table to the spec's order.
 */

/** What an argument holds, for hints ("0.2 looks like the retake_rate argument"). */
export type ParamKind =
  | 'mode'
  | 'secs'
  | 'audio'
  | 'model'
  | 'plan'
  | 'billing'
  | 'retake'
  | 'field'
  | 'credits'
  | 'flag'
  | 'count'
  | 'months'
  | 'balance'
  | 'dates'
  | 'outcomes'
  | 'provider'
  | 'models'
  | 'videos'
  | 'images'
  | 'detail'
  | 'locked'
  | 'prices';

export interface ParamSpec {
  readonly name: string;
  readonly kind: ParamKind;
  /** Describes the row: the result is blank when every such argument is blank. */
  readonly row?: boolean;
}

export interface FunctionSignature {
  readonly name: string;
  /** The spec's arguments, then `prices` last. */
  readonly params: readonly ParamSpec[];
  /** One result per position (broadcast), or a table. */
  readonly shape: 'cell' | 'table';
  /** How many leading arguments the spec requires; the rest are optional. */
  readonly required: number;
  /** Another function whose argument order users mix up with this one's. */
  readonly confusedWith?: string;
}

const MODE = { name: 'mode', kind: 'mode', row: true } as const;
const SECS = { name: 'secs', kind: 'secs', row: true } as const;
/** Audio describes a row only together with mode or secs: alone it never makes a row blank or partly filled, so it is no row argument. */
const AUDIO = { name: 'audio', kind: 'audio' } as const;
const MODEL = { name: 'model', kind: 'model' } as const;
const PLAN = { name: 'plan', kind: 'plan' } as const;
const PLAN_ROW = { name: 'plan', kind: 'plan', row: true } as const;
const BILLING = { name: 'billing', kind: 'billing' } as const;
const RETAKE = { name: 'retake_rate', kind: 'retake' } as const;
const CREDITS = { name: 'credits_per_month', kind: 'credits', row: true } as const;
const TOPUPS = { name: 'allow_topups', kind: 'flag' } as const;
/** The optional last argument of every custom function, after the spec's arguments. */
const PRICES = { name: 'prices', kind: 'prices' } as const;

/** The custom functions in the spec's order (the order Sheets lists them). */
export const SIGNATURES = {
  KLING_CREDITS: { name: 'KLING_CREDITS', params: [MODE, SECS, AUDIO, MODEL, PRICES], shape: 'cell', required: 2 },
  KLING_COST: {
    name: 'KLING_COST',
    params: [MODE, SECS, AUDIO, PLAN, BILLING, RETAKE, MODEL, PRICES],
    shape: 'cell',
    required: 4,
    confusedWith: 'KLING_VIDEOS',
  },
  KLING_VIDEOS: {
    name: 'KLING_VIDEOS',
    params: [PLAN, MODE, SECS, AUDIO, RETAKE, MODEL, PRICES],
    shape: 'cell',
    required: 3,
    confusedWith: 'KLING_COST',
  },
  KLING_IMAGES: { name: 'KLING_IMAGES', params: [PLAN_ROW, PRICES], shape: 'cell', required: 1 },
  KLING_PLAN: { name: 'KLING_PLAN', params: [PLAN_ROW, { name: 'field', kind: 'field' }, BILLING, PRICES], shape: 'cell', required: 1 },
  KLING_BEST_PLAN: { name: 'KLING_BEST_PLAN', params: [CREDITS, BILLING, TOPUPS, PRICES], shape: 'cell', required: 1 },
  KLING_MONTHLY_COST: { name: 'KLING_MONTHLY_COST', params: [CREDITS, BILLING, TOPUPS, PRICES], shape: 'cell', required: 1 },
  KLING_API_COST: {
    name: 'KLING_API_COST',
    params: [MODE, SECS, AUDIO, MODEL, { name: 'provider', kind: 'provider' }, PRICES],
    shape: 'cell',
    required: 2,
  },
  KLING_BUDGET: {
    name: 'KLING_BUDGET',
    params: [
      { name: 'modes', kind: 'mode' },
      { name: 'secs', kind: 'secs' },
      { name: 'audios', kind: 'audio' },
      { name: 'counts', kind: 'count' },
      BILLING,
      RETAKE,
      MODEL,
      PRICES,
    ],
    shape: 'table',
    required: 4,
  },
  KLING_PRICES: { name: 'KLING_PRICES', params: [PRICES], shape: 'table', required: 0 },
  KLING_YEARLY: { name: 'KLING_YEARLY', params: [CREDITS, TOPUPS, PRICES], shape: 'table', required: 1 },
  KLING_SCHEDULE: {
    name: 'KLING_SCHEDULE',
    params: [{ name: 'credits_by_month', kind: 'months' }, BILLING, { name: 'topup_balance', kind: 'balance' }, PRICES],
    shape: 'table',
    required: 1,
  },
  KLING_API_SCHEDULE: {
    name: 'KLING_API_SCHEDULE',
    params: [{ name: 'api_usd_by_month', kind: 'months' }, PRICES],
    shape: 'table',
    required: 1,
  },
  KLING_ACTUALS: {
    name: 'KLING_ACTUALS',
    params: [
      { name: 'dates', kind: 'dates' },
      { name: 'modes', kind: 'mode' },
      { name: 'secs', kind: 'secs' },
      { name: 'audios', kind: 'audio' },
      { name: 'outcomes', kind: 'outcomes' },
      { name: 'models', kind: 'model' },
      PRICES,
    ],
    shape: 'table',
    required: 5,
  },
  KLING_CHANNELS: {
    name: 'KLING_CHANNELS',
    params: [
      { name: 'models', kind: 'models' },
      { name: 'modes', kind: 'mode' },
      { name: 'secs', kind: 'secs' },
      { name: 'audios', kind: 'audio' },
      { name: 'videos_by_month', kind: 'videos' },
      BILLING,
      RETAKE,
      { name: 'test_takes', kind: 'count' },
      { name: 'images_by_month', kind: 'images' },
      { name: 'credits_per_image', kind: 'credits' },
      { name: 'image_retake_rate', kind: 'retake' },
      { name: 'topup_balance', kind: 'balance' },
      { name: 'detail', kind: 'detail' },
      PRICES,
    ],
    shape: 'table',
    required: 5,
  },
  KLING_PRICE_CHANGES: {
    name: 'KLING_PRICE_CHANGES',
    params: [{ name: 'locked_prices', kind: 'locked' }, PRICES],
    shape: 'table',
    required: 1,
  },
} as const satisfies Record<string, FunctionSignature>;

export type FunctionName = keyof typeof SIGNATURES;
/** The argument names of one function, as a type. */
export type ParamName<F extends FunctionName> = (typeof SIGNATURES)[F]['params'][number]['name'];

/** Positions of a signature's arguments by name. */
export function positions(signature: FunctionSignature): Readonly<Record<string, number>> {
  const at: Record<string, number> = {};
  signature.params.forEach((p, i) => {
    at[p.name] = i;
  });
  return at;
}

/** "KLING_COST(mode, secs, audio, plan, [billing], [retake_rate], [model], [prices])" */
export function usage(signature: FunctionSignature): string {
  return `${signature.name}(${signature.params.map((p, i) => (i < signature.required ? p.name : `[${p.name}]`)).join(', ')})`;
}
