import type { Bundle } from './bundles';
import { bundleMonth, makeBundle, packCredits } from './bundles';
import { InputError } from './errors';
import { Exact, retakeFactor } from './exact';
import type { Billed, Clip } from './models';
import { andList, channelTable, clipValue, ModelIndex, rateOf, shortModelName } from './models';
import type { Ticks } from './money';
import { ceilCount, floorCount, formatThousands, hundredthsOf, snapCount, TWELFTHS_PER_CENT } from './money';
import type { CoverSolver } from './packCover';
import { MAX_CREDITS_PER_MONTH } from './parse';
import { DAYS_PER_MONTH, isFree, paidPlans, planCredits, planMonthTwelfths } from './plans';
import { topUpSolver } from './schedule';
import type { Billing, Plan, PlanId, PriceBook, RateTable, VideoModel } from './types';

/** Read once (a column of needs asks bestBundle hundreds of thousands of times; a global lookup costs in Apps Script and node:vm). */
const ceil = Math.ceil;

/**
 * The pricing engine over one price book. Pure: no Apps Script, no DOM. Every question the custom
 * functions, the sidebar and the sheet writers ask about prices is answered here, from the book.
 */
export class PricingEngine {
  readonly models: ModelIndex;
  private readonly plansById = new Map<PlanId, Plan>();
  private readonly paid: readonly Plan[];
  private packSolver: CoverSolver | undefined;
  /** Best bundles by need, one map per billing and allow_topups (numbers as keys: no text built per need). */
  private readonly bestCache = new Map<string, Map<number, Bundle>>();
  /** Scratch totals of a cover (bestBundle weighs four plans per need without allocating). */
  private readonly scratch = { cost: 0, size: 0, packs: 0 };

  constructor(readonly book: PriceBook) {
    for (const plan of book.plans) this.plansById.set(plan.id, plan);
    this.paid = paidPlans(book.plans);
    this.models = new ModelIndex(book.models);
  }

  plan(id: PlanId): Plan {
    const plan = this.plansById.get(id);
    if (!plan) throw new InputError(`plan "${id}" is not in the price book`);
    return plan;
  }

  /** Paid plans, fewest credits first. */
  paidPlans(): readonly Plan[] {
    return this.paid;
  }

  freePlan(): Plan | undefined {
    return this.book.plans.find(isFree);
  }

  /** The model of the book with this name (any name a user types for it). */
  model(name: unknown): VideoModel {
    const found = this.models.find(name);
    if (!found) throw new InputError(`the price book has no model ${String(name)}; it has ${this.models.choices()}`);
    return found;
  }

  /** A model's app credits, or why there are none, naming where the model is sold. */
  appRates(model: VideoModel): RateTable {
    if (model.app) return model.app;
    throw new InputError(`${model.name} has no app credits in the price book; ${this.soldWhere(model)}`);
  }

  /**
   * Where a model without app credits is sold, for messages: "it is sold by fal and PiAPI
   * (KLING_API_COST with provider)", "it is sold by Kling's API (KLING_API_COST)"; and how to add
   * app credits.
   */
  soldWhere(model: VideoModel): string {
    const where: string[] = [];
    if (model.api) where.push("Kling's API (KLING_API_COST)");
    const providers = model.resellers.map((r) => r.provider);
    if (providers.length > 0) where.push(`${andList(providers)} (KLING_API_COST with provider)`);
    const sold = where.length > 0 ? `it is sold by ${where.join(' and by ')}` : 'no channel of the price book sells it';
    return `${sold}; rows "App credits, ${model.name}" in the price table (Edit prices) add app credits`;
  }

  /** Credits one generation costs in the Kling app. */
  clipCredits(clip: Clip): number {
    const model = this.model(clip.model);
    const rate = rateOf(model, this.appRates(model), 'app', clip.mode, clip.secs, clip.audio);
    return clipValue(rate, clip.secs);
  }

  /**
   * Ticks (USD x 10,000) of the same generation on Kling's API (`'api'`) or at a reseller; null
   * when that channel does not sell the model. An option the channel does not offer is an InputError.
   */
  channelTicks(clip: Clip, channel: Exclude<Billed, 'app'>): Ticks | null {
    const model = this.model(clip.model);
    const table = channelTable(model, channel);
    if (!table) return null;
    return clipValue(rateOf(model, table, channel, clip.mode, clip.secs, clip.audio), clip.secs);
  }

  /** Ticks of the same generation on Kling's API; null when the book has no API price for the model. */
  apiTicks(clip: Clip): Ticks | null {
    return this.channelTicks(clip, 'api');
  }

  /** Why a model has no API figure, in words. */
  noApiReason(model: VideoModel): string {
    return `Kling publishes no API price for ${model.name}`;
  }

  /**
   * Why the free plan cannot make a clip, or null when it can: it has no 1080p or 4K (official),
   * and gives 66 credits a day that do not add up.
   */
  freePlanProblem(clip: Clip, credits: number): string | null {
    const free = this.freePlan();
    if (!free) return null;
    if (clip.mode !== 'standard') {
      return `the free plan has no ${clip.mode === '4k' ? '4K' : '1080p (professional)'} clips (official: free output is 720p, watermarked and not for commercial use); choose a paid plan, or mode standard`;
    }
    const daily = free.dailyCredits as number;
    if (credits > daily) {
      return `this clip costs ${formatThousands(credits)} credits, more than the ${daily} credits the free plan gives per day; choose a paid plan`;
    }
    return null;
  }

  /** USD per delivered video when the plan's credits are all used: credits x price per credit / (1 - retake rate). */
  costPerVideo(clip: Clip, planId: PlanId, billing: Billing, retakeRate: number): number {
    return this.costForClip(clip, this.clipCredits(clip), planId, billing, retakeRate);
  }

  /** USD per delivered video of a clip costing `credits`; on the free plan 0, or an error saying why it cannot make the clip. */
  costForClip(clip: Clip, credits: number, planId: PlanId, billing: Billing, retakeRate: number): number {
    const plan = this.plan(planId);
    if (isFree(plan)) {
      const problem = this.freePlanProblem(clip, credits);
      if (problem) throw new InputError(problem);
      return 0;
    }
    return costPerVideo(credits, planMonthTwelfths(plan, billing), plan.monthlyCredits, retakeRate);
  }

  /** Whole videos a plan delivers per month, after retakes. */
  videosPerMonth(clip: Clip, planId: PlanId, retakeRate: number): number {
    return this.videosForClip(clip, this.clipCredits(clip), planId, retakeRate);
  }

  /**
   * Whole videos a plan delivers per month of a clip costing `credits`, after retakes. The free
   * plan's credits reset daily: a clip it cannot make (professional, 4K, or above 66 credits) gives 0.
   */
  videosForClip(clip: Clip, credits: number, planId: PlanId, retakeRate: number): number {
    const plan = this.plan(planId);
    if (credits <= 0) throw new InputError('this clip costs no credits in the price book; videos per month are unlimited');
    if (isFree(plan)) {
      if (this.freePlanProblem(clip, credits)) return 0;
      const daily = plan.dailyCredits as number;
      return floorCount(floorCount(daily / credits) * DAYS_PER_MONTH * (1 - retakeRate));
    }
    return floorCount(floorCount(plan.monthlyCredits / credits) * (1 - retakeRate));
  }

  /** Whole images a plan's credits make per month, counted in thousandths of a credit, exactly. */
  imagesPerMonth(planId: PlanId): number {
    const plan = this.plan(planId);
    const perImage = Math.round(this.book.images.creditsPerImage * 1000);
    if (perImage <= 0) throw new InputError('the price book gives images no credit cost');
    if (isFree(plan)) return Math.floor(((plan.dailyCredits as number) * 1000) / perImage) * DAYS_PER_MONTH;
    return Math.floor((plan.monthlyCredits * 1000) / perImage);
  }

  /** Credits of `count` images, exact to a thousandth of a credit. */
  imageCredits(count: number): number {
    return (Math.round(this.book.images.creditsPerImage * 1000) * count) / 1000;
  }

  /** The solver of the book's top-up packs, shared by every one-month answer and schedule (built on first use). */
  packs(): CoverSolver {
    if (!this.packSolver) this.packSolver = topUpSolver(this.book.packs.map((p) => ({ cents: p.priceCents, credits: packCredits(p) })));
    return this.packSolver;
  }

  /** A paid plan alone, with no packs. */
  planBundle(plan: Plan): Bundle {
    return makeBundle(plan, this.book.packs, []);
  }

  /** The plan plus the cheapest packs for what it lacks of `need` (the plan alone when it covers). */
  toppedUp(plan: Plan, need: number): Bundle {
    const rest = Math.ceil(need - planCredits(plan));
    if (rest <= 0) return this.planBundle(plan);
    const cover = this.packs().cover(rest);
    return makeBundle(plan, this.book.packs, cover.counts);
  }

  /**
   * Every bundle that buys `need` credits in one month: each paid plan alone when it covers the
   * need and, with top-ups allowed, each paid plan with the cheapest packs for the rest.
   */
  bundles(need: number, allowTopups: boolean): Bundle[] {
    const out: Bundle[] = [];
    for (const plan of this.paid) {
      if (need <= plan.monthlyCredits) out.push(this.planBundle(plan));
      else if (allowTopups && this.book.packs.length > 0) out.push(this.toppedUp(plan, need));
    }
    return out;
  }

  /**
   * The cheapest way to get `need` credits in one month on its own (0 gives the free plan). Each
   * plan's option is weighed from its totals first (the packs' cost, credits and count, no list of
   * packs, no label): only the winner is built, so a column of 400,000 distinct needs stays fast.
   * The order is compareBundles': cheaper, then more credits, then fewer packs; a tie keeps the
   * smaller plan (the plans are tried fewest credits first).
   */
  bestBundle(needAsGiven: number, billing: Billing, allowTopups: boolean): Bundle {
    const need = wholeNeed(needAsGiven);
    const mapKey = allowTopups ? billing : `${billing} plans only`;
    let byNeed = this.bestCache.get(mapKey);
    if (!byNeed) {
      byNeed = new Map();
      this.bestCache.set(mapKey, byNeed);
    }
    const cached = byNeed.get(need);
    if (cached) return cached;
    let best: Bundle | undefined;
    if (need === 0) {
      const free = this.freePlan() ?? this.paid[0];
      if (free) best = this.planBundle(free);
    } else {
      let bestPlan: Plan | undefined;
      let bestCost = 0;
      let bestCredits = 0;
      let bestPacks = 0;
      const solver = allowTopups && this.book.packs.length > 0 ? this.packs() : null;
      for (const plan of this.paid) {
        const rest = ceil(need - plan.monthlyCredits);
        let cost = planMonthTwelfths(plan, billing);
        let credits = plan.monthlyCredits;
        let packs = 0;
        if (rest > 0) {
          if (!solver) continue;
          const totals = this.scratch;
          solver.coverTotalsInto(rest, totals);
          cost += totals.cost * TWELFTHS_PER_CENT;
          credits += totals.size;
          packs = totals.packs;
        }
        const better =
          !bestPlan || cost < bestCost || (cost === bestCost && (credits > bestCredits || (credits === bestCredits && packs < bestPacks)));
        if (better) {
          bestPlan = plan;
          bestCost = cost;
          bestCredits = credits;
          bestPacks = packs;
        }
      }
      if (bestPlan) best = need <= bestPlan.monthlyCredits ? this.planBundle(bestPlan) : this.toppedUp(bestPlan, need);
    }
    if (!best) {
      const largest = this.paid[this.paid.length - 1];
      throw new InputError(
        largest
          ? `no plan alone covers ${formatThousands(need)} credits a month (${largest.name} has ${formatThousands(largest.monthlyCredits)}); allow top-up packs (allow_topups TRUE) or plan fewer credits`
          : 'the price book has no paid plan',
      );
    }
    if (byNeed.size > 10_000) byNeed.clear();
    byNeed.set(need, best);
    return best;
  }

  /** USD of a bundle's month under a billing. */
  monthUsd(bundle: Bundle, billing: Billing): number {
    return bundleMonth(bundle, billing) / 1200;
  }

  /** Credits of a list of lines: clip credits x count, exact to a hundredth of a credit. */
  linesCredits(lines: readonly { readonly clip: Clip; readonly count: number }[]): number {
    let hundredths = 0;
    for (const line of lines) hundredths += hundredthsOf(this.clipCredits(line.clip)) * line.count;
    return hundredths / 100;
  }

  /** Short names of the models a list of clips uses, in book order. */
  modelNames(clips: readonly Clip[]): string[] {
    const used = new Set(clips.map((c) => this.model(c.model)));
    return this.book.models.filter((m) => used.has(m)).map((m) => shortModelName(m.name));
  }
}

/** A month's need the add-on plans for: 0 to 1,000 Ultra plans' worth. */
export function checkNeed(need: number): void {
  if (!(need >= 0 && need <= MAX_CREDITS_PER_MONTH)) {
    throw new InputError(`credits_per_month must be from 0 to ${formatThousands(MAX_CREDITS_PER_MONTH)}`);
  }
}

/**
 * A month's need as every function reads it, by the counts rule: snapped within 1e-6 first (so
 * -1e-7 is 0 and 26,000,000.0000001 is 26,000,000), then checked, then rounded up.
 */
export function wholeNeed(need: number): number {
  const snapped = snapCount(need);
  checkNeed(snapped);
  return ceilCount(snapped);
}

/**
 * USD per delivered video: credits x the month's price (twelfths of a cent) / (1,200 x the plan's
 * credits) / (1 - r), computed as one exact fraction (credits in hundredths, r to 6 decimals)
 * and divided once, so the figure is the nearest double of the exact amount.
 */
function costPerVideo(credits: number, twelfths: number, planCredits: number, retakeRate: number): number {
  const { p, q } = retakeFactor(retakeRate);
  const hundredths = Math.round(credits * 100);
  if (Math.abs(hundredths - credits * 100) < 1e-6) {
    const numerator = hundredths * twelfths;
    const denominator = 120_000 * planCredits * q;
    // Two whole numbers below 2^53: one division, correctly rounded.
    const whole = numerator * p;
    if (Number.isSafeInteger(whole) && Number.isSafeInteger(denominator)) return whole / denominator;
    if (Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator) && numerator > 0) {
      return Exact.scaled(numerator, p, denominator).toNumber();
    }
  }
  return (credits * twelfths * p) / (1200 * planCredits * q);
}
