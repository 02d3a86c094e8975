/**
 * The figures of shared/spec/pricing-facts.md, typed in again by hand so that the engine is
 * checked against the spec and not against its own price book.
 */

export type Confidence = 'official' | 'third-party' | 'guide' | 'estimate';
export type Mode = 'standard' | 'professional' | '4k';
/** Audio of a clip: none, native audio, native audio with voice control. */
export type Audio = 'silent' | 'audio' | 'voice';

export interface PlanFact {
  id: 'free' | 'standard' | 'pro' | 'premier' | 'ultra';
  name: string;
  /** Per month (free: 66 x 30). */
  credits: number;
  firstMonth: number;
  renewal: number;
  list: number;
  yearly: number;
}

export const PLAN_FACTS: readonly PlanFact[] = [
  { id: 'free', name: 'Free', credits: 66 * 30, firstMonth: 0, renewal: 0, list: 0, yearly: 0 },
  { id: 'standard', name: 'Standard', credits: 660, firstMonth: 6.99, renewal: 8.8, list: 10, yearly: 79.2 },
  { id: 'pro', name: 'Pro', credits: 3000, firstMonth: 25.99, renewal: 32.56, list: 37, yearly: 293.04 },
  { id: 'premier', name: 'Premier', credits: 8000, firstMonth: 64.99, renewal: 80.96, list: 92, yearly: 728.64 },
  { id: 'ultra', name: 'Ultra', credits: 26000, firstMonth: 127.99, renewal: 159.99, list: 180, yearly: 1429.99 },
];

/** The "yearly per month" column as the spec prints it, to the cent. */
export const YEARLY_PER_MONTH_PRINTED: Readonly<Record<string, number>> = {
  free: 0,
  standard: 6.6,
  pro: 24.42,
  premier: 60.72,
  ultra: 119.17,
};

export const PAID_PLAN_FACTS = PLAN_FACTS.filter((p) => p.id !== 'free');

/** Whole cents of a dollar figure of the facts. */
export const toCents = (usd: number): number => Math.round(usd * 100);

export interface PackFact {
  price: number;
  credits: number;
  bonus: number;
  total: number;
}

export const PACK_FACTS: readonly PackFact[] = [
  { price: 5, credits: 330, bonus: 0, total: 330 },
  { price: 10, credits: 660, bonus: 0, total: 660 },
  { price: 20, credits: 1320, bonus: 0, total: 1320 },
  { price: 50, credits: 3300, bonus: 200, total: 3500 },
  { price: 100, credits: 6600, bonus: 900, total: 7500 },
  { price: 200, credits: 13200, bonus: 2800, total: 16000 },
  { price: 600, credits: 39600, bonus: 8400, total: 48000 },
  { price: 1200, credits: 79200, bonus: 16800, total: 96000 },
];

/** Kling 2.6 credits per clip (guide): [mode, audio, 5 s, 10 s]; every row `guide`. */
export const CREDITS_26: readonly [Mode, Audio, number, number][] = [
  ['standard', 'silent', 10, 20],
  ['professional', 'silent', 35, 70],
  ['standard', 'audio', 50, 100],
  ['professional', 'audio', 100, 200],
];

/**
 * Kling 3.0 credits per second (official, 3 to 15 s): [mode, audio, credits/s, confidence].
 * Voice control rows hold the full price: 9 + 2 and 12 + 2. 4K with audio stays an estimate.
 */
export const CREDITS_30_PER_SECOND: readonly [Mode, Audio, number, Confidence][] = [
  ['standard', 'silent', 6, 'official'],
  ['standard', 'audio', 9, 'official'],
  ['standard', 'voice', 11, 'official'],
  ['professional', 'silent', 8, 'official'],
  ['professional', 'audio', 12, 'official'],
  ['professional', 'voice', 14, 'official'],
  ['4k', 'silent', 30, 'official'],
  ['4k', 'audio', 30, 'estimate'],
];

/** Kling API, 2.6, USD per clip: [mode, audio, 5 s, 10 s]. No standard with audio. */
export const API_26: readonly [Mode, Audio, number, number][] = [
  ['standard', 'silent', 0.21, 0.42],
  ['professional', 'silent', 0.35, 0.7],
  ['professional', 'audio', 0.7, 1.4],
  ['professional', 'voice', 0.84, 1.68],
];

/** Kling API, 3.0, USD per second: [mode, audio, usd/s]. */
export const API_30_PER_SECOND: readonly [Mode, Audio, number][] = [
  ['standard', 'silent', 0.084],
  ['standard', 'audio', 0.126],
  ['professional', 'silent', 0.112],
  ['professional', 'audio', 0.168],
  ['4k', 'silent', 0.42],
  ['4k', 'audio', 0.42],
];

/** Kling 3.0 Turbo (audio included), USD per second: 720p $0.112, 1080p $0.14. */
export const API_30_TURBO_PER_SECOND: readonly [Mode, Audio, number][] = [
  ['standard', 'silent', 0.112],
  ['standard', 'audio', 0.112],
  ['professional', 'silent', 0.14],
  ['professional', 'audio', 0.14],
];

/** Kling 3.0 Omni, USD per second: silent as v3, with audio 720p $0.112, 1080p $0.14. */
export const API_30_OMNI_PER_SECOND: readonly [Mode, Audio, number][] = [
  ['standard', 'silent', 0.084],
  ['standard', 'audio', 0.112],
  ['professional', 'silent', 0.112],
  ['professional', 'audio', 0.14],
  ['4k', 'silent', 0.42],
];

/** Kling 2.5 Turbo, per second but 5 or 10 s only (so per clip): std $0.042/s, pro $0.07/s. */
export const API_25_TURBO: readonly [Mode, Audio, number, number][] = [
  ['standard', 'silent', 0.21, 0.42],
  ['professional', 'silent', 0.35, 0.7],
];

/** Kling's API packs: [price USD, units, valid days, trial, confidence]. */
export const API_PACK_FACTS: readonly [number, number, number, boolean, Confidence][] = [
  [9.8, 100, 30, true, 'official'],
  [98, 1000, 30, true, 'official'],
  [700, 5000, 180, false, 'official'],
  [2100, 15000, 180, false, 'third-party'],
  [5670, 45000, 180, false, 'third-party'],
  [7560, 60000, 180, false, 'third-party'],
];

/** One API unit at list price, USD. */
export const API_UNIT_USD = 0.14;

export const FREE_CREDITS_PER_DAY = 66;
export const DAYS = 30;
export const CREDITS_PER_IMAGE = 0.2;

/** Whole seconds Kling 3.0 makes. */
export const SECS_30 = Array.from({ length: 13 }, (_, i) => i + 3);

export const BILLINGS = ['monthly', 'intro', 'annual', 'list'] as const;
export type BillingName = (typeof BILLINGS)[number];

/** USD per month of a plan under a billing, in 1/1200 dollar (exact for every plan). */
export function monthlyPriceTwelfthCents(plan: PlanFact, billing: BillingName): number {
  switch (billing) {
    case 'intro':
      return 12 * toCents(plan.firstMonth);
    case 'annual':
      return toCents(plan.yearly);
    case 'list':
      return 12 * toCents(plan.list);
    default:
      return 12 * toCents(plan.renewal);
  }
}

// ---------------------------------------------------------------------------------------------
// Rows added 2026-12-06: each row of the facts with its value, source, as-of date and confidence.

/** The day the reseller pages and the dated llms.txt copy were read: the As of of undated pages. */
export const READ_ON = '2026-12-06';

/** A priced row of the facts: [mode, audio, USD (per second, or per clip of `secs`)]. */
export type UsdRow = readonly [Mode, Audio, number];

/**
 * Section 3, Kling 4.0 and 4.0 Flash: no app credits and no API price of Kling's own (the book has
 * reseller rows only, section 4b). Lengths: 4.0 from 3 to 30 s, Flash 3 to 20 s; audio always on.
 */
export const KLING_40_LENGTHS = [3, 30] as const;
export const KLING_40_FLASH_LENGTHS = [3, 20] as const;

/** Section 4, API prices added 2026-12-06: kling-video-o1 per clip (5 or 10 s), without a video as input. */
export const API_O1: readonly [Mode, Audio, number, number][] = [
  ['standard', 'silent', 0.42, 0.84],
  ['professional', 'silent', 0.56, 1.12],
];
export const API_O1_SOURCED = { source: 'llms.txt', asOf: READ_ON, confidence: 'official' as Confidence, model: 'kling-video-o1' };

/** Section 4: an image on Kling's API, $0.028 (0.2 units); official, from the dated llms.txt copy. */
export const API_IMAGE_USD = 0.028;
export const API_IMAGE_SOURCED = { source: 'llms.txt', asOf: READ_ON, confidence: 'official' as Confidence };

/** Section 4: 3.0 Omni 4K with audio, $0.42 a second (from the same copy, official). */
export const API_30_OMNI_4K_AUDIO: UsdRow = ['4k', 'audio', 0.42];

/** Section 4b: one reseller's prices of one model, per second, with its lengths and provenance. */
export interface ResellerFact {
  readonly provider: string;
  readonly model: string;
  readonly perSecond: readonly UsdRow[];
  readonly lengths: readonly [number, number];
  readonly asOf: string;
  /** Words its source must hold (the page it names). */
  readonly source: RegExp;
  readonly confidence: Confidence;
}

/** Section 4b, in the book's order of providers: fal, Replicate, PiAPI; no minimum, no expiry recorded. */
export const RESELLER_FACTS: readonly ResellerFact[] = [
  {
    provider: 'fal',
    model: 'Kling 3.0',
    perSecond: [
      ['standard', 'silent', 0.084],
      ['standard', 'audio', 0.126],
      ['professional', 'silent', 0.112],
      ['professional', 'audio', 0.168],
      ['4k', 'silent', 0.42],
      ['4k', 'audio', 0.42],
    ],
    lengths: [3, 15],
    asOf: READ_ON,
    source: /fal's model pages \(kling-video v3\)/,
    confidence: 'third-party',
  },
  {
    provider: 'fal',
    model: 'Kling 4.0',
    perSecond: [
      ['standard', 'audio', 0.157],
      ['professional', 'audio', 0.235],
    ],
    lengths: [3, 30],
    asOf: READ_ON,
    source: /fal's Kling API guide/,
    confidence: 'third-party',
  },
  {
    provider: 'Replicate',
    model: 'Kling 3.0',
    perSecond: [
      ['professional', 'silent', 0.168],
      ['professional', 'audio', 0.252],
    ],
    lengths: [3, 15],
    asOf: '2026-03-13',
    source: /Replicate's page for kwaivgi\/kling-v3-video/,
    confidence: 'third-party',
  },
  {
    provider: 'PiAPI',
    model: 'Kling 4.0',
    perSecond: [
      ['standard', 'audio', 0.1667],
      ['professional', 'audio', 0.25],
    ],
    lengths: [3, 30],
    asOf: READ_ON,
    source: /piapi\.ai Kling 4 page/,
    confidence: 'third-party',
  },
  {
    provider: 'PiAPI',
    model: 'Kling 4.0 Flash',
    perSecond: [['standard', 'audio', 0.1]],
    lengths: [3, 20],
    asOf: READ_ON,
    source: /piapi\.ai Kling 4 page/,
    confidence: 'third-party',
  },
];

/** The providers of the default book, in its order. */
export const PROVIDER_FACTS = ['fal', 'Replicate', 'PiAPI'] as const;

/** Whole ticks (USD x 10,000) of a dollar figure of the facts: API and reseller prices have at most 4 decimals. */
export const toTicks = (usd: number): number => Math.round(usd * 10_000);
