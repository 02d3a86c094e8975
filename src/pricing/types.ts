/** How far a number can be trusted: Kling's own list, the seed guide, or our estimate. */
export type Confidence = 'official' | 'guide' | 'estimate';

/** Every figure of the price book says where it comes from and when it was read. */
export interface Sourced {
  readonly source: string;
  /** ISO date, YYYY-MM-DD. */
  readonly asOf: string;
  readonly confidence: Confidence;
}

export type PlanId = 'free' | 'standard' | 'pro' | 'premier' | 'ultra';
export type Mode = 'standard' | 'professional' | '4k';
export type Model = '2.6' | '3.0';
export type Billing = 'monthly' | 'intro' | 'annual' | 'list';
export type PlanField = 'credits' | 'price' | 'cost_per_credit' | 'cost_per_100' | 'year';

export interface Plan extends Sourced {
  readonly id: PlanId;
  /** Name shown to users, e.g. "Standard". */
  readonly name: string;
  /** Credits granted each month (paid plans). The free plan uses dailyCredits instead. */
  readonly monthlyCredits: number;
  /** Free plan only: credits per day, not carried over. Null for paid plans. */
  readonly dailyCredits: number | null;
  /** USD, first month of a monthly subscription. */
  readonly firstMonth: number;
  /** USD, every later month of a monthly subscription. */
  readonly renewal: number;
  /** USD, the undiscounted list price per month. */
  readonly list: number;
  /** USD, paid once for twelve months. */
  readonly yearly: number;
}

export interface TopUpPack extends Sourced {
  /** USD, one-time. */
  readonly price: number;
  readonly credits: number;
  readonly bonus: number;
}

/** Kling 2.6: credits per clip (5 s or 10 s). */
export interface ClipCredits extends Sourced {
  readonly mode: 'standard' | 'professional';
  readonly audio: boolean;
  readonly secs: number;
  readonly credits: number;
}

/** Kling 3.0: credits per second of video. */
export interface SecondCredits extends Sourced {
  readonly mode: Mode;
  readonly audio: boolean;
  readonly creditsPerSecond: number;
}

export interface ImageCredits extends Sourced {
  readonly creditsPerImage: number;
}

/** Kling API (a separate billing system): USD per clip for 2.6. */
export interface ApiClipPrice extends Sourced {
  readonly mode: 'standard' | 'professional';
  readonly audio: boolean;
  readonly secs: number;
  readonly usd: number;
}

/** Kling API: USD per second for 3.0. */
export interface ApiSecondPrice extends Sourced {
  readonly mode: Mode;
  readonly audio: boolean;
  readonly usdPerSecond: number;
}

export interface PriceBook {
  /** Date of the book as a whole: the newest asOf of its rows. */
  readonly asOf: string;
  readonly plans: readonly Plan[];
  readonly packs: readonly TopUpPack[];
  readonly clipCredits26: readonly ClipCredits[];
  readonly secondCredits30: readonly SecondCredits[];
  readonly images: ImageCredits;
  readonly apiClip26: readonly ApiClipPrice[];
  readonly apiSecond30: readonly ApiSecondPrice[];
}
