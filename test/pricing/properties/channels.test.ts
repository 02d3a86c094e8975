/**
 * compareChannels against the plain reference of test/support/channelsReference.ts (shared/spec/
 * channels.md in BigInt rationals), on random shot lists: 1 to 6 rows of any model, mode, length and
 * audio of the default book or of an edited one (resellers added with minimum purchases and credit
 * validities, a twin of fal to make ties, other API pack validities, no API image price ...), test
 * takes, a retake rate per row, images, 1 to 24 months, every billing and `cheapest`, a top-up balance.
 * Every channel's total exact to the cent, labels, reasons, month-by-month spend where the spec fixes
 * it, what a reseller leaves unused or lets expire, and the cheapest channel, ties included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AudioOption, ChannelBilling, ChannelFigure, Mode, PriceBook, RateTable, VideoModel } from '../../../src/pricing';
import { channelsTable, compareChannels, DEFAULT_PRICE_BOOK, formatUsd, PricingEngine, TICKS_PER_USD } from '../../../src/pricing';
import type { RefChannel } from '../../support/channelsReference';
import { refCompare } from '../../support/channelsReference';
import { channelWork, editedBook, expectSameUsd, priceRow, refWork, type Shot, termsRows, type WorkSpec } from '../../support/channelWork';

const SEED = 20_261_207;

// ---------------------------------------------------------------------------------------------
// Books.

interface ResellerSpec {
  readonly minimum: number | null;
  readonly validity: number | null;
  readonly confidence: 'official' | 'third-party';
  /** Kling 2.6 per clip: [item, USD]. */
  readonly clips: readonly (readonly [string, number])[];
  /** Kling 3.0 per second: [item, USD], from `from` to `to` seconds. */
  readonly seconds: readonly (readonly [string, number])[];
  readonly from: number;
  readonly to: number;
}

/** A price with at most 4 decimals, from $0.0001 to `max`. */
const usd4 = (max: number) => fc.integer({ min: 1, max: max * 10_000 }).map((t) => t / 10_000);
const resellerArb: fc.Arbitrary<ResellerSpec> = fc.record({
  minimum: fc.constantFrom(null, 0, 5, 20, 50.5, 100, 1_000),
  validity: fc.constantFrom(null, 15, 30, 45, 60, 90, 365),
  confidence: fc.constantFrom('official' as const, 'third-party' as const),
  clips: fc.uniqueArray(
    fc.tuple(
      fc.constantFrom('standard 5 s', 'standard 10 s', 'professional 5 s', 'professional 10 s', 'professional 10 s with audio'),
      usd4(40),
    ),
    { selector: (t) => t[0], maxLength: 4 },
  ),
  seconds: fc.uniqueArray(
    fc.tuple(fc.constantFrom('standard', 'standard with audio', 'professional', 'professional with audio', '4k'), usd4(2)),
    { selector: (t) => t[0], maxLength: 4 },
  ),
  from: fc.constantFrom(3, 5),
  to: fc.constantFrom(10, 15),
});

function resellerRows(name: string, r: ResellerSpec): unknown[][] {
  return [
    ...termsRows(name, r.minimum, r.validity, r.confidence),
    ...r.clips.map(([item, price]) => priceRow(`Reseller ${name}, Kling 2.6`, item, 'USD per clip', price, r.confidence)),
    ...(r.seconds.length > 0
      ? [
          ...r.seconds.map(([item, price]) => priceRow(`Reseller ${name}, Kling 3.0`, item, 'USD per second', price, r.confidence)),
          priceRow(`Reseller ${name}, Kling 3.0`, 'shortest clip', 'seconds', r.from, r.confidence),
          priceRow(`Reseller ${name}, Kling 3.0`, 'longest clip', 'seconds', r.to, r.confidence),
        ]
      : []),
  ];
}

interface BookSpec {
  readonly acme: ResellerSpec | null;
  readonly acmeFirst: boolean;
  /** A copy of fal's Kling 3.0 rows under another name: the same totals, so ties. */
  readonly twin: 'none' | 'after' | 'before';
  readonly falTerms: readonly [number | null, number | null];
  readonly apiValidity: readonly number[] | null;
  readonly apiImage: 'keep' | 'drop' | 'change';
  /** Without the 330-credit pack (another cover for the app). */
  readonly noSmallPack: boolean;
}

const bookSpecArb: fc.Arbitrary<BookSpec> = fc.record({
  acme: fc.option(resellerArb, { nil: null }),
  acmeFirst: fc.boolean(),
  twin: fc.constantFrom('none' as const, 'after' as const, 'before' as const),
  falTerms: fc.tuple(fc.constantFrom(null, null, 10, 25.25), fc.constantFrom(null, 30, 60, 120)),
  apiValidity: fc.constantFrom(null, [90, 90, 90, 90], [30, 30, 30, 30], [90, 180, 180, 180], [180, 180, 20, 180], [365, 365, 365, 365]),
  apiImage: fc.constantFrom('keep' as const, 'drop' as const, 'change' as const),
  noSmallPack: fc.boolean(),
});

const books = new Map<string, { book: PriceBook; engine: PricingEngine }>();

function bookOf(spec: BookSpec | null): { book: PriceBook; engine: PricingEngine } {
  const key = JSON.stringify(spec);
  const known = books.get(key);
  if (known) return known;
  let book = DEFAULT_PRICE_BOOK;
  if (spec) {
    const falRows = (name: string) =>
      (DEFAULT_PRICE_BOOK.models.find((m) => m.name === 'Kling 3.0')?.resellers.find((r) => r.provider === 'fal')?.table.rates ?? []).map(
        (rate) =>
          priceRow(
            `Reseller ${name}, Kling 3.0`,
            `${rate.mode}${rate.audio === 'audio' ? ' with audio' : ''}`,
            'USD per second',
            rate.value / 10_000,
          ),
      );
    const twin = [
      ...falRows('Twin'),
      priceRow('Reseller Twin, Kling 3.0', 'shortest clip', 'seconds', 3),
      priceRow('Reseller Twin, Kling 3.0', 'longest clip', 'seconds', 15),
    ];
    const first = [...(spec.acme && spec.acmeFirst ? resellerRows('Acme', spec.acme) : []), ...(spec.twin === 'before' ? twin : [])];
    const last = [
      ...(spec.acme && !spec.acmeFirst ? resellerRows('Acme', spec.acme) : []),
      ...(spec.twin === 'after' ? twin : []),
      ...termsRows('fal', spec.falTerms[0], spec.falTerms[1]),
    ];
    book = editedBook({
      drop: (r) =>
        (spec.apiImage === 'drop' && r[0] === 'Images' && r[1] === 'API image') ||
        (spec.noSmallPack && r[0] === 'Top-up pack' && r[1] === 'Pack 1'),
      set: [
        ...(spec.apiValidity ?? []).map((d, i) => ['API pack', `Pack ${i + 1}`, 'valid days', d] as const),
        ...(spec.apiImage === 'change' ? [['Images', 'API image', 'USD per image', 0.0285] as const] : []),
      ],
      // The first rows go before the default ones: their providers come first in the book's order.
      prepend: first,
      add: last,
    });
  }
  const entry = { book, engine: new PricingEngine(book) };
  books.set(key, entry);
  return entry;
}

// ---------------------------------------------------------------------------------------------
// Shot lists.

type Target = 'app' | 'api' | { readonly provider: string };

function tableIn(model: VideoModel, target: Target): RateTable | null {
  if (target === 'app') return model.app;
  if (target === 'api') return model.api;
  return model.resellers.find((r) => r.provider === target.provider)?.table ?? null;
}

/** The options a table prices: mode, audio and the lengths it makes. */
function options(table: RateTable): { mode: Mode; audio: AudioOption; lengths: number[] }[] {
  const from = table.shortest?.seconds ?? 3;
  const to = table.longest?.seconds ?? 3;
  return table.rates.map((r) => ({
    mode: r.mode,
    audio: r.audio,
    lengths: r.secs !== null ? [r.secs] : Array.from({ length: to - from + 1 }, (_, i) => from + i),
  }));
}

/**
 * A row: mostly a clip that the case's target channel sells (so that some channel can make the whole
 * list), sometimes one any channel of its model sells, sometimes any mode, length and audio.
 */
function shotArb(book: PriceBook, months: number, target: Target): fc.Arbitrary<Shot> {
  const videos = fc.oneof(
    { weight: 2, arbitrary: fc.constant(0) },
    { weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 12 }) },
  );
  const pick = (model: VideoModel, tables: readonly RateTable[]) =>
    fc.constantFrom(...tables.flatMap(options)).chain((o) =>
      fc.record({
        model: fc.constant(model.name),
        mode: fc.constant(o.mode),
        audio: fc.constant(o.audio),
        secs: fc.constantFrom(...o.lengths),
      }),
    );
  const targeted = book.models.filter((m) => tableIn(m, target) !== null);
  const anyModel = fc.constantFrom(...book.models);
  const clip = fc.oneof(
    ...(targeted.length > 0
      ? [{ weight: 20, arbitrary: fc.constantFrom(...targeted).chain((m) => pick(m, [tableIn(m, target) as RateTable])) }]
      : []),
    {
      weight: 2,
      arbitrary: anyModel.chain((m) =>
        pick(
          m,
          [m.app, m.api, ...m.resellers.map((r) => r.table)].filter((t): t is RateTable => t !== null),
        ),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        model: anyModel.map((m) => m.name),
        mode: fc.constantFrom<Mode>('standard', 'professional', '4k'),
        audio: fc.constantFrom<AudioOption>('silent', 'audio', 'voice'),
        secs: fc.constantFrom(3, 5, 10, 15, 20),
      }),
    },
  );
  return fc
    .record({
      clip,
      videos: fc.oneof(
        { weight: 3, arbitrary: fc.array(videos, { minLength: months, maxLength: months }) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 6 }) },
      ),
      testTakes: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 2 }) }),
      rate: fc.oneof(
        { weight: 3, arbitrary: fc.constant(undefined) },
        { weight: 3, arbitrary: fc.constantFrom(0, 0.2, 0.3, 1 / 6, 0.5) },
        { weight: 2, arbitrary: fc.integer({ min: 0, max: 500_000 }).map((m) => m / 1_000_000) },
      ),
    })
    .map(({ clip, videos, testTakes, rate }) => ({ ...clip, videos, testTakes, ...(rate === undefined ? {} : { rate }) }));
}

const caseArb = fc
  .record({
    book: fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: bookSpecArb }),
    months: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constantFrom(6, 12, 13, 24), fc.integer({ min: 1, max: 24 })),
  })
  .chain(({ book: spec, months }) => {
    const { book } = bookOf(spec);
    const targets: Target[] = ['app', 'api', ...book.providers.map((p) => ({ provider: p.name }))];
    return fc.record({
      spec: fc.constant(spec),
      work: fc.record({
        shots: fc.constantFrom(...targets).chain((target) => fc.array(shotArb(book, months, target), { minLength: 1, maxLength: 6 })),
        months: fc.constant(months),
        billing: fc.constantFrom<ChannelBilling>('monthly', 'intro', 'annual', 'list', 'cheapest', 'cheapest'),
        rate: fc.constantFrom(0, 0.2, 0.35),
        images: fc.oneof(
          { weight: 4, arbitrary: fc.constant(0) },
          { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: months, maxLength: months }) },
        ),
        creditsPerImage: fc.constantFrom(0.2, 1, 0.25, 0.123),
        imageRate: fc.constantFrom(undefined, 0, 0.35),
        topupBalance: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3_000 })),
      }),
    });
  });

// ---------------------------------------------------------------------------------------------
// The comparison.

function expectAsReference(spec: BookSpec | null, workSpec: WorkSpec): void {
  const { book, engine } = bookOf(spec);
  const work = channelWork(workSpec, book);
  const got = compareChannels(engine, work);
  const want = refCompare(book, refWork(work));
  expect(got.channels.map((c) => [c.kind, c.provider, c.label])).toEqual(want.channels.map((c) => [c.kind, c.provider, c.label]));
  expect(got.videos).toBe(want.videos);
  const table = channelsTable(got);
  got.channels.forEach((c, i) => {
    expectChannel(c, want.channels[i] as RefChannel, table[i + 1] as (string | number)[], got.months, got.videos);
  });
  expect(got.cheapest?.label ?? null, 'the cheapest').toBe(want.cheapest?.label ?? null);
  expect(got.none).toBe(want.none);
}

function expectChannel(c: ChannelFigure, r: RefChannel, row: (string | number)[], months: number, videos: number): void {
  if (!r.total) {
    expect(c.total, `${c.label} has no figure (${r.reason})`).toBeNull();
    if (r.reasonIsPrefix) expect(c.reason?.startsWith(r.reason as string), `${c.reason} starts ${r.reason}`).toBe(true);
    else expect(c.reason).toBe(r.reason);
    expect(row.slice(1, 4)).toEqual(['n/a', 'n/a', 'n/a']);
    return;
  }
  if (!c.total) throw new Error(`${c.label}: no figure (${c.reason}), the reference has ${r.total.toNumber() / 10_000}`);
  expectSameUsd(c.total.toNumber(TICKS_PER_USD), r.total, `${c.label} total`);
  expectSameUsd(row[1] as number, r.total, `${c.label} table total`);
  expectSameUsd(row[2] as number, r.total.over(BigInt(months)), `${c.label} average month`);
  if (videos > 0) expectSameUsd(row[3] as number, r.total.over(BigInt(videos)), `${c.label} per video`);
  else expect(row[3]).toBe('');
  const monthly = c.monthly as readonly number[];
  expect(monthly).toHaveLength(months);
  r.monthly?.forEach((m, k) => {
    expectSameUsd(monthly[k] as number, m, `${c.label} month ${k + 1}`);
  });
  if (c.kind === 'app') {
    // Whole cents, exactly; the months add up to the total; the needs are the counts rule's.
    expect(c.app?.needs.map(BigInt)).toEqual(r.needs);
    expect(c.app?.billing).toBe(r.billing);
    const cents = monthly.reduce((sum, m) => sum + Math.round(m * 100), 0);
    expect(BigInt(cents)).toBe(r.total.cents().cents);
  }
  if (c.kind === 'api') {
    const note = `assumes every pack lasts ${r.windowMonths} ${r.windowMonths === 1 ? 'month' : 'months'}`;
    expect(c.boughtAs.includes(note), `${c.boughtAs} names "${note}"`).toBe(r.mixedValidity);
    expect(c.api?.result.rule.months).toBe(r.windowMonths);
  }
  if (c.kind === 'reseller') {
    const parts = [
      r.unused.sign() > 0 ? `${formatUsd(r.unused.toNumber() / 10_000)} unused at the end` : '',
      r.expired.sign() > 0 ? `${formatUsd(r.expired.toNumber() / 10_000)} expired` : '',
    ];
    const onHalf = r.unused.cents().half || r.expired.cents().half;
    if (!onHalf) expect(c.boughtAs).toBe(parts.filter(Boolean).join(', '));
  }
}

describe('compareChannels against the reference', () => {
  it('600 random shot lists on the default book and on edited books: totals to the cent, labels, reasons, the cheapest', () => {
    fc.assert(
      fc.property(caseArb, ({ spec, work }) => {
        expectAsReference(spec, {
          shots: work.shots,
          months: work.months,
          billing: work.billing,
          rate: work.rate,
          images: work.images,
          creditsPerImage: work.creditsPerImage,
          ...(work.imageRate === undefined ? {} : { imageRate: work.imageRate }),
          topupBalance: work.topupBalance,
        });
      }),
      { numRuns: 600, seed: SEED },
    );
  });

  it('ties on purpose: fal and its twin on every list of Kling 3.0 clips fal sells, with and without a minimum', () => {
    const clip = fc.record({
      model: fc.constant('Kling 3.0'),
      mode: fc.constantFrom<Mode>('standard', 'professional', '4k'),
      audio: fc.constantFrom<AudioOption>('silent', 'audio'),
      secs: fc.integer({ min: 3, max: 15 }),
      videos: fc.integer({ min: 0, max: 5 }),
      rate: fc.constantFrom(0, 0.2, 0.123457),
    });
    fc.assert(
      fc.property(
        fc.array(clip, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('after' as const, 'before' as const),
        fc.constantFrom<[number | null, number | null]>([null, null], [10, 60]),
        (shots, months, twin, falTerms) => {
          const spec: BookSpec = { acme: null, acmeFirst: false, twin, falTerms, apiValidity: null, apiImage: 'keep', noSmallPack: false };
          expectAsReference(spec, { shots, months, billing: 'cheapest' });
        },
      ),
      { numRuns: 80, seed: SEED + 1 },
    );
  });
});
