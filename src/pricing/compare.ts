import type { BuyingOption, PricingEngine, ShotLine } from './engine';
import { billingName } from './engine';
import { InputError } from './errors';
import { ceilExact, costPerUnit, floorExact, formatThousands } from './money';
import { MAX_CREDITS_PER_MONTH } from './parse';
import type { Billing } from './types';

/**
 * The plan comparison of the sidebar and of the sheet it inserts: a month of work (shot lines),
 * a billing and a retake rate, priced against every paid plan and every "plan + top-up packs"
 * option. Pure: the page computes it on each keystroke, the server recomputes it before writing.
 */

/** A month of work as the sidebar describes it. */
export interface Workload {
  readonly lines: readonly ShotLine[];
  readonly billing: Billing;
  /** Share of paid generations thrown away, 0 to below 1. */
  readonly retakeRate: number;
}

/** One shot line with its figures. */
export interface LineFigures {
  readonly line: ShotLine;
  readonly creditsPerClip: number;
  /** creditsPerClip x count, without retakes. */
  readonly credits: number;
  /** USD per clip through Kling's API, or null when the API does not offer this clip. */
  readonly apiPerClip: number | null;
  /** True for Kling 3.0, whose credits are an estimate. */
  readonly estimate: boolean;
}

export type OptionKind = 'plan' | 'plan+packs';

/** One way to buy the month's credits, measured against the workload. */
export interface OptionFigures {
  readonly option: BuyingOption;
  readonly kind: OptionKind;
  readonly label: string;
  readonly creditsIncluded: number;
  readonly creditsNeeded: number;
  /** creditsIncluded - creditsNeeded: spare when 0 or more, missing when below 0. */
  readonly spare: number;
  readonly covers: boolean;
  readonly monthlyCost: number;
  /** USD per delivered video: monthly cost / videos it delivers of the workload; null when none. */
  readonly costPerVideo: number | null;
  /** Whole videos of the workload's mix these credits deliver in a month, after retakes. */
  readonly videosDelivered: number;
  readonly yearCost: number;
  /** Twelve months of the same option under annual billing. */
  readonly annualYearCost: number;
  /** What annual billing saves over twelve months against `Comparison.savingBaseline`. */
  readonly annualSaving: number;
  readonly cheapest: boolean;
}

export interface ApiFigures {
  /** USD per month through Kling's API for the same delivered videos (retakes included). */
  readonly monthlyCost: number;
  readonly costPerVideo: number | null;
}

export interface Comparison {
  readonly workload: Workload;
  readonly lines: readonly LineFigures[];
  /** Videos to deliver per month. */
  readonly videos: number;
  /** Credits for the delivered videos, without retakes. */
  readonly credits: number;
  /** Credits to buy each month: ceil(credits / (1 - retake rate)). */
  readonly creditsNeeded: number;
  /** True when any figure rests on Kling 3.0 credits (an estimate). */
  readonly estimate: boolean;
  readonly options: readonly OptionFigures[];
  readonly cheapest: OptionFigures | null;
  /** The API price of the same work, or the reason there is none. */
  readonly api: ApiFigures | { readonly problem: string };
  /** The billing the annual saving is measured against (monthly renewal when annual is chosen). */
  readonly savingBaseline: Billing;
  /** Date of the price book. */
  readonly asOf: string;
}

/** Most shot lines one comparison takes (the sidebar and the server both hold to it). */
export const MAX_LINES = 50;

/** Prices a workload against every option. Throws InputError for a workload it cannot price. */
export function compareWorkload(engine: PricingEngine, workload: Workload): Comparison {
  const { lines, billing, retakeRate } = workload;
  if (lines.length > MAX_LINES) throw new InputError(`a comparison takes at most ${MAX_LINES} rows; this one has ${lines.length}`);
  if (!(retakeRate >= 0 && retakeRate < 1)) throw new InputError('the retake rate must be from 0 % up to but not including 100 %');

  const lineFigures: LineFigures[] = lines.map((line) => {
    const creditsPerClip = engine.clipCredits(line);
    let apiPerClip: number | null = null;
    try {
      apiPerClip = engine.apiCost(line);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
    }
    return { line, creditsPerClip, credits: creditsPerClip * line.count, apiPerClip, estimate: line.model === '3.0' };
  });

  const videos = lineFigures.reduce((sum, f) => sum + f.line.count, 0);
  const credits = lineFigures.reduce((sum, f) => sum + f.credits, 0);
  const creditsNeeded = ceilExact(credits / (1 - retakeRate));
  if (creditsNeeded > MAX_CREDITS_PER_MONTH) {
    throw new InputError(
      `this work needs ${formatThousands(creditsNeeded)} credits a month with retakes, more than the ${formatThousands(MAX_CREDITS_PER_MONTH)} the add-on plans for; plan fewer videos or a lower retake rate`,
    );
  }

  const savingBaseline: Billing = billing === 'annual' ? 'monthly' : billing;
  const delivered = (included: number): number => (credits === 0 ? 0 : floorExact((included * (1 - retakeRate) * videos) / credits));

  const measure = (option: BuyingOption, kind: OptionKind, annual: BuyingOption, baseline: BuyingOption): OptionFigures => {
    const videosDelivered = delivered(option.credits);
    const covers = option.credits >= creditsNeeded;
    const shown = Math.min(videosDelivered, videos);
    return {
      option,
      kind,
      label: option.label,
      creditsIncluded: option.credits,
      creditsNeeded,
      spare: option.credits - creditsNeeded,
      covers,
      monthlyCost: option.monthlyCost,
      costPerVideo: shown > 0 ? costPerUnit(option.monthlyCost, shown) : null,
      videosDelivered,
      yearCost: option.yearCost,
      annualYearCost: annual.yearCost,
      annualSaving: Math.round((baseline.yearCost - annual.yearCost) * 100) / 100,
      cheapest: false,
    };
  };

  // Plan + packs options by plan id, under the billing, annual billing and the saving baseline.
  const withPacks = (b: Billing) =>
    new Map(
      engine
        .options(creditsNeeded, b, true)
        .filter((o) => o.packs.length > 0)
        .map((o) => [o.plan.id, o]),
    );
  const packs = withPacks(billing);
  const packsAnnual = withPacks('annual');
  const packsBaseline = withPacks(savingBaseline);

  const options: OptionFigures[] = [];
  for (const plan of engine.paidPlans()) {
    options.push(
      measure(engine.planOption(plan, billing), 'plan', engine.planOption(plan, 'annual'), engine.planOption(plan, savingBaseline)),
    );
    const topped = packs.get(plan.id);
    const annual = packsAnnual.get(plan.id);
    const baseline = packsBaseline.get(plan.id);
    if (topped && annual && baseline) options.push(measure(topped, 'plan+packs', annual, baseline));
  }

  // The cheapest option that covers the need, by the engine's own order (ties: more credits, fewer packs).
  const best = engine.options(creditsNeeded, billing, true)[0];
  let cheapest: OptionFigures | null = null;
  if (best) {
    const index = options.findIndex((o) => o.label === best.label);
    const found = options[index];
    if (found) {
      cheapest = { ...found, cheapest: true };
      options[index] = cheapest;
    }
  }

  let api: Comparison['api'];
  const missing = lineFigures.find((f) => f.apiPerClip === null);
  if (missing) {
    const { mode, secs, audio, model } = missing.line;
    api = { problem: `Kling's API offers no Kling ${model} ${mode} ${secs} s clip${audio ? ' with audio' : ''}` };
  } else {
    const monthlyCost = lineFigures.reduce((sum, f) => sum + (f.apiPerClip as number) * f.line.count, 0) / (1 - retakeRate);
    api = { monthlyCost, costPerVideo: videos > 0 ? monthlyCost / videos : null };
  }

  return {
    workload,
    lines: lineFigures,
    videos,
    credits,
    creditsNeeded,
    estimate: lineFigures.some((f) => f.estimate),
    options,
    cheapest,
    api,
    savingBaseline,
    asOf: engine.book.asOf,
  };
}

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

const ESTIMATE_NOTE = 'estimate (Kling 3.0 credits are not published)';

/** The workload block: one row per shot line. */
export function workloadBlock(c: Comparison): TableBlock {
  return {
    title: 'Work per month',
    columns: [
      column('Mode', 'text'),
      column('Seconds', 'count'),
      column('Audio', 'text'),
      column('Videos per month', 'count'),
      column('Model', 'text'),
      column('Credits per clip', 'count'),
      column('Credits (no retakes)', 'count'),
      column('API per clip (USD)', 'usd'),
      column('Note', 'text'),
    ],
    rows: c.lines.map((f) => [
      f.line.mode,
      f.line.secs,
      f.line.audio ? 'yes' : 'no',
      f.line.count,
      `Kling ${f.line.model}`,
      f.creditsPerClip,
      f.credits,
      f.apiPerClip ?? 'not offered',
      f.estimate ? ESTIMATE_NOTE : '',
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
    line('Retake rate', c.workload.retakeRate, 'rate'),
    line('Videos delivered per month', c.videos, 'count'),
    line('Credits without retakes', c.credits, 'count'),
    line(`Credits needed with retakes${c.estimate ? ' (estimate)' : ''}`, c.creditsNeeded, 'count'),
    line('Cheapest option', c.cheapest ? c.cheapest.label : 'none', 'text'),
    line('Cheapest monthly cost (USD)', c.cheapest ? c.cheapest.monthlyCost : '', 'usd'),
    line('Cheapest cost per delivered video (USD)', c.cheapest?.costPerVideo ?? '', 'usd'),
  ];
  const api = 'Kling API for the same work (USD per month)';
  if ('problem' in c.api) {
    lines.push(line(api, c.api.problem, 'text'));
  } else {
    lines.push(line(api, c.api.monthlyCost, 'usd'));
    lines.push(line('Kling API per delivered video (USD)', c.api.costPerVideo ?? '', 'usd'));
  }
  lines.push(line('Price book as of', c.asOf, 'text'));
  return lines;
}

/** The options block: one row per option, cheapest marked. */
export function optionsBlock(c: Comparison): TableBlock {
  return {
    title: `Options (${billingName(c.workload.billing)})${c.estimate ? ': estimate, Kling 3.0 credits are not published' : ''}`,
    columns: [
      column('Option', 'text'),
      column('Credits included', 'count'),
      column('Credits needed (with retakes)', 'count'),
      column('Spare (+) or missing (-) credits', 'count'),
      column('Monthly cost (USD)', 'usd'),
      column('Cost per delivered video (USD)', 'usd'),
      column('Videos delivered per month', 'count'),
      column('Yearly cost (USD)', 'usd'),
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
      o.yearCost,
      o.annualSaving,
      o.cheapest ? 'cheapest' : o.covers ? '' : 'does not cover',
    ]),
  };
}
