/**
 * How far a number can be trusted: Kling's own pages, a reseller or user report, the seed guide,
 * or our estimate.
 */
export type Confidence = 'official' | 'third-party' | 'guide' | 'estimate';
export const CONFIDENCES: readonly Confidence[] = ['official', 'third-party', 'guide', 'estimate'];

/** Every figure of the price book says where it comes from and when it was read. */
export interface Sourced {
  readonly source: string;
  /** ISO date, YYYY-MM-DD. */
  readonly asOf: string;
  readonly confidence: Confidence;
}

export type PlanId = 'free' | 'standard' | 'pro' | 'premier' | 'ultra';
export type Mode = 'standard' | 'professional' | '4k';
export const MODES: readonly Mode[] = ['standard', 'professional', '4k'];
/** Audio of a generation: none, native audio, or native audio with voice control. */
export type AudioOption = 'silent' | 'audio' | 'voice';
export const AUDIO_OPTIONS: readonly AudioOption[] = ['silent', 'audio', 'voice'];
export type Billing = 'monthly' | 'intro' | 'annual' | 'list';
export const BILLINGS: readonly Billing[] = ['monthly', 'intro', 'annual', 'list'];
export type PlanField = 'credits' | 'price' | 'cost_per_credit' | 'cost_per_100' | 'year';

/** A subscription plan. Money is in whole cents. */
export interface Plan extends Sourced {
  readonly id: PlanId;
  /** Name shown to users, e.g. "Standard". */
  readonly name: string;
  /** Credits granted each month (the free plan: its daily credits x 30). */
  readonly monthlyCredits: number;
  /** Free plan only: credits per day, not carried over. Null for paid plans. */
  readonly dailyCredits: number | null;
  /** First month of a monthly subscription (an offer used once per account). */
  readonly firstMonthCents: number;
  /** Every later month of a monthly subscription. */
  readonly renewalCents: number;
  /** The undiscounted list price per month. */
  readonly listCents: number;
  /** Paid once for twelve months. */
  readonly yearlyCents: number;
}

/** A credit top-up pack: one-time, valid two years. */
export interface TopUpPack extends Sourced {
  readonly priceCents: number;
  readonly credits: number;
  readonly bonus: number;
}

/**
 * One price of a model: credits in the app, or USD (in ten-thousandths of a dollar, "ticks") on
 * Kling's API or at a reseller, for a mode and audio option; per clip of `secs` seconds, or per
 * second when `secs` is null. A voice-control row holds the full price with voice control, not the
 * surcharge.
 */
export interface Rate extends Sourced {
  readonly mode: Mode;
  readonly audio: AudioOption;
  readonly secs: number | null;
  /** App: credits (at most 2 decimals). API and resellers: ticks (USD x 10,000, whole). */
  readonly value: number;
}

/** A clip length bound of a model priced per second. */
export interface LengthBound extends Sourced {
  readonly seconds: number;
}

/** How one model is priced in one channel (the app's credits, Kling's API or a reseller's dollars). */
export interface RateTable {
  readonly per: 'clip' | 'second';
  readonly rates: readonly Rate[];
  /** Per second only: the whole-second lengths run from shortest to longest. */
  readonly shortest: LengthBound | null;
  readonly longest: LengthBound | null;
}

/** A reseller's prices of one model. */
export interface ResellerRates {
  /** The provider's name as the book has it ("fal"). */
  readonly provider: string;
  readonly table: RateTable;
}

/**
 * A Kling video model: its app credits, Kling's API prices and the resellers that sell it, any of
 * which may be unknown (a model is defined by any of its sections).
 */
export interface VideoModel {
  /** As the price table names it: "Kling 2.6". */
  readonly name: string;
  readonly app: RateTable | null;
  readonly api: RateTable | null;
  /** In the book's order of providers. */
  readonly resellers: readonly ResellerRates[];
}

/**
 * A reseller (fal, Replicate, PiAPI, ...): the same models, pay as you go. Its optional terms: a
 * minimum purchase (0: none) and how long a balance lasts (null: it never expires).
 */
export interface Provider {
  readonly name: string;
  readonly minimumCents: number;
  readonly minimum: Sourced | null;
  readonly validityDays: number | null;
  readonly validity: Sourced | null;
}

export interface ImageCredits extends Sourced {
  readonly creditsPerImage: number;
}

/** A prepaid resource pack of Kling's API: units valid a number of days. */
export interface ApiPack extends Sourced {
  /** "Pack 1", "Trial pack 1". */
  readonly name: string;
  readonly priceCents: number;
  readonly units: number;
  readonly validDays: number;
  /** Trial packs are one per account and last 30 days: never used in budgets. */
  readonly trial: boolean;
}

/** The list price of one API unit, in ticks. */
export interface ApiUnit extends Sourced {
  readonly ticks: number;
}

/** Kling's API price of one image, in ticks. */
export interface ApiImage extends Sourced {
  readonly ticks: number;
}

export interface PriceBook {
  /** Date of the book as a whole: the newest asOf of its rows. */
  readonly asOf: string;
  readonly plans: readonly Plan[];
  readonly packs: readonly TopUpPack[];
  /** Video models, in table order; the first priced in the app is not necessarily the default. */
  readonly models: readonly VideoModel[];
  readonly images: ImageCredits;
  /** Null when the price table has no `Images, API image` row: Kling's API then has no figure for images. */
  readonly apiImage: ApiImage | null;
  readonly apiUnit: ApiUnit;
  readonly apiPacks: readonly ApiPack[];
  /** Resellers in the book's order: the order in which each provider's first row appears. */
  readonly providers: readonly Provider[];
}
