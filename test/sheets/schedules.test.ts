/**
 * KLING_SCHEDULE, KLING_API_SCHEDULE (schedule.md) and KLING_ACTUALS (actuals.md) as a sheet calls
 * them through dist/Code.js: the spec's examples, its input rules and its messages. (The schedule
 * itself is checked against exhaustive references in test/pricing and test/properties.)
 */
import { describe, expect, it } from 'vitest';
import { bookToRows, DEFAULT_PRICE_BOOK } from '../../src/pricing';
import { column, row, sheets, wholeColumn } from './sheets';

const s = sheets();
const twelve = (n: number) => column(...new Array(12).fill(n));
const total = (table: unknown) => (table as unknown[][]).at(-1) as unknown[];

describe('KLING_SCHEDULE', () => {
  it("schedule.md's examples: 700 credits x 12 is $115.60 monthly, $89.20 annual, $113.79 intro", () => {
    const monthly = s.call('KLING_SCHEDULE', twelve(700)) as unknown[][];
    expect(monthly[0]).toEqual([
      'Month',
      'Credits needed',
      'Plan',
      'Plan credits',
      'Top-ups bought',
      'Top-up credits bought',
      'Top-up credits used',
      'Top-up balance',
      'Spend (USD)',
      'Cumulative (USD)',
    ]);
    expect(monthly).toHaveLength(14);
    expect(monthly[1]).toEqual([1, 700, 'Standard', 660, '660-credit pack', 660, 40, 620, 18.8, 18.8]);
    expect(monthly[2]).toEqual([2, 700, 'Standard', 660, '', 0, 40, 580, 8.8, 27.6]);
    expect(total(monthly)).toEqual(['Total', 8400, '', 7920, '660-credit pack', 660, 480, 180, 115.6, 115.6]);
    expect(total(s.call('KLING_SCHEDULE', twelve(700), 'annual'))[8]).toBe(89.2);
    expect(total(s.call('KLING_SCHEDULE', twelve(700), 'intro'))[8]).toBe(113.79);
  });

  it('3,100 credits x 12, monthly: Pro every month and one 1,320-credit pack in month 1, 1,200 used, 120 left, $410.72', () => {
    const table = s.call('KLING_SCHEDULE', row(...new Array(12).fill(3100)), 'monthly') as unknown[][];
    expect(table[1]?.slice(2, 6)).toEqual(['Pro', 3000, '1,320-credit pack', 1320]);
    expect(total(table)).toEqual(['Total', 37_200, '', 36_000, '1,320-credit pack', 1320, 1200, 120, 410.72, 410.72]);
  });

  it('blank cells after the last month are ignored (B2:B), a blank before it is 0; fractions round up', () => {
    const table = s.call('KLING_SCHEDULE', wholeColumn([700, '', 700.2], 500)) as unknown[][];
    expect(table).toHaveLength(5);
    expect(table[2]).toEqual([2, 0, 'No plan', 0, '', 0, 0, 290, 0, 13.8]);
    expect(table[3]?.[1]).toBe(701);
    expect(s.call('KLING_SCHEDULE', 700)).toEqual(s.call('KLING_SCHEDULE', column(700)));
  });

  it('topup_balance: credits already held, a fraction rounded down', () => {
    expect(total(s.call('KLING_SCHEDULE', column(700), '', 99.9))[7]).toBe(59);
    expect(total(s.call('KLING_SCHEDULE', column(700), '', 40))[8]).toBe(8.8);
    expect(s.error('KLING_SCHEDULE', column(700), '', -1).message).toBe(
      'topup_balance -1 is not a balance; use a number of top-up credits from 0 to 1,000,000,000',
    );
  });

  it('a bad month is named; shapes and lengths that are not accepted say what is', () => {
    expect(s.error('KLING_SCHEDULE', column(1, 2, 'x')).message).toBe(
      'month 3: credits "x" is not a number; use a number of credits from 0 to 26,000,000',
    );
    expect(s.error('KLING_SCHEDULE', column(1, 2, 26_000_001)).message).toMatch(/^month 3: credits 26000001 is out of range/);
    expect(s.error('KLING_SCHEDULE', column(1, -2)).message).toMatch(/^month 2: credits -2 is out of range/);
    expect(s.error('KLING_SCHEDULE', column(true)).message).toMatch(/^month 1: credits TRUE is not a number/);
    expect(
      s.error('KLING_SCHEDULE', [
        [1, 2],
        [3, 4],
      ]).message,
    ).toBe('credits_by_month must be one row or one column of 1 to 24 months, month 1 first; this range is 2 rows x 2 columns');
    expect(s.error('KLING_SCHEDULE', column(...new Array(25).fill(1))).message).toBe(
      'credits_by_month holds 25 months; a schedule takes 1 to 24 months (one row or column, month 1 first)',
    );
    expect(s.call('KLING_SCHEDULE', wholeColumn(new Array(24).fill(100), 30))).toHaveLength(26);
    expect(s.error('KLING_SCHEDULE', column(700), 'weekly').message).toBe(
      'billing "weekly" is not a billing; use monthly, intro (first month), annual or list',
    );
  });
});

describe('KLING_API_SCHEDULE', () => {
  it("schedule.md's example: $2.80 a month of API work, 20 units, one 5,000-unit pack per window: $1,400 a year", () => {
    const table = s.call('KLING_API_SCHEDULE', twelve(2.8)) as unknown[][];
    expect(table).toEqual([
      ['Window', 'Months', 'Units', 'Packs', 'Cost (USD)'],
      [1, '1-6', 120, '5,000-unit pack', 700],
      [2, '7-12', 120, '5,000-unit pack', 700],
      ['Total', '1-12', 240, '2 x 5,000-unit pack', 1400],
    ]);
  });

  it('a window without work buys nothing; the blank rules of the months; a bad month named', () => {
    const table = s.call('KLING_API_SCHEDULE', column(0, 0, 0, 0, 0, 0, 700)) as unknown[][];
    expect(table[1]).toEqual([1, '1-6', 0, '', 0]);
    expect(table[2]).toEqual([2, '7', 5000, '5,000-unit pack', 700]);
    expect(s.call('KLING_API_SCHEDULE', wholeColumn([], 10))).toBe('');
    expect(s.error('KLING_API_SCHEDULE', column(2.8, 'x')).message).toBe(
      'month 2: USD "x" is not a number; use an amount in USD from 0 to 100,000,000 (the work at API list prices)',
    );
  });

  it('a price table without API packs cannot price the API: a clear error', () => {
    const noPacks = bookToRows(DEFAULT_PRICE_BOOK).filter((r) => r[0] !== 'API pack' && r[0] !== 'API unit');
    expect(s.error('KLING_API_SCHEDULE', column(2.8), noPacks).message).toBe(
      'the price book lists no API packs (Kling sells the API only in prepaid packs)',
    );
  });
});

describe('KLING_ACTUALS', () => {
  const log = (...rows: unknown[][]) => [0, 1, 2, 3, 4, 5].map((c) => column(...rows.map((r) => r[c])));

  it('by calendar month, oldest first, then the total; failed generations are refunded', () => {
    const args = log(
      ['2026-12-01', 'pro', 10, true, 'kept', '2.6'],
      ['2026-11-03', 'std', 5, false, 'discarded', '2.6'],
      ['2026-11-20 14:22', 'pro', 7, 'voice', 'failed', '3.0'],
      ['2026-11-21', 'pro', 7, 'voice', 'kept', '3.0'],
    );
    expect(s.call('KLING_ACTUALS', ...args)).toEqual([
      ['Month', 'Generations', 'Kept', 'Discarded', 'Failed (refunded)', 'Credits spent', 'Retake rate', 'Credits per kept video'],
      ['2026-11', 3, 1, 1, 1, 10 + 98, 0.5, 108],
      ['2026-12', 1, 1, 0, 0, 200, 0, 200],
      ['Total', 4, 2, 1, 1, 308, 1 / 3, 154],
    ]);
  });

  it('outcomes: kept (used, yes, TRUE), discarded (retake, no, FALSE), failed (refunded)', () => {
    const outcomes = ['kept', 'used', 'yes', true, 'discarded', 'retake', 'no', false, 'failed', 'refunded', ' KEPT '];
    const args = log(...outcomes.map((o) => ['2026-11-03', 'std', 5, false, o, '2.6']));
    expect((s.call('KLING_ACTUALS', ...args) as unknown[][])[1]).toEqual(['2026-11', 11, 5, 4, 2, 90, 4 / 9, 18]);
  });

  it('no kept or discarded take: the rates are blank; blank rows are skipped; a header row first is skipped', () => {
    const args = log(
      ['Date', 'Mode', 'Seconds', 'Audio', 'Outcome', 'Model'],
      ['2026-11-03', 'std', 5, false, 'failed', ''],
      ['', '', '', false, '', ''],
    );
    expect(s.call('KLING_ACTUALS', ...args)).toEqual([
      ['Month', 'Generations', 'Kept', 'Discarded', 'Failed (refunded)', 'Credits spent', 'Retake rate', 'Credits per kept video'],
      ['2026-11', 1, 0, 0, 1, 0, '', ''],
      ['Total', 1, 0, 0, 1, 0, '', ''],
    ]);
  });

  it('date cells are grouped by the calendar month the sheet shows', () => {
    const args = log(['', 'std', 5, false, 'kept', '2.6']);
    args[0] = column(s.date('2026-11-30T23:30:00'));
    expect((s.call('KLING_ACTUALS', ...args) as unknown[][])[1]?.[0]).toBe('2026-11');
  });

  it('an invalid row fails the call with a message naming its row of the log and what is wrong', () => {
    const cases: [unknown[], string][] = [
      [
        ['2026-02-30', 'std', 5, false, 'kept', '2.6'],
        'log row 2: date "2026-02-30" is not a date; use a date cell or ISO text such as 2026-11-03 or 2026-11-03 14:22',
      ],
      [
        ['2026-11-03', 'std', 5, false, 'maybe', '2.6'],
        'log row 2: outcome "maybe" is not an outcome; use kept (also used, yes, TRUE), discarded (also retake, no, FALSE) or failed (refunded, 0 credits)',
      ],
      [['2026-11-03', 'std', 7, false, 'kept', '2.6'], 'log row 2: secs 7 is not a clip length Kling 2.6 makes; use 5 or 10'],
      [
        ['2026-11-03', 'std', 5, false, '', '2.6'],
        'log row 2: outcome is missing; use kept (also used, yes, TRUE), discarded (also retake, no, FALSE) or failed (refunded, 0 credits)',
      ],
      [
        ['', 'std', 5, false, 'kept', '2.6'],
        'log row 2: date is missing; use a date cell or ISO text such as 2026-11-03 or 2026-11-03 14:22',
      ],
      [
        ['2026-11-03', 'std', 5, false, 'kept', '3.0 Turbo'],
        `log row 2: Kling 3.0 Turbo has no app credits in the price book; it is sold by Kling's API (KLING_API_COST); rows "App credits, Kling 3.0 Turbo" in the price table (Edit prices) add app credits`,
      ],
    ];
    for (const [bad, message] of cases) {
      expect(s.error('KLING_ACTUALS', ...log(['2026-11-02', 'std', 5, false, 'kept', '2.6'], bad)).message).toBe(message);
    }
  });

  it('a cell is read as it is, not as its text: a blank audio and the text "null" are not the same clip', () => {
    const args = log(['2026-11-03', 'pro', 10, null, 'kept', '2.6'], ['2026-11-04', 'pro', 10, 'null', 'kept', '2.6']);
    expect(s.error('KLING_ACTUALS', ...args).message).toBe(
      'log row 2: audio "null" is not an audio option; use TRUE or FALSE (also yes/no, 1/0), or voice for voice control',
    );
  });
});
