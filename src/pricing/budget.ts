import type { Bundle } from './bundles';
import { bundleMonth } from './bundles';
import type { PricingEngine } from './engine';
import { InputError } from './errors';
import type { Clip } from './models';
import { ceilExact, formatThousands, hundredthsOf } from './money';
import { MAX_CREDITS_PER_MONTH } from './parse';
import { isFree } from './plans';
import type { ApiSpend, PlannedSpend } from './spend';
import { apiSpendProblem, appOrApi, planApiSpend, planSpend } from './spend';
import type { Billing } from './types';

/**
 * A month of work budgeted: its credits with the buffer for retakes, the cheapest way to buy one
 * month on its own, twelve months from the schedule (top-ups carried over), and the same work on
 * Kling's API with its prepaid packs. KLING_BUDGET, the sidebar's comparison and the templates'
 * figures are this one computation.
 */

/** One line of work: a clip, how many finished videos a month, and standard test takes per final. */
export interface ShotLine {
  readonly clip: Clip;
  readonly count: number;
  /** Standard-mode drafts made before each final (the guide: draft in standard, render finals in professional). */
  readonly testTakes: number;
  /** This line's own buffer for retakes (a crowd scene carries more than a close-up); absent: the budget's. */
  readonly buffer?: number | null;
  /** Where the line comes from, for messages ("row 3"). */
  readonly where?: string;
}

export interface BudgetInput {
  readonly lines: readonly ShotLine[];
  /** Images a month, from the same pool of credits. */
  readonly images: number;
  readonly billing: Billing;
  /** The guide's buffer for retakes: credits with buffer = ceil(credits x (1 + buffer)), a line's own buffer where it has one. */
  readonly buffer: number;
}

export interface BudgetSummary {
  readonly videos: number;
  /** Credits of the month's work (videos, test takes, images), without the buffer. */
  readonly credits: number;
  readonly buffer: number;
  readonly creditsWithBuffer: number;
  /** The cheapest way to buy one month on its own (0 credits: the free plan). */
  readonly best: Bundle;
  /** USD of that month on its own under the billing. */
  readonly monthlyCost: number;
  /** The cheapest schedule of 12 equal months; null when nothing is needed. */
  readonly year: PlannedSpend | null;
  readonly yearCost: number;
  /** The 12-month cost / 12. */
  readonly averageMonth: number;
  /** The average month / videos; null when there are no videos. */
  readonly costPerVideo: number | null;
  /** Kling's API over the same 12 months, or why there is no API figure. */
  readonly api: ApiSpend | { readonly problem: string };
  /** Which is cheaper over 12 months, naming the API packs assumed. */
  readonly verdict: string;
}

/** A budget buffer: 0 to 10,000 %. */
export const MAX_BUFFER_RATE = 100;
const TWELVE = 12;

/** Standard-mode test take of a clip: the same model, length and audio. */
export function testTakeOf(clip: Clip): Clip {
  return { ...clip, mode: 'standard' };
}

/** Credits of a line, without the buffer, exact to a hundredth: (clip + test takes) x count. */
export function lineCredits(engine: PricingEngine, line: ShotLine): number {
  const perClip = hundredthsOf(engine.clipCredits(line.clip));
  const perTest = line.testTakes > 0 ? hundredthsOf(engine.clipCredits(testTakeOf(line.clip))) : 0;
  return ((perClip + line.testTakes * perTest) * line.count) / 100;
}

/** The month's API work at list prices in micro-USD, buffer included; or why there is none. */
export function apiMonthMicroUsd(engine: PricingEngine, input: BudgetInput): number | { readonly problem: string } {
  if (input.images > 0) return { problem: 'the price book has no API price for images' };
  let mills = 0;
  for (const line of input.lines) {
    const at = line.where ? `${line.where}: ` : '';
    try {
      const clip = engine.apiMills(line.clip);
      const test = line.testTakes > 0 ? engine.apiMills(testTakeOf(line.clip)) : 0;
      if (clip === null || test === null) return { problem: `${at}${engine.noApiReason(engine.model(line.clip.model))}` };
      mills += (clip + line.testTakes * test) * line.count * (1 + (line.buffer ?? input.buffer));
    } catch (error) {
      if (error instanceof InputError) return { problem: `${at}${error.message}` };
      throw error;
    }
  }
  return Math.round(mills * 1000);
}

/** The same work on Kling's API over `months` equal months, with its prepaid packs. */
export function apiOverMonths(engine: PricingEngine, input: BudgetInput, months: number): ApiSpend | { readonly problem: string } {
  const micro = apiMonthMicroUsd(engine, input);
  if (typeof micro !== 'number') return micro;
  const problem = apiSpendProblem(engine.book);
  if (problem) return { problem };
  return planApiSpend(engine.book, new Array<number>(months).fill(micro));
}

export function budgetSummary(engine: PricingEngine, input: BudgetInput): BudgetSummary {
  const { lines, images, billing, buffer } = input;
  if (!(buffer >= 0 && buffer <= MAX_BUFFER_RATE)) throw new InputError('the buffer must be from 0 % to 10,000 %');
  const imageHundredths = hundredthsOf(engine.imageCredits(images));
  let hundredths = imageHundredths;
  let buffered = imageHundredths * (1 + buffer);
  let videos = 0;
  for (const line of lines) {
    const own = line.buffer ?? buffer;
    if (!(own >= 0 && own <= MAX_BUFFER_RATE))
      throw new InputError(`${line.where ? `${line.where}: ` : ''}the buffer must be from 0 % to 10,000 %`);
    let credits: number;
    try {
      credits = hundredthsOf(lineCredits(engine, line));
    } catch (error) {
      if (error instanceof InputError && line.where) throw new InputError(`${line.where}: ${error.message}`);
      throw error;
    }
    hundredths += credits;
    buffered += credits * (1 + own);
    videos += line.count;
  }
  const credits = hundredths / 100;
  const creditsWithBuffer = ceilExact(buffered / 100);
  if (creditsWithBuffer > MAX_CREDITS_PER_MONTH) {
    throw new InputError(
      `this work needs ${formatThousands(creditsWithBuffer)} credits a month with the buffer, more than the ${formatThousands(MAX_CREDITS_PER_MONTH)} the add-on plans for; plan fewer videos or a smaller buffer`,
    );
  }
  const best = engine.bestBundle(creditsWithBuffer, billing, true);
  const monthlyCost = isFree(best.plan) ? 0 : bundleMonth(best, billing) / 1200;
  const year = creditsWithBuffer > 0 ? planSpend(engine, new Array<number>(TWELVE).fill(creditsWithBuffer), billing) : null;
  const yearCents = year ? year.schedule.totalCents : 0;
  const api = apiOverMonths(engine, input, TWELVE);
  return {
    videos,
    credits,
    buffer,
    creditsWithBuffer,
    best,
    monthlyCost,
    year,
    yearCost: yearCents / 100,
    averageMonth: yearCents / 1200,
    costPerVideo: videos > 0 ? yearCents / (1200 * videos) : null,
    api,
    verdict: year ? appOrApi(yearCents, api) : 'No credits needed: nothing to buy',
  };
}
