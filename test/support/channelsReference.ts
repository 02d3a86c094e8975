/**
 * A plain reimplementation of shared/spec/channels.md, written apart from src/pricing/channels.ts
 * and src/pricing/exact.ts so that the two can check each other. Every amount is an exact rational
 * in BigInt; rates are read straight from the price book's data (no engine, no rateOf); the app's
 * schedule is a dynamic program over plan payments that keeps, for each total paid for plans, the
 * least shortfall (the cover cost never falls as the shortfall grows, so that is all a cheapest
 * schedule needs), with the cover of the exact-sum reference of test/support; Kling's API buys the
 * cheapest cover of each window's units, also from the exact-sum reference; a reseller with a
 * minimum purchase is simulated lot by lot. Slow and obvious.
 *
 * It answers totals, labels, reasons (up to the model's own message for an option it lacks), what a
 * reseller leaves unused or lets expire, each reseller's and the API's spend month by month, and the
 * cheapest channel (ties: the app, then Kling's API, then the book's order). It assumes the book's
 * plans and top-up packs are `official` (the app's label then depends on the rows it prices only).
 */
import type { AudioOption, Mode, PriceBook, Provider, Rate, RateTable, Sourced, VideoModel } from '../../src/pricing/types';
import { ExactCoverReference } from './coverReference';

// ---------------------------------------------------------------------------------------------
// Exact rationals.

function gcdBig(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export class Q {
  readonly n: bigint;
  readonly d: bigint;

  constructor(n: bigint, d: bigint = 1n) {
    if (d === 0n) throw new Error('division by zero');
    const g = gcdBig(n, d) || 1n;
    const sign = d < 0n ? -1n : 1n;
    this.n = (sign * n) / g;
    this.d = (sign * d) / g;
  }

  static readonly ZERO = new Q(0n);
  static of(n: number | bigint, d: number | bigint = 1): Q {
    return new Q(BigInt(n), BigInt(d));
  }
  plus(o: Q): Q {
    return new Q(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  minus(o: Q): Q {
    return new Q(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  times(o: Q): Q {
    return new Q(this.n * o.n, this.d * o.d);
  }
  over(k: bigint): Q {
    return new Q(this.n, this.d * k);
  }
  cmp(o: Q): number {
    const diff = this.n * o.d - o.n * this.d;
    return diff < 0n ? -1 : diff > 0n ? 1 : 0;
  }
  sign(): number {
    return this.n < 0n ? -1 : this.n > 0n ? 1 : 0;
  }
  floor(): bigint {
    const q = this.n / this.d;
    return this.n < 0n && q * this.d !== this.n ? q - 1n : q;
  }
  ceil(): bigint {
    const q = this.n / this.d;
    return this.n > 0n && q * this.d !== this.n ? q + 1n : q;
  }
  /** The nearest double, near enough for comparisons to a tolerance. */
  toNumber(): number {
    const whole = this.floor();
    return Number(whole) + Number(((this.n - whole * this.d) * 1_000_000_000_000n) / this.d) / 1e12;
  }
  /** Whole cents of an amount of ticks (USD x 10,000), half up; and whether it lies exactly on a half cent. */
  cents(): { cents: bigint; half: boolean } {
    const hundredths = this.over(100n); // cents = ticks / 100
    const twice = hundredths.times(Q.of(2));
    const half = twice.d === 1n && twice.n % 2n !== 0n;
    return { cents: hundredths.plus(Q.of(1, 2)).floor(), half };
  }
}

// ---------------------------------------------------------------------------------------------
// The work, as channels.md states it.

export interface RefShot {
  readonly row: number;
  /** The model's name as the book has it ("Kling 3.0"). */
  readonly model: string;
  readonly mode: Mode;
  readonly secs: number;
  readonly audio: AudioOption;
  readonly testTakes: number;
  readonly retakeRate: number;
  readonly videos: readonly number[];
}

export type RefBilling = 'monthly' | 'intro' | 'annual' | 'list' | 'cheapest';

export interface RefWork {
  readonly shots: readonly RefShot[];
  readonly months: number;
  readonly images: readonly number[];
  readonly creditsPerImage: number;
  readonly imageRetakeRate: number;
  readonly billing: RefBilling;
  readonly topupBalance: number;
}

export interface RefChannel {
  readonly kind: 'app' | 'api' | 'reseller';
  readonly label: string;
  readonly provider: string | null;
  /** Total in ticks (USD x 10,000), exact; null without a figure. */
  readonly total: Q | null;
  /** Without a figure: the reason, or its start when it ends with the model's own message (`prefix`). */
  readonly reason: string | null;
  readonly reasonIsPrefix: boolean;
  /** Spend month by month in ticks, where the spec fixes it (Kling's API, resellers); null for the app. */
  readonly monthly: readonly Q[] | null;
  /** A reseller with a minimum: what is left at the end and what expired, in ticks. */
  readonly unused: Q;
  readonly expired: Q;
  /** The app: the billing its figure uses and the credits each month needs; Kling's API: its window length and whether validities differ. */
  readonly billing: string | null;
  readonly needs: readonly bigint[] | null;
  readonly windowMonths: number | null;
  readonly mixedValidity: boolean;
}

export interface RefComparison {
  readonly channels: readonly RefChannel[];
  readonly cheapest: RefChannel | null;
  readonly none: string | null;
  readonly videos: number;
}

const MILLION = 1_000_000n;
const MAX_CREDITS_PER_MONTH = 26_000_000n;

/** 1 / (1 - r), the rate read to 6 decimals. */
function retakeFactor(rate: number): Q {
  const m = BigInt(Math.round(rate * 1_000_000));
  if (m < 0n || m >= MILLION) throw new Error(`bad retake rate ${rate}`);
  return new Q(MILLION, MILLION - m);
}

const AUDIO_WORDS: Readonly<Record<AudioOption, string>> = { silent: '', audio: ' with audio', voice: ' with voice control' };
export function refClipText(s: { model: string; mode: Mode; secs: number; audio: AudioOption }): string {
  return `${s.model} ${s.mode} ${s.secs} s${AUDIO_WORDS[s.audio]}`;
}

/** Whether a table prices a clip, and at what: credits or ticks, exact; with the rows it rests on. */
function priceIn(table: RateTable, mode: Mode, secs: number, audio: AudioOption): { value: Q; sources: Sourced[] } | null {
  if (table.per === 'clip') {
    const rate = table.rates.find((r) => r.mode === mode && r.audio === audio && r.secs === secs);
    return rate ? { value: exactValue(rate), sources: [rate] } : null;
  }
  const { shortest, longest } = table;
  if (!shortest || !longest || !Number.isInteger(secs) || secs < shortest.seconds || secs > longest.seconds) return null;
  const rate = table.rates.find((r) => r.mode === mode && r.audio === audio && r.secs === null);
  return rate ? { value: exactValue(rate).times(Q.of(secs)), sources: [rate, shortest, longest] } : null;
}

/** A rate's value exactly: app credits have at most 2 decimals, ticks are whole. */
function exactValue(rate: Rate): Q {
  return Q.of(Math.round(rate.value * 100), 100);
}

type Channel = 'app' | 'api' | { readonly provider: string };

function tableOf(model: VideoModel, channel: Channel): RateTable | null {
  if (channel === 'app') return model.app;
  if (channel === 'api') return model.api;
  return model.resellers.find((r) => r.provider === channel.provider)?.table ?? null;
}

/** Each row's price per delivered video before retakes (the clip plus its standard test takes), or why not. */
function rowPrices(
  book: PriceBook,
  work: RefWork,
  channel: Channel,
): { prices: Q[]; sources: Sourced[] } | { reason: string; prefix: boolean } {
  const prices: Q[] = [];
  const sources: Sourced[] = [];
  for (const shot of work.shots) {
    const model = book.models.find((m) => m.name === shot.model);
    if (!model) throw new Error(`no model ${shot.model}`);
    const where = `row ${shot.row} (${refClipText(shot)})`;
    const table = tableOf(model, channel);
    if (!table) {
      return { reason: `n/a: ${where} ${channel === 'app' ? 'has no app credits in the price book' : 'is not sold there'}`, prefix: false };
    }
    const clip = priceIn(table, shot.mode, shot.secs, shot.audio);
    const test = shot.testTakes > 0 ? priceIn(table, 'standard', shot.secs, shot.audio) : null;
    if (!clip || (shot.testTakes > 0 && !test)) return { reason: `n/a: ${where}: `, prefix: true };
    prices.push(clip.value.plus(test ? test.value.times(Q.of(shot.testTakes)) : Q.ZERO));
    sources.push(...clip.sources, ...(test ? test.sources : []));
  }
  return { prices, sources };
}

/** A month's amount: sum of price x videos / (1 - r_row), plus images x image price / (1 - r_images). */
function monthAmount(work: RefWork, prices: readonly Q[], month: number, imagePrice: Q): Q {
  let total = Q.ZERO;
  work.shots.forEach((shot, i) => {
    const videos = shot.videos[month] ?? 0;
    if (videos > 0) total = total.plus((prices[i] as Q).times(Q.of(videos)).times(retakeFactor(shot.retakeRate)));
  });
  const images = work.images[month] ?? 0;
  if (images > 0) total = total.plus(imagePrice.times(Q.of(images)).times(retakeFactor(work.imageRetakeRate)));
  return total;
}

/** The counts rule on an exact amount: within 1e-6 of a whole number it is that number, else rounded up. */
export function refNeed(amount: Q): bigint {
  const nearest = amount.plus(Q.of(1, 2)).floor();
  const distance = amount.minus(Q.of(nearest));
  const abs = distance.sign() < 0 ? Q.ZERO.minus(distance) : distance;
  return abs.cmp(Q.of(1, 1_000_000)) <= 0 ? nearest : amount.ceil();
}

const notOfficial = (sources: readonly (Sourced | null)[]) => sources.some((s) => s !== null && s.confidence !== 'official');

// ---------------------------------------------------------------------------------------------
// Covers: the cheapest packs whose sizes add up to at least a need, from the exact-sum reference,
// grown as needed and shared by pack set.

const covers = new Map<string, { reference: ExactCoverReference; max: number }>();

function coverCost(kinds: readonly { cost: number; size: number }[], need: number, tie: 'more-size' | 'less-size'): number | null {
  if (need <= 0) return 0;
  if (kinds.length === 0) return null;
  const key = `${tie}|${kinds.map((k) => `${k.cost}/${k.size}`).join(',')}`;
  let entry = covers.get(key);
  if (!entry || entry.max < need) {
    const max = Math.max(need, 2 * (entry?.max ?? 0), 50_000);
    entry = { reference: new ExactCoverReference(kinds, max, tie), max };
    covers.set(key, entry);
  }
  return entry.reference.cover(need).cost;
}

// ---------------------------------------------------------------------------------------------
// The app.

type Billing = 'monthly' | 'intro' | 'annual' | 'list';

/** The least cost in cents of a schedule of these months (schedule.md's rules), or null when none covers them. */
export function refScheduleCents(book: PriceBook, needs: readonly bigint[], billing: Billing, startBalance: bigint): bigint | null {
  const plans = book.plans.filter((p) => p.dailyCredits === null);
  const packs = book.packs.map((p) => ({ cost: p.priceCents, size: p.credits + p.bonus }));
  // Choosers: the months (or 12-month terms under annual billing) that take a plan, with the months they cover.
  const choosers: number[][] = [];
  if (billing === 'annual') {
    for (let start = 0; start < needs.length; start += 12) {
      const term = needs.map((_, m) => m).filter((m) => m >= start && m < start + 12);
      if (term.some((m) => (needs[m] as bigint) > 0n)) choosers.push(term);
    }
  } else {
    needs.forEach((need, m) => {
      if (need > 0n) choosers.push([m]);
    });
  }
  if (choosers.length > 0 && plans.length === 0) return null;
  // Total paid for plans -> least total shortfall.
  let states = new Map<bigint, bigint>([[0n, 0n]]);
  choosers.forEach((months, k) => {
    const next = new Map<bigint, bigint>();
    for (const [cents, shortfall] of states) {
      for (const plan of plans) {
        const price =
          billing === 'annual'
            ? plan.yearlyCents
            : billing === 'list'
              ? plan.listCents
              : billing === 'intro' && k === 0
                ? plan.firstMonthCents
                : plan.renewalCents;
        let short = shortfall;
        for (const m of months) {
          const rest = (needs[m] as bigint) - BigInt(plan.monthlyCredits);
          if (rest > 0n) short += rest;
        }
        const paid = cents + BigInt(price);
        const known = next.get(paid);
        if (known === undefined || short < known) next.set(paid, short);
      }
    }
    states = next;
  });
  let best: bigint | null = null;
  for (const [cents, shortfall] of states) {
    const rest = shortfall - startBalance;
    const packCents = coverCost(packs, rest > 0n ? Number(rest) : 0, 'more-size');
    if (packCents === null) continue;
    const total = cents + BigInt(packCents);
    if (best === null || total < best) best = total;
  }
  return best;
}

function appChannel(book: PriceBook, work: RefWork): RefChannel {
  const billings: Billing[] = work.billing === 'cheapest' ? ['monthly', 'intro', 'annual'] : [work.billing];
  const base = {
    kind: 'app' as const,
    provider: null,
    monthly: null,
    unused: Q.ZERO,
    expired: Q.ZERO,
    windowMonths: null,
    mixedValidity: false,
  };
  let needs: bigint[] | null = null;
  const without = (reason: string, prefix = false): RefChannel => ({
    ...base,
    label: `Kling app (${billings[0]})`,
    total: null,
    reason,
    reasonIsPrefix: prefix,
    billing: null,
    needs,
  });
  const priced = rowPrices(book, work, 'app');
  if ('reason' in priced) return without(priced.reason, priced.prefix);
  const hasImages = work.images.some((n) => n > 0);
  const imageCredits = Q.of(Math.round(work.creditsPerImage * 1000), 1000);
  const monthNeeds: bigint[] = [];
  for (let m = 0; m < work.months; m++) {
    const need = refNeed(monthAmount(work, priced.prices, m, imageCredits));
    if (need > MAX_CREDITS_PER_MONTH) return without(`n/a: month ${m + 1} needs more than 26,000,000 credits`);
    monthNeeds.push(need);
  }
  needs = monthNeeds;
  let best: { billing: Billing; cents: bigint } | null = null;
  for (const billing of billings) {
    const cents = refScheduleCents(book, monthNeeds, billing, BigInt(work.topupBalance));
    if (cents !== null && (best === null || cents < best.cents)) best = { billing, cents };
  }
  if (!best) return without('n/a: ', true);
  const estimate = notOfficial([...priced.sources, ...(hasImages ? [book.images] : [])]);
  return {
    ...base,
    label: `Kling app (${best.billing})${estimate ? ' (estimate)' : ''}`,
    total: Q.of(best.cents * 100n),
    reason: null,
    reasonIsPrefix: false,
    billing: best.billing,
    needs,
  };
}

// ---------------------------------------------------------------------------------------------
// Kling's API.

function apiChannel(book: PriceBook, work: RefWork): RefChannel {
  const label = 'Kling API (prepaid packs) (estimate)';
  const base = { kind: 'api' as const, label, provider: null, unused: Q.ZERO, expired: Q.ZERO, billing: null, needs: null };
  const without = (reason: string, prefix = false): RefChannel => ({
    ...base,
    total: null,
    reason,
    reasonIsPrefix: prefix,
    monthly: null,
    windowMonths: null,
    mixedValidity: false,
  });
  const priced = rowPrices(book, work, 'api');
  if ('reason' in priced) return without(priced.reason, priced.prefix);
  const hasImages = work.images.some((n) => n > 0);
  if (hasImages && !book.apiImage) return without('n/a: the price table has no API image price');
  const packs = book.apiPacks.filter((p) => !p.trial);
  if (packs.length === 0) return without('n/a: the price book lists no API packs (Kling sells the API only in prepaid packs)');
  const shortest = Math.min(...packs.map((p) => p.validDays));
  const window = Math.max(1, Math.floor(shortest / 30));
  const image = Q.of(book.apiImage ? book.apiImage.ticks : 0);
  const kinds = packs.map((p) => ({ cost: p.priceCents, size: p.units }));
  const monthly: Q[] = new Array<Q>(work.months).fill(Q.ZERO);
  let total = Q.ZERO;
  for (let first = 0; first < work.months; first += window) {
    let amount = Q.ZERO;
    for (let m = first; m < Math.min(work.months, first + window); m++) amount = amount.plus(monthAmount(work, priced.prices, m, image));
    const units = amount.over(BigInt(book.apiUnit.ticks)).ceil();
    const cents = coverCost(kinds, Number(units), 'less-size');
    if (cents === null) throw new Error('no API packs');
    monthly[first] = Q.of(cents * 100);
    total = total.plus(Q.of(cents * 100));
  }
  return {
    ...base,
    total,
    reason: null,
    reasonIsPrefix: false,
    monthly,
    windowMonths: window,
    mixedValidity: packs.some((p) => p.validDays !== shortest),
  };
}

// ---------------------------------------------------------------------------------------------
// Resellers.

export function refResellerLabel(provider: Provider): string {
  if (provider.minimumCents <= 0) return `${provider.name} (pay as you go)`;
  const cents = BigInt(provider.minimumCents);
  const dollars = (cents / 100n).toLocaleString('en-US');
  return `${provider.name} (minimum $${dollars}.${String(cents % 100n).padStart(2, '0')})`;
}

/** What a reseller is paid month by month: pay as you go, or purchases in multiples of the minimum that last w months, spent oldest first. */
export function refPurchases(
  months: readonly Q[],
  minimumCents: number,
  validityDays: number | null,
): { monthly: Q[]; unused: Q; expired: Q } {
  if (minimumCents <= 0) return { monthly: [...months], unused: Q.ZERO, expired: Q.ZERO };
  const minimum = Q.of(minimumCents * 100);
  const lasts = validityDays === null ? Infinity : Math.max(1, Math.floor(validityDays / 30));
  const lots: { left: Q; bought: number }[] = [];
  let expired = Q.ZERO;
  const monthly: Q[] = [];
  months.forEach((work, i) => {
    // Lots bought in month b can be spent in months b to b + w - 1.
    for (let k = lots.length - 1; k >= 0; k--) {
      const lot = lots[k] as { left: Q; bought: number };
      if (i > lot.bought + lasts - 1) {
        expired = expired.plus(lot.left);
        lots.splice(k, 1);
      }
    }
    const usable = lots.reduce((sum, lot) => sum.plus(lot.left), Q.ZERO);
    let bought = Q.ZERO;
    if (usable.cmp(work) < 0) {
      const k = work.minus(usable).times(new Q(1n, minimum.n)).ceil();
      bought = minimum.times(Q.of(k));
      lots.push({ left: bought, bought: i });
    }
    monthly.push(bought);
    let need = work;
    for (const lot of lots) {
      if (need.sign() <= 0) break;
      const used = lot.left.cmp(need) <= 0 ? lot.left : need;
      lot.left = lot.left.minus(used);
      need = need.minus(used);
    }
    if (need.sign() > 0) throw new Error('a month fell short');
  });
  const unused = lots.reduce((sum, lot) => sum.plus(lot.left), Q.ZERO);
  return { monthly, unused, expired };
}

function resellerChannel(book: PriceBook, work: RefWork, provider: Provider): RefChannel {
  const base = { kind: 'reseller' as const, provider: provider.name, billing: null, needs: null, windowMonths: null, mixedValidity: false };
  const name = refResellerLabel(provider);
  const without = (reason: string, prefix = false): RefChannel => ({
    ...base,
    label: `${name} (estimate)`,
    total: null,
    reason,
    reasonIsPrefix: prefix,
    monthly: null,
    unused: Q.ZERO,
    expired: Q.ZERO,
  });
  const priced = rowPrices(book, work, { provider: provider.name });
  if ('reason' in priced) return without(priced.reason, priced.prefix);
  if (work.images.some((n) => n > 0)) return without('n/a: images are not sold there');
  const months: Q[] = [];
  for (let m = 0; m < work.months; m++) months.push(monthAmount(work, priced.prices, m, Q.ZERO));
  const { monthly, unused, expired } = refPurchases(months, provider.minimumCents, provider.validityDays);
  const estimate = notOfficial([...priced.sources, provider.minimum, provider.validity]);
  return {
    ...base,
    label: `${name}${estimate ? ' (estimate)' : ''}`,
    total: monthly.reduce((a, b) => a.plus(b), Q.ZERO),
    reason: null,
    reasonIsPrefix: false,
    monthly,
    unused,
    expired,
  };
}

// ---------------------------------------------------------------------------------------------
// The comparison.

export function refCompare(book: PriceBook, work: RefWork): RefComparison {
  const channels: RefChannel[] = [
    appChannel(book, work),
    apiChannel(book, work),
    ...book.providers.map((p) => resellerChannel(book, work, p)),
  ];
  let cheapest: RefChannel | null = null;
  for (const c of channels) {
    if (c.total && (!cheapest || c.total.cmp(cheapest.total as Q) < 0)) cheapest = c;
  }
  let none: string | null = null;
  if (!cheapest) {
    const all: Channel[] = ['app', 'api', ...book.providers.map((p) => ({ provider: p.name }))];
    const row = work.shots.find((shot) => all.every((ch) => 'reason' in rowPrices(book, { ...work, shots: [shot] }, ch)));
    none = row ? `no channel can make row ${row.row}` : 'no channel can make this work';
  }
  const videos = work.shots.reduce((sum, s) => sum + s.videos.reduce((a, b) => a + b, 0), 0);
  return { channels, cheapest, none, videos };
}
