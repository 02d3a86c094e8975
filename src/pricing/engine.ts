import { InputError } from './errors';
import { ceilExact, costPerUnit, floorExact, formatThousands, fromCents, snapToInteger, toCents } from './money';
import { MAX_CREDITS_PER_MONTH } from './parse';
import { PackCoverSolver } from './topups';
import type { Billing, Mode, Model, Plan, PlanField, PlanId, PriceBook, TopUpPack } from './types';

/** A month, for the free plan whose credits reset every day. */
export const DAYS_PER_MONTH = 30;

/** One generation: what the custom functions and the sidebar describe a clip with. */
export interface Clip {
  readonly mode: Mode;
  readonly secs: number;
  readonly audio: boolean;
  readonly model: Model;
}

/** A way to buy credits every month: a plan, plus top-up packs bought every month. */
export interface BuyingOption {
  readonly plan: Plan;
  readonly packs: readonly TopUpPack[];
  /** Credits per month: plan credits plus pack credits (bonus included). */
  readonly credits: number;
  /** USD per month under the billing. */
  readonly monthlyCost: number;
  /** USD for twelve months under the billing (packs bought every month). */
  readonly yearCost: number;
  /** "Standard + 330-credit pack". */
  readonly label: string;
}

/** One line of a shot list. */
export interface ShotLine extends Clip {
  /** Videos delivered per month. */
  readonly count: number;
}

export interface BudgetSummary {
  readonly videos: number;
  readonly credits: number;
  readonly buffer: number;
  readonly creditsWithBuffer: number;
  readonly best: BuyingOption;
  /** USD per delivered video, or null when there are no videos. */
  readonly costPerVideo: number | null;
}

export const FOUR_K_ON_26 = 'mode "4k" is only offered by Kling 3.0; use standard or professional with Kling 2.6, or model 3.0';

const BILLING_NAMES: Readonly<Record<Billing, string>> = {
  monthly: 'monthly renewal',
  intro: 'first month',
  annual: 'annual billing',
  list: 'list price',
};

export function billingName(billing: Billing): string {
  return BILLING_NAMES[billing];
}

/**
 * The pricing engine over one price book. Pure: no Apps Script, no DOM. All questions the
 * custom functions, the sidebar and the sheet writers ask are answered here.
 */
export class PricingEngine {
  private readonly plansById = new Map<PlanId, Plan>();
  private readonly packSolver: PackCoverSolver;
  private readonly bestCache = new Map<string, BuyingOption>();

  constructor(readonly book: PriceBook) {
    for (const plan of book.plans) this.plansById.set(plan.id, plan);
    this.packSolver = new PackCoverSolver(book.packs);
  }

  plan(id: PlanId): Plan {
    const plan = this.plansById.get(id);
    if (!plan) throw new InputError(`plan "${id}" is not in the price book`);
    return plan;
  }

  /** Paid plans, smallest first. */
  paidPlans(): Plan[] {
    return this.book.plans.filter((p) => p.dailyCredits === null).sort((a, b) => a.monthlyCredits - b.monthlyCredits);
  }

  /** Credits one generation costs in the Kling app. */
  clipCredits(clip: Clip): number {
    const { mode, secs, audio, model } = clip;
    if (model === '2.6') {
      if (mode === '4k') throw new InputError(FOUR_K_ON_26);
      const row = this.book.clipCredits26.find((r) => r.mode === mode && r.audio === audio && r.secs === secs);
      if (!row) throw new InputError(`the price book has no Kling 2.6 credits for ${mode} ${secs} s${audio ? ' with audio' : ''}`);
      return row.credits;
    }
    const row = this.book.secondCredits30.find((r) => r.mode === mode && r.audio === audio);
    if (!row) throw new InputError(`the price book has no Kling 3.0 credits for ${mode}${audio ? ' with audio' : ''}`);
    return snapToInteger(row.creditsPerSecond * secs);
  }

  /** Credits a plan grants in a month (free: daily credits x 30). */
  planCredits(plan: Plan): number {
    return plan.dailyCredits === null ? plan.monthlyCredits : plan.dailyCredits * DAYS_PER_MONTH;
  }

  /** USD per month under a billing. */
  planPrice(plan: Plan, billing: Billing): number {
    switch (billing) {
      case 'intro':
        return plan.firstMonth;
      case 'annual':
        return toCents(plan.yearly) / 1200;
      case 'list':
        return plan.list;
      default:
        return plan.renewal;
    }
  }

  /** USD for twelve months under a billing: intro = first month + 11 renewals. */
  planYear(plan: Plan, billing: Billing): number {
    switch (billing) {
      case 'intro':
        return fromCents(toCents(plan.firstMonth) + 11 * toCents(plan.renewal));
      case 'annual':
        return plan.yearly;
      case 'list':
        return fromCents(12 * toCents(plan.list));
      default:
        return fromCents(12 * toCents(plan.renewal));
    }
  }

  planFigure(plan: Plan, field: PlanField, billing: Billing): number {
    const credits = this.planCredits(plan);
    switch (field) {
      case 'credits':
        return credits;
      case 'cost_per_credit':
        return credits > 0 ? this.planPrice(plan, billing) / credits : 0;
      case 'cost_per_100':
        return credits > 0 ? (this.planPrice(plan, billing) * 100) / credits : 0;
      case 'year':
        return this.planYear(plan, billing);
      default:
        return this.planPrice(plan, billing);
    }
  }

  /** USD per delivered video: credits x price per credit / (1 - retake rate). */
  costPerVideo(clip: Clip, planId: PlanId, billing: Billing, retakeRate: number): number {
    const plan = this.plan(planId);
    const credits = this.clipCredits(clip);
    if (plan.dailyCredits !== null) {
      if (credits > plan.dailyCredits) {
        throw new InputError(
          `this clip costs ${formatThousands(credits)} credits, more than the ${plan.dailyCredits} credits the free plan gives per day; choose a paid plan`,
        );
      }
      return 0;
    }
    const perCredit = this.planPrice(plan, billing) / plan.monthlyCredits;
    return (credits * perCredit) / (1 - retakeRate);
  }

  /** Whole videos a plan delivers per month, after retakes. */
  videosPerMonth(clip: Clip, planId: PlanId, retakeRate: number): number {
    const plan = this.plan(planId);
    const credits = this.clipCredits(clip);
    if (plan.dailyCredits !== null) {
      if (credits > plan.dailyCredits) return 0;
      return floorExact(floorExact(plan.dailyCredits / credits) * DAYS_PER_MONTH * (1 - retakeRate));
    }
    return floorExact(floorExact(plan.monthlyCredits / credits) * (1 - retakeRate));
  }

  /** Whole images a plan's credits make per month. Counted in thousandths of a credit, exactly. */
  imagesPerMonth(planId: PlanId): number {
    const plan = this.plan(planId);
    const perImage = Math.round(this.book.images.creditsPerImage * 1000);
    if (perImage <= 0) throw new InputError('the price book gives images no credit cost');
    if (plan.dailyCredits !== null) return Math.floor(Math.round(plan.dailyCredits * 1000) / perImage) * DAYS_PER_MONTH;
    return Math.floor(Math.round(plan.monthlyCredits * 1000) / perImage);
  }

  /** USD for the same generation through Kling's API (official rates). */
  apiCost(clip: Clip): number {
    const { mode, secs, audio, model } = clip;
    if (model === '2.6') {
      if (mode === '4k') throw new InputError(FOUR_K_ON_26);
      const row = this.book.apiClip26.find((r) => r.mode === mode && r.audio === audio && r.secs === secs);
      if (!row) {
        throw new InputError(
          `Kling's API offers no ${mode} ${secs} s clip${audio ? ' with audio' : ''} for Kling 2.6${audio && mode === 'standard' ? '; use professional with audio, or audio FALSE' : ''}`,
        );
      }
      return row.usd;
    }
    const row = this.book.apiSecond30.find((r) => r.mode === mode && r.audio === audio);
    if (!row) throw new InputError(`Kling's API offers no Kling 3.0 ${mode} clip${audio ? ' with audio' : ''}`);
    // Micro-dollars keep 0.084 x 5 at 0.42 exactly.
    return (Math.round(row.usdPerSecond * 1e6) * secs) / 1e6;
  }

  /**
   * Every way to buy `need` credits a month: each paid plan alone when it covers the need and,
   * with top-ups allowed, each paid plan plus the cheapest packs for the rest. Cheapest first;
   * ties go to more credits, then to fewer packs.
   */
  options(need: number, billing: Billing, allowTopups: boolean): BuyingOption[] {
    const options: BuyingOption[] = [];
    for (const plan of this.paidPlans()) {
      const rest = need - plan.monthlyCredits;
      if (rest <= 0) {
        options.push(this.option(plan, [], 0, 0, billing));
      } else if (allowTopups && this.packSolver.hasPacks) {
        const cover = this.packSolver.coverFor(rest);
        options.push(this.option(plan, cover.packs, cover.cents, cover.credits, billing));
      }
    }
    return options.sort(compareOptions);
  }

  /** A paid plan alone, with no top-up packs, under a billing (whether or not it covers a need). */
  planOption(plan: Plan, billing: Billing): BuyingOption {
    return this.option(plan, [], 0, 0, billing);
  }

  /** The cheapest way to get `need` credits each month (0 gives the free plan). */
  bestOption(need: number, billing: Billing, allowTopups: boolean): BuyingOption {
    if (!(need >= 0 && need <= MAX_CREDITS_PER_MONTH)) {
      throw new InputError(`credits_per_month must be from 0 to ${formatThousands(MAX_CREDITS_PER_MONTH)}`);
    }
    const key = `${need}|${billing}|${allowTopups}`;
    const cached = this.bestCache.get(key);
    if (cached) return cached;
    let best: BuyingOption | undefined;
    if (need === 0) {
      const free = this.book.plans.find((p) => p.dailyCredits !== null) ?? this.paidPlans()[0];
      if (free) best = this.option(free, [], 0, 0, billing);
    } else {
      best = this.options(need, billing, allowTopups)[0];
    }
    if (!best) {
      const paid = this.paidPlans();
      const largest = paid[paid.length - 1];
      throw new InputError(
        largest
          ? `no plan alone covers ${formatThousands(need)} credits a month (${largest.name} has ${formatThousands(largest.monthlyCredits)}); allow top-up packs (allow_topups TRUE) or plan fewer credits`
          : 'the price book has no paid plan',
      );
    }
    if (this.bestCache.size > 10_000) this.bestCache.clear();
    this.bestCache.set(key, best);
    return best;
  }

  /** Summary of a shot list: the credits it needs with the buffer, and the cheapest way to buy them. */
  budget(lines: readonly ShotLine[], billing: Billing, buffer: number): BudgetSummary {
    let credits = 0;
    let videos = 0;
    for (const line of lines) {
      credits += this.clipCredits(line) * line.count;
      videos += line.count;
    }
    const creditsWithBuffer = ceilExact(credits * (1 + buffer));
    if (creditsWithBuffer > MAX_CREDITS_PER_MONTH) {
      throw new InputError(
        `this shot list needs ${formatThousands(creditsWithBuffer)} credits a month with the buffer, more than the ${formatThousands(MAX_CREDITS_PER_MONTH)} the add-on plans for`,
      );
    }
    const best = this.bestOption(creditsWithBuffer, billing, true);
    return {
      videos,
      credits,
      buffer,
      creditsWithBuffer,
      best,
      costPerVideo: videos > 0 ? costPerUnit(best.monthlyCost, videos) : null,
    };
  }

  private option(plan: Plan, packs: readonly TopUpPack[], packCents: number, packCredits: number, billing: Billing): BuyingOption {
    const monthlyCost =
      billing === 'annual' ? (toCents(plan.yearly) + 12 * packCents) / 1200 : fromCents(toCents(this.planPrice(plan, billing)) + packCents);
    const yearCost = fromCents(toCents(this.planYear(plan, billing)) + 12 * packCents);
    const label = [plan.name, ...packLabels(packs)].join(' + ');
    return { plan, packs, credits: this.planCredits(plan) + packCredits, monthlyCost, yearCost, label };
  }
}

/** Packs by their total credits, largest first; a pack bought n times reads "n x 1,320-credit pack". */
function packLabels(packs: readonly TopUpPack[]): string[] {
  const counts = new Map<number, number>();
  for (const pack of packs) {
    const total = pack.credits + pack.bonus;
    counts.set(total, (counts.get(total) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => b - a).map(([total, n]) => `${n > 1 ? `${n} x ` : ''}${formatThousands(total)}-credit pack`);
}

function compareOptions(a: BuyingOption, b: BuyingOption): number {
  const cost = a.monthlyCost - b.monthlyCost;
  if (Math.abs(cost) > 1e-9) return cost;
  if (a.credits !== b.credits) return b.credits - a.credits;
  return a.packs.length - b.packs.length;
}
