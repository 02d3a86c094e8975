/**
 * The default price book, row by row, against shared/spec/pricing-facts.md: every number, its
 * confidence, and that its source names the page and the date the facts give.
 */
import { describe, expect, it } from 'vitest';
import type { Clip, RateTable, Sourced, VideoModel } from '../../src/pricing';
import {
  clipOptions,
  DEFAULT_PRICE_BOOK,
  PLAN_TABLE_HEADER,
  PricingEngine,
  planCredits,
  planFigure,
  planMonthTwelfths,
  planTable,
  planYearCents,
} from '../../src/pricing';
import type { Audio, Confidence, Mode } from './facts';
import {
  API_25_TURBO,
  API_26,
  API_30_OMNI_4K_AUDIO,
  API_30_OMNI_PER_SECOND,
  API_30_PER_SECOND,
  API_30_TURBO_PER_SECOND,
  API_IMAGE_SOURCED,
  API_IMAGE_USD,
  API_O1,
  API_O1_SOURCED,
  API_PACK_FACTS,
  API_UNIT_USD,
  BILLINGS,
  CREDITS_26,
  CREDITS_30_PER_SECOND,
  CREDITS_PER_IMAGE,
  DAYS,
  FREE_CREDITS_PER_DAY,
  PACK_FACTS,
  PLAN_FACTS,
  PROVIDER_FACTS,
  READ_ON,
  RESELLER_FACTS,
  toCents,
  toTicks,
  YEARLY_PER_MONTH_PRINTED,
} from './facts';

const book = DEFAULT_PRICE_BOOK;
const engine = new PricingEngine(book);

const LLMS = 'kling.ai/llms.txt';
const PLAN_PAGE = 'kling.ai/app/membership/membership-plan';
const GUIDE_3 = 'kling.ai/quickstart/klingai-video-3-model-user-guide';
const BLOG_3 = 'kling.ai/blog/kling-video-3-0-credit-cost-guide';
const DEV_PRICING = 'kling.ai/dev/pricing';
const API_DOC = 'kling.ai/document-api/pricing/base/video';

function model(name: string): VideoModel {
  const found = book.models.find((m) => m.name === name);
  if (!found) throw new Error(`the default book has no ${name}`);
  return found;
}

function rateOf(table: RateTable | null, mode: Mode, audio: Audio, secs: number | null) {
  const found = table?.rates.find((r) => r.mode === mode && r.audio === audio && r.secs === secs);
  if (!found) throw new Error(`no rate ${mode} ${audio} ${secs}`);
  return found;
}

const clip = (modelName: string, mode: Mode, secs: number, audio: Audio): Clip => ({ model: modelName, mode, secs, audio });

describe('default price book: plans (pricing-facts section 1)', () => {
  it('has exactly the five plans of the spec, in order', () => {
    expect(book.plans.map((p) => p.id)).toEqual(PLAN_FACTS.map((p) => p.id));
    expect(book.plans.map((p) => p.name)).toEqual(PLAN_FACTS.map((p) => p.name));
  });

  for (const fact of PLAN_FACTS) {
    it(`${fact.name}: credits, first month, renewal, list and yearly prices in whole cents`, () => {
      const plan = engine.plan(fact.id);
      expect(planCredits(plan)).toBe(fact.credits);
      expect(plan.monthlyCredits).toBe(fact.credits);
      expect(plan.firstMonthCents).toBe(toCents(fact.firstMonth));
      expect(plan.renewalCents).toBe(toCents(fact.renewal));
      expect(plan.listCents).toBe(toCents(fact.list));
      expect(plan.yearlyCents).toBe(toCents(fact.yearly));
      for (const cents of [plan.firstMonthCents, plan.renewalCents, plan.listCents, plan.yearlyCents]) {
        expect(Number.isInteger(cents)).toBe(true);
      }
    });

    it(`${fact.name}: price per month under each billing`, () => {
      const plan = engine.plan(fact.id);
      expect(planFigure(plan, 'price', 'intro')).toBe(fact.firstMonth);
      expect(planFigure(plan, 'price', 'monthly')).toBe(fact.renewal);
      expect(planFigure(plan, 'price', 'list')).toBe(fact.list);
      // Yearly per month: the yearly price / 12, unrounded; the spec prints it to the cent.
      expect(planMonthTwelfths(plan, 'annual')).toBe(toCents(fact.yearly));
      const perMonth = planFigure(plan, 'price', 'annual');
      expect(perMonth).toBe(toCents(fact.yearly) / 1200);
      expect(Math.round(perMonth * 100) / 100).toBe(YEARLY_PER_MONTH_PRINTED[fact.id]);
    });
  }

  it('free tier: 66 credits a day, 30 days a month, nothing to pay', () => {
    const free = engine.plan('free');
    expect(free.dailyCredits).toBe(FREE_CREDITS_PER_DAY);
    expect(planCredits(free)).toBe(FREE_CREDITS_PER_DAY * DAYS);
    for (const billing of BILLINGS) {
      expect(planFigure(free, 'price', billing)).toBe(0);
      expect(planYearCents(free, billing)).toBe(0);
    }
  });

  it('paid plans have no daily credits, and paidPlans() lists them smallest first', () => {
    expect(engine.paidPlans().map((p) => p.id)).toEqual(['standard', 'pro', 'premier', 'ultra']);
    for (const plan of engine.paidPlans()) expect(plan.dailyCredits).toBeNull();
  });

  it("Ultra annual per month is 1,429.99 / 12 = 119.1658..., never rounded inside (nor the guide's 119.16)", () => {
    const perMonth = planFigure(engine.plan('ultra'), 'price', 'annual');
    expect(perMonth).toBe(142_999 / 1200);
    expect(perMonth).not.toBe(119.17);
    expect(perMonth).not.toBe(119.16);
  });
});

describe('default price book: top-up packs (section 2)', () => {
  it('has the eight packs with price, credits and bonus', () => {
    expect(book.packs).toHaveLength(PACK_FACTS.length);
    PACK_FACTS.forEach((fact, i) => {
      const pack = book.packs[i];
      expect(pack?.priceCents, `pack ${i}`).toBe(fact.price * 100);
      expect(pack?.credits, `pack ${i}`).toBe(fact.credits);
      expect(pack?.bonus, `pack ${i}`).toBe(fact.bonus);
      expect((pack?.credits ?? 0) + (pack?.bonus ?? 0), `pack ${i}`).toBe(fact.total);
    });
  });
});

describe('default price book: credits per generation (section 3)', () => {
  it('holds Kling 2.6 and 3.0 priced in the app, the API-only models 3.0 Turbo, 3.0 Omni, 2.5 Turbo and O1, and 4.0 / 4.0 Flash sold by resellers only', () => {
    expect(book.models.map((m) => m.name)).toEqual([
      'Kling 2.6',
      'Kling 3.0',
      'Kling 3.0 Turbo',
      'Kling 3.0 Omni',
      'Kling 2.5 Turbo',
      'Kling O1',
      'Kling 4.0',
      'Kling 4.0 Flash',
    ]);
    expect(book.models.filter((m) => m.app !== null).map((m) => m.name)).toEqual(['Kling 2.6', 'Kling 3.0']);
    expect(book.models.filter((m) => m.api !== null).map((m) => m.name)).toEqual([
      'Kling 2.6',
      'Kling 3.0',
      'Kling 3.0 Turbo',
      'Kling 3.0 Omni',
      'Kling 2.5 Turbo',
      'Kling O1',
    ]);
    // Section 3: Kling publishes neither app credits nor an API price for 4.0 and 4.0 Flash.
    for (const name of ['Kling 4.0', 'Kling 4.0 Flash']) {
      expect(model(name).app, name).toBeNull();
      expect(model(name).api, name).toBeNull();
      expect(model(name).resellers.length, name).toBeGreaterThan(0);
    }
    expect(engine.models.defaultModel?.name).toBe('Kling 2.6');
  });

  it('Kling 4.0 and 4.0 Flash without app credits: an error naming where they are sold and how to add app credits', () => {
    expect(() => engine.clipCredits(clip('4.0', 'professional', 10, 'audio'))).toThrow(
      'Kling 4.0 has no app credits in the price book; it is sold by fal and PiAPI (KLING_API_COST with provider); rows "App credits, Kling 4.0" in the price table (Edit prices) add app credits',
    );
    expect(() => engine.clipCredits(clip('Kling 4.0 Flash', 'standard', 5, 'audio'))).toThrow(
      /^Kling 4\.0 Flash has no app credits in the price book; it is sold by PiAPI \(KLING_API_COST with provider\)/,
    );
    expect(() => engine.clipCredits(clip('O1', 'standard', 5, 'silent'))).toThrow(
      /^Kling O1 has no app credits in the price book; it is sold by Kling's API \(KLING_API_COST\); rows "App credits, Kling O1"/,
    );
    expect(engine.apiTicks(clip('4', 'professional', 10, 'audio'))).toBeNull();
  });

  it('Kling 2.6: credits per clip, 5 s and 10 s, every mode and audio; no 4k, no voice control', () => {
    const app = model('Kling 2.6').app as RateTable;
    expect(app.per).toBe('clip');
    expect(app.rates).toHaveLength(CREDITS_26.length * 2);
    for (const [mode, audio, five, ten] of CREDITS_26) {
      expect(rateOf(app, mode, audio, 5).value).toBe(five);
      expect(rateOf(app, mode, audio, 10).value).toBe(ten);
      expect(engine.clipCredits(clip('2.6', mode, 5, audio)), `${mode} ${audio} 5 s`).toBe(five);
      expect(engine.clipCredits(clip('2.6', mode, 10, audio)), `${mode} ${audio} 10 s`).toBe(ten);
    }
    const options = clipOptions(app);
    expect(options.modes).toEqual(['standard', 'professional']);
    expect(options.lengths).toEqual([5, 10]);
    expect(options.audio.standard).toEqual(['silent', 'audio']);
    expect(options.audio.professional).toEqual(['silent', 'audio']);
  });

  it('Kling 2.6 makes 5 s or 10 s clips only, and no 4k: errors name what it offers', () => {
    for (const secs of [3, 4, 6, 7.5, 9, 11, 15]) {
      expect(() => engine.clipCredits(clip('2.6', 'standard', secs, 'silent'))).toThrow(/Kling 2\.6 makes; use 5 or 10/);
    }
    expect(() => engine.clipCredits(clip('2.6', '4k', 5, 'silent'))).toThrow(
      'mode "4k" is not offered by Kling 2.6; use standard or professional',
    );
    expect(() => engine.clipCredits(clip('2.6', 'professional', 5, 'voice'))).toThrow(
      /Kling 2\.6 offers no professional clip with voice control/,
    );
  });

  it('Kling 3.0: per second, 3 to 15 s, every rate of the facts (voice control at its full price)', () => {
    const app = model('Kling 3.0').app as RateTable;
    expect(app.per).toBe('second');
    expect(app.shortest?.seconds).toBe(3);
    expect(app.longest?.seconds).toBe(15);
    expect(app.rates).toHaveLength(CREDITS_30_PER_SECOND.length);
    for (const [mode, audio, perSecond, confidence] of CREDITS_30_PER_SECOND) {
      const rate = rateOf(app, mode, audio, null);
      expect(rate.value, `${mode} ${audio}`).toBe(perSecond);
      expect(rate.confidence, `${mode} ${audio}`).toBe(confidence);
      for (let secs = 3; secs <= 15; secs++) {
        expect(engine.clipCredits(clip('3.0', mode, secs, audio)), `${mode} ${audio} ${secs} s`).toBe(perSecond * secs);
      }
    }
    // The user's account: 40 credits for 5 s at 1080p silent, 60 with audio.
    expect(engine.clipCredits(clip('3.0', 'professional', 5, 'silent'))).toBe(40);
    expect(engine.clipCredits(clip('3.0', 'professional', 5, 'audio'))).toBe(60);
    expect(engine.clipCredits(clip('3.0', 'professional', 10, 'voice'))).toBe(140);
    expect(clipOptions(app).audio['4k']).toEqual(['silent', 'audio']);
    expect(() => engine.clipCredits(clip('3.0', '4k', 5, 'voice'))).toThrow(
      /offers no 4k clip with voice control; use audio FALSE or TRUE, or standard or professional with voice control/,
    );
    for (const secs of [2, 16, 7.5]) expect(() => engine.clipCredits(clip('3.0', 'standard', secs, 'silent'))).toThrow(/from 3 to 15/);
  });

  it('images: 0.2 credits each', () => {
    expect(book.images.creditsPerImage).toBe(CREDITS_PER_IMAGE);
  });
});

describe('default price book: API prices (section 4), in ticks (USD x 10,000)', () => {
  it('Kling 2.6 per clip, with voice control at $0.84 / $1.68; no standard with audio', () => {
    const api = model('Kling 2.6').api as RateTable;
    expect(api.per).toBe('clip');
    expect(api.rates).toHaveLength(API_26.length * 2);
    for (const [mode, audio, five, ten] of API_26) {
      expect(rateOf(api, mode, audio, 5).value).toBe(toTicks(five));
      expect(rateOf(api, mode, audio, 10).value).toBe(toTicks(ten));
      expect(engine.apiTicks(clip('2.6', mode, 5, audio))).toBe(toTicks(five));
      expect(engine.apiTicks(clip('2.6', mode, 10, audio))).toBe(toTicks(ten));
    }
    expect(clipOptions(api).audio.standard).toEqual(['silent']);
    for (const secs of [5, 10]) {
      expect(() => engine.apiTicks(clip('2.6', 'standard', secs, 'audio'))).toThrow(
        "audio TRUE: Kling's API for Kling 2.6 offers no standard clip with native audio; use audio FALSE, or professional with native audio",
      );
    }
  });

  it('professional with audio is the price without voice control: $0.70 and $1.40 are 7,000 and 14,000 ticks', () => {
    expect(engine.apiTicks(clip('2.6', 'professional', 5, 'audio'))).toBe(7_000);
    expect(engine.apiTicks(clip('2.6', 'professional', 10, 'audio'))).toBe(14_000);
    expect(engine.channelTicks(clip('2.6', 'professional', 10, 'voice'), 'api')).toBe(16_800);
  });

  it('$0.084 a second is 840 ticks: 3.0 standard 7 s is 5,880 ticks, exactly', () => {
    expect(rateOf(model('Kling 3.0').api, 'standard', 'silent', null).value).toBe(840);
    expect(engine.apiTicks(clip('3.0', 'standard', 7, 'silent'))).toBe(5_880);
  });

  const perSecond: [string, readonly (readonly [Mode, Audio, number])[]][] = [
    ['Kling 3.0', API_30_PER_SECOND],
    ['Kling 3.0 Turbo', API_30_TURBO_PER_SECOND],
    ['Kling 3.0 Omni', [...API_30_OMNI_PER_SECOND, API_30_OMNI_4K_AUDIO]],
  ];
  for (const [name, facts] of perSecond) {
    it(`${name}: USD per second x secs in whole ticks, every rate of the facts and no other`, () => {
      const api = model(name).api as RateTable;
      expect(api.per).toBe('second');
      expect(api.rates).toHaveLength(facts.length);
      expect([api.shortest?.seconds, api.longest?.seconds]).toEqual([3, 15]);
      for (const [mode, audio, usd] of facts) {
        expect(rateOf(api, mode, audio, null).value, `${mode} ${audio}`).toBe(toTicks(usd));
        for (let secs = 3; secs <= 15; secs++) {
          expect(engine.apiTicks(clip(name, mode, secs, audio)), `${mode} ${audio} ${secs} s`).toBe(toTicks(usd) * secs);
        }
      }
    });
  }

  it('Kling 2.5 Turbo: per second but 5 or 10 s only, so written per clip', () => {
    const api = model('Kling 2.5 Turbo').api as RateTable;
    expect(api.per).toBe('clip');
    expect(api.rates).toHaveLength(4);
    for (const [mode, audio, five, ten] of API_25_TURBO) {
      expect(rateOf(api, mode, audio, 5).value).toBe(toTicks(five));
      expect(rateOf(api, mode, audio, 10).value).toBe(toTicks(ten));
    }
    expect(clipOptions(api).lengths).toEqual([5, 10]);
  });

  it('Kling O1 (added 2026-12-06): API only, per clip of 5 or 10 s, std $0.42 / $0.84, pro $0.56 / $1.12', () => {
    const o1 = model('Kling O1');
    expect(o1.app).toBeNull();
    expect(o1.resellers).toEqual([]);
    const api = o1.api as RateTable;
    expect(api.per).toBe('clip');
    expect(api.rates).toHaveLength(API_O1.length * 2);
    for (const [mode, audio, five, ten] of API_O1) {
      expect(rateOf(api, mode, audio, 5).value).toBe(toTicks(five));
      expect(rateOf(api, mode, audio, 10).value).toBe(toTicks(ten));
      expect(engine.apiTicks(clip('O1', mode, 10, audio))).toBe(toTicks(ten));
    }
    for (const rate of api.rates) {
      expect(rate.confidence).toBe(API_O1_SOURCED.confidence);
      expect(rate.asOf).toBe(API_O1_SOURCED.asOf);
      expect(rate.source).toContain(API_O1_SOURCED.source);
      expect(rate.source).toContain(API_O1_SOURCED.model);
      expect(rate.source).toContain('verified 2026-05-29');
    }
    expect(() => engine.apiTicks(clip('O1', 'standard', 7, 'silent'))).toThrow(
      "secs 7 is not a clip length Kling's API for Kling O1 makes; use 5 or 10",
    );
    expect(() => engine.apiTicks(clip('O1', 'standard', 5, 'audio'))).toThrow(/offers no standard clip with native audio/);
  });

  it('an image on the API: $0.028 (280 ticks), official, from the dated llms.txt copy', () => {
    const image = book.apiImage;
    expect(image?.ticks).toBe(toTicks(API_IMAGE_USD));
    expect(image?.ticks).toBe(280);
    expect(image?.confidence).toBe(API_IMAGE_SOURCED.confidence);
    expect(image?.asOf).toBe(API_IMAGE_SOURCED.asOf);
    expect(image?.source).toContain(API_IMAGE_SOURCED.source);
    expect(image?.source).toContain('0.2 units');
  });

  it('the API unit ($0.14 = 1,400 ticks) and the API packs: trial packs marked, never used in budgets', () => {
    expect(book.apiUnit.ticks).toBe(toTicks(API_UNIT_USD));
    expect(book.apiUnit.ticks).toBe(1_400);
    expect(book.apiUnit.confidence).toBe('official');
    expect(book.apiPacks.map((p) => [p.priceCents / 100, p.units, p.validDays, p.trial, p.confidence])).toEqual(API_PACK_FACTS);
  });
});

describe('default price book: resellers (section 4b)', () => {
  it('fal, Replicate and PiAPI, in that order, pay as you go (no minimum, credit that does not expire)', () => {
    expect(book.providers.map((p) => p.name)).toEqual([...PROVIDER_FACTS]);
    for (const provider of book.providers) {
      expect(provider.minimumCents, provider.name).toBe(0);
      expect(provider.minimum, provider.name).toBeNull();
      expect(provider.validityDays, provider.name).toBeNull();
      expect(provider.validity, provider.name).toBeNull();
    }
  });

  it('every reseller row of the facts, and no other: price per second in ticks, lengths, source, as-of and confidence', () => {
    let tables = 0;
    for (const m of book.models) {
      for (const sold of m.resellers) {
        tables++;
        const fact = RESELLER_FACTS.find((f) => f.provider === sold.provider && f.model === m.name);
        expect(fact, `${sold.provider} ${m.name}`).toBeDefined();
      }
    }
    expect(tables).toBe(RESELLER_FACTS.length);
    for (const fact of RESELLER_FACTS) {
      const what = `${fact.provider} ${fact.model}`;
      const table = model(fact.model).resellers.find((r) => r.provider === fact.provider)?.table;
      if (!table) throw new Error(`no ${what}`);
      expect(table.per, what).toBe('second');
      expect(table.rates, what).toHaveLength(fact.perSecond.length);
      expect([table.shortest?.seconds, table.longest?.seconds], what).toEqual([...fact.lengths]);
      for (const [mode, audio, usd] of fact.perSecond) {
        const rate = rateOf(table, mode, audio, null);
        expect(rate.value, `${what} ${mode} ${audio}`).toBe(toTicks(usd));
        const secs = fact.lengths[1];
        expect(engine.channelTicks(clip(fact.model, mode, secs, audio), { provider: fact.provider }), `${what} ${secs} s`).toBe(
          toTicks(usd) * secs,
        );
      }
      for (const row of [...table.rates, table.shortest as Sourced, table.longest as Sourced]) {
        expect(row.confidence, what).toBe(fact.confidence);
        expect(row.asOf, what).toBe(fact.asOf);
        expect(row.source, what).toMatch(fact.source);
      }
    }
  });

  it('PiAPI prices 4.0 at $0.1667 a second: 4 decimals, 1,667 ticks, 16,670 for 10 s (never $1.67)', () => {
    expect(engine.channelTicks(clip('4.0', 'standard', 10, 'audio'), { provider: 'PiAPI' })).toBe(16_670);
    expect(engine.channelTicks(clip('4.0', 'standard', 10, 'audio'), { provider: 'piapi ' })).toBe(16_670);
    expect(engine.channelTicks(clip('4.0', 'professional', 30, 'audio'), { provider: 'fal' })).toBe(70_500);
  });

  it('4.0 and Flash offer only clips with audio, in the modes and lengths their rows price', () => {
    const pi = { provider: 'PiAPI' };
    expect(() => engine.channelTicks(clip('4.0', 'standard', 10, 'silent'), pi)).toThrow(
      'audio FALSE: PiAPI for Kling 4.0 offers no standard clip without audio; use audio TRUE',
    );
    expect(() => engine.channelTicks(clip('4.0 Flash', 'professional', 10, 'audio'), pi)).toThrow(
      'mode "professional" is not offered by PiAPI for Kling 4.0 Flash; use standard',
    );
    expect(() => engine.channelTicks(clip('4.0 Flash', 'standard', 21, 'audio'), pi)).toThrow(
      'secs 21 is not a clip length PiAPI for Kling 4.0 Flash makes; use a whole number of seconds from 3 to 20',
    );
    expect(() => engine.channelTicks(clip('4.0', 'standard', 31, 'audio'), { provider: 'fal' })).toThrow(/from 3 to 30/);
    // Replicate sells 3.0 in 1080p only; a channel that does not sell the model has no price (null).
    expect(() => engine.channelTicks(clip('3.0', 'standard', 5, 'silent'), { provider: 'Replicate' })).toThrow(
      'mode "standard" is not offered by Replicate for Kling 3.0; use professional',
    );
    expect(engine.channelTicks(clip('2.6', 'standard', 5, 'silent'), { provider: 'fal' })).toBeNull();
    expect(engine.channelTicks(clip('4.0 Flash', 'standard', 5, 'audio'), { provider: 'fal' })).toBeNull();
  });

  it("fal's Kling 3.0 prices are Kling's own, row for row", () => {
    const fal = model('Kling 3.0').resellers.find((r) => r.provider === 'fal')?.table as RateTable;
    const own = model('Kling 3.0').api as RateTable;
    expect(fal.rates.map((r) => [r.mode, r.audio, r.value])).toEqual(own.rates.map((r) => [r.mode, r.audio, r.value]));
  });

  it(`undated reseller pages are dated the day they were read (${READ_ON})`, () => {
    for (const fact of RESELLER_FACTS.filter((f) => f.provider !== 'Replicate')) expect(fact.asOf).toBe(READ_ON);
  });
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function sourcedRows(): [string, Sourced][] {
  const rows: [string, Sourced][] = [
    ...book.plans.map((r): [string, Sourced] => [`plan ${r.id}`, r]),
    ...book.packs.map((r): [string, Sourced] => [`pack $${r.priceCents / 100}`, r]),
    ['images', book.images],
    ...(book.apiImage ? [['API image', book.apiImage] as [string, Sourced]] : []),
    ['API unit', book.apiUnit],
    ...book.apiPacks.map((r): [string, Sourced] => [`API ${r.name}`, r]),
  ];
  for (const m of book.models) {
    for (const billed of ['app', 'api'] as const) {
      const table = m[billed];
      if (!table) continue;
      for (const r of table.rates) rows.push([`${billed} ${m.name} ${r.mode} ${r.secs ?? 'per s'} ${r.audio}`, r]);
      if (table.shortest) rows.push([`${billed} ${m.name} shortest`, table.shortest]);
      if (table.longest) rows.push([`${billed} ${m.name} longest`, table.longest]);
    }
    for (const { provider, table } of m.resellers) {
      for (const r of table.rates) rows.push([`${provider} ${m.name} ${r.mode} ${r.secs ?? 'per s'} ${r.audio}`, r]);
      if (table.shortest) rows.push([`${provider} ${m.name} shortest`, table.shortest]);
      if (table.longest) rows.push([`${provider} ${m.name} longest`, table.longest]);
    }
  }
  for (const p of book.providers) {
    if (p.minimum) rows.push([`${p.name} minimum`, p.minimum]);
    if (p.validity) rows.push([`${p.name} validity`, p.validity]);
  }
  return rows;
}

describe('default price book: every row says where it comes from', () => {
  it('has a non-empty source, a real ISO asOf date and a known confidence on every row', () => {
    const rows = sourcedRows();
    // 5 plans, 8 packs, images, the API image, the unit, 6 API packs; 8 + 8 app rates and 3.0's two lengths;
    // API: 8 (2.6) + 6 (3.0) + 4 (Turbo) + 6 (Omni) + 4 (2.5 Turbo) + 4 (O1) rates and 3 x 2 lengths;
    // resellers: fal 3.0 6 + 2, fal 4.0 2 + 2, Replicate 3.0 2 + 2, PiAPI 4.0 2 + 2, PiAPI 4.0 Flash 1 + 2.
    expect(rows.length).toBe(5 + 8 + 1 + 1 + 1 + 6 + (8 + 8 + 2) + (8 + 6 + 4 + 6 + 4 + 4 + 6) + (8 + 4 + 4 + 4 + 3));
    for (const [name, row] of rows) {
      expect(row.source.trim().length, `${name} source`).toBeGreaterThan(10);
      expect(row.asOf, `${name} asOf`).toMatch(ISO_DATE);
      expect(new Date(`${row.asOf}T00:00:00Z`).toISOString().slice(0, 10), `${name} asOf is a real date`).toBe(row.asOf);
      expect(['official', 'third-party', 'guide', 'estimate'], `${name} confidence`).toContain(row.confidence);
    }
  });

  it('plans: official from llms.txt (2026-08-12) and the plan page (2026-09-30, 2026-10-05); free from the guide', () => {
    for (const plan of book.plans) {
      if (plan.id === 'free') continue;
      expect(plan.confidence, plan.id).toBe('official');
      expect(plan.source).toContain(LLMS);
      expect(plan.source).toContain('2026-08-12');
      expect(plan.source).toContain(PLAN_PAGE);
      expect(plan.source).toMatch(/2026-09-30.*2026-10-05/);
      expect(plan.asOf).toBe('2026-10-05');
    }
    const free = engine.plan('free');
    expect(free.confidence).toBe('guide');
    expect(free.source).toMatch(/guide/i);
    expect(free.source).toMatch(/66 credits a day/);
  });

  it('the free plan records that it allows no commercial use (official: user policy 4.6, plan page)', () => {
    const free = engine.plan('free');
    expect(free.source).toMatch(/no commercial use/);
    expect(free.source).toMatch(/official/);
    expect(free.source).toMatch(/watermark/);
    expect(free.source).toMatch(/no 1080p/);
    for (const plan of engine.paidPlans()) expect(plan.source).not.toMatch(/no commercial use/);
  });

  it("Ultra's yearly price says what contradicts it", () => {
    const ultra = engine.plan('ultra');
    expect(ultra.source).toMatch(/yearly price official in llms\.txt/);
    expect(ultra.source).toMatch(/third-party comparison says Ultra has no annual option/);
    for (const plan of book.plans) if (plan.id !== 'ultra') expect(plan.source).not.toMatch(/no annual option/);
  });

  it('packs: official, llms.txt of 2026-08-12, valid 2 years (point policy), bonus not re-verified', () => {
    for (const pack of book.packs) {
      expect(pack.confidence).toBe('official');
      expect(pack.source).toContain(LLMS);
      expect(pack.source).toContain('kling.ai/docs/point-policy');
      expect(pack.source).toMatch(/valid 2 years/);
      expect(pack.source).toMatch(/bonus not re-verified/);
      expect(pack.asOf).toBe('2026-08-12');
    }
  });

  it('Kling 2.6 app credits: the guide, "~100" / "~200" noted, standard with audio not confirmed', () => {
    const app = model('Kling 2.6').app as RateTable;
    for (const rate of app.rates) {
      expect(rate.confidence).toBe('guide');
      expect(rate.source).toMatch(/guide/i);
      expect(rate.source).toMatch(/no official 2\.6 app-credit table/);
    }
    expect(rateOf(app, 'professional', 'audio', 5).source).toContain('"~100"');
    expect(rateOf(app, 'professional', 'audio', 10).source).toContain('"~200"');
    for (const secs of [5, 10]) expect(rateOf(app, 'standard', 'audio', secs).source).toMatch(/not confirmed/);
  });

  it('Kling 3.0 app credits: official from the 3.0 guide and blog (2026-10-05), the charged account, 4K with audio an estimate', () => {
    const app = model('Kling 3.0').app as RateTable;
    for (const row of [...app.rates, app.shortest as Sourced, app.longest as Sourced]) {
      expect(row.source).toContain(GUIDE_3);
      expect(row.source).toContain(BLOG_3);
      expect(row.source).toMatch(/40 credits for 5 s 1080p silent, 60 with audio/);
      expect(row.asOf).toBe('2026-10-05');
    }
    expect(rateOf(app, '4k', 'audio', null).source).toMatch(/estimate: inferred from the API/);
    expect(rateOf(app, 'standard', 'voice', null).source).toMatch(/9 \+ voice control 2/);
    expect(rateOf(app, 'professional', 'voice', null).source).toMatch(/12 \+ voice control 2/);
  });

  it('API prices: official from the API pages, each naming its API model', () => {
    const modelIds: Record<string, string> = {
      'Kling 2.6': 'kling-v2-6',
      'Kling 3.0': 'kling-v3',
      'Kling 3.0 Turbo': 'kling-v3-turbo',
      'Kling 3.0 Omni': 'kling-v3-omni',
      'Kling 2.5 Turbo': 'kling-v2-5-turbo',
      'Kling O1': 'kling-video-o1',
    };
    for (const m of book.models) {
      if (!m.api) continue;
      const api = m.api;
      for (const rate of api.rates) {
        expect(rate.confidence, `${m.name} ${rate.mode} ${rate.audio}`).toBe('official');
        // Rows read 2026-12-06 from the dated llms.txt copy name it instead (O1, Omni 4K with audio).
        if (rate.asOf === READ_ON) {
          expect(rate.source, m.name).toMatch(/llms\.txt \(API part "verified 2026-05-29"\), read 2026-12-06/);
          expect([m.name, rate.mode, rate.audio].join(' '), 'the rows read 2026-12-06').toMatch(/^Kling O1 |^Kling 3\.0 Omni 4k audio$/);
          continue;
        }
        expect(rate.source).toContain(DEV_PRICING);
        expect(rate.source).toContain('2026-09-22');
        expect(rate.source).toContain(API_DOC);
        expect(rate.source).toContain('2026-10-04');
        expect(rate.source, m.name).toContain(modelIds[m.name] as string);
        expect(rate.asOf).toBe('2026-10-04');
      }
    }
    // The disputed 3.0 audio rates keep ours and say why.
    const api30 = model('Kling 3.0').api as RateTable;
    expect(rateOf(api30, 'standard', 'audio', null).source).toMatch(/0\.9 units.*\$0\.112, which is 3\.0 Omni/);
    expect(rateOf(api30, 'professional', 'audio', null).source).toMatch(/1\.2 units.*\$0\.14, which is 3\.0 Omni/);
    // Lengths no page gives are estimates that say so.
    for (const name of ['Kling 3.0 Turbo', 'Kling 3.0 Omni']) {
      const api = model(name).api as RateTable;
      expect(api.shortest?.confidence).toBe('estimate');
      expect(api.shortest?.source).toMatch(/not published/);
    }
  });

  it('the image rate records that it is disputed', () => {
    expect(book.images.confidence).toBe('guide');
    expect(book.images.source).toMatch(/3,300 images per 660 credits/);
    expect(book.images.source).toMatch(/disputed/);
    expect(book.images.source).toMatch(/660 images \/ 33 720p videos/);
    expect(book.images.source).toMatch(/third-party/);
  });

  it('API packs: $700 official; the larger tiers third-party; trials one per account', () => {
    for (const pack of book.apiPacks) {
      if (pack.confidence === 'official') {
        expect(pack.source).toContain(DEV_PRICING);
      } else {
        expect(pack.confidence).toBe('third-party');
        expect(pack.source).toMatch(/third-party copy of the API pricing page \(2026-10-08\)/);
        expect(pack.asOf).toBe('2026-10-08');
      }
      if (pack.trial) expect(pack.source).toMatch(/one per account/);
    }
  });

  it('every confidence of the book is one the facts give for that row', () => {
    const counts: Record<Confidence, number> = { official: 0, 'third-party': 0, guide: 0, estimate: 0 };
    for (const [, row] of sourcedRows()) counts[row.confidence]++;
    // third-party: three API packs and the 23 reseller rows; guide: free plan, images, 8 rates of 2.6;
    // estimate: 3.0 4K with audio and the four Turbo/Omni lengths; every other of the 101 rows is official.
    expect(counts).toEqual({ official: 101 - 26 - 10 - 5, 'third-party': 26, guide: 10, estimate: 5 });
  });

  it('the book is dated by its newest row', () => {
    const newest = sourcedRows()
      .map(([, r]) => r.asOf)
      .sort()
      .pop();
    expect(book.asOf).toBe(newest);
    expect(book.asOf).toBe(READ_ON);
  });
});

describe('plan table (KLING_PRICES data)', () => {
  const table = planTable(book);

  it('starts with the header and has one row per plan', () => {
    expect(table[0]).toEqual([...PLAN_TABLE_HEADER]);
    expect(table).toHaveLength(1 + PLAN_FACTS.length);
  });

  it('each row carries the spec figures, whether it allows commercial use, its confidence, source and as-of date', () => {
    const header = table[0] as string[];
    const col = (name: string) => {
      const c = header.indexOf(name);
      expect(c, name).toBeGreaterThanOrEqual(0);
      return c;
    };
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
      expect(row[col('Yearly per month (USD)')]).toBe(toCents(fact.yearly) / 1200);
      expect(row[col('Commercial use')]).toBe(fact.id === 'free' ? 'no' : 'yes');
      expect(row[col('Confidence')]).toBe(plan?.confidence);
      expect(row[col('Source')]).toBe(plan?.source);
      expect(row[col('As of')]).toBe(plan?.asOf);
    });
  });
});
