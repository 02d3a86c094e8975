/**
 * Every channel over months (shared/spec/channels.md): the four examples of the spec as
 * channelsTable gives them, reasons included; Kling's API windows as long as its packs last; reseller
 * minimum purchases that expire; the `months` detail; ties (the app, then Kling's API, then the
 * book's order). Figures are worked out by hand and checked against the plain reference of
 * test/support/channelsReference.ts.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelComparison, ChannelFigure, PriceBook } from '../../src/pricing';
import {
  CHANNELS_HEADER,
  channelMonthsTable,
  channelsTable,
  compareChannels,
  DEFAULT_PRICE_BOOK,
  notCompared,
  PricingEngine,
  resellerPurchases,
  TICKS_PER_USD,
} from '../../src/pricing';
import { Exact } from '../../src/pricing/exact';
import { Q, refCompare, refPurchases } from '../support/channelsReference';
import {
  apiValidityBook,
  channelWork,
  editedBook,
  expectSameUsd,
  priceRow,
  refWork,
  termsRows,
  type WorkSpec,
} from '../support/channelWork';

const defaultEngine = new PricingEngine(DEFAULT_PRICE_BOOK);

function compare(spec: WorkSpec, book: PriceBook = DEFAULT_PRICE_BOOK): ChannelComparison {
  const engine = book === DEFAULT_PRICE_BOOK ? defaultEngine : new PricingEngine(book);
  const work = channelWork(spec, book);
  const c = compareChannels(engine, work);
  // Every literal case is also the reference's: totals exact to the cent, labels, the cheapest.
  const ref = refCompare(book, refWork(work));
  expect(c.channels.map((ch) => ch.label)).toEqual(ref.channels.map((ch) => ch.label));
  c.channels.forEach((ch, i) => {
    const r = ref.channels[i];
    if (!r?.total) {
      expect(ch.total, ch.label).toBeNull();
      return;
    }
    expectSameUsd(ch.total?.toNumber(TICKS_PER_USD) ?? Number.NaN, r.total, ch.label);
  });
  expect(c.cheapest?.label ?? null).toBe(ref.cheapest?.label ?? null);
  return c;
}

const channel = (c: ChannelComparison, label: string): ChannelFigure => {
  const found = c.channels.find((ch) => ch.label === label);
  if (!found) throw new Error(`no channel ${label}: ${c.channels.map((ch) => ch.label).join(', ')}`);
  return found;
};
const usd = (ch: ChannelFigure) => ch.total?.toNumber(TICKS_PER_USD) ?? null;

const EXAMPLE_CLIP = { model: 'Kling 3.0', mode: 'professional', secs: 10, audio: 'audio' } as const;
const PIAPI_NA = 'n/a: row 1 (Kling 3.0 professional 10 s with audio) is not sold there';

describe('the examples of channels.md (default book)', () => {
  it('1. 4 professional 10 s Kling 3.0 clips with audio a month, 12 months, r = 0, monthly: fal is cheapest', () => {
    const c = compare({ shots: [{ ...EXAMPLE_CLIP, videos: 4 }], months: 12 });
    // App: 480 credits a month, Standard each month. API: $6.72 a month = 48 units, 288 a window, one $700 pack per
    // window. fal: $0.168 x 10 x 4 = $6.72 a month. Replicate: $0.252 x 10 x 4 = $10.08 a month.
    expect(channelsTable(c)).toEqual([
      [...CHANNELS_HEADER],
      ['Kling app (monthly)', 105.6, 8.8, 2.2, '12 x Standard'],
      ['Kling API (prepaid packs) (estimate)', 1_400, 1_400 / 12, 1_400 / 48, '2 x 5,000-unit pack'],
      ['fal (pay as you go) (estimate)', 80.64, 6.72, 1.68, ''],
      ['Replicate (pay as you go) (estimate)', 120.96, 10.08, 2.52, ''],
      ['PiAPI (pay as you go) (estimate)', 'n/a', 'n/a', 'n/a', PIAPI_NA],
      ['Cheapest', 80.64, '', '', 'fal (pay as you go) (estimate)'],
    ]);
    expect(c.months).toBe(12);
    expect(c.videos).toBe(48);
    expect(notCompared(c)).toBe('PiAPI (pay as you go) (estimate) (row 1 (Kling 3.0 professional 10 s with audio) is not sold there)');
  });

  it('1. at the default retake rate of 20 %: 600 credits a month, still $105.60; fal $100.80, still the cheapest', () => {
    const c = compare({ shots: [{ ...EXAMPLE_CLIP, videos: 4 }], months: 12, rate: 0.2 });
    const app = channel(c, 'Kling app (monthly)');
    expect(app.app?.needs).toEqual(new Array(12).fill(600));
    expect(usd(app)).toBe(105.6);
    expect(usd(channel(c, 'fal (pay as you go) (estimate)'))).toBe(100.8);
    expect(c.cheapest?.label).toBe('fal (pay as you go) (estimate)');
  });

  it('1. with billing `cheapest`: Kling app (annual) at 79.20 (6.60 a month, 1.65 a video, 12 x Standard), and the app is cheapest', () => {
    const c = compare({ shots: [{ ...EXAMPLE_CLIP, videos: 4 }], months: 12, billing: 'cheapest' });
    const table = channelsTable(c);
    expect(table[1]).toEqual(['Kling app (annual)', 79.2, 6.6, 1.65, '12 x Standard']);
    expect(table[6]).toEqual(['Cheapest', 79.2, '', '', 'Kling app (annual)']);
  });

  it('2. 200 of the same clips a month: 24,000 credits, 12 x Ultra $1,919.88; API $4,200.00 (one 15,000-unit pack a window); fal $4,032.00; Replicate $6,048.00', () => {
    const c = compare({ shots: [{ ...EXAMPLE_CLIP, videos: 200 }], months: 12 });
    const api = channel(c, 'Kling API (prepaid packs) (estimate)');
    // $336 a month = 2,400 units, 14,400 a window: one 15,000-unit pack; 3 x 5,000 ties on units, loses on packs.
    expect(api.api?.result.windows.map((w) => [w.units, w.unitsBought, w.packCounts])).toEqual([
      [14_400, 15_000, [0, 1, 0, 0]],
      [14_400, 15_000, [0, 1, 0, 0]],
    ]);
    expect(channelsTable(c)).toEqual([
      [...CHANNELS_HEADER],
      ['Kling app (monthly)', 1_919.88, 159.99, 1_919.88 / 2_400, '12 x Ultra'],
      ['Kling API (prepaid packs) (estimate)', 4_200, 350, 4_200 / 2_400, '2 x 15,000-unit pack'],
      ['fal (pay as you go) (estimate)', 4_032, 336, 1.68, ''],
      ['Replicate (pay as you go) (estimate)', 6_048, 504, 2.52, ''],
      ['PiAPI (pay as you go) (estimate)', 'n/a', 'n/a', 'n/a', PIAPI_NA],
      ['Cheapest', 1_919.88, '', '', 'Kling app (monthly)'],
    ]);
  });

  it('3. Kling 4.0 professional 10 s with audio, 10 a month for 6 months, r = 0: fal $141.00, PiAPI $150.00; the app and the API cannot', () => {
    const c = compare({ shots: [{ model: 'Kling 4.0', mode: 'professional', secs: 10, audio: 'audio', videos: 10 }], months: 6 });
    expect(channelsTable(c)).toEqual([
      [...CHANNELS_HEADER],
      [
        'Kling app (monthly)',
        'n/a',
        'n/a',
        'n/a',
        'n/a: row 1 (Kling 4.0 professional 10 s with audio) has no app credits in the price book',
      ],
      [
        'Kling API (prepaid packs) (estimate)',
        'n/a',
        'n/a',
        'n/a',
        'n/a: row 1 (Kling 4.0 professional 10 s with audio) is not sold there',
      ],
      ['fal (pay as you go) (estimate)', 141, 23.5, 2.35, ''],
      [
        'Replicate (pay as you go) (estimate)',
        'n/a',
        'n/a',
        'n/a',
        'n/a: row 1 (Kling 4.0 professional 10 s with audio) is not sold there',
      ],
      ['PiAPI (pay as you go) (estimate)', 150, 25, 2.5, ''],
      ['Cheapest', 141, '', '', 'fal (pay as you go) (estimate)'],
    ]);
  });

  it("4. 3 of example 1's clips a month, 12 months, r = 20 %, billing cheapest: app 450 credits, annual $79.20; API $1,400; fal $75.60; Replicate $113.40: fal is cheapest", () => {
    const c = compare({ shots: [{ ...EXAMPLE_CLIP, videos: 3 }], months: 12, rate: 0.2, billing: 'cheapest' });
    const app = channel(c, 'Kling app (annual)');
    expect(app.app?.needs).toEqual(new Array(12).fill(450));
    // fal: 3 x $1.68 / 0.8 = $6.30 a month. Replicate: 3 x $2.52 / 0.8 = $9.45 a month.
    expect(channelsTable(c)).toEqual([
      [...CHANNELS_HEADER],
      ['Kling app (annual)', 79.2, 6.6, 79.2 / 36, '12 x Standard'],
      ['Kling API (prepaid packs) (estimate)', 1_400, 1_400 / 12, 1_400 / 36, '2 x 5,000-unit pack'],
      ['fal (pay as you go) (estimate)', 75.6, 6.3, 2.1, ''],
      ['Replicate (pay as you go) (estimate)', 113.4, 9.45, 3.15, ''],
      ['PiAPI (pay as you go) (estimate)', 'n/a', 'n/a', 'n/a', PIAPI_NA],
      ['Cheapest', 75.6, '', '', 'fal (pay as you go) (estimate)'],
    ]);
    // At r = 0 fal costs $60.48.
    expect(
      usd(channel(compare({ shots: [{ ...EXAMPLE_CLIP, videos: 3 }], months: 12, billing: 'cheapest' }), 'fal (pay as you go) (estimate)')),
    ).toBe(60.48);
  });
});

describe("Kling's API over months: windows as long as the packs last", () => {
  // $1.68 x 125 / (1 - 30 %) = $300 of work a month at list prices, exactly: 2,142.857... units.
  const spec: WorkSpec = { shots: [{ ...EXAMPLE_CLIP, videos: 125, rate: 0.3 }], months: 12 };
  const api = (book: PriceBook) => channel(compare(spec, book), 'Kling API (prepaid packs) (estimate)');

  it('$300 a month for 12 months: $4,200 with 180-day packs, $5,600 with 90-day packs, exactly $8,400 with 30-day packs', () => {
    // 180 days: 12,857.14 units a window, one 15,000-unit pack ($2,100) in each of 2 windows.
    expect(usd(api(DEFAULT_PRICE_BOOK))).toBe(4_200);
    expect(api(DEFAULT_PRICE_BOOK).boughtAs).toBe('2 x 15,000-unit pack');
    // 90 days: 6,428.57 units a quarter, 2 x 5,000 ($1,400) in each of 4 windows.
    expect(usd(api(apiValidityBook(90)))).toBe(5_600);
    expect(api(apiValidityBook(90)).boughtAs).toBe('8 x 5,000-unit pack');
    // 30 days: 2,142.86 units a month, one 5,000-unit pack ($700) each month.
    const monthly = api(apiValidityBook(30));
    expect(usd(monthly)).toBe(8_400);
    expect(monthly.monthly).toEqual(new Array(12).fill(700));
    expect(monthly.boughtAs).toBe('12 x 5,000-unit pack');
  });

  it('mixed validities: every pack is taken to last the shortest, and Bought as says "assumes every pack lasts <n> months"', () => {
    const mixed = api(apiValidityBook([90, 180, 180, 180]));
    expect(usd(mixed)).toBe(5_600);
    expect(mixed.boughtAs).toBe('8 x 5,000-unit pack; assumes every pack lasts 3 months');
    expect(mixed.monthly).toEqual([1_400, 0, 0, 1_400, 0, 0, 1_400, 0, 0, 1_400, 0, 0]);
    const one = api(apiValidityBook([180, 45, 180, 365]));
    expect(one.boughtAs).toBe('12 x 5,000-unit pack; assumes every pack lasts 1 month');
    // A validity under 30 days counts as one month, and the figure says so.
    const short = api(apiValidityBook([20, 20, 20, 20]));
    expect(usd(short)).toBe(8_400);
    expect(short.boughtAs).toBe('12 x 5,000-unit pack; a validity under 30 days counts as one month');
  });

  it('images on the API at its image price ($0.028); without the API image row the API has no figure for images', () => {
    // 100 images a month, 3 months, images retake rate 20 %: 100 x $0.028 / 0.8 = $3.50 = 25 units a month.
    const images: WorkSpec = { shots: [], months: 3, images: 100, imageRate: 0.2 };
    const c = compare(images);
    expect(channel(c, 'Kling API (prepaid packs) (estimate)').api?.result.units).toBe(75);
    expect(usd(channel(c, 'Kling API (prepaid packs) (estimate)'))).toBe(700);
    // The app: 100 x 0.2 / 0.8 = 25 credits a month, Standard; the image rate is the guide's, so an estimate.
    expect(usd(channel(c, 'Kling app (monthly) (estimate)'))).toBe(26.4);
    expect(channel(c, 'fal (pay as you go) (estimate)').reason).toBe('n/a: images are not sold there');
    const noImage = editedBook({ drop: (r) => r[0] === 'Images' && r[1] === 'API image' });
    expect(channel(compare(images, noImage), 'Kling API (prepaid packs) (estimate)').reason).toBe(
      'n/a: the price table has no API image price',
    );
    // No images: no image price needed.
    expect(
      usd(channel(compare({ shots: [{ ...EXAMPLE_CLIP, videos: 1 }], months: 1 }, noImage), 'Kling API (prepaid packs) (estimate)')),
    ).toBe(700);
  });
});

describe('test takes: standard takes of the same model, length and audio, before each delivered video', () => {
  it('2 test takes of a 3.0 professional 10 s clip with audio: 300 credits, $4.20 at list price; Replicate has no standard take', () => {
    const c = compare({ shots: [{ ...EXAMPLE_CLIP, videos: 2, testTakes: 2 }], months: 1 });
    // App: (120 + 2 x 90) x 2 = 600 credits: Standard + 330 pack. API and fal: (1.68 + 2 x 1.26) x 2 = $8.40.
    expect(channel(c, 'Kling app (monthly)').app?.needs).toEqual([600]);
    expect(usd(channel(c, 'fal (pay as you go) (estimate)'))).toBe(8.4);
    expect(channel(c, 'Kling API (prepaid packs) (estimate)').api?.result.units).toBe(60);
    expect(channel(c, 'Replicate (pay as you go) (estimate)').reason).toBe(
      'n/a: row 1 (Kling 3.0 professional 10 s with audio): mode "standard" is not offered by Replicate for Kling 3.0; use professional',
    );
  });
});

describe('reseller minimum purchases that expire (hand-computed)', () => {
  /** Acme sells Kling 3.0 like fal and Kling 2.6 professional 10 s at $5.00 a clip; its terms as given. */
  const acme = (minimum: number | null, validityDays: number | null, confidence = 'official') =>
    editedBook({
      add: [
        ...termsRows('Acme', minimum, validityDays, confidence),
        priceRow('Reseller Acme, Kling 3.0', 'professional with audio', 'USD per second', 0.168, confidence),
        priceRow('Reseller Acme, Kling 3.0', 'shortest clip', 'seconds', 3, confidence),
        priceRow('Reseller Acme, Kling 3.0', 'longest clip', 'seconds', 15, confidence),
        priceRow('Reseller Acme, Kling 2.6', 'professional 10 s', 'USD per clip', 5, confidence),
      ],
    });
  const acmeOf = (c: ChannelComparison) => c.channels.find((ch) => ch.provider === 'Acme') as ChannelFigure;

  it('minimum $50, credit valid 60 days (2 months): $50 in month 1, $33.20 of it expires, $100 in month 3, $24.40 unused at the end', () => {
    // Work: $16.80, $0, $67.20, $8.40. Month 1 buys $50 (months 1-2), uses 16.80. Month 3: the 33.20 left expired;
    // it buys ceil(67.20 / 50) x $50 = $100 (months 3-4), 32.80 left; month 4 uses 8.40 of it.
    const c = compare({ shots: [{ ...EXAMPLE_CLIP, videos: [10, 0, 40, 5] }], months: 4 }, acme(50, 60));
    const a = acmeOf(c);
    expect(a.label).toBe('Acme (minimum $50.00)');
    expect(usd(a)).toBe(150);
    expect(a.monthly).toEqual([50, 0, 100, 0]);
    expect(a.boughtAs).toBe('$24.40 unused at the end, $33.20 expired');
    expect(channelsTable(c).find((r) => r[0] === a.label)).toEqual([
      'Acme (minimum $50.00)',
      150,
      37.5,
      150 / 55,
      '$24.40 unused at the end, $33.20 expired',
    ]);
  });

  it('purchases are spent oldest first: minimum $20, 60 days, work $5, $30, $5 costs $40 (newest first would let $5 expire and cost $60)', () => {
    // Month 1 buys $20 (months 1-2): 15 left. Month 2 needs 30: buys $20 (months 2-3), spends the 15 of month 1 first,
    // then 15 of the new one: 5 left. Month 3 needs 5: the 5 left cover it.
    const c = compare(
      { shots: [{ model: 'Kling 2.6', mode: 'professional', secs: 10, audio: 'silent', videos: [1, 6, 1] }], months: 3 },
      acme(20, 60),
    );
    const a = acmeOf(c);
    expect(usd(a)).toBe(40);
    expect(a.monthly).toEqual([20, 20, 0]);
    expect(a.boughtAs).toBe('');
  });

  it('minimum $20, valid 90 days: $20 each of three months, $15 unused at the end, nothing expired', () => {
    // $5, $30, $10, $0: month 1 buys 20 (15 left); month 2 buys 20, uses 15 + 15 (5 left); month 3 has 5 < 10,
    // buys 20, uses 5 + 5 (15 left); month 4 needs nothing.
    const a = acmeOf(
      compare(
        { shots: [{ model: 'Kling 2.6', mode: 'professional', secs: 10, audio: 'silent', videos: [1, 6, 2, 0] }], months: 4 },
        acme(20, 90),
      ),
    );
    expect(usd(a)).toBe(60);
    expect(a.monthly).toEqual([20, 20, 20, 0]);
    expect(a.boughtAs).toBe('$15.00 unused at the end');
  });

  it('no validity row: a balance never expires; minimum $25 for $5 a month over 6 months is $50, $20 unused', () => {
    const a = acmeOf(
      compare({ shots: [{ model: 'Kling 2.6', mode: 'professional', secs: 10, audio: 'silent', videos: 1 }], months: 6 }, acme(25, null)),
    );
    expect(a.monthly).toEqual([25, 0, 0, 0, 0, 25]);
    expect(a.boughtAs).toBe('$20.00 unused at the end');
    // A validity of 29 days is one month: each month buys its own $25 and $20 of it expires the next month.
    const short = acmeOf(
      compare({ shots: [{ model: 'Kling 2.6', mode: 'professional', secs: 10, audio: 'silent', videos: 1 }], months: 3 }, acme(25, 29)),
    );
    expect(short.monthly).toEqual([25, 25, 25]);
    expect(short.boughtAs).toBe('$20.00 unused at the end, $40.00 expired');
  });

  it('a minimum of $0 is pay as you go; terms that are not official make the label an estimate', () => {
    const c = compare({ shots: [{ ...EXAMPLE_CLIP, videos: 4 }], months: 2 }, acme(0, 30));
    expect(acmeOf(c).label).toBe('Acme (pay as you go)');
    expect(usd(acmeOf(c))).toBe(13.44);
    expect(acmeOf(compare({ shots: [{ ...EXAMPLE_CLIP, videos: 4 }], months: 2 }, acme(10, 30, 'third-party'))).label).toBe(
      'Acme (minimum $10.00) (estimate)',
    );
    // The minimum is written $#,##0.00.
    expect(acmeOf(compare({ shots: [{ ...EXAMPLE_CLIP, videos: 4 }], months: 2 }, acme(1234.5, null))).label).toBe(
      'Acme (minimum $1,234.50)',
    );
  });

  it('4 decimals: PiAPI with a $10 minimum, three 4.0 standard 10 s clips at $0.1667 a second cost $5.001: $10 paid, $5.00 unused', () => {
    const book = editedBook({ add: termsRows('PiAPI', 10, null) });
    const c = compare({ shots: [{ model: 'Kling 4.0', mode: 'standard', secs: 10, audio: 'audio', videos: 3 }], months: 1 }, book);
    const pi = channel(c, 'PiAPI (minimum $10.00) (estimate)');
    expect(usd(pi)).toBe(10);
    expect(pi.boughtAs).toBe('$5.00 unused at the end');
    // Pay as you go it is $5.001, not $5.00 nor $5.01.
    expect(
      usd(
        channel(
          compare({ shots: [{ model: 'Kling 4.0', mode: 'standard', secs: 10, audio: 'audio', videos: 3 }], months: 1 }),
          'PiAPI (pay as you go) (estimate)',
        ),
      ),
    ).toBe(5.001);
  });

  it('resellerPurchases agrees with the reference lot by lot on exact amounts (thirds of a tick included)', () => {
    const provider = { name: 'Acme', minimumCents: 700, minimum: null, validityDays: 75, validity: null };
    const months = [
      Exact.scaled(10_000, 10, 3),
      Exact.of(0),
      Exact.scaled(123_457, 5, 4),
      Exact.of(69_999),
      Exact.of(70_001),
      Exact.scaled(1, 10, 7),
    ];
    const got = resellerPurchases(months, provider);
    const want = refPurchases([Q.of(100_000, 3), Q.ZERO, Q.of(617_285, 4), Q.of(69_999), Q.of(70_001), Q.of(10, 7)], 700, 75);
    expect(got.monthly.map((m) => m.toNumber())).toEqual(want.monthly.map((m) => m.toNumber()));
    expect(got.unused.toNumber()).toBeCloseTo(want.unused.toNumber(), 9);
    expect(got.expired.toNumber()).toBeCloseTo(want.expired.toNumber(), 9);
    expect(got.total.toNumber()).toBe(want.monthly.reduce((a, b) => a.plus(b), Q.ZERO).toNumber());
  });
});

describe('the `months` detail (channelMonthsTable)', () => {
  it("example 1: each month's spend per channel, n/a for a channel without a figure", () => {
    const c = compare({ shots: [{ ...EXAMPLE_CLIP, videos: 4 }], months: 12 });
    const table = channelMonthsTable(c);
    expect(table[0]).toEqual([
      'Month',
      'Kling app (monthly)',
      'Kling API (prepaid packs) (estimate)',
      'fal (pay as you go) (estimate)',
      'Replicate (pay as you go) (estimate)',
      'PiAPI (pay as you go) (estimate)',
    ]);
    expect(table).toHaveLength(13);
    table.slice(1).forEach((row, m) => {
      expect(row).toEqual([m + 1, 8.8, m === 0 || m === 6 ? 700 : 0, 6.72, 10.08, 'n/a']);
    });
  });

  it('the app pays its packs in the month it buys them; the months add up to the total', () => {
    // 700 credits a month: Standard every month and one 660-credit pack in month 1.
    const c = compare({ shots: [{ model: 'Kling 2.6', mode: 'professional', secs: 10, audio: 'silent', videos: 10 }], months: 12 });
    const table = channelMonthsTable(c);
    expect(table.slice(1).map((r) => r[1])).toEqual([18.8, ...new Array(11).fill(8.8)]);
    expect(channel(c, 'Kling app (monthly) (estimate)').boughtAs).toBe('12 x Standard + 660-credit pack');
    expect(usd(channel(c, 'Kling app (monthly) (estimate)'))).toBe(115.6);
  });
});

describe("ties: the app, then Kling's API, then the book's order of providers", () => {
  it("a reseller at exactly the app's total: the app is cheapest", () => {
    // 4 Kling 2.6 professional 10 s clips a month (280 credits): 12 x Standard, $105.60; a reseller at $2.20 a clip:
    // 4 x $2.20 x 12 = $105.60 too (fal sells no 2.6).
    const book = editedBook({
      add: [priceRow('Reseller Tie, Kling 2.6', 'professional 10 s', 'USD per clip', 2.2, 'official')],
      addFirst: true,
    });
    const c = compare({ shots: [{ model: 'Kling 2.6', mode: 'professional', secs: 10, audio: 'silent', videos: 4 }], months: 12 }, book);
    expect(usd(channel(c, 'Tie (pay as you go)'))).toBe(105.6);
    expect(c.cheapest?.label).toBe('Kling app (monthly) (estimate)');
    expect(channelsTable(c).at(-1)).toEqual(['Cheapest', 105.6, '', '', 'Kling app (monthly) (estimate)']);
  });

  it("a reseller at exactly Kling's API total: the API is cheapest", () => {
    // 3.0 Turbo professional 10 s ($1.40, 10 units) once a month for 10 months: windows 1-6 and 7-10, $700 each.
    const book = editedBook({
      add: [
        priceRow('Reseller Tie, Kling 3.0 Turbo', 'professional', 'USD per second', 14),
        priceRow('Reseller Tie, Kling 3.0 Turbo', 'shortest clip', 'seconds', 3),
        priceRow('Reseller Tie, Kling 3.0 Turbo', 'longest clip', 'seconds', 15),
      ],
      addFirst: true,
    });
    const c = compare(
      { shots: [{ model: 'Kling 3.0 Turbo', mode: 'professional', secs: 10, audio: 'silent', videos: 1 }], months: 10 },
      book,
    );
    expect(usd(channel(c, 'Tie (pay as you go) (estimate)'))).toBe(1_400);
    expect(usd(channel(c, 'Kling API (prepaid packs) (estimate)'))).toBe(1_400);
    expect(c.cheapest?.kind).toBe('api');
  });

  it("two resellers at the same prices: the first in the book's order (the order of each provider's first row)", () => {
    const twin = (first: boolean) =>
      editedBook({
        add: [
          priceRow('Reseller Twin, Kling 3.0', 'professional with audio', 'USD per second', 0.168),
          priceRow('Reseller Twin, Kling 3.0', 'shortest clip', 'seconds', 3),
          priceRow('Reseller Twin, Kling 3.0', 'longest clip', 'seconds', 15),
        ],
        addFirst: first,
      });
    const after = compare({ shots: [{ ...EXAMPLE_CLIP, videos: 4 }], months: 12 }, twin(false));
    expect(after.channels.map((ch) => ch.provider)).toEqual([null, null, 'fal', 'Replicate', 'PiAPI', 'Twin']);
    expect(after.cheapest?.provider).toBe('fal');
    const before = compare({ shots: [{ ...EXAMPLE_CLIP, videos: 4 }], months: 12 }, twin(true));
    expect(before.channels.map((ch) => ch.provider)).toEqual([null, null, 'Twin', 'fal', 'Replicate', 'PiAPI']);
    expect(before.cheapest?.provider).toBe('Twin');
  });

  it('ties are decided on exact totals: the same $119.64 made of different terms (a row at 20 %, a row at 0 %) is a tie', () => {
    // fal: 12 x (4 x $1.68 / 0.8 + $1.57) = 12 x $9.97. Flat: 3.0 at $0.1344 a second and 4.0 at $0.325:
    // 12 x (4 x $1.344 / 0.8 + $3.25) = 12 x $9.97 too. fal comes first in the book.
    const flat = (first: boolean) =>
      editedBook({
        add: [
          priceRow('Reseller Flat, Kling 3.0', 'professional with audio', 'USD per second', 0.1344),
          priceRow('Reseller Flat, Kling 3.0', 'shortest clip', 'seconds', 3),
          priceRow('Reseller Flat, Kling 3.0', 'longest clip', 'seconds', 15),
          priceRow('Reseller Flat, Kling 4.0', 'standard with audio', 'USD per second', 0.325),
          priceRow('Reseller Flat, Kling 4.0', 'shortest clip', 'seconds', 3),
          priceRow('Reseller Flat, Kling 4.0', 'longest clip', 'seconds', 30),
        ],
        addFirst: first,
      });
    const spec: WorkSpec = {
      shots: [
        { ...EXAMPLE_CLIP, videos: 4, rate: 0.2 },
        { model: 'Kling 4.0', mode: 'standard', secs: 10, audio: 'audio', videos: 1 },
      ],
      months: 12,
    };
    const after = compare(spec, flat(false));
    const fal = channel(after, 'fal (pay as you go) (estimate)');
    const other = channel(after, 'Flat (pay as you go) (estimate)');
    expect(usd(fal)).toBe(119.64);
    expect(usd(other)).toBe(119.64);
    expect(fal.total?.compare(other.total as Exact)).toBe(0);
    expect(after.cheapest?.provider).toBe('fal');
    expect(compare(spec, flat(true)).cheapest?.provider).toBe('Flat');
  });
});

describe('no channel has a figure', () => {
  it('a row no channel makes: "no channel can make row <k>"', () => {
    const c = compare({
      shots: [
        { ...EXAMPLE_CLIP, videos: 1 },
        { model: 'Kling 4.0 Flash', mode: 'professional', secs: 10, audio: 'audio', videos: 1 },
      ],
      months: 2,
    });
    expect(c.cheapest).toBeNull();
    expect(channelsTable(c).at(-1)).toEqual(['Cheapest', 'n/a', '', '', 'no channel can make row 2']);
    expect(channel(c, 'PiAPI (pay as you go) (estimate)').reason).toBe(PIAPI_NA);
  });

  it('every row is made somewhere but no channel makes the whole work: "no channel can make this work"', () => {
    const c = compare({ shots: [{ model: 'Kling 4.0', mode: 'standard', secs: 10, audio: 'audio', videos: 1 }], months: 1, images: 5 });
    expect(c.none).toBe('no channel can make this work');
    expect(channel(c, 'fal (pay as you go) (estimate)').reason).toBe('n/a: images are not sold there');
  });
});
