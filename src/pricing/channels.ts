/**
 * Every way to buy the same videos (shared/spec/channels.md): the Kling app (a subscription plus
 * top-up packs, its cheapest schedule), Kling's own API (prepaid packs that expire, bought window
 * by window), and each reseller of the price book (pay as you go, or in multiples of a minimum
 * purchase). One shot list by month is priced on every channel over the same months; the cheapest
 * is named. Totals are exact (exact.ts) and compared exactly; ties go to the app, then Kling's API,
 * then the book's order of providers.
 */

import { validityMonths } from './apiSchedule';
import type { PricingEngine } from './engine';
import { InputError } from './errors';
import { Exact, retakeFactor } from './exact';
import { packsLabel } from './labels';
import type { Billed, Clip } from './models';
import { channelTable, clipText, clipValue, rateOf, testTakeOf } from './models';
import { ceilCount, formatThousands, formatUsd, hundredthsOf, TICKS_PER_CENT, TICKS_PER_USD } from './money';
import { MAX_CREDITS_PER_MONTH } from './parse';
import { billingName } from './plans';
import type { ApiSpend } from './spend';
import { apiPacksLabel, apiSpendProblem, type PlannedSpend, planApiSpend, planSpend } from './spend';
import type { Billing, Provider, Sourced } from './types';

export type ChannelBilling = Billing | 'cheapest';

/** The billings `cheapest` tries, in the order that wins ties: monthly, then intro, then annual. */
export const CHEAPEST_BILLINGS: readonly Billing[] = ['monthly', 'intro', 'annual'];

/** One row of a shot list by month. */
export interface ShotRow {
  /** Its position in the shot range (1 = the first row): reasons name it. */
  readonly row: number;
  readonly clip: Clip;
  /** Standard-mode takes of the same model, length and audio made before each delivered video. */
  readonly testTakes: number;
  /** The row's retake rate, read to 6 decimals. */
  readonly retakeRate: number;
  /** Videos delivered in each month, month 1 first (as many as the work's months). */
  readonly videos: readonly number[];
}

export interface ChannelWork {
  readonly shots: readonly ShotRow[];
  /** 1 to 24. */
  readonly months: number;
  /** Images in each month (as many as the months). */
  readonly images: readonly number[];
  readonly creditsPerImage: number;
  readonly imageRetakeRate: number;
  readonly billing: ChannelBilling;
  /** Top-up credits held at the start (the app's schedule starts from them). */
  readonly topupBalance: number;
}

export type ChannelKind = 'app' | 'api' | 'reseller';

export interface ChannelFigure {
  readonly kind: ChannelKind;
  /** The Channel label: "Kling app (annual)", "Kling API (prepaid packs) (estimate)", "fal (pay as you go) (estimate)". */
  readonly label: string;
  /** The reseller's name; null for the app and Kling's API. */
  readonly provider: string | null;
  /** The total in ticks (USD x 10,000), exact; null when the channel cannot make the work. */
  readonly total: Exact | null;
  /** Why there is no figure: "n/a: row 1 (Kling 4.0 professional 10 s with audio) is not sold there"; null with a figure. */
  readonly reason: string | null;
  /** Spend in each month, USD; null without a figure. */
  readonly monthly: readonly number[] | null;
  /** What is bought: "12 x Standard + 660-credit pack", "2 x 5,000-unit pack", "$1.20 unused at the end"; the reason without a figure. */
  readonly boughtAs: string;
  /** The app only: the billing used, its schedule and the credits each month needs (retakes included). */
  readonly app: { readonly billing: Billing; readonly spend: PlannedSpend; readonly needs: readonly number[] } | null;
  /** Kling's API only: its packs window by window. */
  readonly api: ApiSpend | null;
}

export interface ChannelComparison {
  readonly months: number;
  /** Videos delivered over the months. */
  readonly videos: number;
  /** The app, Kling's API, then every provider of the book in its order. */
  readonly channels: readonly ChannelFigure[];
  /** The cheapest channel with a figure; null when none has one. */
  readonly cheapest: ChannelFigure | null;
  /** When no channel has a figure: why ("no channel can make row 2"); else null. */
  readonly none: string | null;
}

const ESTIMATE = ' (estimate)';

function isEstimate(parts: readonly (Sourced | null | undefined)[]): boolean {
  return parts.some((p) => p && p.confidence !== 'official');
}

/** What a row's clip (and its standard test take) costs in one channel, or why it cannot be made there. */
type RowPrice = { readonly clip: number; readonly test: number; readonly sources: readonly Sourced[] } | { readonly reason: string };

/** The clip's price in a channel (credits in the app, ticks elsewhere); the test take's too when the row has test takes. */
function rowPrice(engine: PricingEngine, shot: ShotRow, billed: Billed): RowPrice {
  const model = engine.model(shot.clip.model);
  const table = channelTable(model, billed);
  const where = `row ${shot.row} (${clipText(shot.clip)})`;
  if (!table) return { reason: `n/a: ${where} ${billed === 'app' ? 'has no app credits in the price book' : 'is not sold there'}` };
  try {
    const one = (clip: Clip) => {
      const rate = rateOf(model, table, billed, clip.mode, clip.secs, clip.audio);
      return { value: clipValue(rate, clip.secs), rate };
    };
    const clip = one(shot.clip);
    const test = shot.testTakes > 0 ? one(testTakeOf(shot.clip)) : null;
    return {
      clip: clip.value,
      test: test ? test.value : 0,
      sources: test ? [clip.rate, test.rate, ...lengthSources(table)] : [clip.rate, ...lengthSources(table)],
    };
  } catch (error) {
    if (error instanceof InputError) return { reason: `n/a: ${where}: ${error.message}` };
    throw error;
  }
}

function lengthSources(table: { readonly shortest: Sourced | null; readonly longest: Sourced | null }): Sourced[] {
  return [table.shortest, table.longest].filter((s): s is Sourced => s !== null);
}

/** Every row's price in a channel, or the first row it cannot make. */
function rowPrices(
  engine: PricingEngine,
  work: ChannelWork,
  billed: Billed,
): { prices: { clip: number; test: number }[]; sources: Sourced[] } | string {
  const prices: { clip: number; test: number }[] = [];
  const sources: Sourced[] = [];
  for (const shot of work.shots) {
    const price = rowPrice(engine, shot, billed);
    if ('reason' in price) return price.reason;
    prices.push(price);
    sources.push(...price.sources);
  }
  return { prices, sources };
}

/**
 * A month's amount in a channel, exact: sum over rows of (clip + test takes x test take) x videos
 * / (1 - the row's retake rate), plus images x the image price / (1 - the image retake rate).
 * `scale` turns a row price into whole units (100 for credits in hundredths, 1 for ticks).
 */
function monthAmount(
  work: ChannelWork,
  prices: readonly { clip: number; test: number }[],
  month: number,
  scale: number,
  image: number,
  imageScale: number,
): Exact {
  let total = Exact.ZERO;
  work.shots.forEach((shot, i) => {
    const videos = shot.videos[month] ?? 0;
    if (videos === 0) return;
    const price = prices[i] as { clip: number; test: number };
    const units = (Math.round(price.clip * scale) + shot.testTakes * Math.round(price.test * scale)) * videos;
    const { p, q } = retakeFactor(shot.retakeRate);
    total = total.plus(Exact.scaled(units, p, q));
  });
  const images = work.images[month] ?? 0;
  if (images > 0) {
    const { p, q } = retakeFactor(work.imageRetakeRate);
    total = total.plus(Exact.scaled(Math.round(image * imageScale) * images, p, q));
  }
  return total;
}

function noFigure(kind: ChannelKind, label: string, provider: string | null, reason: string): ChannelFigure {
  return { kind, label, provider, total: null, reason, monthly: null, boughtAs: reason, app: null, api: null };
}

const hasImages = (work: ChannelWork) => work.images.some((n) => n > 0);

// ---------------------------------------------------------------------------------------------
// The app: credits by month, rounded once by the counts rule, and the cheapest schedule.

/** Thousandths of a credit: app rates have at most 2 decimals, credits per image at most 3. */
const CREDIT_UNITS = 1000;

/** The credits each month needs, retakes included, whole by the counts rule; or why the app cannot make the work. */
export function appNeeds(engine: PricingEngine, work: ChannelWork): { needs: number[]; sources: Sourced[] } | string {
  const priced = rowPrices(engine, work, 'app');
  if (typeof priced === 'string') return priced;
  const needs: number[] = [];
  for (let m = 0; m < work.months; m++) {
    const exact = monthAmount(work, priced.prices, m, CREDIT_UNITS, work.creditsPerImage, CREDIT_UNITS);
    const need = ceilCount(exact.toNumber(CREDIT_UNITS));
    if (need > MAX_CREDITS_PER_MONTH) return `n/a: month ${m + 1} needs more than ${formatThousands(MAX_CREDITS_PER_MONTH)} credits`;
    needs.push(need);
  }
  const sources = [...priced.sources, ...(hasImages(work) ? [engine.book.images] : [])];
  return { needs, sources };
}

function appChannel(engine: PricingEngine, work: ChannelWork): ChannelFigure {
  const billings = work.billing === 'cheapest' ? CHEAPEST_BILLINGS : [work.billing];
  const labelOf = (billing: Billing, estimate: boolean) => `Kling app (${billing})${estimate ? ESTIMATE : ''}`;
  const needs = appNeeds(engine, work);
  if (typeof needs === 'string') return noFigure('app', labelOf(billings[0] as Billing, false), null, needs);
  let best: { billing: Billing; spend: PlannedSpend } | null = null;
  try {
    for (const billing of billings) {
      const spend = planSpend(engine, needs.needs, billing, { startBalance: work.topupBalance });
      if (!best || spend.schedule.totalCents < best.spend.schedule.totalCents) best = { billing, spend };
    }
  } catch (error) {
    if (error instanceof InputError) return noFigure('app', labelOf(billings[0] as Billing, false), null, `n/a: ${error.message}`);
    throw error;
  }
  const { billing, spend } = best as { billing: Billing; spend: PlannedSpend };
  const schedule = spend.schedule;
  const plansUsed = [...new Set(schedule.months.filter((m) => m.plan >= 0).map((m) => m.plan))];
  const packsBought = engine.book.packs.filter((_, i) => (schedule.packCounts[i] ?? 0) > 0);
  const planBook = plansUsed.map((i) => engine.paidPlans().find((p) => p.name === (spend.plans[i] as { name: string }).name));
  const estimate = isEstimate([...needs.sources, ...planBook, ...packsBought]);
  return {
    kind: 'app',
    label: labelOf(billing, estimate),
    provider: null,
    total: Exact.of(schedule.totalCents * TICKS_PER_CENT),
    reason: null,
    monthly: schedule.months.map((m) => m.spendCents / 100),
    boughtAs: appBoughtAs(spend),
    app: { billing, spend, needs: needs.needs },
    api: null,
  };
}

/** "12 x Standard + 660-credit pack": the plans by the months they cover, in order of first use, then the packs. */
export function appBoughtAs(spend: PlannedSpend): string {
  const months = new Map<number, number>();
  for (const month of spend.schedule.months) if (month.plan >= 0) months.set(month.plan, (months.get(month.plan) ?? 0) + 1);
  const plans = [...months].map(([i, n]) => `${formatThousands(n)} x ${(spend.plans[i] as { name: string }).name}`);
  const packs = packsLabel(
    spend.packs.map((p, i) => ({ size: p.credits, count: spend.schedule.packCounts[i] ?? 0 })),
    'credit',
  );
  return [...plans, packs].filter(Boolean).join(' + ');
}

// ---------------------------------------------------------------------------------------------
// Kling's API: USD at list prices by month, then its prepaid packs window by window.

function apiChannel(engine: PricingEngine, work: ChannelWork): ChannelFigure {
  const label = `Kling API (prepaid packs)${ESTIMATE}`;
  const book = engine.book;
  const priced = rowPrices(engine, work, 'api');
  if (typeof priced === 'string') return noFigure('api', label, null, priced);
  if (hasImages(work) && !book.apiImage) return noFigure('api', label, null, 'n/a: the price table has no API image price');
  const problem = apiSpendProblem(book);
  if (problem) return noFigure('api', label, null, `n/a: ${problem}`);
  const image = book.apiImage ? book.apiImage.ticks : 0;
  const months: Exact[] = [];
  for (let m = 0; m < work.months; m++) months.push(monthAmount(work, priced.prices, m, 1, image, 1));
  let spend: ApiSpend;
  try {
    spend = planApiSpend(book, months);
  } catch (error) {
    if (error instanceof InputError) return noFigure('api', label, null, `n/a: ${error.message}`);
    throw error;
  }
  const monthly = months.map(() => 0);
  for (const w of spend.result.windows) monthly[w.first - 1] = (monthly[w.first - 1] as number) + w.cents / 100;
  return {
    kind: 'api',
    label,
    provider: null,
    total: Exact.of(spend.result.totalCents * TICKS_PER_CENT),
    reason: null,
    monthly,
    boughtAs: apiPacksLabel(spend),
    app: null,
    api: spend,
  };
}

// ---------------------------------------------------------------------------------------------
// A reseller: the same sum at its prices; pay as you go, or in multiples of its minimum purchase.

/** A month of the months a purchase lasts: floor(days / 30), at least 1; no validity: it never expires. */
export function resellerValidityMonths(provider: Provider): number {
  return provider.validityDays === null ? Infinity : validityMonths(provider.validityDays);
}

function resellerLabel(provider: Provider): string {
  return `${provider.name} (${provider.minimumCents > 0 ? `minimum ${formatUsd(provider.minimumCents / 100)}` : 'pay as you go'})`;
}

function resellerChannel(engine: PricingEngine, work: ChannelWork, provider: Provider): ChannelFigure {
  const base = resellerLabel(provider);
  const priced = rowPrices(engine, work, { provider: provider.name });
  if (typeof priced === 'string') return noFigure('reseller', `${base}${ESTIMATE}`, provider.name, priced);
  if (hasImages(work)) return noFigure('reseller', `${base}${ESTIMATE}`, provider.name, 'n/a: images are not sold there');
  const estimate = isEstimate([...priced.sources, provider.minimum, provider.validity]);
  const label = `${base}${estimate ? ESTIMATE : ''}`;
  const months: Exact[] = [];
  for (let m = 0; m < work.months; m++) months.push(monthAmount(work, priced.prices, m, 1, 0, 1));
  const purchases = resellerPurchases(months, provider);
  const parts = [
    purchases.unused.sign() > 0 ? `${formatUsd(purchases.unused.toNumber(TICKS_PER_USD))} unused at the end` : '',
    purchases.expired.sign() > 0 ? `${formatUsd(purchases.expired.toNumber(TICKS_PER_USD))} expired` : '',
  ];
  return {
    kind: 'reseller',
    label,
    provider: provider.name,
    total: purchases.total,
    reason: null,
    monthly: purchases.monthly.map((m) => m.toNumber(TICKS_PER_USD)),
    boughtAs: parts.filter(Boolean).join(', '),
    app: null,
    api: null,
  };
}

/**
 * What a reseller is paid month by month for work in ticks. Pay as you go: each month's work.
 * With a minimum purchase m: a month whose usable balance does not cover its work buys
 * ceil((work - usable balance) / m) x m; purchases are spent oldest first, a purchase of month i in
 * months i to i + w - 1 (w from the credit validity); what expires or is left is still paid.
 */
export function resellerPurchases(
  months: readonly Exact[],
  provider: Provider,
): { total: Exact; monthly: Exact[]; unused: Exact; expired: Exact } {
  if (provider.minimumCents <= 0) {
    const total = months.reduce((sum, m) => sum.plus(m), Exact.ZERO);
    return { total, monthly: [...months], unused: Exact.ZERO, expired: Exact.ZERO };
  }
  const minimum = provider.minimumCents * TICKS_PER_CENT;
  const lasts = resellerValidityMonths(provider);
  let lots: { left: Exact; lastMonth: number }[] = [];
  let expired = Exact.ZERO;
  let total = Exact.ZERO;
  const monthly: Exact[] = [];
  months.forEach((work, i) => {
    for (const lot of lots) if (lot.lastMonth < i) expired = expired.plus(lot.left);
    lots = lots.filter((lot) => lot.lastMonth >= i && lot.left.sign() > 0);
    const usable = lots.reduce((sum, lot) => sum.plus(lot.left), Exact.ZERO);
    let bought = Exact.ZERO;
    if (usable.compare(work) < 0) {
      const k = work.minus(usable).ceilDiv(minimum);
      bought = Exact.of(k * minimum);
      lots.push({ left: bought, lastMonth: i + lasts - 1 });
    }
    monthly.push(bought);
    total = total.plus(bought);
    let need = work;
    for (const lot of lots) {
      if (need.sign() <= 0) break;
      const used = Exact.min(lot.left, need);
      lot.left = lot.left.minus(used);
      need = need.minus(used);
    }
  });
  const unused = lots.reduce((sum, lot) => sum.plus(lot.left), Exact.ZERO);
  return { total, monthly, unused, expired };
}

// ---------------------------------------------------------------------------------------------
// The comparison.

/** Every channel over the work's months, and the cheapest. */
export function compareChannels(engine: PricingEngine, work: ChannelWork): ChannelComparison {
  if (!(work.months >= 1 && work.months <= 24)) throw new InputError(`the work spans 1 to 24 months, not ${work.months}`);
  const channels: ChannelFigure[] = [appChannel(engine, work), apiChannel(engine, work)];
  for (const provider of engine.book.providers) channels.push(resellerChannel(engine, work, provider));
  let cheapest: ChannelFigure | null = null;
  for (const channel of channels) {
    if (!channel.total) continue;
    if (!cheapest || channel.total.compare(cheapest.total as Exact) < 0) cheapest = channel;
  }
  const videos = work.shots.reduce((sum, s) => sum + s.videos.reduce((a, b) => a + b, 0), 0);
  return { months: work.months, videos, channels, cheapest, none: cheapest ? null : noChannelReason(engine, work) };
}

/** Why no channel has a figure: the first row that no channel can make, else the work as a whole. */
function noChannelReason(engine: PricingEngine, work: ChannelWork): string {
  const channels: Billed[] = ['app', 'api', ...engine.book.providers.map((p) => ({ provider: p.name }))];
  for (const shot of work.shots) {
    if (channels.every((billed) => 'reason' in rowPrice(engine, shot, billed))) return `no channel can make row ${shot.row}`;
  }
  return 'no channel can make this work';
}

/** The figures of a channel in USD: total, average month, cost per delivered video (null: no videos). */
export function channelFigures(
  c: ChannelComparison,
  channel: ChannelFigure,
): { total: number; average: number; perVideo: number | null } | null {
  if (!channel.total) return null;
  return {
    total: channel.total.toNumber(TICKS_PER_USD),
    average: channel.total.toNumber(TICKS_PER_USD * c.months),
    perVideo: c.videos > 0 ? channel.total.toNumber(TICKS_PER_USD * c.videos) : null,
  };
}

export const CHANNELS_HEADER: readonly string[] = [
  'Channel',
  'Total (USD)',
  'Average month (USD)',
  'Cost per delivered video (USD)',
  'Bought as',
];
export const NOT_AVAILABLE = 'n/a';

/** KLING_CHANNELS's totals table: the header, one row per channel, then the Cheapest row. */
export function channelsTable(c: ChannelComparison): (string | number)[][] {
  const rows: (string | number)[][] = [[...CHANNELS_HEADER]];
  for (const channel of c.channels) {
    const figures = channelFigures(c, channel);
    rows.push(
      figures
        ? [channel.label, figures.total, figures.average, figures.perVideo ?? '', channel.boughtAs]
        : [channel.label, NOT_AVAILABLE, NOT_AVAILABLE, NOT_AVAILABLE, channel.boughtAs],
    );
  }
  const best = c.cheapest;
  rows.push(
    best
      ? ['Cheapest', (best.total as Exact).toNumber(TICKS_PER_USD), '', '', best.label]
      : ['Cheapest', NOT_AVAILABLE, '', '', c.none ?? ''],
  );
  return rows;
}

/** KLING_CHANNELS's `months` detail: a header (Month, then each channel's label) and each month's spend per channel. */
export function channelMonthsTable(c: ChannelComparison): (string | number)[][] {
  const rows: (string | number)[][] = [['Month', ...c.channels.map((ch) => ch.label)]];
  for (let m = 0; m < c.months; m++)
    rows.push([m + 1, ...c.channels.map((ch) => (ch.monthly ? (ch.monthly[m] as number) : NOT_AVAILABLE))]);
  return rows;
}

/** "Kling API (prepaid packs) (estimate) (n/a: ...); ...": the channels without a figure, as a verdict names them; "" when every channel has one. */
export function notCompared(c: ChannelComparison): string {
  return c.channels
    .filter((ch) => !ch.total)
    .map((ch) => `${ch.label} (${(ch.reason ?? '').replace(/^n\/a: /, '')})`)
    .join('; ');
}

/**
 * Why no reseller has a figure for the work, as KLING_BUDGET's reseller rows say it: the models of
 * the work that no reseller of the book sells ("n/a: no reseller in the price book sells Kling
 * 2.6"), else each reseller's own reason ("n/a: no reseller can make this list (fal (...); ...)").
 */
export function noResellerReason(engine: PricingEngine, clips: readonly Clip[], c: ChannelComparison): string {
  const unsold: string[] = [];
  for (const clip of clips) {
    const model = engine.model(clip.model);
    if (model.resellers.length === 0 && !unsold.includes(model.name)) unsold.push(model.name);
  }
  if (unsold.length > 0) return `n/a: no reseller in the price book sells ${unsold.join(', ')}`;
  return `n/a: no reseller can make this list (${notCompared({ ...c, channels: c.channels.filter((ch) => ch.kind === 'reseller') })})`;
}

/** The billing of the app's figure, in words ("annual billing"); the requested one when the app has no figure. */
export function appBillingName(c: ChannelComparison, requested: ChannelBilling): string {
  const app = c.channels.find((ch) => ch.kind === 'app');
  const billing = app?.app ? app.app.billing : requested === 'cheapest' ? 'monthly' : requested;
  return billingName(billing);
}

/** Credits of a row without retakes, for figures that show them: (clip + test takes x test take) x videos, exact to a hundredth. */
export function rowCreditsHundredths(engine: PricingEngine, shot: ShotRow, videos: number): number {
  const credits = hundredthsOf(engine.clipCredits(shot.clip));
  const test = shot.testTakes > 0 ? hundredthsOf(engine.clipCredits(testTakeOf(shot.clip))) : 0;
  return (credits + shot.testTakes * test) * videos;
}
