/**
 * Each custom function's argument list is written once (src/contract/signatures.ts). This holds a
 * copy of the spec's lists (custom-functions.md, schedule.md, actuals.md, with `prices` last) and
 * fails when the order drifts anywhere: (a) the wrapper and its JSDoc in dist/Code.js and the Help
 * page, (b) the signature table, (c) what each position means to the implementation: a call with a
 * distinct value in every position gives the engine's figure for exactly that meaning, and
 * swapping two of them (plan and billing ...) gives an error or another figure, never the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIGNATURE_DOCS } from '../../src/contract/signatureDocs';
import { positions, SIGNATURES, usage } from '../../src/contract/signatures';
import type { AudioOption, Billing, ChannelWork, Clip, Mode, PlanField, PlanId } from '../../src/pricing';
import {
  actualsByMonth,
  actualsTable,
  apiSpendTable,
  bookToRows,
  budgetSummary,
  channelMonthsTable,
  channelsTable,
  compareChannels,
  DEFAULT_PRICE_BOOK,
  Exact,
  PricingEngine,
  planApiSpend,
  planFigure,
  planSpend,
  priceChanges,
  spendTable,
  TICKS_PER_USD,
  yearlyTable,
  yearlyView,
} from '../../src/pricing';
import { DIST, readCode } from '../support/loadBundle';
import { discoverCustomFunctions } from './fuzz/discover';
import { column, row, sheets } from './sheets';

/** The spec's argument lists, typed again by hand: optional ones in brackets, `prices` added last. */
const SPEC: readonly [name: string, args: string][] = [
  ['KLING_CREDITS', 'mode, secs, [audio], [model]'],
  ['KLING_COST', 'mode, secs, audio, plan, [billing], [retake_rate], [model]'],
  ['KLING_VIDEOS', 'plan, mode, secs, [audio], [retake_rate], [model]'],
  ['KLING_IMAGES', 'plan'],
  ['KLING_PLAN', 'plan, [field], [billing]'],
  ['KLING_BEST_PLAN', 'credits_per_month, [billing], [allow_topups]'],
  ['KLING_MONTHLY_COST', 'credits_per_month, [billing], [allow_topups]'],
  ['KLING_API_COST', 'mode, secs, [audio], [model], [provider]'],
  ['KLING_BUDGET', 'modes, secs, audios, counts, [billing], [retake_rate], [model]'],
  ['KLING_PRICES', ''],
  ['KLING_YEARLY', 'credits_per_month, [allow_topups]'],
  ['KLING_SCHEDULE', 'credits_by_month, [billing], [topup_balance]'],
  ['KLING_API_SCHEDULE', 'api_usd_by_month'],
  ['KLING_ACTUALS', 'dates, modes, secs, audios, outcomes, [models]'],
  [
    'KLING_CHANNELS',
    'models, modes, secs, audios, videos_by_month, [billing], [retake_rate], [test_takes], [images_by_month], [credits_per_image], [image_retake_rate], [topup_balance], [detail]',
  ],
  ['KLING_PRICE_CHANGES', 'locked_prices'],
];

/** What each custom function's wrapper hands the bundle first: the spreadsheet's time zone (custom-functions.md, Dates). */
const ZONE_ARGUMENT =
  'KlingCost_.zoneFor_(arguments, function () {\n    return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();\n  })';

function specArgs(args: string): { names: string[]; required: number } {
  const parts = args ? args.split(', ') : [];
  const names = [...parts.map((p) => p.replace(/^\[|\]$/g, '')), 'prices'];
  return { names, required: parts.filter((p) => !p.startsWith('[')).length };
}

const code = readCode();

describe('the argument lists of the spec, everywhere', () => {
  it('(a) dist/Code.js declares every custom function, in the spec order, with exactly these parameters and @param lines', () => {
    const declared = discoverCustomFunctions(code);
    expect(declared.map((f) => f.name)).toEqual(SPEC.map(([name]) => name));
    for (const [name, args] of SPEC) {
      const { names } = specArgs(args);
      expect(declared.find((f) => f.name === name)?.params, name).toEqual(names);
      const at = code.indexOf(`\nfunction ${name}(`);
      const doc = code.slice(code.lastIndexOf('/**', at), at);
      expect(
        [...doc.matchAll(/@param \{\*\} (\w+)/g)].map((m) => m[1]),
        `${name} @param`,
      ).toEqual(names);
      // The wrapper hands the spreadsheet's time zone first, then every argument, in order.
      expect(code.slice(at, code.indexOf('\n}', at))).toContain(`return KlingCost_.${name}(${ZONE_ARGUMENT}, ...arguments);`);
    }
  });

  it('(a) KLING_BEST_PLAN and KLING_MONTHLY_COST say in their help that they answer for one month on its own (schedule.md)', () => {
    for (const name of ['KLING_BEST_PLAN', 'KLING_MONTHLY_COST']) {
      const at = code.indexOf(`\nfunction ${name}(`);
      const description = code.slice(code.lastIndexOf('/**', at), at).split('\n')[1] ?? '';
      expect(description, name).toMatch(/one month on its own/);
    }
  });

  it('(a) the Help page shows each function with the same arguments', () => {
    const help = readFileSync(join(DIST, 'Help.html'), 'utf8');
    for (const [name, args] of SPEC) expect(help, name).toContain(`${name}(${specArgs(args).names.join(', ')})`);
  });

  it('(b) src/contract/signatures.ts holds the same lists, the same required arguments, prices last', () => {
    expect(Object.keys(SIGNATURES)).toEqual(SPEC.map(([name]) => name));
    for (const [name, args] of SPEC) {
      const signature = SIGNATURES[name as keyof typeof SIGNATURES];
      const { names, required } = specArgs(args);
      expect(signature.name).toBe(name);
      expect(signature.params.map((p) => p.name)).toEqual(names);
      expect(signature.required, name).toBe(required);
      expect(usage(signature)).toBe(`${name}(${args ? `${args}, ` : ''}[prices])`);
      expect(positions(signature)).toEqual(Object.fromEntries(names.map((n, i) => [n, i])));
      // Every argument has its help text, and no other.
      expect(Object.keys(SIGNATURE_DOCS[name as keyof typeof SIGNATURE_DOCS].params).sort()).toEqual([...names].sort());
    }
  });

  it('(b) the blank rule reads the arguments the spec names: mode and secs (audio only with them), credits_per_month, plan', () => {
    const rowArgs = (name: keyof typeof SIGNATURES) =>
      (SIGNATURES[name].params as readonly { name: string; row?: boolean }[]).filter((p) => p.row).map((p) => p.name);
    // Audio describes a row only together with mode or secs: alone it never makes a row blank or partly filled.
    for (const name of ['KLING_CREDITS', 'KLING_COST', 'KLING_VIDEOS', 'KLING_API_COST'] as const) {
      expect(rowArgs(name), name).toEqual(['mode', 'secs']);
    }
    for (const name of ['KLING_BEST_PLAN', 'KLING_MONTHLY_COST', 'KLING_YEARLY'] as const)
      expect(rowArgs(name), name).toEqual(['credits_per_month']);
    for (const name of ['KLING_IMAGES', 'KLING_PLAN'] as const) expect(rowArgs(name), name).toEqual(['plan']);
  });
});

describe('(c) each position means what the spec says', () => {
  const s = sheets();
  const engine = new PricingEngine(DEFAULT_PRICE_BOOK);
  const clip = (model: string, mode: Mode, secs: number, audio: AudioOption): Clip => ({ model, mode, secs, audio });

  /** Calls that must fail or give another answer than `expected`. */
  function differs(name: string, args: unknown[], expected: unknown): void {
    let got: unknown;
    try {
      got = s.call(name, ...args);
    } catch {
      return;
    }
    expect(got, `${name}(${JSON.stringify(args)})`).not.toEqual(expected);
  }

  /** Every swap of two positions holding different values fails or changes the answer. */
  function everySwapDiffers(name: string, args: unknown[], expected: unknown): void {
    for (let i = 0; i < args.length; i++) {
      for (let j = i + 1; j < args.length; j++) {
        if (JSON.stringify(args[i]) === JSON.stringify(args[j])) continue;
        const swapped = [...args];
        [swapped[i], swapped[j]] = [swapped[j], swapped[i]];
        differs(name, swapped, expected);
      }
    }
  }

  it('KLING_CREDITS(mode, secs, audio, model)', () => {
    const args = ['pro', 7, 'voice', '3.0'];
    const want = engine.clipCredits(clip('3.0', 'professional', 7, 'voice'));
    expect(want).toBe(98);
    expect(s.call('KLING_CREDITS', ...args)).toBe(want);
    everySwapDiffers('KLING_CREDITS', args, want);
  });

  it('KLING_COST(mode, secs, audio, plan, billing, retake_rate, model): ultra, annual, 0.2 and not the other way round', () => {
    const args: unknown[] = ['pro', 7, true, 'ultra', 'annual', 0.2, '3.0'];
    const want = engine.costPerVideo(clip('3.0', 'professional', 7, 'audio'), 'ultra', 'annual', 0.2);
    expect(want).toBe((84 * 142_999) / (1200 * 26_000 * 0.8));
    expect(s.call('KLING_COST', ...args)).toBe(want);
    // Each argument changed alone changes the answer: every position is read.
    const variants: [number, unknown][] = [
      [0, 'std'],
      [1, 8],
      [2, false],
      [3, 'premier'],
      [4, 'monthly'],
      [5, 0.1],
      [6, '2.6'],
    ];
    for (const [i, value] of variants) {
      const changed = [...args];
      changed[i] = value;
      differs('KLING_COST', changed, want);
    }
    // Plan and billing swapped, or billing and retake rate: an error, never the same figure.
    expect(() => s.call('KLING_COST', 'pro', 7, true, 'annual', 'ultra', 0.2, '3.0')).toThrow(/^plan "annual" is not a Kling plan/);
    expect(() => s.call('KLING_COST', 'pro', 7, true, 'ultra', 0.2, 'annual', '3.0')).toThrow(/^billing 0\.2 is not a billing/);
    everySwapDiffers('KLING_COST', args, want);
  });

  it('KLING_VIDEOS(plan, mode, secs, audio, retake_rate, model)', () => {
    const args = ['premier', 'pro', 7, 'voice', 0.3, '3.0'];
    const want = engine.videosPerMonth(clip('3.0', 'professional', 7, 'voice'), 'premier', 0.3);
    expect(want).toBe(Math.floor(Math.floor(8000 / 98) * 0.7));
    expect(s.call('KLING_VIDEOS', ...args)).toBe(want);
    everySwapDiffers('KLING_VIDEOS', args, want);
  });

  it('KLING_IMAGES(plan) and KLING_PLAN(plan, field, billing)', () => {
    expect(s.call('KLING_IMAGES', 'premier')).toBe(engine.imagesPerMonth('premier'));
    const cases: [PlanId, PlanField, Billing][] = [
      ['ultra', 'cost_per_100', 'intro'],
      ['pro', 'year', 'annual'],
      ['premier', 'price', 'list'],
    ];
    for (const [plan, field, billing] of cases) {
      const want = planFigure(engine.plan(plan), field, billing);
      expect(s.call('KLING_PLAN', plan, field, billing)).toBe(want);
      everySwapDiffers('KLING_PLAN', [plan, field, billing], want);
    }
  });

  it('KLING_BEST_PLAN and KLING_MONTHLY_COST(credits_per_month, billing, allow_topups)', () => {
    const best = engine.bestBundle(2000, 'list', false);
    expect(s.call('KLING_BEST_PLAN', 2000, 'list', false)).toBe(best.label);
    expect(best.label).toBe('Pro');
    expect(s.call('KLING_BEST_PLAN', 2000, 'list', true)).toBe(engine.bestBundle(2000, 'list', true).label);
    const annual = engine.bestBundle(2000, 'annual', false);
    expect(s.call('KLING_MONTHLY_COST', 2000, 'annual', false)).toBe(engine.monthUsd(annual, 'annual'));
    expect(s.call('KLING_MONTHLY_COST', 2000, 'intro', false)).toBe(25.99);
    everySwapDiffers('KLING_BEST_PLAN', [2000, 'list', false], 'Pro');
    everySwapDiffers('KLING_MONTHLY_COST', [2000, 'annual', false], 24.42);
  });

  it('KLING_API_COST(mode, secs, audio, model, provider)', () => {
    const args = ['pro', 7, true, '3.0 Omni'];
    const want = (engine.apiTicks(clip('Kling 3.0 Omni', 'professional', 7, 'audio')) as number) / TICKS_PER_USD;
    expect(want).toBe(0.98);
    expect(s.call('KLING_API_COST', ...args)).toBe(want);
    everySwapDiffers('KLING_API_COST', args, want);
    // The provider, fifth: PiAPI's Kling 4.0, $0.25 a second.
    const resold = ['pro', 7, true, '4.0', 'PiAPI'];
    const atPiApi = (engine.channelTicks(clip('Kling 4.0', 'professional', 7, 'audio'), { provider: 'PiAPI' }) as number) / TICKS_PER_USD;
    expect(atPiApi).toBe(1.75);
    expect(s.call('KLING_API_COST', ...resold)).toBe(atPiApi);
    everySwapDiffers('KLING_API_COST', resold, atPiApi);
  });

  it('KLING_BUDGET(modes, secs, audios, counts, billing, retake_rate, model)', () => {
    const args = [column('pro', 'std'), column(7, 5), column('voice', false), column(3, 2), 'annual', 0.5, '3.0'];
    const summary = budgetSummary(engine, {
      lines: [
        { clip: clip('Kling 3.0', 'professional', 7, 'voice'), count: 3, testTakes: 0 },
        { clip: clip('Kling 3.0', 'standard', 5, 'silent'), count: 2, testTakes: 0 },
      ],
      images: 0,
      billing: 'annual',
      retakeRate: 0.5,
    });
    const table = s.call('KLING_BUDGET', ...args) as unknown[][];
    const value = (label: string) => table.find((r) => r[0] === label)?.[1];
    expect(value('Credits for delivered videos')).toBe(summary.credits);
    expect(summary.credits).toBe(3 * 98 + 2 * 30);
    expect(value('Credits with retakes')).toBe(summary.creditsWithRetakes);
    expect(summary.creditsWithRetakes).toBe(2 * (3 * 98 + 2 * 30));
    expect(value('12-month cost (USD)')).toBe((summary.app.total as Exact).toNumber(TICKS_PER_USD));
    expect(value('Billing')).toBe('annual billing');
    expect(value('Retake rate')).toBe(0.5);
    everySwapDiffers('KLING_BUDGET', args, table);
  });

  it('KLING_CHANNELS(models, modes, secs, audios, videos_by_month, billing, retake_rate, test_takes, images_by_month, credits_per_image, image_retake_rate, topup_balance, detail)', () => {
    const args: unknown[] = [
      column('3.0', '3.0'),
      column('pro', 'std'),
      column(7, 5),
      column(true, true),
      [
        [3, 1, 2],
        [2, 0, 1],
      ],
      'intro',
      column(0.5, 0.2),
      column(1, 0),
      row(1000, 0, 500),
      1,
      0.3,
      250,
    ];
    const work: ChannelWork = {
      shots: [
        { row: 1, clip: clip('Kling 3.0', 'professional', 7, 'audio'), testTakes: 1, retakeRate: 0.5, videos: [3, 1, 2] },
        { row: 2, clip: clip('Kling 3.0', 'standard', 5, 'audio'), testTakes: 0, retakeRate: 0.2, videos: [2, 0, 1] },
      ],
      months: 3,
      images: [1000, 0, 500],
      creditsPerImage: 1,
      imageRetakeRate: 0.3,
      billing: 'intro',
      topupBalance: 250,
    };
    const want = channelsTable(compareChannels(engine, work));
    expect(s.call('KLING_CHANNELS', ...args)).toEqual(want);
    expect(want[1]?.slice(0, 2)).toEqual(['Kling app (intro) (estimate)', 53.59]);
    expect(s.call('KLING_CHANNELS', ...args, 'months')).toEqual(channelMonthsTable(compareChannels(engine, work)));
    // Each argument changed alone changes the answer: every position is read.
    const variants: [number, unknown][] = [
      [0, column('3.0', '2.6')],
      [1, column('std', 'std')],
      [2, column(8, 5)],
      [3, column(false, true)],
      [4, row(3, 1, 2).concat(row(2, 0, 2))],
      [5, 'annual'],
      [6, column(0.7, 0.2)],
      [7, column(2, 0)],
      [8, row(1000, 0, 900)],
      [9, 0.2],
      [10, 0],
      [11, 0],
    ];
    for (const [i, value] of variants) {
      const changed = [...args];
      changed[i] = value;
      differs('KLING_CHANNELS', changed, want);
    }
    everySwapDiffers('KLING_CHANNELS', args, want);
  });

  it('KLING_PRICE_CHANGES(locked_prices)', () => {
    const now = bookToRows(DEFAULT_PRICE_BOOK).map((r) => [...r]);
    const locked = now.map((r) => [...r]);
    (locked.find((r) => r[0] === 'Plan' && r[1] === 'Pro' && r[2] === 'monthly renewal') as unknown[])[3] = 30;
    const want = priceChanges(locked, now);
    expect(want).toEqual([
      ['Section', 'Item', 'Field', 'Locked value', 'Value now'],
      ['Plan', 'Pro', 'monthly renewal', 30, 32.56],
    ]);
    expect(s.call('KLING_PRICE_CHANGES', locked)).toEqual(want);
    // The table in force is the second argument: swapped, the difference goes the other way.
    expect(s.call('KLING_PRICE_CHANGES', now, locked)).toEqual([
      ['Section', 'Item', 'Field', 'Locked value', 'Value now'],
      ['Plan', 'Pro', 'monthly renewal', 32.56, 30],
    ]);
  });

  it('KLING_YEARLY(credits_per_month, allow_topups)', () => {
    const want = yearlyTable(yearlyView(engine, 5000, false));
    expect(s.call('KLING_YEARLY', 5000, false)).toEqual(want);
    expect(s.call('KLING_YEARLY', 5000, true)).not.toEqual(want);
    differs('KLING_YEARLY', [false, 5000], want);
  });

  it('KLING_SCHEDULE(credits_by_month, billing, topup_balance) and KLING_API_SCHEDULE(api_usd_by_month)', () => {
    const want = spendTable(planSpend(engine, [700, 700, 3100], 'intro', { startBalance: 100 }));
    const args = [column(700, 700, 3100), 'intro', 100];
    expect(s.call('KLING_SCHEDULE', ...args)).toEqual(want);
    expect(s.call('KLING_SCHEDULE', column(700, 700, 3100), 'intro', 0)).not.toEqual(want);
    expect(s.call('KLING_SCHEDULE', column(700, 700, 3100), 'monthly', 100)).not.toEqual(want);
    everySwapDiffers('KLING_SCHEDULE', args, want);
    const api = apiSpendTable(planApiSpend(engine.book, [Exact.of(28_000), Exact.ZERO, Exact.of(30_000)]));
    expect(s.call('KLING_API_SCHEDULE', column(2.8, '', 3))).toEqual(api);
  });

  it('KLING_ACTUALS(dates, modes, secs, audios, outcomes, models)', () => {
    // (Text dates: no zone is read.)
    const args = [
      column('2026-11-03', '2026-11-20', '2026-12-01'),
      column('pro', 'std', 'pro'),
      column(10, 5, 7),
      column(true, false, 'voice'),
      column('kept', 'discarded', 'discarded'),
      column('2.6', '2.6', '3.0'),
    ];
    const cells = [0, 1, 2].map((r) => ({
      date: (args[0] as unknown[][])[r]?.[0],
      mode: (args[1] as unknown[][])[r]?.[0],
      secs: (args[2] as unknown[][])[r]?.[0],
      audio: (args[3] as unknown[][])[r]?.[0],
      outcome: (args[4] as unknown[][])[r]?.[0],
      model: (args[5] as unknown[][])[r]?.[0],
    }));
    const want = actualsTable(actualsByMonth(engine, cells, ''));
    const got = s.call('KLING_ACTUALS', ...args) as unknown[][];
    expect(got).toEqual(want);
    // November: 200 + 10 credits; December: 7 s of 3.0 professional with voice control, 98.
    expect(got.map((r) => r[5])).toEqual(['Credits spent', 210, 98, 308]);
    everySwapDiffers('KLING_ACTUALS', args, want);
  });

  it('prices is the last argument of every function, and only there', () => {
    const edited = bookToRows(DEFAULT_PRICE_BOOK).map((r) => [...r]);
    const standard = edited.find((r) => r[0] === 'Plan' && r[1] === 'Standard' && r[2] === 'credits per month') as unknown[];
    standard[3] = 600;
    const proPrice = edited.find((r) => r[0] === 'Plan' && r[1] === 'Pro' && r[2] === 'monthly renewal') as unknown[];
    proPrice[3] = 40;
    // For each function, arguments that fill every position before `prices`.
    const calls: Record<string, unknown[]> = {
      KLING_CREDITS: ['std', 5, false, '2.6'],
      KLING_COST: ['std', 5, false, 'pro', 'monthly', 0, '2.6'],
      KLING_VIDEOS: ['standard', 'std', 5, false, 0, '2.6'],
      KLING_IMAGES: ['standard'],
      KLING_PLAN: ['standard', 'credits', 'monthly'],
      KLING_BEST_PLAN: [2000, 'monthly', true],
      KLING_MONTHLY_COST: [2000, 'monthly', true],
      KLING_API_COST: ['std', 5, false, '2.6', 'Kling'],
      KLING_BUDGET: [column('std'), column(5), column(false), column(200), 'monthly', 0, '2.6'],
      KLING_PRICES: [],
      KLING_YEARLY: [2000, true],
      KLING_SCHEDULE: [column(2000), 'monthly', 0],
      KLING_API_SCHEDULE: [column(5)],
      KLING_ACTUALS: [column('2026-11-03'), column('std'), column(5), column(false), column('kept'), '2.6'],
      // 990 credits in one month: Standard + 330-credit pack, or with 600 plan credits a 660-credit pack.
      KLING_CHANNELS: ['2.6', 'std', 5, false, [[99]], 'monthly', 0, 0, '', '', '', 0, ''],
      KLING_PRICE_CHANGES: [bookToRows(DEFAULT_PRICE_BOOK)],
    };
    for (const [name, args] of SPEC) {
      const before = calls[name] as unknown[];
      expect(before, name).toHaveLength(specArgs(args).names.length - 1);
      const plain = s.call(name, ...before);
      expect(s.call(name, ...before, bookToRows(DEFAULT_PRICE_BOOK)), `${name} with the default table`).toEqual(plain);
      const changed = s.call(name, ...before, edited);
      // Credits and the API do not depend on plans: their table is still read (a broken one fails).
      if (!['KLING_CREDITS', 'KLING_API_COST', 'KLING_API_SCHEDULE', 'KLING_ACTUALS'].includes(name)) {
        expect(changed, `${name} follows the edited table`).not.toEqual(plain);
      }
      const broken = edited.map((r) => [...r]);
      (broken[3] as unknown[])[3] = 'oops';
      expect(() => s.call(name, ...before, broken), `${name} reads its last argument as the table`).toThrow(
        /^prices row 4, column D \(Value\)/,
      );
    }
  });
});
