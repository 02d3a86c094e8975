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
const MODEL = 'Kling model of the price book: 2.6 (default), 3.0, 4.0 (resellers only) or a model your price table adds.';
const PLAN = 'free (basic), standard, pro (professional), premier or ultra.';
const BILLING = 'monthly (renewal, default), intro (first month), annual (yearly / 12) or list.';
const RETAKE =
  'Retake rate: the share of paid, finished takes thrown away, 0 up to but not 100%, e.g. 20%: credits x 1 / (1 - r) (default 0).';
const PLANNING_RETAKE =
  'Retake rate: the share of paid, finished takes thrown away, 0 up to but not 100% (default 20%): each delivered video takes 1 / (1 - r) generations (the guide\'s "20 % buffer" is a retake rate of 1/6).';
const CHANNEL_BILLING =
  'monthly (renewal, default), intro (first month), annual (yearly / 12), list, or cheapest (the cheapest of monthly, intro and annual).';
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
    description:
      "USD per delivered video when the plan's credits are all used: credits x price per credit / (1 - retake rate). A unit cost: the cost of a production is KLING_BUDGET's or KLING_CHANNELS'.",
    returns: 'USD per delivered video (free plan: 0 when it can make the clip).',
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
    description:
      "USD for one generation through Kling's API at list prices, or at a reseller with provider (Kling's API is sold in prepaid packs: see KLING_API_SCHEDULE and KLING_CHANNELS).",
    returns: 'USD per generation, or n/a when no API of the price book sells the model.',
    params: {
      mode: MODE,
      secs: SECS,
      audio: AUDIO,
      model: MODEL,
      provider: "Kling or empty for Kling's own API; a reseller of the price book (fal, Replicate, PiAPI, ...) for its price.",
      prices: PRICES,
    },
  },
  KLING_BUDGET: {
    description:
      "Budget of a shot list: credits with retakes, the best option for one month, and every channel over 12 months (the app, Kling's API, resellers), the cheapest named.",
    returns: 'A two-column table: label, value.',
    params: {
      modes: 'Range of modes, one row per shot.',
      secs: 'Range of clip lengths in seconds.',
      audios: 'Range of TRUE/FALSE (or "voice") for native audio.',
      counts: 'Range of videos needed per month.',
      billing: CHANNEL_BILLING,
      retake_rate: PLANNING_RETAKE,
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
  KLING_CHANNELS: {
    description:
      "Every channel that can make a shot list over its months: the app's cheapest schedule, Kling's API with its prepaid packs, each reseller; the cheapest named.",
    returns:
      'A table: one row per channel (total, average month, cost per delivered video, what is bought) and the Cheapest row; detail "months": spend by month.',
    params: {
      models: 'Range of models, one row per shot (or one model for every row; blank: 2.6).',
      modes: 'Range of modes of the same rows.',
      secs: 'Range of clip lengths in seconds.',
      audios: 'Range of TRUE/FALSE (or "voice").',
      videos_by_month: 'Block of videos delivered: one row per shot, one column per month (1 to 24), month 1 first.',
      billing: CHANNEL_BILLING,
      retake_rate: `${PLANNING_RETAKE} One value, or a column of the same rows (blank cells: 20%).`,
      test_takes: 'Range of standard test takes per delivered video (blank: none).',
      images_by_month: 'One row or column of images per month (blank: 0).',
      credits_per_image: "Credits an image costs in the app (default the price book's, 0.2).",
      image_retake_rate: 'Retake rate of images (default the retake rate).',
      topup_balance: 'Top-up credits already held at the start (default 0).',
      detail: "Empty for the totals; months for each channel's spend by month.",
      prices: PRICES,
    },
  },
  KLING_PRICE_CHANGES: {
    description: 'The price rows that differ between a locked copy of the price table and the table in force.',
    returns: 'A table: Section, Item, Field, Locked value, Value now; or the row "No price changed".',
    params: {
      locked_prices: "The locked copy, e.g. 'Kling prices locked 2026-12-06'!A:H.",
      prices: PRICES,
    },
  },
};
