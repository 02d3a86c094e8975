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
 * One price of a model: credits in the app, or USD (in thousandths of a dollar, "mills") on the
 * API, for a mode and audio option; per clip of `secs` seconds, or per second when `secs` is null.
 * A voice-control row holds the full price with voice control, not the surcharge.
 */
export interface Rate extends Sourced {
  readonly mode: Mode;
  readonly audio: AudioOption;
  readonly secs: number | null;
  /** App: credits (at most 2 decimals). API: mills (USD x 1,000, whole). */
  readonly value: number;
}

/** A clip length bound of a model priced per second. */
export interface LengthBound extends Sourced {
  readonly seconds: number;
}

/** How one model is priced in one billing system (the app's credits or the API's dollars). */
export interface RateTable {
  readonly per: 'clip' | 'second';
  readonly rates: readonly Rate[];
  /** Per second only: the whole-second lengths run from shortest to longest. */
  readonly shortest: LengthBound | null;
  readonly longest: LengthBound | null;
}

/** A Kling video model: its app credits and its API prices, either of which may be unknown. */
export interface VideoModel {
  /** As the price table names it: "Kling 2.6". */
  readonly name: string;
  readonly app: RateTable | null;
  readonly api: RateTable | null;
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

/** The list price of one API unit, in mills. */
export interface ApiUnit extends Sourced {
  readonly mills: number;
}

export interface PriceBook {
  /** Date of the book as a whole: the newest asOf of its rows. */
  readonly asOf: string;
  readonly plans: readonly Plan[];
  readonly packs: readonly TopUpPack[];
  /** Video models, in table order; the first priced in the app is not necessarily the default. */
  readonly models: readonly VideoModel[];
  readonly images: ImageCredits;
  readonly apiUnit: ApiUnit;
  readonly apiPacks: readonly ApiPack[];
}
