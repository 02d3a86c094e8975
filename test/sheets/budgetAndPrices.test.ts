/** KLING_BUDGET and KLING_PRICES through dist/Code.js. */
import { describe, expect, it } from 'vitest';
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

describe('KLING_BUDGET', () => {
  it('a two-column table: label, value, with the rows the spec asks for, in a fixed order', () => {
    const table = s.call('KLING_BUDGET', column('std', 'pro'), column(5, 10), column(false, true), column(50, 2)) as unknown[][];
    expect(table.map((r) => r[0])).toEqual([
      'Videos per month',
      'Credits for delivered videos',
      'Buffer',
      'Credits with buffer',
      'Best option (one month on its own)',
      'Monthly cost (USD)',
      '12-month cost (USD)',
      'Average month over 12 months (USD)',
      'Cost per delivered video (USD)',
      '12-month schedule',
      'Kling API, 12 months with prepaid packs (USD, estimate)',
      'Kling API packs assumed',
      'Cheaper over 12 months',
      'Billing',
      'Model',
    ]);
  });

  it('credits, buffer (default 20 %), best option for one month, 12 months from the schedule, the average month and the API', () => {
    // 50 x 10 + 2 x 200 = 900 credits; x 1.2 = 1,080: one month on its own, Standard + 660 pack ($18.80).
    const b = budget(column('std', 'pro'), column(5, 10), column(false, true), column(50, 2));
    expect(b['Videos per month']).toBe(52);
    expect(b['Credits for delivered videos']).toBe(900);
    expect(b.Buffer).toBe(0.2);
    expect(b['Credits with buffer']).toBe(1080);
    expect(b['Best option (one month on its own)']).toBe('Standard + 660-credit pack');
    expect(b['Monthly cost (USD)']).toBe(18.8);
    // 12 months: Standard every month ($105.60) and 12 x 420 = 5,040 top-up credits carried over,
    // 3,500 + 1,320 + 330 for $75: $180.60, not 12 x $18.80 = $225.60.
    expect(b['12-month cost (USD)']).toBe(180.6);
    expect(b['12-month cost (USD)']).toBe(yearUsd(1080));
    expect(b['12-month schedule']).toBe('Standard + 3,500-credit pack + 1,320-credit pack + 330-credit pack');
    expect(b['Average month over 12 months (USD)']).toBe(18_060 / 1200);
    expect(b['Cost per delivered video (USD)']).toBe(18_060 / (1200 * 52));
    // The API: 50 x $0.21 + 2 x $1.40 = $13.30 a month with the buffer $15.96, 114 units: 684 a window.
    expect(b['Kling API, 12 months with prepaid packs (USD, estimate)']).toBe(1400);
    expect(b['Kling API packs assumed']).toBe('2 x 5,000-unit pack');
    expect(b['Cheaper over 12 months']).toBe(
      'Subscription (API estimate $1,400.00 with 2 x 5,000-unit pack, bought per 6-month window, against $180.60 in the app)',
    );
    expect(b.Billing).toBe('monthly renewal');
    expect(b.Model).toBe('Kling 2.6');
  });

  it('"need 500 credits, budget for 600"', () => {
    const b = budget('std', 10, true, 5);
    expect(b['Credits for delivered videos']).toBe(500);
    expect(b['Credits with buffer']).toBe(600);
    expect(b['Best option (one month on its own)']).toBe('Standard');
    expect(b['12-month cost (USD)']).toBe(105.6);
  });

  it('buffer as 0.1, "10%", 0 or an empty cell (the default 0.2); ceil, exact', () => {
    const args = [column('std', ''), column(5, ''), column(true, false), column(30, '')]; // 1,500 credits
    expect(budget(...args, 'monthly', 0.1)['Credits with buffer']).toBe(1650);
    expect(budget(...args, 'monthly', '10%')['Credits with buffer']).toBe(1650);
    expect(budget(...args, 'monthly', 0)['Credits with buffer']).toBe(1500);
    expect(budget(...args, 'monthly', '')['Credits with buffer']).toBe(1800);
    expect(budget(...args)['Credits with buffer']).toBe(1800);
    expect(budget(...args, 'monthly', '33%')['Credits with buffer']).toBe(1995);
    expect(budget(...args, 'monthly', 1 / 3)['Credits with buffer']).toBe(2000);
  });

  it('billing and a single model apply to the whole list', () => {
    const b = budget(column('4k', 'pro'), column(15, 3), column(true, false), column(10, 100), 'annual', 0, '3.0');
    // 10 x 450 + 100 x 24 = 6,900 credits.
    expect(b['Credits for delivered videos']).toBe(6900);
    expect(b['Credits with buffer']).toBe(6900);
    // Annual: Premier alone ($60.72) beats Pro + 3,500 + 660 packs ($24.42 + $60).
    expect(b['Best option (one month on its own)']).toBe('Premier');
    expect(b['Monthly cost (USD)']).toBe(60.72);
    expect(b['12-month cost (USD)']).toBe(728.64);
    expect(b['12-month cost (USD)']).toBe(yearUsd(6900, 'annual'));
    expect(b['Average month over 12 months (USD)']).toBe(60.72);
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
      `n/a: row 3: audio "voice": Kling's API for Kling 3.0 offers no professional clip with voice control; use audio FALSE or TRUE`,
    );
    expect(b['Kling API packs assumed']).toBe('');
    expect(b['Cheaper over 12 months']).toMatch(/^Subscription \(no API figure: row 3: /);
    // A blank model cell is the default model; a model range of another size is an error.
    expect(
      budget(column('std', 'pro'), column(5, 5), column(false, false), column(1, 1), '', 0, column('', 3))['Credits for delivered videos'],
    ).toBe(10 + 40);
    expect(
      s.error('KLING_BUDGET', column('std', 'pro'), column(5, 5), column(false, false), column(1, 1), '', 0, column('', 3, 3)).message,
    ).toBe('model has 3 x 1 cells but modes has 2 x 1; give the shot list as ranges of the same rows');
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
      "n/a: row 2: audio TRUE: Kling's API for Kling 2.6 offers no standard clip with native audio; use audio FALSE, or professional with native audio",
    );
    expect(b['12-month cost (USD)']).toBe(yearUsd(Math.ceil((4 * 70 + 3 * 100) * 1.2)));
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
    expect(b['Credits with buffer']).toBe(360);
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
      'row 2 of the shot list: mode is missing; use standard or professional',
    );
  });

  it('no videos: the cost per delivered video is blank; Free at $0; nothing to buy over the year', () => {
    const b = budget(column('std', 'pro'), column(5, 10), column(false, false), column(0, 0));
    expect(b['Videos per month']).toBe(0);
    expect(b['Cost per delivered video (USD)']).toBe('');
    expect(b['Best option (one month on its own)']).toBe('Free');
    expect(b['Monthly cost (USD)']).toBe(0);
    expect(b['12-month cost (USD)']).toBe(0);
    expect(b['12-month schedule']).toBe('nothing to buy');
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
        [column('std', 'pro'), column(5, 7), column(false, false), column(1, 1)],
        'row 2 of the shot list: secs 7 is not a clip length Kling 2.6 makes; use 5 or 10',
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
        [column('std', '4k'), column(5, 5), column(false, false), column(1, 1)],
        'row 2 of the shot list: mode "4k" is not offered by Kling 2.6; use standard or professional',
      ],
      [
        [column('std', 'pro'), column(5, ''), column(false, false), column(1, 1)],
        'row 2 of the shot list: secs is missing; use 5 or 10 (Kling 2.6)',
      ],
      [
        [column('std', 'pro'), column(5, 5), column(false, false), column(1, '')],
        'row 2 of the shot list: count is missing; use a whole number of videos per month from 0 to 1,000,000',
      ],
      [
        [column('std', 'pro'), column(5, 5), column(false, false), column(1, 1), '', '', column('2.6', '3.0 Turbo')],
        'row 2 of the shot list: Kling publishes no app credits for Kling 3.0 Turbo; add rows "App credits, Kling 3.0 Turbo" to the price table (Edit prices) to price it in the app, or use KLING_API_COST for its API price',
      ],
      [
        [column('std', 'pro'), column(5, 5), column(false, false), column(1, 1), '', '', column('2.6', 'v9')],
        'row 2 of the shot list: model "v9" is not a model of the price book in force; use 2.6 or 3.0 (the price book also has 3.0 Turbo, 3.0 Omni and 2.5 Turbo, priced only on the API)',
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

  it('1x1 ranges for billing, buffer and model count as single values', () => {
    const b = budget('std', 5, false, 50, [['annual']], [['10%']], [['3.0']]);
    expect(b['Credits for delivered videos']).toBe(50 * 30);
    expect(b['Credits with buffer']).toBe(1650);
    expect(b.Billing).toBe('annual billing');
  });

  it('bad billing or buffer: an error naming the argument', () => {
    const list = [column('std'), column(5), column(false), column(1)];
    expect(s.error('KLING_BUDGET', 'std', 5, false, 1, 'weekly').message).toBe(
      'billing "weekly" is not a billing; use monthly, intro (first month), annual or list',
    );
    expect(s.error('KLING_BUDGET', ...list, 'monthly', '-5%').message).toMatch(/^buffer "-5%" is outside 0/);
    expect(s.error('KLING_BUDGET', ...list, 'monthly', 'lots').message).toMatch(/^buffer "lots" is not a rate/);
    expect(s.error('KLING_BUDGET', ...list, column('monthly', 'annual')).message).toBe('billing must be a single value, not a range');
  });

  it('shot-list ranges of different sizes: an error naming both', () => {
    const e = s.error('KLING_BUDGET', column('std', 'pro', 'std'), column(5, 10), column(false, true, false), column(1, 1, 1));
    expect(e.message).toBe('secs has 2 x 1 cells but modes has 3 x 1; give the shot list as ranges of the same rows');
  });

  it('a shot list beyond 26,000,000 credits is a clear error', () => {
    expect(s.error('KLING_BUDGET', 'pro', 10, true, 1_000_000).message).toMatch(/240,000,000 credits.*26,000,000/);
  });

  it('single values make a one-line shot list; all blank gives ""', () => {
    expect(budget('pro', 10, true, 3)['Credits for delivered videos']).toBe(600);
    expect(s.call('KLING_BUDGET', '', '', '', '')).toBe('');
    expect(s.call('KLING_BUDGET', '', '', false, '')).toBe('');
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

  it('the same table on every call; an empty prices argument means the default book', () => {
    expect(s.call('KLING_PRICES')).toEqual(table);
    expect(s.call('KLING_PRICES', '')).toEqual(table);
  });
});
