/**
 * KLING_CHANNELS (channels.md) as a sheet calls it through dist/Code.js: the four examples of the
 * spec as literal tables, the months detail, the shot list's arguments (one model for every row, a
 * blank model, test takes, images, a retake rate per row, the image rate, the top-up balance), the
 * number of months, the messages of bad rows, the n/a reasons naming the row's place in the shot
 * range, no channel at all, and an edited price table with a reseller's minimum purchase and credit
 * validity. (compareChannels itself is checked against a BigInt reference in test/pricing.)
 */
import { describe, expect, it } from 'vitest';
import { bookToRows, DEFAULT_PRICE_BOOK } from '../../src/pricing';
import { column, row, sheets } from './sheets';

const s = sheets();

const HEADER = ['Channel', 'Total (USD)', 'Average month (USD)', 'Cost per delivered video (USD)', 'Bought as'];
/** A block of `months` equal months for each shot row. */
const months = (count: number, ...perRow: number[]) => perRow.map((n) => new Array(count).fill(n));
const twelve = (...perRow: number[]) => months(12, ...perRow);
const CLIP_30 = 'Kling 3.0 professional 10 s with audio';
const NA = (reason: string) => ['n/a', 'n/a', 'n/a', `n/a: ${reason}`];
/** The row of a channel, by the start of its label. */
const channel = (table: unknown, label: string) => (table as unknown[][]).find((r) => String(r[0]).startsWith(label)) as unknown[];
// Averages and per-video figures are written as cents / (100 x count): one division, the nearest double, as the spec stores them.
const reseller = (section: string, item: string, field: string, value: number, confidence = 'third-party') => [
  section,
  item,
  field,
  value,
  '',
  confidence,
  'a test',
  '2026-12-06',
];

describe("channels.md's examples (default book), as literal tables", () => {
  it('1. 4 professional 10 s Kling 3.0 clips with audio a month, 12 months, retake rate 0, monthly: fal is cheapest', () => {
    expect(s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, twelve(4), 'monthly', 0)).toEqual([
      HEADER,
      ['Kling app (monthly)', 105.6, 8.8, 2.2, '12 x Standard'],
      ['Kling API (prepaid packs) (estimate)', 1400, 1400 / 12, 1400 / 48, '2 x 5,000-unit pack'],
      ['fal (pay as you go) (estimate)', 80.64, 6.72, 1.68, ''],
      ['Replicate (pay as you go) (estimate)', 120.96, 10.08, 2.52, ''],
      ['PiAPI (pay as you go) (estimate)', ...NA(`row 1 (${CLIP_30}) is not sold there`)],
      ['Cheapest', 80.64, '', '', 'fal (pay as you go) (estimate)'],
    ]);
  });

  it('1. at the default retake rate of 20 %: the app needs 600 credits a month, still $105.60; fal $100.80, still the cheapest', () => {
    const table = s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, twelve(4)) as unknown[][];
    expect(channel(table, 'Kling app')).toEqual(['Kling app (monthly)', 105.6, 8.8, 2.2, '12 x Standard']);
    expect(channel(table, 'fal')).toEqual(['fal (pay as you go) (estimate)', 100.8, 8.4, 2.1, '']);
    expect(table.at(-1)).toEqual(['Cheapest', 100.8, '', '', 'fal (pay as you go) (estimate)']);
    // The same with the rate given as 20 %.
    expect(s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, twelve(4), '', '20%')).toEqual(table);
  });

  it('1. with billing "cheapest": Kling app (annual) at $79.20 ($6.60 a month, $1.65 a video, 12 x Standard), the app is cheapest', () => {
    const table = s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, twelve(4), 'cheapest', 0) as unknown[][];
    expect(table[1]).toEqual(['Kling app (annual)', 79.2, 6.6, 1.65, '12 x Standard']);
    expect(table.at(-1)).toEqual(['Cheapest', 79.2, '', '', 'Kling app (annual)']);
  });

  it('2. 200 of the same clips a month: 12 x Ultra $1,919.88, the API $4,200.00, fal $4,032.00, Replicate $6,048.00: the app is cheapest', () => {
    expect(s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, twelve(200), 'monthly', 0)).toEqual([
      HEADER,
      ['Kling app (monthly)', 1919.88, 159.99, 191_988 / 240_000, '12 x Ultra'],
      // One 15,000-unit pack per 6-month window (14,400 units); 3 x 5,000 ties on units but loses on pack count.
      ['Kling API (prepaid packs) (estimate)', 4200, 350, 1.75, '2 x 15,000-unit pack'],
      ['fal (pay as you go) (estimate)', 4032, 336, 1.68, ''],
      ['Replicate (pay as you go) (estimate)', 6048, 504, 2.52, ''],
      ['PiAPI (pay as you go) (estimate)', ...NA(`row 1 (${CLIP_30}) is not sold there`)],
      ['Cheapest', 1919.88, '', '', 'Kling app (monthly)'],
    ]);
  });

  it('3. Kling 4.0 professional 10 s with audio, 10 a month for 6 months, r = 0, monthly: fal $141.00 is cheapest', () => {
    const clip = 'Kling 4.0 professional 10 s with audio';
    expect(s.call('KLING_CHANNELS', '4.0', 'pro', 10, true, months(6, 10), 'monthly', 0)).toEqual([
      HEADER,
      ['Kling app (monthly)', ...NA(`row 1 (${clip}) has no app credits in the price book`)],
      ['Kling API (prepaid packs) (estimate)', ...NA(`row 1 (${clip}) is not sold there`)],
      ['fal (pay as you go) (estimate)', 141, 23.5, 2.35, ''],
      ['Replicate (pay as you go) (estimate)', ...NA(`row 1 (${clip}) is not sold there`)],
      ['PiAPI (pay as you go) (estimate)', 150, 25, 2.5, ''],
      ['Cheapest', 141, '', '', 'fal (pay as you go) (estimate)'],
    ]);
  });

  it("4. 3 of example 1's clips a month, 12 months, 20 %, billing cheapest: app 450 credits a month, annual $79.20; fal $75.60 is cheapest; at r = 0 fal costs $60.48", () => {
    expect(s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, twelve(3), 'cheapest', 0.2)).toEqual([
      HEADER,
      ['Kling app (annual)', 79.2, 6.6, 2.2, '12 x Standard'],
      ['Kling API (prepaid packs) (estimate)', 1400, 1400 / 12, 1400 / 36, '2 x 5,000-unit pack'],
      // 5.04 / 0.8 = 6.30 a month.
      ['fal (pay as you go) (estimate)', 75.6, 6.3, 2.1, ''],
      ['Replicate (pay as you go) (estimate)', 113.4, 9.45, 3.15, ''],
      ['PiAPI (pay as you go) (estimate)', ...NA(`row 1 (${CLIP_30}) is not sold there`)],
      ['Cheapest', 75.6, '', '', 'fal (pay as you go) (estimate)'],
    ]);
    const atZero = s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, twelve(3), 'cheapest', 0) as unknown[][];
    expect(channel(atZero, 'fal')?.slice(1, 4)).toEqual([60.48, 5.04, 1.68]);
  });
});

describe('detail "months": a header and one row per month, one column per channel, for charts', () => {
  it("example 1 month by month: the app's plan each month, the API's packs in months 1 and 7, fal and Replicate each month, PiAPI n/a", () => {
    const table = s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, twelve(4), 'monthly', 0, '', '', '', '', '', 'months') as unknown[][];
    expect(table[0]).toEqual([
      'Month',
      'Kling app (monthly)',
      'Kling API (prepaid packs) (estimate)',
      'fal (pay as you go) (estimate)',
      'Replicate (pay as you go) (estimate)',
      'PiAPI (pay as you go) (estimate)',
    ]);
    expect(table).toHaveLength(13);
    for (let m = 1; m <= 12; m++) {
      expect(table[m], `month ${m}`).toEqual([m, 8.8, m === 1 || m === 7 ? 700 : 0, 6.72, 10.08, 'n/a']);
    }
    // "Months" in any case; another word is an error naming what is accepted.
    expect(s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, twelve(4), 'monthly', 0, '', '', '', '', '', ' MONTHS ')).toEqual(table);
    expect(s.error('KLING_CHANNELS', '3.0', 'pro', 10, true, twelve(4), 'monthly', 0, '', '', '', '', '', 'weekly').message).toBe(
      `detail "weekly" is not a detail; leave it blank for the totals, or use months for each month's spend`,
    );
  });

  it('the months add up to the totals', () => {
    const totals = s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, [[3, 0, 7, 2, 0, 40]], 'intro', 0.2) as unknown[][];
    const byMonth = s.call(
      'KLING_CHANNELS',
      '3.0',
      'pro',
      10,
      true,
      [[3, 0, 7, 2, 0, 40]],
      'intro',
      0.2,
      '',
      '',
      '',
      '',
      '',
      'months',
    ) as unknown[][];
    expect(byMonth).toHaveLength(7);
    for (let c = 1; c < (byMonth[0] as unknown[]).length; c++) {
      const cells = byMonth.slice(1).map((r) => r[c]);
      const total = (totals[c] as unknown[])[1];
      if (total === 'n/a') expect(cells.every((x) => x === 'n/a')).toBe(true);
      else expect(cells.reduce((a, b) => (a as number) + (b as number), 0) as number).toBeCloseTo(total as number, 9);
    }
  });
});

describe('the shot list', () => {
  it('a single model applies to every row; a blank model in a filled row is Kling 2.6; models alone never make a row', () => {
    const one = s.call('KLING_CHANNELS', '3.0', column('pro', 'std'), column(10, 5), column(true, false), [[4], [10]], 'monthly', 0);
    const each = s.call(
      'KLING_CHANNELS',
      column('3.0', 'Kling 3.0'),
      column('pro', 'std'),
      column(10, 5),
      column(true, false),
      [[4], [10]],
      'monthly',
      0,
    );
    expect(one).toEqual(each);
    // 4 x 120 + 10 x 30 = 780 credits: Standard + 330-credit pack.
    expect(channel(one, 'Kling app')).toEqual(['Kling app (monthly)', 13.8, 13.8, 1380 / 1400, '1 x Standard + 330-credit pack']);
    const blank = s.call('KLING_CHANNELS', column('', '2.6'), 'std', 5, false, [[4], [6]], 'monthly', 0);
    expect(blank).toEqual(s.call('KLING_CHANNELS', '2.6', 'std', 5, false, [[10]], 'monthly', 0));
    // Rows 1 and 3 hold a model, audio or nothing, and no clip or videos: skipped.
    const skipped = s.call(
      'KLING_CHANNELS',
      column('4.0', '3.0', '', '3.0'),
      column('', 'pro', '', ''),
      column('', 10, '', ''),
      column(true, true, true, false),
      [[''], [4], [''], [0]],
      'monthly',
      0,
    );
    expect(channel(skipped, 'Kling app')).toEqual(['Kling app (monthly)', 8.8, 8.8, 2.2, '1 x Standard']);
    expect(channel(skipped, 'PiAPI')?.[4]).toBe(`n/a: row 2 (${CLIP_30}) is not sold there`);
  });

  it("test takes: each delivered video's standard takes of the same model, length and audio, before the retake rate", () => {
    // 120 + 2 x 90 = 300 credits a video, 1,200 a month: 12 x Standard and 6,480 top-up credits (a 7,500-credit pack).
    const table = s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, twelve(4), 'monthly', 0, 2) as unknown[][];
    expect(channel(table, 'Kling app')).toEqual([
      'Kling app (monthly)',
      205.6,
      20_560 / 1200,
      20_560 / 4800,
      '12 x Standard + 7,500-credit pack',
    ]);
    expect(total(s.call('KLING_SCHEDULE', twelve(1200)[0]))).toBe(205.6);
    // ($1.68 + 2 x $1.26) x 4 = $16.80 a month at fal; Replicate sells no standard take.
    expect(channel(table, 'fal')).toEqual(['fal (pay as you go) (estimate)', 201.6, 16.8, 4.2, '']);
    expect(channel(table, 'Replicate')?.[4]).toBe(
      `n/a: row 1 (${CLIP_30}): mode "standard" is not offered by Replicate for Kling 3.0; use professional`,
    );
    // A column of test takes, blank 0; a fraction is no count.
    const perRow = s.call('KLING_CHANNELS', '3.0', column('pro', 'pro'), 10, true, [[2], [2]], 'monthly', 0, column(2, ''));
    // ($1.68 + 2 x $1.26) x 2 + $1.68 x 2.
    expect(channel(perRow, 'fal')?.[1]).toBe(11.76);
    expect(s.error('KLING_CHANNELS', '3.0', column('pro', 'pro'), 10, true, [[2], [2]], 'monthly', 0, column(0, 1.5)).message).toBe(
      'row 2 of the shot list: test_takes 1.5 is not a whole number from 0 to 100',
    );
  });

  it('images: credits per image in the app (0.2 by default, or as given), $0.028 each on the API, and resellers sell none', () => {
    const images = row(...new Array(12).fill(1000));
    const table = s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, twelve(4), 'monthly', 0, '', images) as unknown[][];
    // 480 + 200 credits a month: 12 x Standard + a 330-credit pack; the book's 0.2 is the guide's, so the app is an estimate.
    expect(channel(table, 'Kling app')).toEqual([
      'Kling app (monthly) (estimate)',
      110.6,
      11_060 / 1200,
      11_060 / 4800,
      '12 x Standard + 330-credit pack',
    ]);
    // $6.72 + 1,000 x $0.028 = $34.72 a month: 248 units, 1,488 a window.
    expect(channel(table, 'Kling API')).toEqual([
      'Kling API (prepaid packs) (estimate)',
      1400,
      1400 / 12,
      1400 / 48,
      '2 x 5,000-unit pack',
    ]);
    expect(channel(table, 'fal')?.[4]).toBe('n/a: images are not sold there');
    expect(channel(table, 'Replicate')?.[4]).toBe('n/a: images are not sold there');
    expect(table.at(-1)).toEqual(['Cheapest', 110.6, '', '', 'Kling app (monthly) (estimate)']);
    // One credit an image (the high case): 1,480 a month.
    const high = s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, twelve(4), 'monthly', 0, '', images, 1) as unknown[][];
    expect(channel(high, 'Kling app')?.slice(1, 2)).toEqual([245.6]);
    // Images as a column, missing months 0.
    expect(s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, twelve(4), 'monthly', 0, '', column(1000, 1000, 1000))).toEqual(
      s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, twelve(4), 'monthly', 0, '', row(1000, 1000, 1000, ...new Array(9).fill(0))),
    );
    // A table without the API image row: the API has no figure when images are above 0.
    const noApiImage = bookToRows(DEFAULT_PRICE_BOOK).filter((r) => !(r[0] === 'Images' && r[1] === 'API image'));
    const without = s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, twelve(4), 'monthly', 0, '', images, '', '', '', '', noApiImage);
    expect(channel(without, 'Kling API')?.[4]).toBe('n/a: the price table has no API image price');
    expect(
      channel(
        s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, twelve(4), 'monthly', 0, '', '', '', '', '', '', noApiImage),
        'Kling API',
      )?.[1],
    ).toBe(1400);
  });

  it('a retake rate column with blanks (20 %), and image_retake_rate (default 20 % when the rate is a column)', () => {
    const images = row(...new Array(12).fill(1000));
    const args = ['3.0', column('pro', 'std'), column(10, 5), column(true, false), twelve(4, 10), 'monthly', column(0.5, '')];
    // 4 x 120 / 0.5 + 10 x 30 / 0.8 + 200 / 0.8 = 960 + 375 + 250 = 1,585 a month: 11,100 top-up credits in the year.
    const table = s.call('KLING_CHANNELS', ...args, '', images) as unknown[][];
    expect(channel(table, 'Kling app')).toEqual([
      'Kling app (monthly) (estimate)',
      260.6,
      26_060 / 1200,
      26_060 / 16_800,
      '12 x Standard + 7,500-credit pack + 3,500-credit pack + 330-credit pack',
    ]);
    expect(s.call('KLING_CHANNELS', ...args, '', images, '', '20%')).toEqual(table);
    // Images at 30 %: 200 / 0.7 = 285.71; 1,620.71 a month rounds up to 1,621.
    const thirty = s.call('KLING_CHANNELS', ...args, '', images, '', 0.3) as unknown[][];
    expect(channel(thirty, 'Kling app')?.slice(1, 2)).toEqual([265.6]);
    // A single rate is the image rate too: 1,000 images at 50 % are 400 credits.
    const single = s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, twelve(4), 'monthly', 0.5, '', images) as unknown[][];
    expect(single).toEqual(s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, twelve(4), 'monthly', 0.5, '', images, '', 0.5));
    expect(single).not.toEqual(s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, twelve(4), 'monthly', 0.5, '', images, '', 0.2));
    // A rate of 100 % in the column names its row.
    expect(s.error('KLING_CHANNELS', ...args.slice(0, 6), column(0.5, 1)).message).toBe(
      'row 2 of the shot list: retake_rate 1 is outside 0 to below 1; use a fraction from 0 up to but not including 1, such as 0.2 or 20%',
    );
  });

  it("topup_balance: top-up credits held at the start, as KLING_SCHEDULE's; a fraction rounded down", () => {
    // 70 standard 5 s clips a month, 700 credits: 480 held cover the year's shortfall.
    const app = (balance: unknown) =>
      channel(s.call('KLING_CHANNELS', '2.6', 'std', 5, false, twelve(70), 'monthly', 0, '', '', '', '', balance), 'Kling app');
    expect(app('')).toEqual(['Kling app (monthly) (estimate)', 115.6, 11_560 / 1200, 11_560 / 84_000, '12 x Standard + 660-credit pack']);
    expect(app(480)?.slice(1, 2)).toEqual([105.6]);
    expect(app(480)?.[4]).toBe('12 x Standard');
    expect(app(479.9)?.slice(1, 2)).toEqual([110.6]);
    expect(total(s.call('KLING_SCHEDULE', twelve(700)[0], '', 479.9))).toBe(110.6);
    expect(s.error('KLING_CHANNELS', '2.6', 'std', 5, false, twelve(70), 'monthly', 0, '', '', '', '', -5).message).toBe(
      'topup_balance -5 is not a balance; use a number of top-up credits from 0 to 1,000,000,000',
    );
  });
});

/** The Total spend of a KLING_SCHEDULE table. */
function total(table: unknown): unknown {
  return ((table as unknown[][]).at(-1) as unknown[])[8];
}

describe('the months: the columns up to the last one holding a value in videos or images, 1 to 24', () => {
  it('a wide block of 30 columns with 12 filled is 12 months; images reach further; nothing at all is one month', () => {
    const wide = [[...new Array(12).fill(4), ...new Array(18).fill('')]];
    expect(s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, wide, 'monthly', 0)).toEqual(
      s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, twelve(4), 'monthly', 0),
    );
    const images = [new Array(30).fill('')];
    (images[0] as unknown[])[13] = 10;
    const fourteen = s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, wide, 'monthly', 0, '', images, '', '', '', 'months') as unknown[][];
    expect(fourteen).toHaveLength(15);
    expect(fourteen.at(-1)?.[0]).toBe(14);
    // A blank in the middle is a month without work.
    const gap = s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, [[4, '', 4]], 'monthly', 0, '', '', '', '', '', 'months') as unknown[][];
    expect(gap.map((r) => r[1])).toEqual(['Kling app (monthly)', 8.8, 0, 8.8]);
    const none = s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, [['', '', '']], 'monthly', 0, '', '', '', '', '', 'months');
    expect(none).toEqual([
      [
        'Month',
        'Kling app (monthly)',
        'Kling API (prepaid packs) (estimate)',
        'fal (pay as you go) (estimate)',
        'Replicate (pay as you go) (estimate)',
        'PiAPI (pay as you go) (estimate)',
      ],
      [1, 0, 0, 0, 0, 'n/a'],
    ]);
  });

  it('24 months are accepted; a value in the 25th column, of videos or of images, is an error', () => {
    const at = (month: number) => {
      const line = new Array(30).fill('');
      line[month - 1] = 1;
      return [line];
    };
    expect(s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, at(24), 'monthly', 0, '', '', '', '', '', 'months')).toHaveLength(25);
    const message = 'videos_by_month holds 25 months; KLING_CHANNELS takes 1 to 24 months (one column per month, month 1 first)';
    expect(s.error('KLING_CHANNELS', '3.0', 'pro', 10, true, at(25), 'monthly', 0).message).toBe(message);
    expect(s.error('KLING_CHANNELS', '3.0', 'pro', 10, true, [[1]], 'monthly', 0, '', at(25)).message).toBe(message);
  });
});

describe('bad rows fail the call with a message naming them; blank rows are skipped', () => {
  const two = (modes: unknown[], secs: unknown[], audios: unknown[], videos: unknown[][], models: unknown[] = ['3.0', '3.0']) =>
    s.error('KLING_CHANNELS', column(...models), column(...modes), column(...secs), column(...audios), videos).message;

  it('a row with videos but no clip, an incomplete row, a bad count naming the row and the month', () => {
    expect(two(['pro', ''], [10, ''], [true, false], [[4], [2]])).toBe(
      'row 2 of the shot list: it has videos but no clip; give its mode and seconds (or clear its videos)',
    );
    expect(two(['pro', ''], [10, 5], [true, false], [[4], [2]])).toBe(
      'row 2 of the shot list: mode is missing; use standard, professional or 4k',
    );
    expect(two(['pro', 'pro'], [10, ''], [true, false], [[4], [2]])).toBe(
      'row 2 of the shot list: secs is missing; use a clip length in whole seconds',
    );
    expect(
      two(
        ['pro', 'pro'],
        [10, 10],
        [true, false],
        [
          [4, 1, 1.5],
          [2, 2, 2],
        ],
      ),
    ).toBe('row 1 of the shot list: month 3: videos 1.5 is not a whole number from 0 to 1,000,000');
    expect(
      two(
        ['pro', 'pro'],
        [10, 10],
        [true, false],
        [
          [4, 1, 1],
          [2, 2, -1],
        ],
      ),
    ).toBe('row 2 of the shot list: month 3: videos -1 is not a whole number from 0 to 1,000,000');
    expect(two(['pro', 'pro'], [10, 10], [true, 'x'], [[4], [2]])).toBe(
      'row 2 of the shot list: audio "x" is not an audio option; use TRUE or FALSE (also yes/no, 1/0), or voice for voice control',
    );
    expect(two(['pro', 'prof'], [10, 10], [true, false], [[4], [2]])).toBe(
      'row 2 of the shot list: mode "prof" is not a Kling mode; use standard, professional or 4k',
    );
    expect(two(['pro', 'pro'], [10, 10], [true, false], [[4], [2]], ['3.0', 'v9'])).toBe(
      `row 2 of the shot list: model "v9" is not a model of the price book in force; use 2.6 or 3.0 (the price book also has 3.0 Turbo, 3.0 Omni, 2.5 Turbo and O1, sold on Kling's API; 4.0 and 4.0 Flash, sold by resellers only)`,
    );
    expect(s.error('KLING_CHANNELS', '3.0', 'pro', 10, true, [[1, -2]], '', '', '', [[1, -2]]).message).toBe(
      'row 1 of the shot list: month 2: videos -2 is not a whole number from 0 to 1,000,000',
    );
    expect(s.error('KLING_CHANNELS', '3.0', 'pro', 10, true, [[1, 2]], '', '', '', [[1, -2]]).message).toBe(
      'images_by_month, month 2: images -2 is not a whole number from 0 to 10,000,000',
    );
    expect(s.error('KLING_CHANNELS', column('3.0', '3.0'), column('pro', 'pro'), 10, true, [[4], [2], [1]]).message).toBe(
      'videos_by_month is 3 rows x 1 column but the shot list has 2 rows; give one row per shot row and one column per month, month 1 first',
    );
    expect(s.error('KLING_CHANNELS', column('3.0', '3.0'), column('pro', 'pro', 'std'), 10, true, [[4], [2]]).message).toBe(
      'modes has 3 rows but models has 2; give the shot list as ranges of the same rows',
    );
  });

  it('n/a reasons name the row by its place in the shot range (1 = its first row), blank rows counted', () => {
    const table = s.call(
      'KLING_CHANNELS',
      column('', '', '2.6', '3.0'),
      column('', '', 'std', 'pro'),
      column('', '', 10, 10),
      column(false, false, true, true),
      [[''], [''], [4], [2]],
      'monthly',
      0,
    );
    const clip = 'Kling 2.6 standard 10 s with audio';
    expect(channel(table, 'Kling API')?.[4]).toBe(
      `n/a: row 3 (${clip}): audio TRUE: Kling's API for Kling 2.6 offers no standard clip with native audio; use audio FALSE, or professional with native audio`,
    );
    expect(channel(table, 'fal')?.[4]).toBe(`n/a: row 3 (${clip}) is not sold there`);
    expect(channel(table, 'PiAPI')?.[4]).toBe(`n/a: row 3 (${clip}) is not sold there`);
    // 400 + 240 credits: Standard.
    expect(channel(table, 'Kling app')).toEqual(['Kling app (monthly) (estimate)', 8.8, 8.8, 880 / 600, '1 x Standard']);
    // Voice control is named as such.
    const voice = s.call('KLING_CHANNELS', '3.0', 'pro', 5, 'voice', [[1]], 'monthly', 0);
    expect(channel(voice, 'Kling API')?.[4]).toBe(
      `n/a: row 1 (Kling 3.0 professional 5 s with voice control): audio "voice": Kling's API for Kling 3.0 offers no professional clip with voice control; use audio FALSE or TRUE`,
    );
  });

  it('no channel at all: Cheapest | n/a | | | no channel can make row <k>', () => {
    // PiAPI sells 4.0 Flash in standard only; nobody else sells it.
    const table = s.call(
      'KLING_CHANNELS',
      column('3.0', '4.0 Flash'),
      column('pro', 'pro'),
      10,
      true,
      [[2], [1]],
      'monthly',
      0,
    ) as unknown[][];
    for (const r of table.slice(1, -1)) expect(r.slice(1, 4), String(r[0])).toEqual(['n/a', 'n/a', 'n/a']);
    expect(table.at(-1)).toEqual(['Cheapest', 'n/a', '', '', 'no channel can make row 2']);
    expect(channel(table, 'PiAPI')?.[4]).toBe(`n/a: row 1 (${CLIP_30}) is not sold there`);
  });
});

describe('an edited price table: a reseller with a minimum purchase and a credit validity', () => {
  const base = bookToRows(DEFAULT_PRICE_BOOK);
  /** Acme sells Kling 3.0 professional with audio at $0.15 a second, 3 to 15 s: $1.50 a 10 s clip, $6 for 4 a month. */
  const acme = (...terms: unknown[][]) => [
    ...base,
    reseller('Reseller Acme, Kling 3.0', 'professional with audio', 'USD per second', 0.15),
    reseller('Reseller Acme, Kling 3.0', 'shortest clip', 'seconds', 3),
    reseller('Reseller Acme, Kling 3.0', 'longest clip', 'seconds', 15),
    ...terms,
  ];
  const MINIMUM = reseller('Reseller Acme', 'minimum purchase', 'USD', 50);
  const VALIDITY = reseller('Reseller Acme', 'credit validity', 'days', 60);
  const call = (table: unknown[][], detail = '') =>
    s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, twelve(4), 'monthly', 0, '', '', '', '', '', detail, table) as unknown[][];

  it('$50 at least, valid 60 days (2 months): $50 in every other month, $38 expiring each time, $300 in all', () => {
    const table = call(acme(MINIMUM, VALIDITY));
    // The book's order of providers: Acme's first row comes after PiAPI's.
    expect(table.map((r) => r[0])).toEqual([
      'Channel',
      'Kling app (monthly)',
      'Kling API (prepaid packs) (estimate)',
      'fal (pay as you go) (estimate)',
      'Replicate (pay as you go) (estimate)',
      'PiAPI (pay as you go) (estimate)',
      'Acme (minimum $50.00) (estimate)',
      'Cheapest',
    ]);
    expect(channel(table, 'Acme')).toEqual([
      'Acme (minimum $50.00) (estimate)',
      300,
      25,
      6.25,
      '$38.00 unused at the end, $190.00 expired',
    ]);
    expect(table.at(-1)).toEqual(['Cheapest', 80.64, '', '', 'fal (pay as you go) (estimate)']);
    const byMonth = call(acme(MINIMUM, VALIDITY), 'months');
    expect(byMonth.slice(1).map((r) => r[6])).toEqual([50, 0, 50, 0, 50, 0, 50, 0, 50, 0, 50, 0]);
  });

  it('no validity row: a balance never expires ($100, $28 left); no minimum: pay as you go ($72, the cheapest)', () => {
    expect(channel(call(acme(MINIMUM)), 'Acme')).toEqual([
      'Acme (minimum $50.00) (estimate)',
      100,
      100 / 12,
      100 / 48,
      '$28.00 unused at the end',
    ]);
    const payg = call(acme(VALIDITY));
    expect(channel(payg, 'Acme')).toEqual(['Acme (pay as you go) (estimate)', 72, 6, 1.5, '']);
    expect(payg.at(-1)).toEqual(['Cheapest', 72, '', '', 'Acme (pay as you go) (estimate)']);
  });

  it('a validity under 30 days counts as one month; the minimum written as $#,##0.00', () => {
    const table = call(
      acme(reseller('Reseller Acme', 'minimum purchase', 'USD', 1234.5), reseller('Reseller Acme', 'credit validity', 'days', 20)),
    );
    expect(channel(table, 'Acme')).toEqual([
      'Acme (minimum $1,234.50) (estimate)',
      14_814,
      1234.5,
      14_814 / 48,
      '$1,228.50 unused at the end, $13,513.50 expired',
    ]);
  });

  it('terms out of range, and a provider named Kling or blank, are malformed rows named by row and column', () => {
    const row = base.length + 4;
    expect(() => call(acme(reseller('Reseller Acme', 'credit validity', 'days', 0)))).toThrow(
      new RegExp(`^prices row ${row}, column D \\(Value\\)`),
    );
    expect(() => call(acme(reseller('Reseller Acme', 'minimum purchase', 'USD', 1_000_000.01)))).toThrow(
      new RegExp(`^prices row ${row}, column D \\(Value\\)`),
    );
    for (const provider of ['Kling', '']) {
      const table = [...base, reseller(`Reseller ${provider}, Kling 3.0`, 'professional with audio', 'USD per second', 0.2)];
      expect(() => call(table), provider).toThrow(
        new RegExp(`^prices row ${base.length + 1}, column A \\(Section\\): "Reseller ${provider}, Kling 3\\.0" names`),
      );
    }
  });
});

describe('KLING_CHANNELS credits_per_image', () => {
  it('reads thousandths as the price table does, and refuses a finer rate instead of rounding it to 0', () => {
    // 10 images a month at 0.5 credits: 5 credits; the app's figure moves, never to nothing.
    const images = [[10, 10, 10]];
    const at = (cpi: unknown) =>
      s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, [[1, 1, 1]], 'monthly', 0, '', images, cpi) as unknown[][];
    expect(at(0.5)[1]?.[1]).toBe(at('0.5')[1]?.[1]);
    expect(() => at(0.0004)).toThrow(
      'credits_per_image 0.0004 is not a number of credits; use a number from 0 to 1,000,000 with at most 3 decimals, such as 0.2 or 1',
    );
  });
});
