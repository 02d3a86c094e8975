import { describe, expect, it } from 'vitest';
import type { Sourced } from '../../src/pricing';
import { DEFAULT_PRICE_BOOK, PLAN_TABLE_HEADER, PricingEngine, planTable } from '../../src/pricing';
import {
  API_26,
  API_30_PER_SECOND,
  BILLINGS,
  CREDITS_26,
  CREDITS_30_PER_SECOND,
  CREDITS_PER_IMAGE,
  DAYS,
  FREE_CREDITS_PER_DAY,
  PACK_FACTS,
  PLAN_FACTS,
  YEARLY_PER_MONTH_PRINTED,
} from './facts';

const book = DEFAULT_PRICE_BOOK;
const engine = new PricingEngine(book);

describe('default price book: plans (pricing-facts section 1)', () => {
  it('has exactly the five plans of the spec, in order', () => {
    expect(book.plans.map((p) => p.id)).toEqual(PLAN_FACTS.map((p) => p.id));
  });

  for (const fact of PLAN_FACTS) {
    it(`${fact.name}: credits, first month, renewal, list and yearly prices`, () => {
      const plan = engine.plan(fact.id);
      expect(plan.name).toBe(fact.name);
      expect(engine.planCredits(plan)).toBe(fact.credits);
      expect(plan.firstMonth).toBe(fact.firstMonth);
      expect(plan.renewal).toBe(fact.renewal);
      expect(plan.list).toBe(fact.list);
      expect(plan.yearly).toBe(fact.yearly);
    });

    it(`${fact.name}: price per month under each billing`, () => {
      const plan = engine.plan(fact.id);
      expect(engine.planPrice(plan, 'intro')).toBe(fact.firstMonth);
      expect(engine.planPrice(plan, 'monthly')).toBe(fact.renewal);
      expect(engine.planPrice(plan, 'list')).toBe(fact.list);
      // Yearly per month: the yearly price / 12, unrounded; the spec prints it to the cent.
      const perMonth = engine.planPrice(plan, 'annual');
      expect(perMonth).toBeCloseTo(fact.yearly / 12, 12);
      expect(Math.round(perMonth * 100) / 100).toBe(YEARLY_PER_MONTH_PRINTED[fact.id]);
    });
  }

  it('free tier: 66 credits a day, 30 days a month, nothing to pay', () => {
    const free = engine.plan('free');
    expect(free.dailyCredits).toBe(FREE_CREDITS_PER_DAY);
    expect(engine.planCredits(free)).toBe(FREE_CREDITS_PER_DAY * DAYS);
    expect(engine.planCredits(free)).toBe(1980);
    for (const billing of BILLINGS) {
      expect(engine.planPrice(free, billing)).toBe(0);
      expect(engine.planYear(free, billing)).toBe(0);
    }
  });

  it('paid plans have no daily credits, and paidPlans() lists them smallest first', () => {
    expect(engine.paidPlans().map((p) => p.id)).toEqual(['standard', 'pro', 'premier', 'ultra']);
    for (const plan of engine.paidPlans()) expect(plan.dailyCredits).toBeNull();
  });

  it("Ultra annual per month is 1,429.99 / 12 = 119.1658..., not the guide's 119.16", () => {
    const perMonth = engine.planPrice(engine.plan('ultra'), 'annual');
    expect(perMonth).toBeCloseTo(119.165833333, 8);
    expect(Math.round(perMonth * 100) / 100).toBe(119.17);
    expect(Math.round(perMonth * 100) / 100).not.toBe(119.16);
  });
});

describe('default price book: top-up packs (section 2)', () => {
  it('has the eight packs with price, credits, bonus and total', () => {
    expect(book.packs).toHaveLength(PACK_FACTS.length);
    PACK_FACTS.forEach((fact, i) => {
      const pack = book.packs[i];
      expect(pack?.price, `pack ${i}`).toBe(fact.price);
      expect(pack?.credits, `pack ${i}`).toBe(fact.credits);
      expect(pack?.bonus, `pack ${i}`).toBe(fact.bonus);
      expect((pack?.credits ?? 0) + (pack?.bonus ?? 0), `pack ${i}`).toBe(fact.total);
    });
  });
});

describe('default price book: credits per generation (section 3)', () => {
  it('Kling 2.6 credits per clip, 5 s and 10 s, every mode and audio', () => {
    for (const [mode, audio, five, ten] of CREDITS_26) {
      expect(engine.clipCredits({ mode, audio, secs: 5, model: '2.6' }), `${mode} ${audio} 5 s`).toBe(five);
      expect(engine.clipCredits({ mode, audio, secs: 10, model: '2.6' }), `${mode} ${audio} 10 s`).toBe(ten);
    }
  });

  it('Kling 2.6 makes 5 s or 10 s clips only, and no 4k', () => {
    for (const secs of [3, 4, 6, 7.5, 9, 11, 15]) {
      expect(() => engine.clipCredits({ mode: 'standard', audio: false, secs, model: '2.6' })).toThrow(/2\.6/);
    }
    expect(() => engine.clipCredits({ mode: '4k', audio: false, secs: 5, model: '2.6' })).toThrow(/4k.*3\.0/);
  });

  it('Kling 3.0 credits: credits per second x secs for every secs 3..15, every mode and audio', () => {
    for (const [mode, audio, perSecond] of CREDITS_30_PER_SECOND) {
      for (let secs = 3; secs <= 15; secs++) {
        const credits = engine.clipCredits({ mode, audio, secs, model: '3.0' });
        expect(credits, `${mode} ${audio} ${secs} s`).toBe(perSecond * secs);
        expect(Number.isInteger(credits)).toBe(true);
      }
    }
  });

  it('images: 0.2 credits each', () => {
    expect(book.images.creditsPerImage).toBe(CREDITS_PER_IMAGE);
  });
});

describe('default price book: API prices (section 4)', () => {
  it('Kling 2.6 per clip', () => {
    for (const [mode, audio, five, ten] of API_26) {
      expect(engine.apiCost({ mode, audio, secs: 5, model: '2.6' }), `${mode} ${audio} 5 s`).toBe(five);
      expect(engine.apiCost({ mode, audio, secs: 10, model: '2.6' }), `${mode} ${audio} 10 s`).toBe(ten);
    }
  });

  it('Kling 2.6 standard with audio has no API price: an error that says so', () => {
    for (const secs of [5, 10]) {
      expect(() => engine.apiCost({ mode: 'standard', audio: true, secs, model: '2.6' })).toThrow(/no standard .*with audio.*2\.6/);
    }
  });

  it('professional with audio uses the price without voice control ($0.70 / $1.40, not $0.84 / $1.68)', () => {
    expect(engine.apiCost({ mode: 'professional', audio: true, secs: 5, model: '2.6' })).not.toBe(0.84);
    expect(engine.apiCost({ mode: 'professional', audio: true, secs: 10, model: '2.6' })).not.toBe(1.68);
  });

  it('Kling 3.0: USD per second x secs, exact to the cent for every secs 3..15', () => {
    for (const [mode, audio, perSecond] of API_30_PER_SECOND) {
      for (let secs = 3; secs <= 15; secs++) {
        const usd = engine.apiCost({ mode, audio, secs, model: '3.0' });
        // The rates are whole tenths of a cent, so the exact product has at most 3 decimals;
        // toFixed(3) of the float product gives that exact decimal back.
        const exact = Number((perSecond * secs).toFixed(3));
        expect(usd, `${mode} ${audio} ${secs} s`).toBe(exact);
        expect(String(usd), `${mode} ${audio} ${secs} s`).toMatch(/^\d+(\.\d{1,3})?$/);
      }
    }
  });

  it('0.084 x 5 is 0.42, not 0.42000000000000004', () => {
    expect(0.084 * 5).not.toBe(0.42); // the float trap the engine must avoid
    expect(engine.apiCost({ mode: 'standard', audio: false, secs: 5, model: '3.0' })).toBe(0.42);
    expect(engine.apiCost({ mode: 'professional', audio: true, secs: 15, model: '3.0' })).toBe(2.52);
    expect(engine.apiCost({ mode: '4k', audio: true, secs: 7, model: '3.0' })).toBe(2.94);
  });
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function sourcedRows(): [string, Sourced][] {
  return [
    ...book.plans.map((r): [string, Sourced] => [`plan ${r.id}`, r]),
    ...book.packs.map((r): [string, Sourced] => [`pack $${r.price}`, r]),
    ...book.clipCredits26.map((r): [string, Sourced] => [`2.6 credits ${r.mode} ${r.secs} ${r.audio}`, r]),
    ...book.secondCredits30.map((r): [string, Sourced] => [`3.0 credits ${r.mode} ${r.audio}`, r]),
    ['images', book.images],
    ...book.apiClip26.map((r): [string, Sourced] => [`API 2.6 ${r.mode} ${r.secs} ${r.audio}`, r]),
    ...book.apiSecond30.map((r): [string, Sourced] => [`API 3.0 ${r.mode} ${r.audio}`, r]),
  ];
}

describe('default price book: every row says where it comes from', () => {
  it('has a non-empty source, an ISO asOf date and a known confidence on every row', () => {
    const rows = sourcedRows();
    expect(rows.length).toBe(5 + 8 + 8 + 6 + 1 + 6 + 6);
    for (const [name, row] of rows) {
      expect(row.source.trim().length, `${name} source`).toBeGreaterThan(5);
      expect(row.asOf, `${name} asOf`).toMatch(ISO_DATE);
      expect(new Date(`${row.asOf}T00:00:00Z`).toISOString().slice(0, 10), `${name} asOf is a real date`).toBe(row.asOf);
      expect(['official', 'guide', 'estimate'], `${name} confidence`).toContain(row.confidence);
    }
  });

  it('confidences match pricing-facts.md', () => {
    for (const plan of book.plans) expect(plan.confidence, plan.id).toBe(plan.id === 'free' ? 'guide' : 'official');
    for (const pack of book.packs) expect(pack.confidence).toBe('official');
    for (const row of book.clipCredits26) expect(row.confidence).toBe('guide');
    for (const row of book.secondCredits30) expect(row.confidence).toBe('estimate');
    expect(book.images.confidence).toBe('guide');
    for (const row of book.apiClip26) expect(row.confidence).toBe('official');
    for (const row of book.apiSecond30) expect(row.confidence).toBe('official');
  });

  it('the guide rows cite the guide, the official rows cite Kling, the 3.0 rows say estimate', () => {
    for (const [name, row] of sourcedRows()) {
      if (row.confidence === 'guide') expect(row.source, name).toMatch(/guide/i);
      if (row.confidence === 'official') expect(row.source, name).toMatch(/kling\.ai/);
      if (row.confidence === 'estimate') expect(row.source, name).toMatch(/estimate/i);
    }
  });

  it('the book is dated by its newest row', () => {
    const newest = sourcedRows()
      .map(([, r]) => r.asOf)
      .sort()
      .pop();
    expect(book.asOf).toBe(newest);
  });
});

describe('plan table (KLING_PRICES data)', () => {
  const table = planTable(book);

  it('starts with the header and has one row per plan', () => {
    expect(table[0]).toEqual([...PLAN_TABLE_HEADER]);
    expect(table).toHaveLength(1 + PLAN_FACTS.length);
  });

  it('each row carries the spec figures, its confidence, source and as-of date', () => {
    const header = table[0] as string[];
    const col = (name: string) => header.indexOf(name);
    PLAN_FACTS.forEach((fact, i) => {
      const row = table[i + 1] as (string | number)[];
      const plan = book.plans[i];
      expect(row[col('Plan')]).toBe(fact.name);
      expect(row[col('Credits per month')]).toBe(fact.credits);
      expect(row[col('Credits per day')]).toBe(fact.id === 'free' ? 66 : '');
      expect(row[col('First month (USD)')]).toBe(fact.firstMonth);
      expect(row[col('Monthly renewal (USD)')]).toBe(fact.renewal);
      expect(row[col('List monthly (USD)')]).toBe(fact.list);
      expect(row[col('Yearly (USD)')]).toBe(fact.yearly);
      expect(row[col('Yearly per month (USD)')] as number).toBeCloseTo(fact.yearly / 12, 12);
      expect(row[col('Confidence')]).toBe(plan?.confidence);
      expect(row[col('Source')]).toBe(plan?.source);
      expect(row[col('As of')]).toMatch(ISO_DATE);
    });
  });
});
