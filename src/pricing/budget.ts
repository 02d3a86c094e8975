import type { Bundle } from './bundles';
import { bundleMonth } from './bundles';
import type { ChannelBilling, ChannelComparison, ChannelFigure, ShotRow } from './channels';
import { appNeeds, compareChannels, rowCreditsHundredths } from './channels';
import type { PricingEngine } from './engine';
import { retakeFactor } from './exact';
import type { Clip } from './models';
import { ceilCount, snapCount } from './money';
import { isFree } from './plans';
import type { Billing } from './types';

/**
 * A month of work budgeted: its credits, retakes included (credits / (1 - retake rate)), the
 * cheapest way to buy one month on its own, and every channel over twelve equal months
 * (channels.ts: the app's cheapest schedule, Kling's API with its packs, each reseller), the
 * cheapest named. KLING_BUDGET and the sidebar are this one computation.
 */

/** One line of work: a clip, how many finished videos a month, and standard test takes per final. */
export interface ShotLine {
  readonly clip: Clip;
  readonly count: number;
  /** Standard-mode drafts made before each final (the guide: draft in standard, render finals in professional). */
  readonly testTakes: number;
  /** This line's own retake rate (a crowd scene throws more away than a close-up); absent: the budget's. */
  readonly retakeRate?: number | null;
  /** Its position in the shot list (1 = the first row), for reasons; default its index + 1. */
  readonly row?: number;
}

export interface BudgetInput {
  readonly lines: readonly ShotLine[];
  /** Images a month, from the same pool of credits. */
  readonly images: number;
  /** The billing of the 12-month figures; `cheapest` picks among monthly, intro and annual (one-month figures then use monthly). */
  readonly billing: ChannelBilling;
  /** The share of paid, finished takes thrown away (default 20 %): credits are divided by 1 - r. */
  readonly retakeRate: number;
  /** Credits per image; default the book's. */
  readonly creditsPerImage?: number;
  /** The billing of the one-month figures; default `billing` (monthly under `cheapest`). */
  readonly monthBilling?: Billing;
}

export interface BudgetSummary {
  readonly videos: number;
  /** Credits of the month's work (videos, test takes, images) without retakes; or why the app cannot price it. */
  readonly credits: number | string;
  readonly retakeRate: number;
  /** The month's credits with retakes, whole by the counts rule; or why the app cannot price it. */
  readonly creditsWithRetakes: number | string;
  /** The billing of the one-month figures (monthly under `cheapest`). */
  readonly monthBilling: Billing;
  /** The cheapest way to buy one month on its own (0 credits: the free plan); null without app credits. */
  readonly best: Bundle | null;
  /** USD of that month on its own; null without app credits. */
  readonly monthlyCost: number | null;
  /** Every channel over 12 equal months. */
  readonly year: ChannelComparison;
  readonly app: ChannelFigure;
}

export const BUDGET_MONTHS = 12;

/** The budget's lines as shot rows of `months` equal months. */
export function budgetShots(input: BudgetInput, months: number): ShotRow[] {
  return input.lines.map((line, i) => ({
    row: line.row ?? i + 1,
    clip: line.clip,
    testTakes: line.testTakes,
    retakeRate: line.retakeRate ?? input.retakeRate,
    videos: new Array<number>(months).fill(line.count),
  }));
}

export function budgetSummary(engine: PricingEngine, input: BudgetInput): BudgetSummary {
  const { lines, images, billing, retakeRate } = input;
  retakeFactor(retakeRate); // a rate from 0 up to but not including 1
  for (const line of lines) if (line.retakeRate !== undefined && line.retakeRate !== null) retakeFactor(line.retakeRate);
  const creditsPerImage = input.creditsPerImage ?? engine.book.images.creditsPerImage;
  const videos = lines.reduce((sum, l) => sum + l.count, 0);
  const year = compareChannels(engine, {
    shots: budgetShots(input, BUDGET_MONTHS),
    months: BUDGET_MONTHS,
    images: new Array<number>(BUDGET_MONTHS).fill(images),
    creditsPerImage,
    imageRetakeRate: retakeRate,
    billing,
    topupBalance: 0,
  });
  const app = year.channels.find((c) => c.kind === 'app') as ChannelFigure;
  const monthBilling: Billing = input.monthBilling ?? (billing === 'cheapest' ? 'monthly' : billing);
  // One month: the same credits as each of the 12 (they are equal).
  const month = appNeeds(engine, {
    shots: budgetShots(input, 1),
    months: 1,
    images: [images],
    creditsPerImage,
    imageRetakeRate: retakeRate,
    billing: monthBilling,
    topupBalance: 0,
  });
  if (typeof month === 'string') {
    return { videos, credits: month, retakeRate, creditsWithRetakes: month, monthBilling, best: null, monthlyCost: null, year, app };
  }
  // appNeeds answers "n/a: month 1 needs more than 26,000,000 credits" for a need beyond what the add-on plans for.
  const need = month.needs[0] as number;
  // Thousandths of a credit: rates have at most 2 decimals, credits per image at most 3.
  let thousandths = Math.round(creditsPerImage * 1000) * images;
  budgetShots(input, 1).forEach((shot) => {
    thousandths += 10 * rowCreditsHundredths(engine, shot, shot.videos[0] as number);
  });
  const best = engine.bestBundle(need, monthBilling, true);
  return {
    videos,
    credits: thousandths / 1000,
    retakeRate,
    creditsWithRetakes: need,
    monthBilling,
    best,
    monthlyCost: isFree(best.plan) ? 0 : bundleMonth(best, monthBilling) / 1200,
    year,
    app,
  };
}

/** Credits with retakes of a whole number of credits: credits / (1 - r), by the counts rule (500 at 20 % is 625). */
export function creditsWithRetakes(credits: number, retakeRate: number): number {
  const { p, q } = retakeFactor(retakeRate);
  return ceilCount((snapCount(credits) * p) / q);
}
