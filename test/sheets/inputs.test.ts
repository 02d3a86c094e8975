/**
 * The names users type (custom-functions.md, "Inputs"): every alias of the spec, any case, spaces
 * around ignored; `voice` wherever the book prices voice control and refused where it does not;
 * and the "looks like" hints when a call fails and its values look like another argument's.
 */
import { describe, expect, it } from 'vitest';
import { column, sheets } from './sheets';

const s = sheets();

/** Every spelling of the spec, then the same in other cases and with spaces around. */
function spellings(...names: string[]): string[] {
  return names.flatMap((n) => [n, n.toUpperCase(), `  ${n[0]?.toUpperCase()}${n.slice(1)} `, `\t${n}\n`]);
}

describe('aliases of the spec', () => {
  it('mode: standard (std, 720p), professional (pro, 1080p), 4k', () => {
    for (const mode of spellings('standard', 'std', '720p')) expect(s.call('KLING_CREDITS', mode, 5), mode).toBe(10);
    for (const mode of spellings('professional', 'pro', '1080p')) expect(s.call('KLING_CREDITS', mode, 5), mode).toBe(35);
    for (const mode of spellings('4k')) expect(s.call('KLING_CREDITS', mode, 5, false, '3.0'), mode).toBe(150);
  });

  it('plan: free (basic, easy), standard, pro (professional), premier, ultra', () => {
    for (const plan of spellings('free', 'basic', 'easy', 'Easy')) expect(s.call('KLING_PLAN', plan, 'credits'), plan).toBe(1980);
    for (const plan of spellings('standard')) expect(s.call('KLING_PLAN', plan), plan).toBe(8.8);
    for (const plan of spellings('pro', 'professional')) expect(s.call('KLING_PLAN', plan), plan).toBe(32.56);
    for (const plan of spellings('premier')) expect(s.call('KLING_PLAN', plan), plan).toBe(80.96);
    for (const plan of spellings('ultra')) expect(s.call('KLING_PLAN', plan), plan).toBe(159.99);
    // The guide's name for the free plan, in every function that takes a plan.
    expect(s.call('KLING_COST', 'std', 5, false, 'Easy')).toBe(0);
    expect(s.call('KLING_VIDEOS', 'easy', 'std', 5)).toBe(180);
    expect(s.call('KLING_IMAGES', 'Easy')).toBe(9900);
    expect(s.call('KLING_VIDEOS', 'professional', 'pro', 10, true)).toBe(15);
  });

  it('billing: monthly (monthly renewal, renewal), intro (first_month, first month, first-month), annual (yearly, annually), list', () => {
    const price = (billing: unknown) => s.call('KLING_PLAN', 'pro', 'price', billing);
    for (const b of spellings('monthly', 'monthly renewal', 'renewal')) expect(price(b), b).toBe(32.56);
    for (const b of spellings('intro', 'first_month', 'first month', 'first-month')) expect(price(b), b).toBe(25.99);
    for (const b of spellings('annual', 'yearly', 'annually')) expect(price(b), b).toBe(29_304 / 1200);
    for (const b of spellings('list')) expect(price(b), b).toBe(37);
    // Every function that takes a billing reads the same names.
    expect(s.call('KLING_MONTHLY_COST', 700, 'annually')).toBe(11.6);
    expect(s.call('KLING_MONTHLY_COST', 700, 'first-month')).toBe(11.99);
    expect(s.call('KLING_BEST_PLAN', 2000, 'Monthly Renewal')).toBe('Pro');
    expect(s.call('KLING_COST', 'pro', 5, false, 'pro', 'first-month')).toBe((35 * 31_188) / (1200 * 3000));
    const schedule = s.call('KLING_SCHEDULE', column(700, 700), 'first-month') as unknown[][];
    // Month 1: Standard at its first-month price and the 330-credit pack both months need.
    expect(schedule[1]?.[8]).toBe(11.99);
    expect(schedule[2]?.[8]).toBe(8.8);
    const budget = s.call('KLING_BUDGET', 'std', 5, false, 70, 'annually', 0) as unknown[][];
    expect(budget.find((r) => r[0] === 'Billing')?.[1]).toBe('annual billing');
  });

  it('model: 2.6 (the default) and 3.0, by X, Kling X and the number', () => {
    for (const model of ['', undefined, '2.6', 2.6, 'Kling 2.6', 'kling 2.6', ' KLING 2.6 '])
      expect(s.call('KLING_CREDITS', 'pro', 10, false, model), String(model)).toBe(70);
    for (const model of ['3.0', '3', 3, 'Kling 3.0', 'kling 3', 'KLING 3.0', ' Kling  3.0 '])
      expect(s.call('KLING_CREDITS', 'pro', 10, false, model), String(model)).toBe(80);
    for (const model of ['3.0 Turbo', 'Kling 3.0 Turbo', 'kling 3.0 turbo', ' 3.0  TURBO '])
      expect(s.call('KLING_API_COST', 'pro', 10, false, model), String(model)).toBe(1.4);
    for (const model of ['2.5 turbo', 'Kling 2.5 Turbo'])
      expect(s.call('KLING_API_COST', 'std', 5, false, model), String(model)).toBe(0.21);
    // O1 per clip on Kling's API; 4.0 and 4.0 Flash at their resellers, 4.0 also as the number 4.
    for (const model of ['O1', 'o1', 'Kling O1', ' KLING O1 ']) expect(s.call('KLING_API_COST', 'pro', 10, false, model), model).toBe(1.12);
    for (const model of ['4.0', '4', 4, 'Kling 4.0', ' kling 4 '])
      expect(s.call('KLING_API_COST', 'std', 10, true, model, 'fal'), String(model)).toBe(1.57);
    for (const model of ['4.0 Flash', 'Kling 4.0 Flash', 'kling 4.0 flash'])
      expect(s.call('KLING_API_COST', 'std', 10, true, model, 'PiAPI'), model).toBe(1);
    expect(s.call('KLING_COST', 'pro', 10, false, 'pro', '', '', 'Kling 3.0')).toBe((80 * 39_072) / (1200 * 3000));
    expect(s.call('KLING_VIDEOS', 'pro', 'pro', 10, false, '', 'Kling 3.0')).toBe(37);
  });

  it('audio: TRUE/FALSE, 1/0, yes/no, true/false; an empty cell is FALSE', () => {
    for (const audio of [true, 1, '1', ...spellings('yes', 'true')])
      expect(s.call('KLING_CREDITS', 'std', 5, audio), String(audio)).toBe(50);
    for (const audio of [false, 0, '0', '', undefined, null, ...spellings('no', 'false')])
      expect(s.call('KLING_CREDITS', 'std', 5, audio), String(audio)).toBe(10);
  });
});

describe('audio "voice": native audio with voice control, wherever the book prices it', () => {
  it('in the app: Kling 3.0 at its full price, 11 / 14 credits a second', () => {
    for (const voice of spellings('voice', 'voice control', 'with voice control')) {
      expect(s.call('KLING_CREDITS', 'std', 10, voice, '3.0'), voice).toBe(110);
      expect(s.call('KLING_CREDITS', 'pro', 10, voice, '3.0'), voice).toBe(140);
    }
    expect(s.call('KLING_COST', 'pro', 5, 'voice', 'pro', '', '', 3)).toBe((70 * 39_072) / (1200 * 3000));
    expect(s.call('KLING_VIDEOS', 'standard', 'std', 3, 'voice', '', 3)).toBe(20);
    const budget = s.call(
      'KLING_BUDGET',
      column('pro', 'std'),
      column(10, 3),
      column('voice', 'Voice'),
      column(2, 1),
      '',
      0,
      '3.0',
    ) as unknown[][];
    expect(budget.find((r) => r[0] === 'Credits for delivered videos')?.[1]).toBe(2 * 140 + 33);
    const actuals = s.call(
      'KLING_ACTUALS',
      column('2026-11-02'),
      column('pro'),
      column(10),
      column('voice'),
      column('kept'),
      '3.0',
    ) as unknown[][];
    expect(actuals[1]?.[5]).toBe(140);
  });

  it('on the API: Kling 2.6 professional with voice control, $0.84 / $1.68', () => {
    expect(s.call('KLING_API_COST', 'pro', 5, 'voice')).toBe(0.84);
    expect(s.call('KLING_API_COST', 'pro', 10, 'Voice Control')).toBe(1.68);
    expect(s.call('KLING_API_COST', 'pro', 10, true)).toBe(1.4);
  });

  it('refused where the book has no voice control row, naming what the model offers', () => {
    expect(s.error('KLING_CREDITS', 'pro', 10, 'voice').message).toBe(
      'audio "voice": Kling 2.6 offers no professional clip with voice control; use audio FALSE or TRUE',
    );
    expect(s.error('KLING_CREDITS', '4k', 10, 'voice', '3.0').message).toBe(
      'audio "voice": Kling 3.0 offers no 4k clip with voice control; use audio FALSE or TRUE, or standard or professional with voice control',
    );
    expect(s.error('KLING_API_COST', 'std', 10, 'voice').message).toBe(
      'audio "voice": Kling\'s API for Kling 2.6 offers no standard clip with voice control; use audio FALSE, or professional with voice control',
    );
    expect(s.error('KLING_API_COST', 'pro', 10, 'voice', '3.0').message).toBe(
      'audio "voice": Kling\'s API for Kling 3.0 offers no professional clip with voice control; use audio FALSE or TRUE',
    );
    expect(s.error('KLING_API_COST', 'pro', 10, 'voice', '2.5 Turbo').message).toMatch(
      /^audio "voice": Kling's API for Kling 2\.5 Turbo offers no professional clip with voice control; use audio FALSE$/,
    );
    expect(s.error('KLING_COST', 'pro', 10, 'voice', 'pro').message).toMatch(
      /^audio "voice": Kling 2\.6 offers no professional clip with voice control/,
    );
    // In a shot list the app's rows say so, and Kling's API, which sells 2.6 with voice control, still answers.
    const budget = s.call('KLING_BUDGET', 'pro', 10, 'voice', 1) as unknown[][];
    expect(budget.find((r) => r[0] === 'Credits with retakes')?.[1]).toBe(
      'n/a: row 1 (Kling 2.6 professional 10 s with voice control): audio "voice": Kling 2.6 offers no professional clip with voice control; use audio FALSE or TRUE',
    );
    expect(budget.find((r) => r[0] === 'Kling API, 12 months with prepaid packs (USD, estimate)')?.[1]).toBe(1400);
    // At a reseller: fal's Kling 4.0 has no voice control.
    expect(s.error('KLING_API_COST', 'pro', 10, 'voice', '4.0', 'fal').message).toBe(
      'audio "voice": fal for Kling 4.0 offers no professional clip with voice control; use audio TRUE',
    );
  });
});

describe("when a call fails and its values look like another argument's, the message says so", () => {
  const COST = 'KLING_COST(mode, secs, audio, plan, [billing], [retake_rate], [model], [prices])';
  const VIDEOS = 'KLING_VIDEOS(plan, mode, secs, [audio], [retake_rate], [model], [prices])';

  it('billing 0.2 (or 20%) looks like a retake rate', () => {
    expect(s.error('KLING_COST', 'pro', 10, true, 'standard', 0.2).message).toBe(
      `billing 0.2 is not a billing; use monthly, intro (first month), annual or list (0.2 looks like the retake_rate argument, number 6 of ${COST})`,
    );
    expect(s.error('KLING_COST', 'pro', 10, true, 'standard', '20%').message).toMatch(
      /\("20%" looks like the retake_rate argument, number 6 of /,
    );
    // The same hint in the ERROR text of a range call.
    const result = s.call('KLING_COST', 'pro', 10, true, 'standard', column('monthly', 0.2)) as unknown[][];
    expect(result[1]?.[0]).toBe(
      `ERROR: billing 0.2 is not a billing; use monthly, intro (first month), annual or list (0.2 looks like the retake_rate argument, number 6 of ${COST})`,
    );
  });

  it('a billing or a model one place off', () => {
    expect(s.error('KLING_COST', 'pro', 10, true, 'monthly').message).toBe(
      `plan "monthly" is not a Kling plan; use free, standard, pro, premier or ultra ("monthly" looks like the billing argument, number 5 of ${COST})`,
    );
    expect(s.error('KLING_COST', 'pro', 10, true, 'standard', 'monthly', 'annual').message).toMatch(
      /\("annual" looks like the billing argument, number 5 of /,
    );
    expect(s.error('KLING_CREDITS', 'pro', 10, '3.0').message).toMatch(/\("3\.0" looks like the model argument, number 4 of KLING_CREDITS/);
    expect(s.error('KLING_PLAN', 'pro', 'annual').message).toMatch(
      /\("annual" looks like the billing argument, number 3 of KLING_PLAN\(plan, \[field\], \[billing\], \[prices\]\)\)$/,
    );
  });

  it("a KLING_VIDEOS call in KLING_COST's order, and the other way round, says so", () => {
    expect(s.error('KLING_VIDEOS', 'pro', 10, true, 'standard').message).toBe(
      `mode 10 is not a Kling mode; use standard, professional or 4k (these arguments fit ${COST}; this is ${VIDEOS})`,
    );
    // Its later arguments fail (0.2 read as a model, "3.0" as the price table) but fit KLING_COST's order.
    expect(s.error('KLING_VIDEOS', 'pro', 10, true, 'standard', '', 0.2, '3.0').message).toMatch(
      new RegExp(`\\(these arguments fit ${COST.replace(/[()[\]]/g, '\\$&')}; this is `),
    );
    expect(s.error('KLING_COST', 'pro', 'std', 5, true).message).toBe(
      `secs "std" is not a number; use 5 or 10 (Kling 2.6) (these arguments fit ${VIDEOS}; this is ${COST})`,
    );
  });

  it('no hint when nothing fits: the message alone', () => {
    expect(s.error('KLING_COST', 'pro', 10, true, 'standard', 'weekly').message).toBe(
      'billing "weekly" is not a billing; use monthly, intro (first month), annual or list',
    );
    expect(s.error('KLING_VIDEOS', 'gold', 'std', 5).message).toBe(
      'plan "gold" is not a Kling plan; use free, standard, pro, premier or ultra',
    );
  });
});
