/**
 * Range calls through dist/Code.js: columns, rows, 2D blocks, 1x1 ranges, whole-column ranges
 * with trailing blanks, blank rows, checkbox columns, per-position errors and shape mismatches.
 */
import { describe, expect, it } from 'vitest';
import { column, row, sheets, wholeColumn } from './sheets';

const s = sheets();

describe('broadcasting', () => {
  it('a column range gives a column of results', () => {
    expect(s.call('KLING_CREDITS', column('std', 'pro', 'std'), column(5, 10, 10), column(false, true, true))).toEqual([
      [10],
      [200],
      [100],
    ]);
  });

  it('a row range gives a row of results', () => {
    expect(s.call('KLING_CREDITS', row('std', 'pro', '4k'), 5, false, 3)).toEqual([[30, 40, 150]]);
  });

  it('a 2D block gives a 2D block', () => {
    const plans = [
      ['standard', 'pro'],
      ['premier', 'ultra'],
    ];
    expect(s.call('KLING_IMAGES', plans)).toEqual([
      [3300, 15000],
      [40000, 130000],
    ]);
    expect(s.call('KLING_PLAN', plans, 'credits')).toEqual([
      [660, 3000],
      [8000, 26000],
    ]);
  });

  it('single values combine with ranges; every range argument has the same shape', () => {
    const result = s.call('KLING_COST', column('std', 'pro'), column(5, 10), false, column('standard', 'ultra'), 'intro') as number[][];
    expect(result[0]?.[0]).toBeCloseTo((10 * 6.99) / 660, 12);
    expect(result[1]?.[0]).toBeCloseTo((70 * 127.99) / 26000, 12);
  });

  it('each position computes like the single-value call', () => {
    const modes = ['std', 'pro', '4k', 'pro'];
    const secs = [3, 7, 15, 10];
    const audio = [true, false, true, 'yes'];
    const result = s.call('KLING_API_COST', column(...modes), column(...secs), column(...audio), 3) as number[][];
    modes.forEach((m, i) => {
      expect(result[i]?.[0]).toBe(s.call('KLING_API_COST', m, secs[i], audio[i], 3));
    });
  });

  it('a range of billings, retake rates or models', () => {
    expect(s.call('KLING_PLAN', 'pro', 'price', column('monthly', 'intro', 'annual', 'list', 'first month', 'yearly'))).toEqual([
      [32.56],
      [25.99],
      [24.42],
      [37],
      [25.99],
      [24.42],
    ]);
    expect(s.call('KLING_VIDEOS', 'standard', 'std', 10, false, column(0, 0.1, '50%', 0.9))).toEqual([[33], [29], [16], [3]]);
    // The model does not describe the row: a blank model is the default, Kling 2.6.
    expect(s.call('KLING_CREDITS', 'pro', 10, false, column(2.6, '2.6', 3, '3.0', '3', '', 'Kling 3.0'))).toEqual([
      [70],
      [70],
      [80],
      [80],
      [80],
      [70],
      [80],
    ]);
  });

  it('KLING_BEST_PLAN and KLING_MONTHLY_COST over a column of needs', () => {
    const needs = column(0, 700, 2000, 26001, '', 30000);
    expect(s.call('KLING_BEST_PLAN', needs)).toEqual([
      ['Free'],
      ['Standard + 330-credit pack'],
      ['Pro'],
      ['Ultra + 330-credit pack'],
      [''],
      ['Ultra + 3,500-credit pack + 660-credit pack'],
    ]);
    expect(s.call('KLING_MONTHLY_COST', needs)).toEqual([[0], [13.8], [32.56], [164.99], [''], [219.99]]);
    const noTopups = s.call('KLING_BEST_PLAN', needs, 'monthly', false) as string[][];
    expect(noTopups[1]).toEqual(['Pro']);
    expect(noTopups[5]?.[0]).toMatch(/^ERROR: no plan alone covers 30,000 credits/);
  });

  it('numbers come back as numbers', () => {
    const result = s.call('KLING_CREDITS', column('std', 'pro'), column('5', ' 10 ')) as unknown[][];
    for (const r of result) expect(typeof r[0]).toBe('number');
  });
});

describe('1x1 ranges', () => {
  it('count as single values: a value, not a 1x1 array', () => {
    expect(s.call('KLING_IMAGES', [['pro']])).toBe(15000);
    expect(s.call('KLING_CREDITS', column('std', 'pro'), [[10]])).toEqual([[20], [70]]);
  });

  it('a 1x1 range broadcasts against a larger range', () => {
    expect(s.call('KLING_COST', column('std', 'std'), column(5, 10), [[false]], [['standard']])).toEqual([
      [(10 * 8.8) / 660],
      [(20 * 8.8) / 660],
    ]);
  });
});

describe('blanks in ranges', () => {
  it('a position where every range argument is blank gives ""', () => {
    expect(s.call('KLING_CREDITS', column('std', '', 'pro'), column(5, '', 10))).toEqual([[10], [''], [70]]);
  });

  it('whole-column ranges (A2:A) with trailing blanks: blank rows give ""', () => {
    const rows = 500;
    const result = s.call(
      'KLING_COST',
      wholeColumn(['std', 'pro', '4k'], rows),
      wholeColumn([5, 10, 3], rows),
      wholeColumn([false, true, true], rows, false), // a checkbox column holds FALSE in its empty rows
      'ultra',
      'monthly',
      wholeColumn([0, '20%', ''], rows),
      wholeColumn(['3.0', '3.0', '3.0'], rows),
    ) as unknown[][];
    expect(result).toHaveLength(rows);
    expect(result[0]?.[0]).toBeCloseTo((30 * 159.99) / 26000, 12);
    expect(result[1]?.[0]).toBeCloseTo((120 * 159.99) / 26000 / 0.8, 12);
    expect(result[2]?.[0]).toBeCloseTo((90 * 159.99) / 26000, 12);
    for (let r = 3; r < rows; r++) expect(result[r], `row ${r + 1}`).toEqual(['']);
  });

  it('audio never makes a row: FALSE or TRUE where mode and secs are blank gives "" (KLING_CREDITS, KLING_COST, KLING_VIDEOS, KLING_API_COST)', () => {
    const modes = column('std', '', '');
    const secs = column(5, '', '');
    const audio = column(false, false, true);
    expect(s.call('KLING_CREDITS', modes, secs, audio)).toEqual([[10], [''], ['']]);
    expect(s.call('KLING_COST', modes, secs, audio, 'pro')).toEqual([[(10 * 3256) / (100 * 3000)], [''], ['']]);
    expect(s.call('KLING_VIDEOS', 'pro', modes, secs, audio)).toEqual([[300], [''], ['']]);
    expect(s.call('KLING_API_COST', modes, secs, audio)).toEqual([[0.21], [''], ['']]);
  });

  it('a blank row in a whole-column range of plans or needs gives ""', () => {
    expect(s.call('KLING_IMAGES', wholeColumn(['standard', '', 'pro'], 6))).toEqual([[3300], [''], [15000], [''], [''], ['']]);
    expect(s.call('KLING_PLAN', wholeColumn(['ultra'], 3), 'year', 'annual')).toEqual([[1429.99], [''], ['']]);
    expect(s.call('KLING_MONTHLY_COST', wholeColumn([700], 3), 'monthly', true)).toEqual([[13.8], [''], ['']]);
  });

  it('the range row arguments decide: a single audio TRUE next to blank rows leaves them blank', () => {
    // plan is not one of them: a single plan next to blank rows leaves them blank.
    expect(s.call('KLING_VIDEOS', 'standard', column('pro', ''), column(10, ''), false)).toEqual([[9], ['']]);
    expect(s.call('KLING_VIDEOS', 'standard', column('pro', ''), column(10, ''))).toEqual([[9], ['']]);
    expect(s.call('KLING_VIDEOS', 'standard', column('pro', ''), column(10, ''), true)).toEqual([[3], ['']]);
    // A single secs beside a range of modes: the modes decide alone.
    expect(s.call('KLING_VIDEOS', 'standard', column('pro', ''), 10, true)).toEqual([[3], ['']]);
  });

  it('an empty required cell next to a filled one is an error for that position only', () => {
    expect(s.call('KLING_CREDITS', column('std', 'pro'), column(5, ''))).toEqual([
      [10],
      ['ERROR: secs is missing; use 5 or 10 (Kling 2.6)'],
    ]);
  });
});

describe('errors in range calls', () => {
  it('a position with bad input gives "ERROR: <message>"; every other position still computes', () => {
    const result = s.call('KLING_CREDITS', column('std', 'prof', 'pro', '4k'), column(5, 5, 7, 5)) as unknown[][];
    expect(result[0]).toEqual([10]);
    expect(result[1]).toEqual(['ERROR: mode "prof" is not a Kling mode; use standard, professional or 4k']);
    expect(result[2]).toEqual(['ERROR: secs 7 is not a clip length Kling 2.6 makes; use 5 or 10']);
    expect(result[3]).toEqual(['ERROR: mode "4k" is not offered by Kling 2.6; use standard or professional']);
  });

  it('the ERROR text is the message the single-value call throws', () => {
    // [function, arguments, index of the bad argument, a good value for it]
    const cases: [string, unknown[], number, unknown][] = [
      ['KLING_CREDITS', ['prof', 5], 0, 'pro'],
      ['KLING_CREDITS', ['std', 7], 1, 5],
      ['KLING_CREDITS', ['std', 5, 'maybe'], 2, true],
      ['KLING_CREDITS', ['std', 5, false, '2.5'], 3, '3.0'],
      ['KLING_COST', ['std', 5, false, 'gold'], 3, 'pro'],
      ['KLING_COST', ['std', 5, false, 'pro', 'weekly'], 4, 'annual'],
      ['KLING_COST', ['std', 5, false, 'pro', 'monthly', 1], 5, 0.5],
      ['KLING_COST', ['pro', 10, true, 'free'], 3, 'standard'],
      ['KLING_VIDEOS', ['gold', 'std', 5], 0, 'pro'],
      ['KLING_VIDEOS', ['pro', 'std', 5, false, '120%'], 4, '12%'],
      ['KLING_IMAGES', ['gold'], 0, 'pro'],
      ['KLING_PLAN', ['pro', 'cost'], 1, 'cost_per_credit'],
      ['KLING_PLAN', ['pro', 'price', 'weekly'], 2, 'intro'],
      ['KLING_BEST_PLAN', [-5], 0, 700],
      ['KLING_BEST_PLAN', [700, 'monthly', 'maybe'], 2, false],
      ['KLING_MONTHLY_COST', [30000, 'monthly', false], 0, 700],
      ['KLING_API_COST', ['std', 10, true], 2, false],
    ];
    for (const [name, args, bad, good] of cases) {
      const message = s.error(name, ...args).message;
      const ranged = [...args];
      ranged[bad] = column(good, args[bad]);
      const result = s.call(name, ...ranged) as unknown[][];
      expect(result[1], `${name}(${JSON.stringify(args)})`).toEqual([`ERROR: ${message}`]);
      expect(String(result[0]?.[0]), `${name}: the good row computes`).not.toMatch(/^ERROR/);
    }
  });

  it('Date cells in a range give an error for that position', () => {
    const result = s.call('KLING_CREDITS', column('std', 'std'), column(5, s.date('2026-01-05T00:00:00'))) as unknown[][];
    expect(result[0]).toEqual([10]);
    expect(result[1]).toEqual(['ERROR: secs the date 2026-01-05 is not a number; use 5 or 10 (Kling 2.6)']);
  });

  it('a 2D block with an error in one cell', () => {
    expect(
      s.call('KLING_IMAGES', [
        ['standard', 'gold'],
        ['', 'ultra'],
      ]),
    ).toEqual([
      [3300, 'ERROR: plan "gold" is not a Kling plan; use free, standard, pro, premier or ultra'],
      ['', 130000],
    ]);
  });
});

describe('ranges of different shapes', () => {
  it('fail the call with a thrown error naming both shapes', () => {
    const e = s.error('KLING_CREDITS', column('std', 'pro'), column(5, 10, 5));
    expect(e.message).toMatch(/mode is 2 rows x 1 column.*secs is 3 rows x 1 column/);
  });

  it('a row against a column', () => {
    const e = s.error('KLING_COST', column('std', 'pro', 'std'), row(5, 10, 5), false, 'pro');
    expect(e.message).toMatch(/mode is 3 rows x 1 column.*secs is 1 row x 3 columns/);
  });

  it('2D blocks of different sizes, in later arguments', () => {
    const e = s.error(
      'KLING_VIDEOS',
      'pro',
      [
        ['std', 'pro'],
        ['std', 'pro'],
      ],
      5,
      [[true, false, true]],
    );
    expect(e.message).toMatch(/mode is 2 rows x 2 columns.*audio is 1 row x 3 columns/);
  });

  it('empty and ragged ranges: a clear thrown error', () => {
    expect(s.error('KLING_CREDITS', [], 5).message).toMatch(/mode is an empty range/);
    expect(s.error('KLING_CREDITS', [['std'], ['pro', 'x']], 5).message).toMatch(/mode is not a rectangular range/);
  });
});
