/**
 * The budget template's formulas, evaluated by a real formula engine (HyperFormula) with our
 * custom functions running from dist/Code.js: what a user sees must equal what the pricing
 * engine computes, and editing a row must update every figure.
 */
import type { HyperFormula } from 'hyperformula';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRICE_BOOK, PricingEngine, parseAudio, parseMode, parseModel, type ShotLine, yearlyView } from '../../src/pricing';
import { createAppsScriptFakes, type FakeSheet } from '../fakes/appsScript';
import { buildEngine, registerKlingFunctions, setCell, sheetContent, valueAt } from '../support/hyperformula';
import { callGlobal, loadBundle } from '../support/loadBundle';

const FUNCTIONS = [
  'KLING_CREDITS',
  'KLING_COST',
  'KLING_VIDEOS',
  'KLING_IMAGES',
  'KLING_PLAN',
  'KLING_BEST_PLAN',
  'KLING_MONTHLY_COST',
  'KLING_API_COST',
  'KLING_YEARLY',
];
const BUDGET = 'Kling budget';
const PRICES = 'Kling prices';

function insert(withPrices: boolean) {
  const fakes = createAppsScriptFakes();
  const context = loadBundle(fakes.services);
  if (withPrices) callGlobal(context, 'editPrices');
  callGlobal(context, 'insertBudgetTemplate');
  // KLING_YEARLY's table has a fixed shape; HyperFormula needs it before evaluating.
  const yearly = callGlobal(context, 'KLING_YEARLY', 1000) as unknown[][];
  registerKlingFunctions(context, FUNCTIONS, { KLING_YEARLY: [(yearly[0] as unknown[]).length, yearly.length] });
  const sheets: Record<string, unknown[][]> = { [BUDGET]: sheetContent(fakes.spreadsheet.getSheetByName(BUDGET) as FakeSheet) };
  if (withPrices) sheets[PRICES] = sheetContent(fakes.spreadsheet.getSheetByName(PRICES) as FakeSheet);
  return buildEngine(sheets);
}

const ROWS = Array.from({ length: 30 }, (_, i) => 6 + i);

/** What the pricing engine says for the shot list currently in the sheet. */
function expected(hf: HyperFormula, engine: PricingEngine) {
  const at = (a1: string) => valueAt(hf, BUDGET, a1);
  const lines: ShotLine[] = [];
  const rows: number[] = [];
  let api = 0;
  for (const r of ROWS) {
    if (at(`C${r}`) === null && at(`D${r}`) === null) continue;
    const model = parseModel(at(`B${r}`) ?? '');
    const line: ShotLine = {
      model,
      mode: parseMode(at(`C${r}`)),
      secs: Number(at(`D${r}`)),
      audio: parseAudio(at(`E${r}`)),
      count: Number(at(`F${r}`) ?? 0),
    };
    lines.push(line);
    rows.push(r);
    api += engine.apiCost(line) * line.count;
  }
  const buffer = Number(at('M7'));
  const billing = String(at('M6')) as 'monthly' | 'annual' | 'intro' | 'list';
  const summary = engine.budget(lines, billing, buffer);
  const year = yearlyView(engine, summary.creditsWithBuffer, true);
  const apiYear = api * (1 + buffer) * 12;
  const cheapestYear = Math.min(year.cheapest.intro.year, year.cheapest.monthly.year, year.cheapest.annual.year);
  return {
    lines,
    rows,
    M8: summary.videos,
    M9: summary.credits,
    M10: summary.creditsWithBuffer,
    M11: summary.best.label,
    M12: summary.best.monthlyCost,
    M13: summary.costPerVideo ?? '',
    M14: year.cheapest.intro.year,
    M15: year.cheapest.monthly.year,
    M16: year.cheapest.annual.year,
    M17: api * (1 + buffer),
    M18: apiYear,
    M19: summary.credits === 0 ? '' : apiYear < cheapestYear ? 'Kling API' : 'Subscription',
    N25: year.breakEven.intro,
  };
}

function expectSummary(hf: HyperFormula, engine: PricingEngine) {
  const want = expected(hf, engine);
  for (const [a1, value] of Object.entries(want)) {
    if (a1 === 'lines' || a1 === 'rows') continue;
    const got = valueAt(hf, BUDGET, a1);
    if (typeof value === 'number') expect(got, a1).toBeCloseTo(value, 6);
    else expect(got, a1).toEqual(value);
  }
  // Per row: credits per video from the engine; the rows' cost shares add up to the monthly cost.
  let share = 0;
  want.lines.forEach((line, i) => {
    const r = want.rows[i] as number;
    expect(valueAt(hf, BUDGET, `G${r}`), `G${r}`).toBe(engine.clipCredits(line));
    share += Number(valueAt(hf, BUDGET, `I${r}`));
  });
  if (want.M9 > 0) expect(share).toBeCloseTo(want.M12, 6);
  return want;
}

describe('the budget template in a formula engine', () => {
  const engine = new PricingEngine(DEFAULT_PRICE_BOOK);
  let hf: HyperFormula;
  beforeAll(() => {
    hf = insert(false);
  });

  it('shows the figures the pricing engine computes for the example shot list', () => {
    const want = expectSummary(hf, engine);
    expect(want.lines).toHaveLength(4);
    // The examples: 4 x 200 + 20 x 10 + 8 x 100 + 6 x 48 credits = 2,088; x 1.2 = 2,505.6 -> 2,506.
    expect(valueAt(hf, BUDGET, 'M9')).toBe(2088);
    expect(valueAt(hf, BUDGET, 'M10')).toBe(2506);
    expect(valueAt(hf, BUDGET, 'M11')).toBe('Pro');
    expect(valueAt(hf, BUDGET, 'M12')).toBe(32.56);
    expect(valueAt(hf, BUDGET, 'M16')).toBe(293.04);
  });

  it('keeps the empty rows of the shot list blank', () => {
    for (const r of ROWS.slice(4)) {
      for (const c of ['G', 'H', 'I', 'J']) expect(valueAt(hf, BUDGET, `${c}${r}`), `${c}${r}`).toBe('');
    }
  });

  it('updates every figure when a row is edited, a row is added or the billing changes', () => {
    const before = expected(hf, engine);
    setCell(hf, BUDGET, 'F6', 40);
    const after = expectSummary(hf, engine);
    expect(after.M11).toBe('Premier + 3,500-credit pack');
    for (const key of ['M8', 'M9', 'M10', 'M11', 'M12', 'M13', 'M14', 'M15', 'M16', 'M17', 'M18', 'N25'] as const) {
      expect(after[key], key).not.toEqual(before[key]);
    }

    setCell(hf, BUDGET, 'C12', 'professional');
    setCell(hf, BUDGET, 'D12', 15);
    setCell(hf, BUDGET, 'B12', '3.0');
    setCell(hf, BUDGET, 'E12', true);
    setCell(hf, BUDGET, 'F12', 3);
    expect(valueAt(hf, BUDGET, 'G12')).toBe(180);
    expect(expectSummary(hf, engine).lines).toHaveLength(5);

    setCell(hf, BUDGET, 'M6', 'annual');
    setCell(hf, BUDGET, 'M7', 0.1);
    expectSummary(hf, engine);
  });

  it('shows our message in the cell of a row the engine cannot price', () => {
    setCell(hf, BUDGET, 'D9', 8);
    setCell(hf, BUDGET, 'B9', '2.6');
    expect(valueAt(hf, BUDGET, 'G9')).toEqual({ error: expect.stringContaining('secs 8 is not a clip length Kling 2.6 makes') });
  });
});

describe('the budget template with edited prices', () => {
  it('follows an edit of the sheet "Kling prices" and names a broken cell', () => {
    const hf = insert(true);
    const base = new PricingEngine(DEFAULT_PRICE_BOOK);
    expectSummary(hf, base);
    expect(valueAt(hf, BUDGET, 'M12')).toBe(32.56);

    const priceRows = sheetRows(hf);
    const row = priceRows.findIndex((r) => r[0] === 'Plan' && r[1] === 'Pro' && r[2] === 'monthly renewal') + 1;
    setCell(hf, PRICES, `D${row}`, 29.99);
    const edited = new PricingEngine({
      ...DEFAULT_PRICE_BOOK,
      plans: DEFAULT_PRICE_BOOK.plans.map((p) => (p.id === 'pro' ? { ...p, renewal: 29.99 } : p)),
    });
    expectSummary(hf, edited);
    expect(valueAt(hf, BUDGET, 'M12')).toBe(29.99);
    expect(valueAt(hf, BUDGET, 'M15')).toBeCloseTo(12 * 29.99, 9);

    setCell(hf, PRICES, `D${row}`, 'ask sales');
    expect(valueAt(hf, BUDGET, 'M11')).toEqual({
      error: `prices row ${row}, column D (Value): "ask sales" is not a number; use a price in USD above 0 with at most 2 decimals`,
    });
    expect(valueAt(hf, BUDGET, 'G6')).toEqual({ error: expect.stringMatching(new RegExp(`^prices row ${row}, column D`)) });
    // Blank rows stay blank even then.
    expect(valueAt(hf, BUDGET, 'G20')).toBe('');
  });
});

function sheetRows(hf: HyperFormula): unknown[][] {
  const sheet = hf.getSheetId(PRICES) as number;
  return hf.getSheetValues(sheet) as unknown[][];
}
