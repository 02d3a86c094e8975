import type { BudgetInput, BudgetSummary, ShotLine } from './budget';
import { budgetSummary, testTakeOf } from './budget';
import type { Bundle } from './bundles';
import { bundleMonth, hasPacks } from './bundles';
import type { PricingEngine } from './engine';
import { InputError } from './errors';
import type { Clip } from './models';
import { floorExact, usdPerUnit } from './money';
import { billingName } from './plans';
import type { PlannedSpend } from './spend';
import { apiPacksLabel, planSpend, spendLabel } from './spend';
import type { Billing } from './types';

/**
 * The plan comparison of the sidebar and of the sheet it inserts: a month of work (shot lines,
 * their standard test takes, images), a billing and the buffer for retakes, priced against every
 * paid plan alone and with top-up packs; yearly figures from the schedule of 12 equal months; the
 * API from its prepaid packs. Pure: the page computes it on each keystroke, the server recomputes
 * it before writing.
 */

export type { ShotLine };

export type Workload = BudgetInput;

export interface LineFigures {
  readonly line: ShotLine;
  readonly creditsPerClip: number;
  /** Credits of one standard test take (0 when there are none). */
  readonly creditsPerTestTake: number;
  /** (creditsPerClip + test takes x creditsPerTestTake) x count, without the buffer. */
  readonly credits: number;
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
  /** USD per delivered video: monthly cost / videos it delivers of the workload; null when none. */
  readonly costPerVideo: number | null;
  /** Whole videos of the workload's mix these credits deliver in a month. */
  readonly videosDelivered: number;
  /** Twelve months of this plan under the billing, top-ups carried over; null when it does not cover. */
  readonly yearCost: number | null;
  /** What annual billing saves over twelve months against the saving baseline; null when it does not cover. */
  readonly annualSaving: number | null;
  readonly cheapest: boolean;
}

export type ApiFigures =
  | {
      /** USD over 12 months with Kling's prepaid packs (6-month windows). */
      readonly yearCost: number;
      /** The packs the figure assumed, e.g. "2 x 5,000-unit pack". */
      readonly packs: string;
    }
  | { readonly problem: string };

export interface Comparison {
  readonly workload: Workload;
  readonly lines: readonly LineFigures[];
  /** The budget of the work: credits, buffer, the cheapest month, 12 months, the API, the verdict. */
  readonly budget: BudgetSummary;
  readonly estimate: boolean;
  readonly options: readonly OptionFigures[];
  /** The cheapest 12 months (may change plan), named; null for no credits. */
  readonly year: { readonly cost: number; readonly label: string } | null;
  readonly api: ApiFigures;
  /** The billing the annual saving is measured against (monthly renewal when annual is chosen). */
  readonly savingBaseline: Billing;
  readonly asOf: string;
}

/** Most shot lines one comparison takes (the sidebar and the server both hold to it). */
export const MAX_LINES = 50;
/** Most test takes per final video. */
export const MAX_TEST_TAKES = 100;
/** Most images a month. */
export const MAX_IMAGES = 10_000_000;

const TWELVE = 12;

/** Prices a workload against every option. Throws InputError for a workload it cannot price. */
export function compareWorkload(engine: PricingEngine, workload: Workload): Comparison {
  const { lines, billing, images } = workload;
  if (lines.length > MAX_LINES) throw new InputError(`a comparison takes at most ${MAX_LINES} rows; this one has ${lines.length}`);
  if (!(Number.isInteger(images) && images >= 0 && images <= MAX_IMAGES))
    throw new InputError('images per month must be a whole number of 0 or more');
  const lineFigures = lines.map((line) => lineFiguresOf(engine, line));
  const budget = budgetSummary(engine, workload);
  const { creditsWithBuffer: needed, videos } = budget;

  const savingBaseline: Billing = billing === 'annual' ? 'monthly' : billing;
  const months = new Array<number>(TWELVE).fill(needed);
  const delivered = (included: number): number => (needed === 0 ? 0 : floorExact((included * videos) / needed));
  const yearOf = (bundle: Bundle, b: Billing): PlannedSpend | null => {
    if (needed === 0 || bundle.credits < needed) return null;
    return planSpend(engine, months, b, { plans: [bundle.plan], allowTopups: hasPacks(bundle) });
  };

  const measure = (bundle: Bundle, kind: OptionKind): OptionFigures => {
    const videosDelivered = delivered(bundle.credits);
    const shown = Math.min(videosDelivered, videos);
    const month = bundleMonth(bundle, billing);
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
      covers: bundle.credits >= needed,
      monthlyCost: month / 1200,
      costPerVideo: shown > 0 ? usdPerUnit(month, shown) : null,
      videosDelivered,
      yearCost: year ? year.schedule.totalCents / 100 : null,
      annualSaving: annual && baseline ? (baseline.schedule.totalCents - annual.schedule.totalCents) / 100 : null,
      cheapest: sameBundle(bundle, budget.best),
    };
  };

  const options: OptionFigures[] = [];
  for (const plan of engine.paidPlans()) {
    options.push(measure(engine.planBundle(plan), 'plan'));
    if (needed > plan.monthlyCredits && engine.book.packs.length > 0) options.push(measure(engine.toppedUp(plan, needed), 'plan+packs'));
  }

  const api: ApiFigures =
    'problem' in budget.api ? budget.api : { yearCost: budget.api.result.totalCents / 100, packs: apiPacksLabel(budget.api) };
  return {
    workload,
    lines: lineFigures,
    budget,
    estimate: lineFigures.some((f) => f.estimate),
    options,
    year: budget.year ? { cost: budget.yearCost, label: spendLabel(budget.year) } : null,
    api,
    savingBaseline,
    asOf: engine.book.asOf,
  };
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
  const creditsPerClip = engine.clipCredits(clip);
  const testClip = testTakeOf(clip);
  const creditsPerTestTake = testTakes > 0 ? engine.clipCredits(testClip) : 0;
  const credits = ((Math.round(creditsPerClip * 100) + testTakes * Math.round(creditsPerTestTake * 100)) * count) / 100;
  let apiPerClip: number | string;
  try {
    const mills = engine.apiMills(clip);
    apiPerClip = mills === null ? engine.noApiReason(engine.model(clip.model)) : mills / 1000;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    apiPerClip = error.message;
  }
  const estimate = isEstimate(engine, clip) || (testTakes > 0 && isEstimate(engine, testClip));
  return { line, creditsPerClip, creditsPerTestTake, credits, apiPerClip, estimate };
}

/** True when the app rate of a clip is an estimate. */
function isEstimate(engine: PricingEngine, clip: Clip): boolean {
  const model = engine.model(clip.model);
  const rate = model.app?.rates.find((r) => r.mode === clip.mode && r.audio === clip.audio && (r.secs === null || r.secs === clip.secs));
  return rate?.confidence === 'estimate';
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
      column('Credits per clip', 'count'),
      column('Credits (no buffer)', 'count'),
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
      f.creditsPerClip,
      f.credits,
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
  const lines = [
    line('Billing', billingName(c.workload.billing), 'text'),
    line('Buffer for retakes', c.workload.buffer, 'rate'),
    line('Videos delivered per month', c.budget.videos, 'count'),
    line('Images per month', c.workload.images, 'count'),
    line('Credits for the work (no buffer)', c.budget.credits, 'count'),
    line(`Credits with buffer${c.estimate ? ' (estimate)' : ''}`, c.budget.creditsWithBuffer, 'count'),
    line('Cheapest option, one month on its own', c.budget.best.label, 'text'),
    line('Its monthly cost (USD)', c.budget.monthlyCost, 'usd'),
    line('Cheapest 12 months, top-ups carried over', c.year ? c.year.label : 'nothing to buy', 'text'),
    line('12-month cost (USD)', c.budget.yearCost, 'usd'),
    line('Average month (USD)', c.budget.averageMonth, 'usd'),
    line('Cost per delivered video, average month (USD)', c.budget.costPerVideo ?? '', 'usd'),
  ];
  if ('problem' in c.api) {
    lines.push(line('Kling API, 12 months (USD)', `n/a: ${c.api.problem}`, 'text'));
  } else {
    lines.push(line('Kling API, 12 months with prepaid packs (USD, estimate)', c.api.yearCost, 'usd'));
    lines.push(line('API packs assumed', c.api.packs || 'none', 'text'));
  }
  lines.push(line('Cheaper over 12 months', c.budget.verdict, 'text'));
  lines.push(line('Price book as of', c.asOf, 'text'));
  return lines;
}

/** The options block: one row per option, cheapest marked, short options flagged. */
export function optionsBlock(c: Comparison): TableBlock {
  return {
    title: `Options (${billingName(c.workload.billing)})${c.estimate ? ': some prices are estimates' : ''}`,
    columns: [
      column('Option', 'text'),
      column('Credits included', 'count'),
      column('Credits needed (with buffer)', 'count'),
      column('Spare (+) or missing (-) credits', 'count'),
      column('Monthly cost (USD)', 'usd'),
      column('Cost per delivered video (USD)', 'usd'),
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
      o.cheapest ? 'cheapest' : o.covers ? '' : 'does not cover',
    ]),
  };
}
