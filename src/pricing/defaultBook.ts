import type { PriceBook, Sourced } from './types';

/**
 * The default price book: every figure of shared/spec/pricing-facts.md, with its source.
 * A price change is a change to this file (and to the tests that pin its figures), never to logic.
 */

const OFFICIAL_PLANS: Sourced = {
  source: 'kling.ai/llms.txt (kling.ai/app/membership/membership-plan); the guide agrees',
  asOf: '2026-08-12',
  confidence: 'official',
};
const OFFICIAL_PACKS: Sourced = {
  source: 'kling.ai/llms.txt (credit top-up packs, one-time, valid 2 years)',
  asOf: '2026-08-12',
  confidence: 'official',
};
const OFFICIAL_API: Sourced = {
  source: 'kling.ai/dev/pricing (via kling.ai/llms.txt)',
  asOf: '2026-05-29',
  confidence: 'official',
};
const GUIDE: Sourced = {
  source: 'Kling AI Pricing 2026 guide (Kling 2.6 settings)',
  asOf: '2026-08-12',
  confidence: 'guide',
};
const ESTIMATE_30: Sourced = {
  source: 'Estimate: reported 6/12/30 credits/s match the official API at $0.014 per credit',
  asOf: '2026-08-12',
  confidence: 'estimate',
};

export const DEFAULT_PRICE_BOOK: PriceBook = {
  asOf: '2026-08-12',
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
      source: 'Kling AI Pricing 2026 guide (66 credits a day, not carried over; Basic plan)',
      asOf: '2026-08-12',
      confidence: 'guide',
    },
    {
      id: 'standard',
      name: 'Standard',
      monthlyCredits: 660,
      dailyCredits: null,
      firstMonth: 6.99,
      renewal: 8.8,
      list: 10,
      yearly: 79.2,
      ...OFFICIAL_PLANS,
    },
    {
      id: 'pro',
      name: 'Pro',
      monthlyCredits: 3000,
      dailyCredits: null,
      firstMonth: 25.99,
      renewal: 32.56,
      list: 37,
      yearly: 293.04,
      ...OFFICIAL_PLANS,
    },
    {
      id: 'premier',
      name: 'Premier',
      monthlyCredits: 8000,
      dailyCredits: null,
      firstMonth: 64.99,
      renewal: 80.96,
      list: 92,
      yearly: 728.64,
      ...OFFICIAL_PLANS,
    },
    {
      id: 'ultra',
      name: 'Ultra',
      monthlyCredits: 26000,
      dailyCredits: null,
      firstMonth: 127.99,
      renewal: 159.99,
      list: 180,
      yearly: 1429.99,
      ...OFFICIAL_PLANS,
    },
  ],
  packs: [
    { price: 5, credits: 330, bonus: 0, ...OFFICIAL_PACKS },
    { price: 10, credits: 660, bonus: 0, ...OFFICIAL_PACKS },
    { price: 20, credits: 1320, bonus: 0, ...OFFICIAL_PACKS },
    { price: 50, credits: 3300, bonus: 200, ...OFFICIAL_PACKS },
    { price: 100, credits: 6600, bonus: 900, ...OFFICIAL_PACKS },
    { price: 200, credits: 13200, bonus: 2800, ...OFFICIAL_PACKS },
    { price: 600, credits: 39600, bonus: 8400, ...OFFICIAL_PACKS },
    { price: 1200, credits: 79200, bonus: 16800, ...OFFICIAL_PACKS },
  ],
  clipCredits26: [
    { mode: 'standard', audio: false, secs: 5, credits: 10, ...GUIDE },
    { mode: 'standard', audio: false, secs: 10, credits: 20, ...GUIDE },
    { mode: 'professional', audio: false, secs: 5, credits: 35, ...GUIDE },
    { mode: 'professional', audio: false, secs: 10, credits: 70, ...GUIDE },
    { mode: 'standard', audio: true, secs: 5, credits: 50, ...GUIDE },
    { mode: 'standard', audio: true, secs: 10, credits: 100, ...GUIDE },
    { mode: 'professional', audio: true, secs: 5, credits: 100, ...GUIDE, source: 'Kling AI Pricing 2026 guide ("~100")' },
    { mode: 'professional', audio: true, secs: 10, credits: 200, ...GUIDE, source: 'Kling AI Pricing 2026 guide ("~200")' },
  ],
  secondCredits30: [
    { mode: 'standard', audio: false, creditsPerSecond: 6, ...ESTIMATE_30 },
    { mode: 'standard', audio: true, creditsPerSecond: 9, ...ESTIMATE_30 },
    { mode: 'professional', audio: false, creditsPerSecond: 8, ...ESTIMATE_30 },
    { mode: 'professional', audio: true, creditsPerSecond: 12, ...ESTIMATE_30 },
    { mode: '4k', audio: false, creditsPerSecond: 30, ...ESTIMATE_30 },
    { mode: '4k', audio: true, creditsPerSecond: 30, ...ESTIMATE_30 },
  ],
  images: {
    creditsPerImage: 0.2,
    source: 'Kling AI Pricing 2026 guide ("3,300 images per 660 credits")',
    asOf: '2026-08-12',
    confidence: 'guide',
  },
  apiClip26: [
    { mode: 'standard', audio: false, secs: 5, usd: 0.21, ...OFFICIAL_API },
    { mode: 'standard', audio: false, secs: 10, usd: 0.42, ...OFFICIAL_API },
    { mode: 'professional', audio: false, secs: 5, usd: 0.35, ...OFFICIAL_API },
    { mode: 'professional', audio: false, secs: 10, usd: 0.7, ...OFFICIAL_API },
    {
      mode: 'professional',
      audio: true,
      secs: 5,
      usd: 0.7,
      ...OFFICIAL_API,
      source: 'kling.ai/dev/pricing (pro with audio, without voice control; with voice control $0.84)',
    },
    {
      mode: 'professional',
      audio: true,
      secs: 10,
      usd: 1.4,
      ...OFFICIAL_API,
      source: 'kling.ai/dev/pricing (pro with audio, without voice control; with voice control $1.68)',
    },
  ],
  apiSecond30: [
    { mode: 'standard', audio: false, usdPerSecond: 0.084, ...OFFICIAL_API },
    { mode: 'standard', audio: true, usdPerSecond: 0.126, ...OFFICIAL_API },
    { mode: 'professional', audio: false, usdPerSecond: 0.112, ...OFFICIAL_API },
    { mode: 'professional', audio: true, usdPerSecond: 0.168, ...OFFICIAL_API },
    { mode: '4k', audio: false, usdPerSecond: 0.42, ...OFFICIAL_API },
    { mode: '4k', audio: true, usdPerSecond: 0.42, ...OFFICIAL_API },
  ],
};
