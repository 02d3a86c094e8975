import type { BudgetSummary, ShotLine } from './budget';
import { budgetSummary } from './budget';
import type { Bundle } from './bundles';
import { bundleMonth, hasPacks } from './bundles';
import type { ChannelComparison } from './channels';
import { channelFigures, notCompared } from './channels';
import type { PricingEngine } from './engine';
import { InputError } from './errors';
import type { Clip } from './models';
import { testTakeOf } from './models';
import { floorCount, usdPerUnit } from './money';
import { billingName } from './plans';
import { planPricesAsOf } from './priceAge';
import type { PlannedSpend } from './spend';
import { planSpend } from './spend';
import type { Billing } from './types';

/**
 * The comparison of the sidebar and of the sheet it inserts: a month of work (shot lines, their
 * standard test takes, images) and a retake rate, priced on every channel over 12 equal months
 * (billing `cheapest`: the app, Kling's API, each reseller; the cheapest named), and, for one
 * month on its own under the chosen billing, against every paid plan alone and with top-up packs.
 * Pure: the page computes it on each keystroke, the server recomputes it before writing.
 */

export type { ShotLine };

export interface Workload {
  readonly lines: readonly ShotLine[];
  /** Images a month, from the same credits. */
  readonly images: number;
  /** The billing of the one-month figures; the 12-month channels always take the cheapest billing. */
  readonly billing: Billing;
  /** The share of paid, finished takes thrown away: credits and dollars are divided by 1 - r. */
  readonly retakeRate: number;
}

export interface LineFigures {
  readonly line: ShotLine;
  /** Credits of one clip in the app; null when the model has no app credits. */
  readonly creditsPerClip: number | null;
  /** Credits of one standard test take (0 when there are none). */
  readonly creditsPerTestTake: number;
  /** (creditsPerClip + test takes x creditsPerTestTake) x count, without retakes; null without app credits. */
  readonly credits: number | null;
  /** USD per clip through Kling's API, or the reason there is none. */
  readonly apiPerClip: number | string;
  /** True when a figure of the line rests on an estimated price. */
  readonly estimate: boolean;
}

export type OptionKind = 'plan' | 'plan+packs';

/** One way to buy the month's credits, measured against the workload. */
export interface OptionFigures {
  readonly bundle: Bundle;
  readonly kind: OptionKind;
  readonly label: string;
  readonly creditsIncluded: number;
  readonly creditsNeeded: number;
  /** creditsIncluded - creditsNeeded: spare when 0 or more, missing when below 0. */
  readonly spare: number;
  readonly covers: boolean;
  /** USD for one month on its own under the billing. */
  readonly monthlyCost: number;
  /**
   * USD per delivered video: what the whole month's work costs with this option, packs included
   * (an option that does not cover the work on its own buys the packs for the rest), divided by
   * the videos; null when there are none. The cheapest option always has the lowest.
   */
  readonly costPerVideo: number | null;
  /** Whole videos of the workload's mix these credits deliver in a month. */
  readonly videosDelivered: number;
  /** Twelve months of this plan under the billing, top-ups carried over; null when it does not cover. */
  readonly yearCost: number | null;
  /** What annual billing saves over twelve months against the saving baseline; null when it does not cover. */
  readonly annualSaving: number | null;
  readonly cheapest: boolean;
}

export interface Comparison {
  readonly workload: Workload;
  readonly lines: readonly LineFigures[];
  /** The budget of the work: credits, retakes, the cheapest month, every channel over 12 months. */
  readonly budget: BudgetSummary;
  /** Every channel over 12 equal months under the cheapest billing, the cheapest named. */
  readonly channels: ChannelComparison;
  readonly estimate: boolean;
  /** One month on its own: every paid plan alone and with packs; empty when the app cannot price the work. */
  readonly options: readonly OptionFigures[];
  /** The billing the annual saving is measured against (monthly renewal when annual is chosen). */
  readonly savingBaseline: Billing;
  /** The newest As of of the plans: the date of the prices that move every figure. */
  readonly asOf: string;
}

/** Most shot lines one comparison takes (the sidebar and the server both hold to it). */
export const MAX_LINES = 50;
/** Most test takes per final video. */
export const MAX_TEST_TAKES = 100;
/** Most images a month. */
export const MAX_IMAGES = 10_000_000;

const TWELVE = 12;

/** Prices a workload on every channel and every option. Throws InputError for a workload it cannot price. */
export function compareWorkload(engine: PricingEngine, workload: Workload): Comparison {
  const { lines, billing, images } = workload;
  if (lines.length > MAX_LINES) throw new InputError(`a comparison takes at most ${MAX_LINES} rows; this one has ${lines.length}`);
  if (!(Number.isInteger(images) && images >= 0 && images <= MAX_IMAGES))
    throw new InputError('images per month must be a whole number of 0 or more');
  // Each clip under its model's name in the book ("3.0" is "Kling 3.0"), as every reason names it.
  const named = lines.map((line) => ({ ...line, clip: { ...line.clip, model: engine.model(line.clip.model).name } }));
  const lineFigures = named.map((line) => lineFiguresOf(engine, line));
  const budget = budgetSummary(engine, { ...workload, lines: named, billing: 'cheapest', monthBilling: billing });
  const savingBaseline: Billing = billing === 'annual' ? 'monthly' : billing;
  return {
    workload,
    lines: lineFigures,
    budget,
    channels: budget.year,
    estimate: lineFigures.some((f) => f.estimate),
    options:
      typeof budget.creditsWithRetakes === 'number' ? optionsOf(engine, workload, budget, budget.creditsWithRetakes, savingBaseline) : [],
    savingBaseline,
    asOf: planPricesAsOf(engine.book),
  };
}

function optionsOf(
  engine: PricingEngine,
  workload: Workload,
  budget: BudgetSummary,
  needed: number,
  savingBaseline: Billing,
): OptionFigures[] {
  const { billing } = workload;
  const videos = budget.videos;
  const months = new Array<number>(TWELVE).fill(needed);
  const delivered = (included: number): number => (needed === 0 ? 0 : floorCount((included * videos) / needed));
  const yearOf = (bundle: Bundle, b: Billing): PlannedSpend | null => {
    if (needed === 0 || bundle.credits < needed) return null;
    return planSpend(engine, months, b, { plans: [bundle.plan], allowTopups: hasPacks(bundle) });
  };
  const measure = (bundle: Bundle, kind: OptionKind): OptionFigures => {
    const month = bundleMonth(bundle, billing);
    const covers = bundle.credits >= needed;
    // The whole work, packs included: an option short of credits buys the packs for the rest.
    const whole = covers || engine.book.packs.length === 0 ? month : bundleMonth(engine.toppedUp(bundle.plan, needed), billing);
    const year = yearOf(bundle, billing);
    const annual = year ? yearOf(bundle, 'annual') : null;
    const baseline = year ? (savingBaseline === billing ? year : yearOf(bundle, savingBaseline)) : null;
    return {
      bundle,
      kind,
      label: bundle.label,
      creditsIncluded: bundle.credits,
      creditsNeeded: needed,
      spare: bundle.credits - needed,
      covers,
      monthlyCost: month / 1200,
      costPerVideo: videos > 0 ? usdPerUnit(whole, videos) : null,
      videosDelivered: delivered(bundle.credits),
      yearCost: year ? year.schedule.totalCents / 100 : null,
      annualSaving: annual && baseline ? (baseline.schedule.totalCents - annual.schedule.totalCents) / 100 : null,
      cheapest: budget.best !== null && sameBundle(bundle, budget.best),
    };
  };
  const options: OptionFigures[] = [];
  for (const plan of engine.paidPlans()) {
    options.push(measure(engine.planBundle(plan), 'plan'));
    if (needed > plan.monthlyCredits && engine.book.packs.length > 0) options.push(measure(engine.toppedUp(plan, needed), 'plan+packs'));
  }
  return options;
}

/** The same purchase: one plan and the same count of every pack. */
function sameBundle(a: Bundle, b: Bundle): boolean {
  if (a.plan !== b.plan || a.packs !== b.packs) return false;
  const n = Math.max(a.packCounts.length, b.packCounts.length);
  for (let i = 0; i < n; i++) if ((a.packCounts[i] ?? 0) !== (b.packCounts[i] ?? 0)) return false;
  return true;
}

function lineFiguresOf(engine: PricingEngine, line: ShotLine): LineFigures {
  const { clip, count, testTakes } = line;
  if (!(Number.isInteger(testTakes) && testTakes >= 0 && testTakes <= MAX_TEST_TAKES)) {
    throw new InputError(`test takes must be a whole number from 0 to ${MAX_TEST_TAKES} per final video`);
  }
  const model = engine.model(clip.model);
  const testClip = testTakeOf(clip);
  let creditsPerClip: number | null = null;
  let creditsPerTestTake = 0;
  let credits: number | null = null;
  if (model.app) {
    try {
      creditsPerClip = engine.clipCredits(clip);
      creditsPerTestTake = testTakes > 0 ? engine.clipCredits(testClip) : 0;
      credits = ((Math.round(creditsPerClip * 100) + testTakes * Math.round(creditsPerTestTake * 100)) * count) / 100;
    } catch (error) {
      // The app does not make this clip (another channel may): no app figure for the line; the channels say why.
      if (!(error instanceof InputError)) throw error;
      creditsPerClip = null;
      creditsPerTestTake = 0;
      credits = null;
    }
  }
  let apiPerClip: number | string;
  try {
    const ticks = engine.apiTicks(clip);
    apiPerClip = ticks === null ? engine.noApiReason(model) : ticks / 10_000;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    apiPerClip = error.message;
  }
  const estimate = isEstimate(engine, clip) || (testTakes > 0 && isEstimate(engine, testClip));
  return { line, creditsPerClip, creditsPerTestTake, credits, apiPerClip, estimate };
}

/** True when the app rate of a clip is not official (a guide figure, a third party's or our estimate), as the channel labels say. */
function isEstimate(engine: PricingEngine, clip: Clip): boolean {
  const model = engine.model(clip.model);
  const rate = model.app?.rates.find((r) => r.mode === clip.mode && r.audio === clip.audio && (r.secs === null || r.secs === clip.secs));
  return rate !== undefined && rate.confidence !== 'official';
}

// ---------------------------------------------------------------------------------------------
// The comparison as blocks of the inserted sheet.

/** How a column of the inserted table is formatted. */
export type ColumnKind = 'text' | 'count' | 'usd' | 'rate';

export interface TableColumn {
  readonly title: string;
  readonly kind: ColumnKind;
}

export type TableValue = string | number;

function column(title: string, kind: ColumnKind): TableColumn {
  return { title, kind };
}

/** A titled block of the inserted sheet: a header row, then rows of values. */
export interface TableBlock {
  readonly title: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly TableValue[])[];
}

const AUDIO_SHOWN = { silent: 'no', audio: 'yes', voice: 'voice control' } as const;

/** The workload block: one row per shot line. */
export function workloadBlock(c: Comparison): TableBlock {
  return {
    title: 'Work per month',
    columns: [
      column('Model', 'text'),
      column('Mode', 'text'),
      column('Seconds', 'count'),
      column('Audio', 'text'),
      column('Videos per month', 'count'),
      column('Test takes per video', 'count'),
      column('Retake rate', 'rate'),
      column('Credits per clip', 'count'),
      column('Credits (no retakes)', 'count'),
      column('API per clip (USD)', 'usd'),
      column('Note', 'text'),
    ],
    rows: c.lines.map((f) => [
      f.line.clip.model,
      f.line.clip.mode,
      f.line.clip.secs,
      AUDIO_SHOWN[f.line.clip.audio],
      f.line.count,
      f.line.testTakes,
      f.line.retakeRate ?? c.workload.retakeRate,
      f.creditsPerClip ?? 'n/a: no app credits',
      f.credits ?? 'n/a: no app credits',
      typeof f.apiPerClip === 'number' ? f.apiPerClip : `n/a: ${f.apiPerClip}`,
      f.estimate ? 'estimate' : '',
    ]),
  };
}

/** One line of the summary: a label and a value with its kind. */
export interface SummaryLine {
  readonly label: string;
  readonly value: TableValue;
  readonly kind: ColumnKind;
}

/** The summary: label, value. */
export function summaryLines(c: Comparison): SummaryLine[] {
  const line = (label: string, value: TableValue, kind: ColumnKind): SummaryLine => ({ label, value, kind });
  const b = c.budget;
  const cheapest = c.channels.cheapest;
  const figures = cheapest ? channelFigures(c.channels, cheapest) : null;
  const missing = notCompared(c.channels);
  const appValue = (value: number | string | null, kind: ColumnKind): SummaryLine['value'] =>
    value === null ? (typeof b.credits === 'string' ? b.credits : '') : kind === 'text' ? String(value) : value;
  return [
    line('Cheapest channel over 12 months', cheapest ? cheapest.label : `n/a: ${c.channels.none ?? ''}`, 'text'),
    line('Its 12-month cost (USD)', figures ? figures.total : 'n/a', figures ? 'usd' : 'text'),
    line('Not compared', missing, 'text'),
    line('Retake rate', c.workload.retakeRate, 'rate'),
    line('Videos delivered per month', b.videos, 'count'),
    line('Images per month', c.workload.images, 'count'),
    line('Credits for the work (no retakes)', b.credits, typeof b.credits === 'number' ? 'count' : 'text'),
    line(
      `Credits with retakes${c.estimate ? ' (estimate)' : ''}`,
      b.creditsWithRetakes,
      typeof b.creditsWithRetakes === 'number' ? 'count' : 'text',
    ),
    line(
      `Cheapest option, one month on its own (${billingName(c.workload.billing)})`,
      appValue(b.best ? b.best.label : null, 'text'),
      'text',
    ),
    line('Its monthly cost (USD)', appValue(b.monthlyCost, 'usd'), b.monthlyCost === null ? 'text' : 'usd'),
    line('Prices as of', c.asOf, 'text'),
  ];
}

/** The channels block: one row per channel over 12 months, as KLING_CHANNELS gives it. */
export function channelsBlock(c: Comparison): TableBlock {
  const ch = c.channels;
  return {
    title: 'Every channel over 12 months (cheapest billing for the app)',
    columns: [
      column('Channel', 'text'),
      column('Total (USD)', 'usd'),
      column('Average month (USD)', 'usd'),
      column('Cost per delivered video (USD)', 'usd'),
      column('Bought as', 'text'),
    ],
    rows: ch.channels.map((channel) => {
      const f = channelFigures(ch, channel);
      return f
        ? [channel.label, f.total, f.average, f.perVideo ?? '', channel.boughtAs]
        : [channel.label, 'n/a', 'n/a', 'n/a', channel.boughtAs];
    }),
  };
}

/** The options block: one row per option, cheapest marked, short options flagged. */
export function optionsBlock(c: Comparison): TableBlock {
  return {
    title: `One month on its own (${billingName(c.workload.billing)})${c.estimate ? ': some prices are estimates' : ''}`,
    columns: [
      column('Option', 'text'),
      column('Credits included', 'count'),
      column('Credits needed (with retakes)', 'count'),
      column('Spare (+) or missing (-) credits', 'count'),
      column('Monthly cost (USD)', 'usd'),
      column('Cost per delivered video, packs included (USD)', 'usd'),
      column('Videos delivered per month', 'count'),
      column('12 months, top-ups carried over (USD)', 'usd'),
      column(`Annual billing saves vs ${billingName(c.savingBaseline)} (USD)`, 'usd'),
      column('Cheapest', 'text'),
    ],
    rows: c.options.map((o) => [
      o.label,
      o.creditsIncluded,
      o.creditsNeeded,
      o.spare,
      o.monthlyCost,
      o.costPerVideo ?? '',
      o.videosDelivered,
      o.yearCost ?? '',
      o.annualSaving ?? '',
      o.cheapest ? 'cheapest' : o.covers ? '' : 'does not cover: packs for the rest included in its cost per video',
    ]),
  };
}
