import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/pricing';
import { CoverSolver } from '../../src/pricing/packCover';
import {
  cheapestSchedule,
  SCHEDULE_HEADER,
  type ScheduleBilling,
  type ScheduleInput,
  type SchedulePlan,
  scheduleTable,
  topUpSolver,
} from '../../src/pricing/schedule';
import { ExactCoverReference } from '../support/coverReference';
import { DEFAULT_PACKS, DEFAULT_PLANS } from '../support/scheduleBook';
import { bruteForceSchedule, type RefCoverOf } from '../support/scheduleReference';

function schedule(needs: number[], billing: ScheduleBilling = 'monthly', startBalance = 0) {
  return cheapestSchedule({ plans: DEFAULT_PLANS, packs: DEFAULT_PACKS, needs, billing, startBalance });
}

/** The brute force's cover of a need: the exact-sum reference over the packs, preferring more credits. */
function coverOf(packs: readonly { cents: number; credits: number }[]): RefCoverOf {
  const reference = new ExactCoverReference(
    packs.map((p) => ({ cost: p.cents, size: p.credits })),
    10_000,
    'more-size',
  );
  return (need) => reference.cover(need);
}

const names = (s: ReturnType<typeof schedule>) => s.months.map((m) => (m.plan >= 0 ? DEFAULT_PLANS[m.plan]?.name : 'No plan'));
const twelve = (n: number) => new Array<number>(12).fill(n);

describe('the default book as the schedule takes it', () => {
  it('holds the figures of pricing-facts.md, in cents', () => {
    expect(DEFAULT_PLANS).toEqual([
      { name: 'Standard', credits: 660, firstMonthCents: 699, renewalCents: 880, listCents: 1_000, yearlyCents: 7_920 },
      { name: 'Pro', credits: 3_000, firstMonthCents: 2_599, renewalCents: 3_256, listCents: 3_700, yearlyCents: 29_304 },
      { name: 'Premier', credits: 8_000, firstMonthCents: 6_499, renewalCents: 8_096, listCents: 9_200, yearlyCents: 72_864 },
      { name: 'Ultra', credits: 26_000, firstMonthCents: 12_799, renewalCents: 15_999, listCents: 18_000, yearlyCents: 142_999 },
    ]);
    expect(DEFAULT_PACKS.map((p) => [p.cents, p.credits])).toEqual([
      [500, 330],
      [1_000, 660],
      [2_000, 1_320],
      [5_000, 3_500],
      [10_000, 7_500],
      [20_000, 16_000],
      [60_000, 48_000],
      [120_000, 96_000],
    ]);
  });
});

describe('the spec examples (schedule.md, default book)', () => {
  it('700 credits x 12, monthly: Standard every month and one 660-credit pack in month 1, $115.60 (not $165.60)', () => {
    const s = schedule(twelve(700));
    expect(s.totalCents).toBe(11_560);
    expect(names(s)).toEqual(new Array(12).fill('Standard'));
    expect(s.months[0]?.packCounts).toEqual([0, 1, 0, 0, 0, 0, 0, 0]);
    expect(s.months.slice(1).every((m) => m.creditsBought === 0)).toBe(true);
    expect(s.months.map((m) => m.balance)).toEqual([620, 580, 540, 500, 460, 420, 380, 340, 300, 260, 220, 180]);
    expect(s.months[0]?.spendCents).toBe(1_880);
    expect(s.finalBalance).toBe(180);
    expect(s.planChanges).toBe(0);
  });

  it('700 credits x 12: annual $89.20, intro $113.79, list $130.00', () => {
    const annual = schedule(twelve(700), 'annual');
    expect(annual.totalCents).toBe(8_920);
    // The yearly price in month 1 with the pack; nothing else is paid.
    expect(annual.months.map((m) => m.spendCents)).toEqual([8_920, ...new Array(11).fill(0)]);
    expect(schedule(twelve(700), 'intro').totalCents).toBe(11_379);
    expect(schedule(twelve(700), 'intro').months[0]?.spendCents).toBe(699 + 1_000);
    expect(schedule(twelve(700), 'list').totalCents).toBe(13_000);
  });

  it('3,100 credits x 12, monthly: Pro every month and one 1,320-credit pack in month 1: 1,200 used, 120 left, $410.72', () => {
    const s = schedule(twelve(3_100));
    expect(names(s)).toEqual(new Array(12).fill('Pro'));
    expect(s.months[0]?.packCounts).toEqual([0, 0, 1, 0, 0, 0, 0, 0]);
    expect(s.months.reduce((sum, m) => sum + m.creditsUsed, 0)).toBe(1_200);
    expect(s.finalBalance).toBe(120);
    expect(s.totalCents).toBe(41_072);
    const table = scheduleTable(s, DEFAULT_PLANS, DEFAULT_PACKS);
    expect(table[0]).toEqual([...SCHEDULE_HEADER]);
    expect(table[1]).toEqual([1, 3_100, 'Pro', 3_000, '1,320-credit pack', 1_320, 100, 1_220, 52.56, 52.56]);
    expect(table[2]).toEqual([2, 3_100, 'Pro', 3_000, '', 0, 100, 1_120, 32.56, 85.12]);
    expect(table[12]).toEqual([12, 3_100, 'Pro', 3_000, '', 0, 100, 120, 32.56, 410.72]);
    expect(table[13]).toEqual(['Total', 37_200, '', 36_000, '1,320-credit pack', 1_320, 1_200, 120, 410.72, 410.72]);
  });

  it('a 13-month schedule under annual billing pays two yearly prices, the second in month 13', () => {
    const needs = new Array<number>(13).fill(700);
    const s = schedule(needs, 'annual');
    // Standard twice (2 x $79.20) and 13 x 40 = 520 missing credits: one 660-credit pack.
    expect(s.totalCents).toBe(2 * 7_920 + 1_000);
    expect(s.months.filter((m) => m.spendCents > 0).map((m) => m.month)).toEqual([1, 13]);
    expect(s.months[12]?.spendCents).toBe(7_920);
    // Monthly billing is cheaper here: 13 x $8.80 + $10.
    expect(schedule(needs, 'monthly').totalCents).toBe(13 * 880 + 1_000);
  });

  it('annual: a term that needs nothing buys nothing; a last term of one month pays the whole yearly price', () => {
    const s = schedule([...new Array(12).fill(0), 700], 'annual');
    expect(names(s)).toEqual([...new Array(12).fill('No plan'), 'Standard']);
    expect(s.months.slice(0, 12).every((m) => m.spendCents === 0 && m.planCredits === 0)).toBe(true);
    expect(s.months[12]?.spendCents).toBe(7_920 + 500);
    expect(s.totalCents).toBe(8_420);
  });
});

describe('the rules', () => {
  it('a month that needs 0 has no plan and costs nothing, except inside an annual term that buys', () => {
    const s = schedule([700, 0, 700]);
    expect(names(s)).toEqual(['Standard', 'No plan', 'Standard']);
    expect(s.months[1]).toMatchObject({ planCredits: 0, creditsUsed: 0, spendCents: 0, creditsBought: 0 });
    const annual = schedule([0, 700, 0], 'annual');
    expect(names(annual)).toEqual(['Standard', 'Standard', 'Standard']);
    expect(annual.months.map((m) => [m.planCredits, m.creditsUsed, m.spendCents])).toEqual([
      [660, 0, 7_920],
      [660, 40, 500],
      [660, 0, 0],
    ]);
    // The yearly price in month 1; the 330-credit pack just in time, in month 2.
    expect(annual.months.map((m) => m.creditsBought)).toEqual([0, 330, 0]);
  });

  it('packs are bought just in time, largest first, stopping as soon as the month is covered', () => {
    // Ultra leaves 4,000 short each month: month 1 buys from the set largest first until covered,
    // month 2 buys the rest only when its balance falls short.
    const s = schedule([30_000, 30_000]);
    expect(names(s)).toEqual(['Ultra', 'Ultra']);
    // The set is a 7,500 and a 660 pack ($110 for 8,000 short): month 1 buys the 7,500 pack and is
    // covered; month 2 has 3,500 left, falls 500 short and buys the 660 pack.
    expect(s.months.map((m) => m.packCounts)).toEqual([
      [0, 0, 0, 0, 1, 0, 0, 0],
      [0, 1, 0, 0, 0, 0, 0, 0],
    ]);
    expect(s.months.map((m) => m.balance)).toEqual([3_500, 160]);
    expect(s.totalCents).toBe(2 * 15_999 + 10_000 + 1_000);
  });

  it('intro: the first month with a plan pays the first-month price, not month 1', () => {
    const s = schedule([0, 0, 700, 700], 'intro');
    expect(s.months.map((m) => m.spendCents)).toEqual([0, 0, 699 + 500, 880]);
  });

  it('the start balance is used before any pack is bought', () => {
    const s = schedule(twelve(700), 'monthly', 500);
    expect(s.packCounts.every((n) => n === 0)).toBe(true);
    expect(s.totalCents).toBe(12 * 880);
    expect(s.finalBalance).toBe(20);
    expect(schedule(twelve(700), 'monthly', 470).packCounts).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('nothing needed: no plan, no packs, $0 under every billing', () => {
    for (const billing of ['monthly', 'intro', 'annual', 'list'] as const) {
      const s = schedule([0, 0, 0], billing, 10);
      expect(s.totalCents).toBe(0);
      expect(s.months.every((m) => m.plan === -1)).toBe(true);
      expect(s.finalBalance).toBe(10);
    }
  });

  it('a plan one cent dearer that saves one credit wins over a pack', () => {
    const plans: SchedulePlan[] = [
      { name: 'A', credits: 100, firstMonthCents: 500, renewalCents: 500, listCents: 500, yearlyCents: 500 },
      { name: 'B', credits: 101, firstMonthCents: 501, renewalCents: 501, listCents: 501, yearlyCents: 501 },
    ];
    const s = cheapestSchedule({ plans, packs: [{ cents: 1_000, credits: 50 }], needs: [101, 100], billing: 'monthly', startBalance: 0 });
    expect(s.months.map((m) => m.plan)).toEqual([1, 0]);
    expect(s.totalCents).toBe(1_001);
    expect(s.planChanges).toBe(1);
  });

  it('ties: more credits left, then fewer packs, then fewer plan changes, then the earlier plan', () => {
    // Two plans of the same price: the larger leaves more top-up credits (fewer used).
    const same: SchedulePlan[] = [
      { name: 'Small', credits: 100, firstMonthCents: 500, renewalCents: 500, listCents: 500, yearlyCents: 500 },
      { name: 'Large', credits: 200, firstMonthCents: 500, renewalCents: 500, listCents: 500, yearlyCents: 500 },
    ];
    const packs = [{ cents: 100, credits: 100 }];
    const left = cheapestSchedule({ plans: same, packs, needs: [150], billing: 'monthly', startBalance: 100 });
    expect(left.months[0]?.plan).toBe(1);
    expect(left.finalBalance).toBe(100);
    // Equal in everything but changes: [Small, Small] beats [Small, Large] and [Large, Small].
    const equal: SchedulePlan[] = [
      { name: 'X', credits: 100, firstMonthCents: 500, renewalCents: 500, listCents: 500, yearlyCents: 500 },
      { name: 'Y', credits: 100, firstMonthCents: 500, renewalCents: 500, listCents: 500, yearlyCents: 500 },
    ];
    const steady = cheapestSchedule({ plans: equal, packs, needs: [100, 100, 100], billing: 'monthly', startBalance: 0 });
    expect(steady.months.map((m) => m.plan)).toEqual([0, 0, 0]);
    expect(steady.planChanges).toBe(0);
    // Under intro, Y's first month is cheaper: Y first, then X and Y tie at renewal with no change: Y, Y, Y.
    const intro = cheapestSchedule({
      plans: [equal[0] as SchedulePlan, { ...(equal[1] as SchedulePlan), firstMonthCents: 400 }],
      packs,
      needs: [100, 100, 100],
      billing: 'intro',
      startBalance: 0,
    });
    expect(intro.months.map((m) => m.plan)).toEqual([1, 1, 1]);
    expect(intro.totalCents).toBe(1_400);
  });

  it('fewer packs before fewer plan changes: 300 credits for $5 or 100 for $3, packs of 300 for $6 and 50 for $0.50, needs 9, 149, 156, 340', () => {
    // Every schedule with the small plan in months 1 to 3 and either plan in month 4 costs $15.50 and ends with 5
    // credits: small, small, small, large needs 49 + 56 + 40 = 145 credits, 3 x 50 ($1.50, 1 change); the small plan
    // in every month needs 345, 7 x 50 ($3.50, no change). Fewer packs comes first: 3 packs and one change.
    const plans: SchedulePlan[] = [
      { name: 'Large', credits: 300, firstMonthCents: 500, renewalCents: 500, listCents: 500, yearlyCents: 6_000 },
      { name: 'Small', credits: 100, firstMonthCents: 300, renewalCents: 300, listCents: 300, yearlyCents: 3_600 },
    ];
    const packs = [
      { cents: 600, credits: 300 },
      { cents: 50, credits: 50 },
    ];
    const input: ScheduleInput = { plans, packs, needs: [9, 149, 156, 340], billing: 'monthly', startBalance: 0 };
    const s = cheapestSchedule(input);
    expect(s.months.map((m) => m.plan)).toEqual([1, 1, 1, 0]);
    expect(s.totalCents).toBe(1_550);
    expect(s.finalBalance).toBe(5);
    expect(s.packCounts).toEqual([0, 3]);
    expect(s.planChanges).toBe(1);
    // The packs, just in time: 49 credits in month 2 (one pack, 1 left), 56 in month 3 (two packs, 45 left),
    // month 4 uses 40 of them.
    expect(s.months.map((m) => [m.packCounts[1], m.balance, m.spendCents])).toEqual([
      [0, 0, 300],
      [1, 1, 350],
      [2, 45, 400],
      [0, 5, 500],
    ]);
    // The order swapped (changes before packs) would take the small plan every month and 7 packs, at the same cost.
    const small = cheapestSchedule({ ...input, plans: [plans[1] as SchedulePlan] });
    expect([small.totalCents, small.finalBalance, small.packCounts]).toEqual([1_550, 5, [0, 7]]);
    // The brute force over all 16 sequences agrees.
    const best = bruteForceSchedule(input, coverOf(packs));
    expect(best).toMatchObject({ totalCents: 1_550n, finalBalance: 5, packs: 3, changes: 1, plans: [1, 1, 1, 0] });
  });
});

describe('errors and limits', () => {
  const base: ScheduleInput = { plans: DEFAULT_PLANS, packs: DEFAULT_PACKS, needs: [700], billing: 'monthly', startBalance: 0 };

  it('no plans: an InputError when a month needs credits; nothing needed is fine', () => {
    expect(() => cheapestSchedule({ ...base, plans: [] })).toThrow(InputError);
    expect(cheapestSchedule({ ...base, plans: [], needs: [0, 0] }).totalCents).toBe(0);
  });

  it('no packs: plans alone when they cover, else an InputError', () => {
    expect(cheapestSchedule({ ...base, packs: [], needs: [26_000, 600] }).totalCents).toBe(15_999 + 880);
    expect(() => cheapestSchedule({ ...base, packs: [], needs: [26_001] })).toThrow(InputError);
    // A balance can still cover what the plans do not.
    expect(cheapestSchedule({ ...base, packs: [], needs: [26_001], startBalance: 1 }).finalBalance).toBe(0);
  });

  it('refuses what the contract excludes: 0 or 25 months, negatives', () => {
    expect(() => cheapestSchedule({ ...base, needs: [] })).toThrow(InputError);
    expect(() => cheapestSchedule({ ...base, needs: new Array(25).fill(1) })).toThrow(InputError);
    expect(() => cheapestSchedule({ ...base, needs: [1, -1] })).toThrow(/month 2/);
    expect(() => cheapestSchedule({ ...base, startBalance: -1 })).toThrow(InputError);
  });

  it('a pack book too irregular for the need: the solver refuses with its message', () => {
    const packs = [
      { cents: 100_001, credits: 96_001 },
      { cents: 100_000, credits: 96_000 },
    ];
    expect(() => cheapestSchedule({ ...base, packs, needs: new Array(24).fill(26_000_000) })).toThrow(
      /^the top-up packs of this price book are too irregular to plan [\d,]+ credits exactly; use fewer or more regular packs$/,
    );
  });

  it('24 months of 26,000,000 credits: answered under every billing, with a shared solver', () => {
    const solver = topUpSolver(DEFAULT_PACKS);
    for (const billing of ['monthly', 'intro', 'annual', 'list'] as const) {
      const s = cheapestSchedule({ ...base, needs: new Array(24).fill(26_000_000), billing }, solver);
      expect(s.months.every((m) => m.plan === 3)).toBe(true);
      expect(s.finalBalance).toBeGreaterThanOrEqual(0);
    }
    expect(solver).toBeInstanceOf(CoverSolver);
    expect(solver.tableSteps).toBeLessThan(100_000);
  });
});
