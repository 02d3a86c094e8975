/** KLING_BUDGET and KLING_PRICES through dist/Code.js. */
import { describe, expect, it } from 'vitest';
import { bookToRows, DEFAULT_PRICE_BOOK } from '../../src/pricing';
import type { ScheduleBilling } from '../../src/pricing/schedule';
import { DEFAULT_PACKS, DEFAULT_PLANS } from '../support/scheduleBook';
import { YearReference } from '../support/yearReference';
import { column, sheets, wholeColumn } from './sheets';

const s = sheets();

/** The budget table as { label: value }. */
function budget(...args: unknown[]): Record<string, unknown> {
  const table = s.call('KLING_BUDGET', ...args) as unknown[][];
  for (const line of table) expect(line).toHaveLength(2);
  return Object.fromEntries(table.map(([label, value]) => [label as string, value]));
}

const years = new YearReference(DEFAULT_PLANS, DEFAULT_PACKS, 30_000);

/** The 12-month cost of the reference for a monthly need, in USD. */
const yearUsd = (need: number, billing: ScheduleBilling = 'monthly') => Number(years.cents(need, billing)) / 100;

/** The rows of KLING_BUDGET (custom-functions.md): exactly these 18, in this order. */
const LABELS = [
  'Videos per month',
  'Credits for delivered videos',
  'Retake rate',
  'Credits with retakes',
  'Best option (one month on its own)',
  'Monthly cost (USD)',
  '12-month cost (USD)',
  'Average month over 12 months (USD)',
  'Cost per delivered video (USD)',
  '12-month schedule',
  'Kling API, 12 months with prepaid packs (USD, estimate)',
  'Kling API packs assumed',
  'Cheapest reseller, 12 months (USD)',
  'Cheapest reseller',
  'Cheapest channel over 12 months',
  'Not compared',
  'Billing',
  'Model',
];

/** A reseller's reason for a clip of a model it does not sell, as Not compared names it. */
const notSold = (channel: string, k: number, clip: string) => `${channel} (row ${k} (${clip}) is not sold there)`;
const NO_RESELLER_26 = (k: number, clip: string) =>
  ['fal (pay as you go) (estimate)', 'Replicate (pay as you go) (estimate)', 'PiAPI (pay as you go) (estimate)']
    .map((channel) => notSold(channel, k, clip))
    .join('; ');

describe('KLING_BUDGET', () => {
  it('a two-column table of exactly the 18 rows of the spec, in their order, whatever the list', () => {
    const lists: unknown[][] = [
      [column('std', 'pro'), column(5, 10), column(false, true), column(50, 2)],
      ['pro', 10, true, 10, '', 0, '4.0'],
      [column('std', 'pro'), column(5, 10), column(false, false), column(0, 0), 'cheapest'],
      ['pro', 10, true, 1_000_000],
    ];
    for (const args of lists) {
      const table = s.call('KLING_BUDGET', ...args) as unknown[][];
      expect(table.map((r) => r[0])).toEqual(LABELS);
      for (const line of table) expect(line).toHaveLength(2);
    }
  });

  it("the README's example: 2 professional 10 s clips with audio and 10 standard 5 s clips a month, 500 credits, 625 with retakes at 20 %", () => {
    const table = s.call('KLING_BUDGET', column('pro', 'std'), column(10, 5), column(true, false), column(2, 10)) as unknown[][];
    expect(table).toEqual([
      ['Videos per month', 12],
      ['Credits for delivered videos', 2 * 200 + 10 * 10],
      ['Retake rate', 0.2],
      ['Credits with retakes', 625],
      ['Best option (one month on its own)', 'Standard'],
      ['Monthly cost (USD)', 8.8],
      ['12-month cost (USD)', 105.6],
      ['Average month over 12 months (USD)', 8.8],
      ['Cost per delivered video (USD)', 10_560 / (100 * 144)],
      ['12-month schedule', '12 x Standard'],
      // 2 x $1.40 + 10 x $0.21 = $4.90 a month, / 0.8: 43.75 units a month, 262.5 a 6-month window.
      ['Kling API, 12 months with prepaid packs (USD, estimate)', 1400],
      ['Kling API packs assumed', '2 x 5,000-unit pack'],
      ['Cheapest reseller, 12 months (USD)', 'n/a: no reseller in the price book sells Kling 2.6'],
      ['Cheapest reseller', 'n/a: no reseller in the price book sells Kling 2.6'],
      // Kling 2.6's credits are the guide's, not official: the app's label says estimate.
      ['Cheapest channel over 12 months', 'Kling app (monthly) (estimate)'],
      ['Not compared', NO_RESELLER_26(1, 'Kling 2.6 professional 10 s with audio')],
      ['Billing', 'monthly renewal'],
      ['Model', 'Kling 2.6'],
    ]);
    expect(yearUsd(625)).toBe(105.6);
  });

  it('billing "cheapest": the one-month rows use monthly, the 12-month rows the cheapest billing, named', () => {
    const b = budget(column('pro', 'std'), column(10, 5), column(true, false), column(2, 10), 'cheapest');
    expect(b['Best option (one month on its own)']).toBe('Standard');
    expect(b['Monthly cost (USD)']).toBe(8.8);
    expect(b['12-month cost (USD)']).toBe(79.2);
    expect(b['12-month cost (USD)']).toBe(yearUsd(625, 'annual'));
    expect(b['Average month over 12 months (USD)']).toBe(6.6);
    expect(b['Cost per delivered video (USD)']).toBe(7920 / (100 * 144));
    expect(b['12-month schedule']).toBe('12 x Standard');
    expect(b['Cheapest channel over 12 months']).toBe('Kling app (annual) (estimate)');
    expect(b.Billing).toBe('annual billing');
    // channels.md example 4 as a budget: 3 of its clips a month at 20 %, fal is cheapest.
    const four = budget('pro', 10, true, 3, 'cheapest', 0.2, '3.0');
    expect(four['Credits with retakes']).toBe(450);
    expect(four['12-month cost (USD)']).toBe(79.2);
    expect(four['Cheapest reseller, 12 months (USD)']).toBe(75.6);
    expect(four['Cheapest reseller']).toBe('fal (pay as you go) (estimate)');
    expect(four['Cheapest channel over 12 months']).toBe('fal (pay as you go) (estimate)');
    expect(four['Not compared']).toBe(
      'PiAPI (pay as you go) (estimate) (row 1 (Kling 3.0 professional 10 s with audio) is not sold there)',
    );
    expect(four.Billing).toBe('annual billing');
  });

  it('a Kling 4.0 row is valid: the app rows n/a naming the row, the channel rows computed', () => {
    const noApp = 'n/a: row 1 (Kling 4.0 professional 10 s with audio) has no app credits in the price book';
    const table = s.call('KLING_BUDGET', 'pro', 10, true, 10, '', 0, '4.0') as unknown[][];
    expect(table).toEqual([
      ['Videos per month', 10],
      ['Credits for delivered videos', noApp],
      ['Retake rate', 0],
      ['Credits with retakes', noApp],
      ['Best option (one month on its own)', noApp],
      ['Monthly cost (USD)', noApp],
      ['12-month cost (USD)', noApp],
      ['Average month over 12 months (USD)', noApp],
      ['Cost per delivered video (USD)', noApp],
      ['12-month schedule', noApp],
      ['Kling API, 12 months with prepaid packs (USD, estimate)', 'n/a: row 1 (Kling 4.0 professional 10 s with audio) is not sold there'],
      ['Kling API packs assumed', ''],
      // fal: 10 x $2.35 x 12; PiAPI: 10 x $2.50 x 12 = $300.
      ['Cheapest reseller, 12 months (USD)', 282],
      ['Cheapest reseller', 'fal (pay as you go) (estimate)'],
      ['Cheapest channel over 12 months', 'fal (pay as you go) (estimate)'],
      [
        'Not compared',
        [
          'Kling app (monthly) (row 1 (Kling 4.0 professional 10 s with audio) has no app credits in the price book)',
          notSold('Kling API (prepaid packs) (estimate)', 1, 'Kling 4.0 professional 10 s with audio'),
          notSold('Replicate (pay as you go) (estimate)', 1, 'Kling 4.0 professional 10 s with audio'),
        ].join('; '),
      ],
      ['Billing', 'monthly renewal'],
      ['Model', 'Kling 4.0'],
    ]);
    // Beside a 2.6 row: the app rows name the 4.0 row by its place in the shot list.
    const mixed = budget(column('std', 'pro'), column(5, 10), column(false, true), column(10, 2), '', 0, column('2.6', '4.0'));
    expect(mixed['Credits with retakes']).toBe('n/a: row 2 (Kling 4.0 professional 10 s with audio) has no app credits in the price book');
    expect(mixed['Videos per month']).toBe(12);
    expect(mixed.Model).toBe('Kling 2.6, Kling 4.0');
  });

  it('"Not compared" is blank when every channel has a figure', () => {
    // A price table where PiAPI also sells Kling 3.0 professional with audio: every channel makes the list.
    const reseller = (item: string, field: string, value: number) => [
      'Reseller PiAPI, Kling 3.0',
      item,
      field,
      value,
      '',
      'third-party',
      'a test',
      '2026-12-06',
    ];
    const table = [
      ...bookToRows(DEFAULT_PRICE_BOOK),
      reseller('professional with audio', 'USD per second', 0.2),
      reseller('shortest clip', 'seconds', 3),
      reseller('longest clip', 'seconds', 15),
    ];
    const b = budget('pro', 10, true, 4, '', 0, '3.0', table);
    expect(b['Not compared']).toBe('');
    // channels.md example 1: fal at $80.64, Replicate $120.96, PiAPI 48 x $2.00 = $96.
    expect(b['Cheapest reseller, 12 months (USD)']).toBe(80.64);
    expect(b['Cheapest channel over 12 months']).toBe('fal (pay as you go) (estimate)');
  });

  it('credits, retakes (default 20 %), best option for one month, 12 months from the schedule, the average month and the API', () => {
    // 50 x 10 + 2 x 200 = 900 credits; / 0.8 = 1,125: one month on its own, Standard + 660 pack ($18.80).
    const b = budget(column('std', 'pro'), column(5, 10), column(false, true), column(50, 2));
    expect(b['Videos per month']).toBe(52);
    expect(b['Credits for delivered videos']).toBe(900);
    expect(b['Retake rate']).toBe(0.2);
    expect(b['Credits with retakes']).toBe(1125);
    expect(b['Best option (one month on its own)']).toBe('Standard + 660-credit pack');
    expect(b['Monthly cost (USD)']).toBe(18.8);
    // 12 months: Standard every month ($105.60) and 12 x 465 = 5,580 top-up credits carried over,
    // 3,500 + 1,320 + 660 + 330 for $85: $190.60, not 12 x $18.80 = $225.60.
    expect(b['12-month cost (USD)']).toBe(190.6);
    expect(b['12-month cost (USD)']).toBe(yearUsd(1125));
    expect(b['12-month schedule']).toBe('12 x Standard + 3,500-credit pack + 1,320-credit pack + 660-credit pack + 330-credit pack');
    expect(b['Average month over 12 months (USD)']).toBe(19_060 / 1200);
    expect(b['Cost per delivered video (USD)']).toBe(19_060 / (1200 * 52));
    // The API: 50 x $0.21 + 2 x $1.40 = $13.30 a month, / 0.8 = $16.625: 118.75 units, 712.5 a window.
    expect(b['Kling API, 12 months with prepaid packs (USD, estimate)']).toBe(1400);
    expect(b['Kling API packs assumed']).toBe('2 x 5,000-unit pack');
    expect(b['Cheapest channel over 12 months']).toBe('Kling app (monthly) (estimate)');
    expect(b.Billing).toBe('monthly renewal');
    expect(b.Model).toBe('Kling 2.6');
  });

  it('"need 500 credits": 625 with retakes at the default 20 %, never 600 (x 1.2)', () => {
    const b = budget('std', 10, true, 5);
    expect(b['Credits for delivered videos']).toBe(500);
    expect(b['Credits with retakes']).toBe(625);
    expect(b['Best option (one month on its own)']).toBe('Standard');
    expect(b['12-month cost (USD)']).toBe(105.6);
  });

  it('the retake rate as 0.1, "10%", 0 or an empty cell (the default 0.2): credits / (1 - r), rounded up by the counts rule, exact', () => {
    const args = [column('std', ''), column(5, ''), column(true, false), column(30, '')]; // 1,500 credits
    expect(budget(...args, 'monthly', 0.1)['Credits with retakes']).toBe(1667);
    expect(budget(...args, 'monthly', '10%')['Credits with retakes']).toBe(1667);
    expect(budget(...args, 'monthly', 0)['Credits with retakes']).toBe(1500);
    expect(budget(...args, 'monthly', '')['Credits with retakes']).toBe(1875);
    expect(budget(...args)['Credits with retakes']).toBe(1875);
    expect(budget(...args, 'monthly', '33%')['Credits with retakes']).toBe(2239);
    // A rate is read to 6 decimals: 1/3 is 0.333333, 1,500 / 0.666667 = 2,249.9989 -> 2,250.
    expect(budget(...args, 'monthly', 1 / 3)['Credits with retakes']).toBe(2250);
    // The guide's "20 % buffer" is a retake rate of 1/6; read as 0.166667 it needs 1,800.0007 -> 1,801.
    expect(budget(...args, 'monthly', 1 / 6)['Credits with retakes']).toBe(1801);
    expect(budget(...args, 'monthly', 0.2)['Retake rate']).toBe(0.2);
    expect(budget(...args, 'monthly', '10%')['Retake rate']).toBe(0.1);
  });

  it('billing and a single model apply to the whole list', () => {
    const b = budget(column('4k', 'pro'), column(15, 3), column(true, false), column(10, 100), 'annual', 0, '3.0');
    // 10 x 450 + 100 x 24 = 6,900 credits.
    expect(b['Credits for delivered videos']).toBe(6900);
    expect(b['Credits with retakes']).toBe(6900);
    // Annual: Premier alone ($60.72) beats Pro + 3,500 + 660 packs ($24.42 + $60).
    expect(b['Best option (one month on its own)']).toBe('Premier');
    expect(b['Monthly cost (USD)']).toBe(60.72);
    expect(b['12-month cost (USD)']).toBe(728.64);
    expect(b['12-month cost (USD)']).toBe(yearUsd(6900, 'annual'));
    expect(b['Average month over 12 months (USD)']).toBe(60.72);
    // fal sells every clip of the list: 10 x 15 s x $0.42 + 100 x 3 s x $0.112 = $96.60 a month.
    expect(b['Cheapest reseller, 12 months (USD)']).toBe(1159.2);
    expect(b['Cheapest reseller']).toBe('fal (pay as you go) (estimate)');
    expect(b['Cheapest channel over 12 months']).toBe('Kling app (annual) (estimate)');
    expect(b['Not compared']).toBe(
      'Replicate (pay as you go) (estimate) (row 1 (Kling 3.0 4k 15 s with audio): mode "4k" is not offered by Replicate for Kling 3.0; use professional); ' +
        'PiAPI (pay as you go) (estimate) (row 1 (Kling 3.0 4k 15 s with audio) is not sold there)',
    );
    expect(b.Model).toBe('Kling 3.0');
    expect(b.Billing).toBe('annual billing');
    for (const billing of ['intro', 'first month', 'first-month', 'first_month']) {
      expect(budget('std', 5, false, 70, billing, 0)['12-month cost (USD)'], billing).toBe(113.79);
    }
  });

  it('the model may be a range of the shot list: each row its own model, voice control where priced', () => {
    const b = budget(
      column('std', 'pro', 'pro'),
      column(5, 10, 10),
      column(false, true, 'voice'),
      column(5, 2, 3),
      '',
      0,
      column('2.6', 'Kling 3.0', 3),
    );
    // 5 x 10 + 2 x 120 + 3 x 140 = 710 credits.
    expect(b['Credits for delivered videos']).toBe(710);
    expect(b['Best option (one month on its own)']).toBe('Standard + 330-credit pack');
    expect(b['12-month cost (USD)']).toBe(115.6);
    expect(b.Model).toBe('Kling 2.6, Kling 3.0');
    // 3.0 on the API has no voice control: no API figure, with the reason, never a partial sum.
    expect(b['Kling API, 12 months with prepaid packs (USD, estimate)']).toBe(
      `n/a: row 3 (Kling 3.0 professional 10 s with voice control): audio "voice": Kling's API for Kling 3.0 offers no professional clip with voice control; use audio FALSE or TRUE`,
    );
    expect(b['Kling API packs assumed']).toBe('');
    expect(b['Not compared']).toMatch(
      /^Kling API \(prepaid packs\) \(estimate\) \(row 3 \(Kling 3\.0 professional 10 s with voice control\): /,
    );
    // A blank model cell is the default model; a model range of another size is an error.
    expect(
      budget(column('std', 'pro'), column(5, 5), column(false, false), column(1, 1), '', 0, column('', 3))['Credits for delivered videos'],
    ).toBe(10 + 40);
    expect(
      s.error('KLING_BUDGET', column('std', 'pro'), column(5, 5), column(false, false), column(1, 1), '', 0, column('', 3, 3)).message,
    ).toBe('model has 3 x 1 cells but modes has 2 x 1; give the shot list as ranges of the same rows');
  });

  it('"Cheapest reseller" never says that no reseller sells a model some reseller sells', () => {
    // fal and Replicate sell Kling 3.0; no reseller sells Kling 2.6: only 2.6 is unsold.
    const b = budget(column('std', 'pro'), column(5, 10), column(false, true), column(5, 2), '', 0, column('2.6', '3.0'));
    expect(b['Cheapest reseller']).toBe('n/a: no reseller in the price book sells Kling 2.6');
    expect(b['Cheapest reseller, 12 months (USD)']).toBe('n/a: no reseller in the price book sells Kling 2.6');
  });

  it('every model sold by some reseller, none selling the whole list: each reseller says why', () => {
    // Kling 3.0 (fal, Replicate) and Kling 4.0 Flash (PiAPI only): no reseller makes both rows.
    const b = budget(column('std', 'std'), column(5, 5), column(false, true), column(2, 2), '', 0, column('3.0', '4.0 Flash'));
    const why = b['Cheapest reseller'];
    expect(why).toMatch(/^n\/a: no reseller can make this list \(fal \(pay as you go\) \(estimate\) \(row 2 /);
    expect(why).toContain(
      'Replicate (pay as you go) (estimate) (row 1 (Kling 3.0 standard 5 s): mode "standard" is not offered by Replicate',
    );
    expect(why).toContain('PiAPI (pay as you go) (estimate) (row 1 (Kling 3.0 standard 5 s) is not sold there)');
    expect(b['Cheapest reseller, 12 months (USD)']).toBe(why);
  });

  it('a model range with single values for the rest: every row is the same shot on its own model, none skipped', () => {
    // =KLING_BUDGET("pro", 10, TRUE, 2, , , E2:E3): 2 x 200 (2.6) + 2 x 120 (3.0).
    const b = budget('pro', 10, true, 2, '', 0, column('2.6', '3.0'));
    expect(b['Videos per month']).toBe(4);
    expect(b['Credits for delivered videos']).toBe(640);
    expect(b.Model).toBe('Kling 2.6, Kling 3.0');
    // A blank model cell is the default model, not a blank row.
    expect(budget('pro', 10, true, 2, '', 0, column('', '3.0'))['Credits for delivered videos']).toBe(640);
    // Single values all blank: nothing to budget, whatever the model range holds.
    expect(budget('', '', '', '', '', 0, column('2.6', '3.0'))['Credits for delivered videos']).toBe(0);
  });

  it('a row the API cannot make: n/a with the reason (2.6 standard with audio), the app figures as usual', () => {
    const b = budget(column('pro', 'std'), column(10, 10), column(false, true), column(4, 3));
    expect(b['Kling API, 12 months with prepaid packs (USD, estimate)']).toBe(
      "n/a: row 2 (Kling 2.6 standard 10 s with audio): audio TRUE: Kling's API for Kling 2.6 offers no standard clip with native audio; use audio FALSE, or professional with native audio",
    );
    // (4 x 70 + 3 x 100) / 0.8 = 725.
    expect(b['Credits with retakes']).toBe(725);
    expect(b['12-month cost (USD)']).toBe(yearUsd(725));
  });

  it('a clip the app does not make but a channel sells: the app rows n/a with the reason, the API computed', () => {
    // Kling 2.6 professional with voice control: the API sells it ($1.68), the app's book has no such row.
    const b = budget('pro', 10, 'voice', 1);
    const noApp =
      'n/a: row 1 (Kling 2.6 professional 10 s with voice control): audio "voice": Kling 2.6 offers no professional clip with voice control; use audio FALSE or TRUE';
    expect(b['Credits with retakes']).toBe(noApp);
    expect(b['12-month cost (USD)']).toBe(noApp);
    expect(b['Kling API, 12 months with prepaid packs (USD, estimate)']).toBe(1400);
    expect(b['Cheapest channel over 12 months']).toBe('Kling API (prepaid packs) (estimate)');
    // A model without app credits: 3.0 Turbo is sold on Kling's API.
    const turbo = budget(column('std', 'pro'), column(5, 5), column(false, false), column(1, 1), '', '', column('2.6', '3.0 Turbo'));
    expect(turbo['Credits for delivered videos']).toBe(
      'n/a: row 2 (Kling 3.0 Turbo professional 5 s) has no app credits in the price book',
    );
    expect(turbo['Kling API, 12 months with prepaid packs (USD, estimate)']).toBe(1400);
  });

  it('a clip no channel makes (Kling 2.6 at 7 s, or in 4K) is no invalid input: every channel n/a with its reason, and no channel can make that row', () => {
    const b = budget(column('std', 'pro'), column(5, 7), column(false, false), column(1, 1));
    expect(b['Credits with retakes']).toBe(
      'n/a: row 2 (Kling 2.6 professional 7 s): secs 7 is not a clip length Kling 2.6 makes; use 5 or 10',
    );
    expect(b['Kling API, 12 months with prepaid packs (USD, estimate)']).toBe(
      "n/a: row 2 (Kling 2.6 professional 7 s): secs 7 is not a clip length Kling's API for Kling 2.6 makes; use 5 or 10",
    );
    expect(b['Cheapest channel over 12 months']).toBe('n/a: no channel can make row 2');
    const fourK = budget(column('std', '4k'), column(5, 5), column(false, false), column(1, 1));
    expect(fourK['Credits with retakes']).toBe(
      'n/a: row 2 (Kling 2.6 4k 5 s): mode "4k" is not offered by Kling 2.6; use standard or professional',
    );
    expect(fourK['Cheapest channel over 12 months']).toBe('n/a: no channel can make row 2');
  });

  it('whole-column ranges: blank rows are skipped, checkbox FALSE in empty rows included', () => {
    const rows = 300;
    const b = budget(
      wholeColumn(['std', '', 'pro'], rows),
      wholeColumn([5, '', 10], rows),
      wholeColumn([false, false, true], rows, false),
      wholeColumn([10, '', 1], rows),
    );
    expect(b['Videos per month']).toBe(11);
    expect(b['Credits for delivered videos']).toBe(300);
    expect(b['Credits with retakes']).toBe(375);
    // Ticked checkboxes in empty rows: audio never makes a row.
    const ticked = budget(wholeColumn(['std'], rows), wholeColumn([5], rows), wholeColumn([false], rows, true), wholeColumn([10], rows));
    expect(ticked['Credits for delivered videos']).toBe(100);
  });

  it('single values next to whole-column ranges: only the range columns decide that a row is blank', () => {
    // =KLING_BUDGET(A2:A, 5, FALSE, D2:D): the same length for every shot.
    const b = budget(wholeColumn(['std', 'pro'], 50), 5, false, wholeColumn([10, 2], 50));
    expect(b['Videos per month']).toBe(12);
    expect(b['Credits for delivered videos']).toBe(10 * 10 + 2 * 35);
    // =KLING_BUDGET(A2:A, B2:B, C2:C, 3): three of each shot.
    const c = budget(wholeColumn(['std', 'pro'], 50), wholeColumn([5, 5], 50), wholeColumn([false, true], 50, false), 3);
    expect(c['Videos per month']).toBe(6);
    expect(c['Credits for delivered videos']).toBe(3 * 10 + 3 * 100);
    // A filled row with a blank range cell is still an error that names the row of the shot list.
    expect(s.error('KLING_BUDGET', column('std', '', 'pro'), 5, false, column(1, 1, '')).message).toBe(
      'row 2 of the shot list: mode is missing; use standard, professional or 4k',
    );
  });

  it('no videos: the cost per delivered video is blank; Free at $0; nothing to buy over the year', () => {
    const b = budget(column('std', 'pro'), column(5, 10), column(false, false), column(0, 0));
    expect(b['Videos per month']).toBe(0);
    expect(b['Cost per delivered video (USD)']).toBe('');
    expect(b['Best option (one month on its own)']).toBe('Free');
    expect(b['Monthly cost (USD)']).toBe(0);
    expect(b['12-month cost (USD)']).toBe(0);
    expect(b['12-month schedule']).toBe('');
    const empty = budget(wholeColumn([], 5), wholeColumn([], 5), wholeColumn([], 5, false), wholeColumn([], 5));
    expect(empty['Cost per delivered video (USD)']).toBe('');
  });

  it('an invalid row fails the whole call with a message that names its row of the shot list', () => {
    const modes = column('std', '', 'prof');
    const secs = column(5, '', 5);
    const audio = column(false, false, false);
    const counts = column(1, '', 1);
    expect(s.error('KLING_BUDGET', modes, secs, audio, counts).message).toBe(
      'row 3 of the shot list: mode "prof" is not a Kling mode; use standard, professional or 4k',
    );
    const cases: [unknown[], string][] = [
      [
        [column('std', 'pro'), column(5, 'x'), column(false, false), column(1, 1)],
        'row 2 of the shot list: secs "x" is not a number; use a clip length in whole seconds',
      ],
      [
        [column('std', 'pro'), column(5, 5), column(false, 'x'), column(1, 1)],
        'row 2 of the shot list: audio "x" is not an audio option; use TRUE or FALSE (also yes/no, 1/0), or voice for voice control',
      ],
      [
        [column('std', 'pro'), column(5, 5), column(false, false), column(1, 1.5)],
        'row 2 of the shot list: count 1.5 is not a whole number of videos; use a whole number of videos per month from 0 to 1,000,000',
      ],
      [
        [column('std', 'pro'), column(5, 5), column(false, false), column(1, -1)],
        'row 2 of the shot list: count -1 is not a whole number of videos; use a whole number of videos per month from 0 to 1,000,000',
      ],
      [
        [column('std', 'pro'), column(5, ''), column(false, false), column(1, 1)],
        'row 2 of the shot list: secs is missing; use a clip length in whole seconds',
      ],
      [
        [column('std', 'pro'), column(5, 5), column(false, false), column(1, '')],
        'row 2 of the shot list: count is missing; use a whole number of videos per month from 0 to 1,000,000',
      ],
      [
        [column('std', 'pro'), column(5, 5), column(false, false), column(1, 1), '', '', column('2.6', 'v9')],
        `row 2 of the shot list: model "v9" is not a model of the price book in force; use 2.6 or 3.0 (the price book also has 3.0 Turbo, 3.0 Omni, 2.5 Turbo and O1, sold on Kling's API; 4.0 and 4.0 Flash, sold by resellers only)`,
      ],
    ];
    for (const [args, message] of cases) expect(s.error('KLING_BUDGET', ...args).message).toBe(message);
  });

  it('a shot list laid out in blocks: errors name the row and the column', () => {
    const modes = [
      ['std', 'pro'],
      ['', 'prof'],
    ];
    const secs = [
      [5, 10],
      ['', 5],
    ];
    const audio = [
      [false, true],
      [false, false],
    ];
    const counts = [
      [1, 1],
      ['', 1],
    ];
    expect(s.error('KLING_BUDGET', modes, secs, audio, counts).message).toMatch(
      /^row 2, column 2 of the shot list: mode "prof" is not a Kling mode/,
    );
    const ok = budget(
      [
        ['std', 'pro'],
        ['', 'pro'],
      ],
      secs,
      audio,
      [
        [1, 1],
        ['', 2],
      ],
    );
    expect(ok['Credits for delivered videos']).toBe(10 + 200 + 2 * 35);
  });

  it('1x1 ranges for billing, retake rate and model count as single values', () => {
    const b = budget('std', 5, false, 50, [['annual']], [['10%']], [['3.0']]);
    expect(b['Credits for delivered videos']).toBe(50 * 30);
    expect(b['Credits with retakes']).toBe(1667);
    expect(b.Billing).toBe('annual billing');
  });

  it('bad billing or retake rate: an error naming the argument', () => {
    const list = [column('std'), column(5), column(false), column(1)];
    expect(s.error('KLING_BUDGET', 'std', 5, false, 1, 'weekly').message).toBe(
      'billing "weekly" is not a billing; use monthly, intro (first month), annual, list or cheapest (the cheapest of monthly, intro and annual)',
    );
    const RATE = 'use a fraction from 0 up to but not including 1, such as 0.2 or 20%';
    expect(s.error('KLING_BUDGET', ...list, 'monthly', '-5%').message).toBe(`retake_rate "-5%" is outside 0 to below 1; ${RATE}`);
    expect(s.error('KLING_BUDGET', ...list, 'monthly', 'lots').message).toBe(`retake_rate "lots" is not a rate; ${RATE}`);
    expect(s.error('KLING_BUDGET', ...list, 'monthly', 1).message).toBe(`retake_rate 1 is outside 0 to below 1; ${RATE}`);
    expect(s.error('KLING_BUDGET', ...list, 'monthly', '100%').message).toBe(`retake_rate "100%" is outside 0 to below 1; ${RATE}`);
    expect(s.error('KLING_BUDGET', ...list, column('monthly', 'annual')).message).toBe('billing must be a single value, not a range');
    expect(s.error('KLING_BUDGET', ...list, 'monthly', column(0.1, 0.2)).message).toBe('retake_rate must be a single value, not a range');
  });

  it('shot-list ranges of different sizes: an error naming both', () => {
    const e = s.error('KLING_BUDGET', column('std', 'pro', 'std'), column(5, 10), column(false, true, false), column(1, 1, 1));
    expect(e.message).toBe('secs has 2 x 1 cells but modes has 3 x 1; give the shot list as ranges of the same rows');
  });

  it('a shot list beyond 26,000,000 credits a month: the app rows say so, the API still answers', () => {
    // 1,000,000 x 200 credits / 0.8 = 250,000,000 credits a month.
    const b = budget('pro', 10, true, 1_000_000);
    expect(b['Credits with retakes']).toBe('n/a: month 1 needs more than 26,000,000 credits');
    expect(b['12-month cost (USD)']).toBe('n/a: month 1 needs more than 26,000,000 credits');
    expect(b['Kling API, 12 months with prepaid packs (USD, estimate)']).toEqual(expect.any(Number));
    expect(b['Not compared']).toMatch(/^Kling app \(monthly\) \(month 1 needs more than 26,000,000 credits\)/);
  });

  it('single values make a one-line shot list; all blank gives ""', () => {
    expect(budget('pro', 10, true, 3)['Credits for delivered videos']).toBe(600);
    expect(s.call('KLING_BUDGET', '', '', '', '')).toBe('');
    expect(s.call('KLING_BUDGET', '', '', false, '')).toBe('');
    // A ticked checkbox alone describes no shot either.
    expect(s.call('KLING_BUDGET', '', '', true, '')).toBe('');
    expect(s.call('KLING_BUDGET')).toBe('');
  });
});

describe('KLING_PRICES', () => {
  const table = s.call('KLING_PRICES') as unknown[][];
  const header = table[0] as string[];
  const col = (name: RegExp) => header.findIndex((h) => name.test(h));

  it('a header row, then one row per plan', () => {
    expect(table).toHaveLength(6);
    expect(header).toEqual([
      'Plan',
      'Credits per month',
      'Credits per day',
      'First month (USD)',
      'Monthly renewal (USD)',
      'List monthly (USD)',
      'Yearly (USD)',
      'Yearly per month (USD)',
      'Commercial use',
      'Confidence',
      'Source',
      'As of',
    ]);
    expect(table.slice(1).map((r) => r[0])).toEqual(['Free', 'Standard', 'Pro', 'Premier', 'Ultra']);
    for (const h of header) expect(typeof h).toBe('string');
  });

  it('the plan figures of the price book, as numbers', () => {
    const credits = col(/^Credits per month/);
    const first = col(/^First month/);
    const renewal = col(/renewal/i);
    const list = col(/^List/);
    const yearly = col(/^Yearly \(/);
    const perMonth = col(/^Yearly per month/);
    expect(table.slice(1).map((r) => r[credits])).toEqual([1980, 660, 3000, 8000, 26000]);
    expect(table.slice(1).map((r) => r[first])).toEqual([0, 6.99, 25.99, 64.99, 127.99]);
    expect(table.slice(1).map((r) => r[renewal])).toEqual([0, 8.8, 32.56, 80.96, 159.99]);
    expect(table.slice(1).map((r) => r[list])).toEqual([0, 10, 37, 92, 180]);
    expect(table.slice(1).map((r) => r[yearly])).toEqual([0, 79.2, 293.04, 728.64, 1429.99]);
    expect(table.slice(1).map((r) => r[perMonth])).toEqual([0, 6.6, 24.42, 60.72, 142_999 / 1200]);
    expect(table.slice(1).map((r) => r[col(/^Credits per day/)])).toEqual([66, '', '', '', '']);
  });

  it('says which plans allow commercial use: the free (Basic) plan does not', () => {
    expect(table.slice(1).map((r) => r[col(/^Commercial use$/)])).toEqual(['no', 'yes', 'yes', 'yes', 'yes']);
    expect(table[1]?.[col(/^Source/)]).toMatch(/no commercial use/);
  });

  it("each row's confidence, source and as-of date", () => {
    const confidence = col(/^Confidence/);
    const source = col(/^Source/);
    const asOf = col(/^As of/);
    expect(confidence).toBeGreaterThan(0);
    expect(source).toBeGreaterThan(0);
    expect(asOf).toBeGreaterThan(0);
    expect(table.slice(1).map((r) => r[confidence])).toEqual(['guide', 'official', 'official', 'official', 'official']);
    for (const r of table.slice(1)) {
      expect(String(r[source]).length).toBeGreaterThan(5);
      expect(r[asOf]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(table[1]?.[source]).toMatch(/guide/i);
    expect(table[2]?.[source]).toMatch(/kling\.ai/);
  });

  it('no cell longer than Sheets\' 50,000 characters: a longer joined source is its first 49,975 characters and "... (see the price table)"', () => {
    const NOTE = '... (see the price table)';
    /** The default table with the Pro plan's five rows given these sources, in order. */
    const withSources = (sources: (k: number) => string) => {
      let k = 0;
      return bookToRows(DEFAULT_PRICE_BOOK).map((r) =>
        r[0] === 'Plan' && r[1] === 'Pro' ? [...r.slice(0, 6), sources(k++), r[7]] : [...r],
      );
    };
    const sourceOf = (rows: unknown[][]) => {
      const t = s.call('KLING_PRICES', rows) as unknown[][];
      return (t.find((r) => r[0] === 'Pro') as unknown[])[col(/^Source/)] as string;
    };
    // Five sources of 20,000 characters, joined with "; ": 100,008 characters.
    const letters = withSources((k) => String.fromCharCode(65 + k).repeat(20_000));
    const joined = ['A', 'B', 'C', 'D', 'E'].map((c) => c.repeat(20_000)).join('; ');
    const cut = sourceOf(letters);
    expect(cut).toHaveLength(50_000);
    expect(cut).toBe(`${joined.slice(0, 49_975)}${NOTE}`);
    // Exactly 50,000 characters stay whole; one more is cut.
    expect(sourceOf(withSources((k) => (k === 0 ? 'x'.repeat(49_997) : 'y')))).toBe(`${'x'.repeat(49_997)}; y`);
    expect(sourceOf(withSources((k) => (k === 0 ? 'x'.repeat(49_998) : 'y')))).toBe(`${'x'.repeat(49_975)}${NOTE}`);
    // Never between the two halves of a character: an emoji across the cut goes whole.
    const emoji = sourceOf(withSources((k) => (k === 0 ? `${'x'.repeat(49_974)}${'🎬'.repeat(100)}` : 'y')));
    expect(emoji).toBe(`${'x'.repeat(49_974)}${NOTE}`);
    // The other plans' sources, short, are as they were.
    expect(sourceOf(bookToRows(DEFAULT_PRICE_BOOK) as unknown[][])).toBe(table[3]?.[col(/^Source/)]);
    for (const r of s.call('KLING_PRICES', letters) as unknown[][])
      for (const c of r) if (typeof c === 'string') expect(c.length).toBeLessThanOrEqual(50_000);
  });

  it('the same table on every call; an empty prices argument means the default book', () => {
    expect(s.call('KLING_PRICES')).toEqual(table);
    expect(s.call('KLING_PRICES', '')).toEqual(table);
  });
});
