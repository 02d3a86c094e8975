import type { BudgetInput } from './budget';
import { budgetSummary } from './budget';
import type { ChannelComparison } from './channels';
import type { PricingEngine } from './engine';
import type { Exact } from './exact';
import { formatUsd, TICKS_PER_USD } from './money';

/**
 * A budget a finance team defends (shared/spec/finance.md): three cases side by side (low,
 * typical, high) on the two inputs that move a Kling budget most, the retake rate and the credits
 * an image costs, each case a channel comparison; a contingency line on top of the money; and the
 * sentence "Between $X and $Y, most likely $Z".
 */

/** The inputs a case varies. */
export interface CaseInputs {
  readonly retakeRate: number;
  readonly creditsPerImage: number;
}

/** The low and high cases' default inputs: 10 % and 0.2 credits an image; 35 % and 1 credit. */
export const LOW_CASE: CaseInputs = { retakeRate: 0.1, creditsPerImage: 0.2 };
export const HIGH_CASE: CaseInputs = { retakeRate: 0.35, creditsPerImage: 1 };

export const CASE_INPUT_NAMES: Readonly<Record<keyof CaseInputs, string>> = {
  retakeRate: 'the retake rate',
  creditsPerImage: 'credits per image',
};

/** "Cases out of order: low <= typical <= high is required for the retake rate", or null when in order (equal values allowed). */
export function casesOutOfOrder(low: CaseInputs, typical: CaseInputs, high: CaseInputs): string | null {
  for (const key of Object.keys(CASE_INPUT_NAMES) as (keyof CaseInputs)[]) {
    if (!(low[key] <= typical[key] && typical[key] <= high[key])) {
      return `Cases out of order: low <= typical <= high is required for ${CASE_INPUT_NAMES[key]}`;
    }
  }
  return null;
}

/** A total with contingency: the total x (1 + contingency), exactly (contingency read to 6 decimals). */
export function withContingency(total: Exact, contingency: number): Exact {
  const millionths = Math.round(contingency * 1_000_000);
  return total.scaledBy(1_000_000 + millionths, 1_000_000);
}

/** The cheapest channel's total after contingency of a comparison, in USD; null when no channel has a figure. */
export function cheapestAfterContingency(c: ChannelComparison, contingency: number): number | null {
  const best = c.cheapest;
  if (!best?.total) return null;
  return withContingency(best.total, contingency).toNumber(TICKS_PER_USD);
}

/** "Between $X and $Y, most likely $Z": the low, high and typical totals. */
export function rangeLine(low: number, high: number, typical: number): string {
  return `Between ${formatUsd(low)} and ${formatUsd(high)}, most likely ${formatUsd(typical)}`;
}

export interface WorkloadRange {
  /** The sentence the sidebar and the sheets show: the range, "No range: ..." or "Cases out of order: ...". */
  readonly line: string;
  readonly low: number | null;
  readonly typical: number | null;
  readonly high: number | null;
}

/**
 * The range of a budget's 12 months: the typical case is the budget as given, the low and high
 * cases the same work with their retake rate for every row (a row's own rate applies in the
 * typical case only) and their credits per image; each case's cheapest channel after contingency.
 */
export function budgetRange(
  engine: PricingEngine,
  input: BudgetInput,
  options: { readonly low?: CaseInputs; readonly high?: CaseInputs; readonly contingency?: number } = {},
): WorkloadRange {
  const low = options.low ?? LOW_CASE;
  const high = options.high ?? HIGH_CASE;
  const contingency = options.contingency ?? 0;
  const typicalInputs: CaseInputs = {
    retakeRate: input.retakeRate,
    creditsPerImage: input.creditsPerImage ?? engine.book.images.creditsPerImage,
  };
  const disorder = casesOutOfOrder(low, typicalInputs, high);
  if (disorder) return { line: disorder, low: null, typical: null, high: null };
  const caseOf = (inputs: CaseInputs | null) =>
    budgetSummary(
      engine,
      inputs
        ? {
            ...input,
            retakeRate: inputs.retakeRate,
            creditsPerImage: inputs.creditsPerImage,
            lines: input.lines.map((l) => ({ ...l, retakeRate: null })),
          }
        : input,
    ).year;
  const cases = [caseOf(low), caseOf(null), caseOf(high)] as const;
  const totals = cases.map((c) => cheapestAfterContingency(c, contingency));
  const missing = cases.findIndex((c) => !c.cheapest);
  if (missing >= 0) {
    const c = cases[missing] as ChannelComparison;
    return { line: `No range: ${c.none ?? 'no channel can make this work'}`, low: null, typical: null, high: null };
  }
  const [l, t, h] = totals as [number, number, number];
  return { line: rangeLine(l, h, t), low: l, typical: t, high: h };
}
