import type { FunctionName, ParamName } from './signatures';

/**
 * The words of each custom function's help: its description, what it returns and a line per
 * argument. Typed against the signatures, so every argument of every function has its text and
 * no other; the order is the signature's. Read by the build (the JSDoc of Code.js) and the Help
 * page, never by the custom functions: these texts stay out of the bundle.
 */

export interface FunctionDocs<F extends FunctionName> {
  readonly description: string;
  readonly returns: string;
  readonly params: Readonly<Record<ParamName<F>, string>>;
}

const MODE = 'standard (std, 720p), professional (pro, 1080p) or 4k (models priced in 4K, e.g. 3.0).';
const SECS = "Clip length in seconds, as the model makes it: 5 or 10 for Kling 2.6; 3 to 15 for Kling 3.0; a model's rows say.";
const AUDIO = 'TRUE for native audio, "voice" for audio with voice control; FALSE or empty for none.';
const MODEL = 'Kling model of the price book: 2.6 (default), 3.0, or a model your price table adds (e.g. 4.0).';
const PLAN = 'free (basic), standard, pro (professional), premier or ultra.';
const BILLING = 'monthly (renewal, default), intro (first month), annual (yearly / 12) or list.';
const RETAKE = 'Share of paid, finished generations thrown away, 0 to below 1, e.g. 0.2 or 20% (default 0).';
const ONE_MONTH = 'Credits needed in the month (one month on its own; over several months use KLING_SCHEDULE).';
const TOPUPS = 'TRUE (default) to consider a plan plus top-up packs; FALSE for plans alone.';
const PRICES = "Optional: your edited price table from Edit prices, e.g. 'Kling prices'!A:H.";

export const SIGNATURE_DOCS: { readonly [F in FunctionName]: FunctionDocs<F> } = {
  KLING_CREDITS: {
    description: 'Credits one Kling generation costs in the app.',
    returns: 'Credits per generation.',
    params: { mode: MODE, secs: SECS, audio: AUDIO, model: MODEL, prices: PRICES },
  },
  KLING_COST: {
    description: 'USD per delivered video on a plan: credits x price per credit / (1 - retake rate).',
    returns: 'USD per delivered video.',
    params: { mode: MODE, secs: SECS, audio: AUDIO, plan: PLAN, billing: BILLING, retake_rate: RETAKE, model: MODEL, prices: PRICES },
  },
  KLING_VIDEOS: {
    description: 'Whole videos a plan delivers per month, retakes included.',
    returns: 'Videos per month.',
    params: { plan: PLAN, mode: MODE, secs: SECS, audio: AUDIO, retake_rate: RETAKE, model: MODEL, prices: PRICES },
  },
  KLING_IMAGES: {
    description: "Whole images a plan's monthly credits make (0.2 credits each in the default book).",
    returns: 'Images per month.',
    params: { plan: PLAN, prices: PRICES },
  },
  KLING_PLAN: {
    description: 'One figure of a Kling plan.',
    returns: 'The figure: credits or USD.',
    params: { plan: PLAN, field: 'credits, price (default), cost_per_credit, cost_per_100 or year.', billing: BILLING, prices: PRICES },
  },
  KLING_BEST_PLAN: {
    description: 'The cheapest way to get that many credits in one month on its own (a plan, maybe with top-up packs bought that month).',
    returns: 'The option, e.g. "Standard + 330-credit pack".',
    params: { credits_per_month: ONE_MONTH, billing: BILLING, allow_topups: TOPUPS, prices: PRICES },
  },
  KLING_MONTHLY_COST: {
    description:
      'USD for one month on its own of the cheapest way to get that many credits (over several months top-ups carry over: KLING_SCHEDULE).',
    returns: 'USD for the month.',
    params: { credits_per_month: ONE_MONTH, billing: BILLING, allow_topups: TOPUPS, prices: PRICES },
  },
  KLING_API_COST: {
    description: "USD for one generation through Kling's API at list prices (the API is sold in prepaid packs: see KLING_API_SCHEDULE).",
    returns: 'USD per generation, or n/a when the price book has no API price for the model.',
    params: { mode: MODE, secs: SECS, audio: AUDIO, model: MODEL, prices: PRICES },
  },
  KLING_BUDGET: {
    description:
      "Budget of a shot list: credits with the buffer, the best option for one month, 12 months from the schedule, and Kling's API over 12 months.",
    returns: 'A two-column table: label, value.',
    params: {
      modes: 'Range of modes, one row per shot.',
      secs: 'Range of clip lengths in seconds.',
      audios: 'Range of TRUE/FALSE (or "voice") for native audio.',
      counts: 'Range of videos needed per month.',
      billing: BILLING,
      buffer: 'Buffer for retakes: extra credits on top of the need, e.g. 0.2 or 20% (default 0.2: "need 500, budget 600").',
      model: `${MODEL} One model, or a range of the same rows.`,
      prices: PRICES,
    },
  },
  KLING_PRICES: {
    description: "The plan table of the price book (or of your edited prices), with each row's source and as-of date.",
    returns: 'A table with a header row.',
    params: { prices: PRICES },
  },
  KLING_YEARLY: {
    description: '12-month cost of a steady need under first month + renewals, monthly renewals and annual billing, top-ups carried over.',
    returns: 'A table: the cheapest 12-month cost and schedule per billing, the average cost per credit, one row per plan.',
    params: { credits_per_month: 'Credits needed each month.', allow_topups: TOPUPS, prices: PRICES },
  },
  KLING_SCHEDULE: {
    description: 'The cheapest month-by-month schedule: plan per month, top-up packs bought just in time and carried over.',
    returns: 'A table: one row per month and a total row.',
    params: {
      credits_by_month: 'One row or column of 1 to 24 months: credits needed each month, month 1 first.',
      billing: BILLING,
      topup_balance: 'Top-up credits already held at the start (default 0).',
      prices: PRICES,
    },
  },
  KLING_API_SCHEDULE: {
    description: "What a workload costs on Kling's API with its prepaid packs (bought per 6-month window; unused units expire).",
    returns: 'A table: one row per 6-month window and a total row.',
    params: { api_usd_by_month: 'One row or column of 1 to 24 months: USD of the work at API list prices.', prices: PRICES },
  },
  KLING_ACTUALS: {
    description: 'The usage log by month: generations kept, discarded and failed, credits spent, the observed retake rate.',
    returns: 'A table: one row per calendar month and a total row.',
    params: {
      dates: 'Range of dates (date cells or ISO text such as 2026-11-03).',
      modes: 'Range of modes.',
      secs: 'Range of clip lengths in seconds.',
      audios: 'Range of TRUE/FALSE (or "voice").',
      outcomes: 'Range of outcomes: kept, discarded or failed (refunded).',
      models: 'Range of models, or one model for every row (default 2.6).',
      prices: PRICES,
    },
  },
};
