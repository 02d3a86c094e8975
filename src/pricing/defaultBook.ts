import type { ApiClipPrice, ApiSecondPrice, ClipCredits, Mode, Plan, PlanId, PriceBook, SecondCredits, Sourced, TopUpPack } from './types';

/**
 * The default price book: every figure of shared/spec/pricing-facts.md, with its source.
 * A price change is a change to this file (and to the tests that pin its figures), never to logic.
 */

const READ_ON = '2026-08-12';
const GUIDE_NAME = 'Kling AI Pricing 2026 guide';
const API_PAGE = 'kling.ai/dev/pricing';

const OFFICIAL_PLANS: Sourced = {
  source: 'kling.ai/llms.txt (kling.ai/app/membership/membership-plan); the guide agrees',
  asOf: READ_ON,
  confidence: 'official',
};
const OFFICIAL_PACKS: Sourced = {
  source: 'kling.ai/llms.txt (credit top-up packs, one-time, valid 2 years)',
  asOf: READ_ON,
  confidence: 'official',
};
const OFFICIAL_API: Sourced = { source: `${API_PAGE} (via kling.ai/llms.txt)`, asOf: '2026-05-29', confidence: 'official' };
const GUIDE: Sourced = { source: `${GUIDE_NAME} (Kling 2.6 settings)`, asOf: READ_ON, confidence: 'guide' };
const ESTIMATE_30: Sourced = {
  source: 'Estimate: reported 6/12/30 credits/s match the official API at $0.014 per credit',
  asOf: READ_ON,
  confidence: 'estimate',
};

/** A paid plan: credits per month, then USD for the first month, each renewal, the list price and a year. */
function paidPlan(
  id: PlanId,
  name: string,
  monthlyCredits: number,
  firstMonth: number,
  renewal: number,
  list: number,
  yearly: number,
): Plan {
  return { id, name, monthlyCredits, dailyCredits: null, firstMonth, renewal, list, yearly, ...OFFICIAL_PLANS };
}

/** A top-up pack: USD, credits, bonus credits. */
function pack(price: number, credits: number, bonus: number): TopUpPack {
  return { price, credits, bonus, ...OFFICIAL_PACKS };
}

/** Kling 2.6 app credits of one clip. */
function clipCredits(mode: ClipCredits['mode'], audio: boolean, secs: number, credits: number, sourced = GUIDE): ClipCredits {
  return { mode, audio, secs, credits, ...sourced };
}

/** Kling 3.0 app credits per second (an estimate). */
function secondCredits(mode: Mode, audio: boolean, creditsPerSecond: number): SecondCredits {
  return { mode, audio, creditsPerSecond, ...ESTIMATE_30 };
}

/** Kling 2.6 API price of one clip, USD. */
function apiClip(mode: ApiClipPrice['mode'], audio: boolean, secs: number, usd: number, sourced = OFFICIAL_API): ApiClipPrice {
  return { mode, audio, secs, usd, ...sourced };
}

/** Kling 3.0 API price per second, USD. */
function apiSecond(mode: Mode, audio: boolean, usdPerSecond: number): ApiSecondPrice {
  return { mode, audio, usdPerSecond, ...OFFICIAL_API };
}

/** The official API source, with a note on the clip. */
function apiNote(note: string): Sourced {
  return { ...OFFICIAL_API, source: `${API_PAGE} (${note})` };
}

export const DEFAULT_PRICE_BOOK: PriceBook = {
  asOf: READ_ON,
  plans: [
    {
      id: 'free',
      name: 'Free',
      monthlyCredits: 66 * 30,
      dailyCredits: 66,
      firstMonth: 0,
      renewal: 0,
      list: 0,
      yearly: 0,
      source: `${GUIDE_NAME} (66 credits a day, not carried over; Basic plan)`,
      asOf: READ_ON,
      confidence: 'guide',
    },
    // id, name, credits per month; USD: first month, monthly renewal, list monthly, yearly
    paidPlan('standard', 'Standard', 660, 6.99, 8.8, 10, 79.2),
    paidPlan('pro', 'Pro', 3000, 25.99, 32.56, 37, 293.04),
    paidPlan('premier', 'Premier', 8000, 64.99, 80.96, 92, 728.64),
    paidPlan('ultra', 'Ultra', 26000, 127.99, 159.99, 180, 1429.99),
  ],
  packs: [
    // USD, credits, bonus credits
    pack(5, 330, 0),
    pack(10, 660, 0),
    pack(20, 1320, 0),
    pack(50, 3300, 200),
    pack(100, 6600, 900),
    pack(200, 13200, 2800),
    pack(600, 39600, 8400),
    pack(1200, 79200, 16800),
  ],
  clipCredits26: [
    // mode, audio, seconds, credits per clip
    clipCredits('standard', false, 5, 10),
    clipCredits('standard', false, 10, 20),
    clipCredits('professional', false, 5, 35),
    clipCredits('professional', false, 10, 70),
    clipCredits('standard', true, 5, 50),
    clipCredits('standard', true, 10, 100),
    clipCredits('professional', true, 5, 100, { ...GUIDE, source: `${GUIDE_NAME} ("~100")` }),
    clipCredits('professional', true, 10, 200, { ...GUIDE, source: `${GUIDE_NAME} ("~200")` }),
  ],
  secondCredits30: [
    secondCredits('standard', false, 6),
    secondCredits('standard', true, 9),
    secondCredits('professional', false, 8),
    secondCredits('professional', true, 12),
    secondCredits('4k', false, 30),
    secondCredits('4k', true, 30),
  ],
  images: {
    creditsPerImage: 0.2,
    source: `${GUIDE_NAME} ("3,300 images per 660 credits")`,
    asOf: READ_ON,
    confidence: 'guide',
  },
  apiClip26: [
    // mode, audio, seconds, USD per clip
    apiClip('standard', false, 5, 0.21),
    apiClip('standard', false, 10, 0.42),
    apiClip('professional', false, 5, 0.35),
    apiClip('professional', false, 10, 0.7),
    apiClip('professional', true, 5, 0.7, apiNote('pro with audio, without voice control; with voice control $0.84')),
    apiClip('professional', true, 10, 1.4, apiNote('pro with audio, without voice control; with voice control $1.68')),
  ],
  apiSecond30: [
    apiSecond('standard', false, 0.084),
    apiSecond('standard', true, 0.126),
    apiSecond('professional', false, 0.112),
    apiSecond('professional', true, 0.168),
    apiSecond('4k', false, 0.42),
    apiSecond('4k', true, 0.42),
  ],
};
