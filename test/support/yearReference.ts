/**
 * A plain reference for the cost of 12 equal months (shared/spec/schedule.md), written apart from
 * src/pricing/schedule.ts: with every month needing the same credits, a schedule's cost depends
 * only on how many months each plan has (and, under intro billing, which plan has month 1), so
 * every way to share 12 months among the plans is tried, each priced in BigInt cents from the
 * rules, its shortfall covered by the exact-sum cover reference. Annual billing: one plan for the
 * whole term.
 */
import type { ScheduleBilling, SchedulePack, SchedulePlan } from '../../src/pricing/schedule';
import { ExactCoverReference } from './coverReference';

const MONTHS = 12;

/** Every way to give 12 months to `plans` plans: counts per plan adding up to 12. */
function* shares(plans: number, months: number): Generator<number[]> {
  if (plans === 1) {
    yield [months];
    return;
  }
  for (let k = 0; k <= months; k++) for (const rest of shares(plans - 1, months - k)) yield [k, ...rest];
}

export class YearReference {
  private readonly cover: ExactCoverReference | null;

  /** Answers needs of up to `maxNeed` credits a month. */
  constructor(
    private readonly plans: readonly SchedulePlan[],
    packs: readonly SchedulePack[],
    maxNeed: number,
  ) {
    this.cover =
      packs.length > 0
        ? new ExactCoverReference(
            packs.map((p) => ({ cost: p.cents, size: p.credits })),
            MONTHS * maxNeed,
            'more-size',
          )
        : null;
  }

  private coverCents(shortfall: number): bigint | null {
    if (shortfall <= 0) return 0n;
    if (!this.cover) return null;
    return BigInt(this.cover.cover(shortfall).cost);
  }

  /** The least cost in cents of 12 months of `need` credits each, or null when nothing covers it. */
  cents(need: number, billing: ScheduleBilling, only?: readonly number[]): bigint | null {
    if (need <= 0) return 0n;
    const allowed = only ?? this.plans.map((_, i) => i);
    let best: bigint | null = null;
    const consider = (cents: bigint | null) => {
      if (cents !== null && (best === null || cents < best)) best = cents;
    };
    if (billing === 'annual') {
      for (const i of allowed) {
        const plan = this.plans[i] as SchedulePlan;
        const packs = this.coverCents(MONTHS * Math.max(0, need - plan.credits));
        if (packs !== null) consider(BigInt(plan.yearlyCents) + packs);
      }
      return best;
    }
    for (const counts of shares(allowed.length, MONTHS)) {
      let cents = 0n;
      let shortfall = 0;
      counts.forEach((k, j) => {
        const plan = this.plans[allowed[j] as number] as SchedulePlan;
        cents += BigInt(k) * BigInt(billing === 'list' ? plan.listCents : plan.renewalCents);
        shortfall += k * Math.max(0, need - plan.credits);
      });
      const packs = this.coverCents(shortfall);
      if (packs === null) continue;
      if (billing !== 'intro') {
        consider(cents + packs);
        continue;
      }
      // Intro: the plan of month 1 pays its first-month price; any plan that has a month may be first.
      counts.forEach((k, j) => {
        if (k === 0) return;
        const plan = this.plans[allowed[j] as number] as SchedulePlan;
        consider(cents - BigInt(plan.renewalCents) + BigInt(plan.firstMonthCents) + packs);
      });
    }
    return best;
  }
}
