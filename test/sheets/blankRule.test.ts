/**
 * The blank rule (custom-functions.md, "Ranges"), for single values and for each position of a
 * range call alike: the result is blank when the arguments that describe the row are all blank,
 * whatever the other arguments hold (mode and secs for KLING_CREDITS, KLING_COST, KLING_VIDEOS and
 * KLING_API_COST, audio only together with them: alone it never makes a row blank or partly
 * filled; credits_per_month for KLING_BEST_PLAN, KLING_MONTHLY_COST and KLING_YEARLY; plan for
 * KLING_IMAGES and KLING_PLAN). In a range call only the row arguments given as ranges describe a
 * row: a single value is the same for every row and never makes an empty row partly filled, so
 * =KLING_COST(A2:A, 10, TRUE, "standard") is blank below the last mode. A row with some of them
 * given is an error naming what is missing.
 */
import { describe, expect, it } from 'vitest';
import { column, sheets, wholeColumn } from './sheets';

const s = sheets();

/** What an empty cell may arrive as: an empty string, an omitted argument, white space; audio also FALSE. */
const BLANKS: readonly unknown[] = ['', undefined, null, ' ', '\t'];
const BLANK_AUDIO: readonly unknown[] = [...BLANKS, false];
/** Other arguments that would each fail the call if the row were computed. */
const JUNK = { plan: 'gold', billing: 'weekly', retake: 5, model: 'v9', provider: 'nobody', prices: 'not a range' } as const;
const BROKEN_TABLE = [
  ['Section', 'Item'],
  ['x', 'y'],
];

describe('single values: a blank row is a blank result, whatever the other arguments hold', () => {
  it('=KLING_COST(B2, C2, D2, "standard") filled down over empty rows stays empty', () => {
    for (const audio of BLANK_AUDIO) expect(s.call('KLING_COST', '', '', audio, 'standard'), String(audio)).toBe('');
  });

  it('KLING_CREDITS, KLING_COST, KLING_VIDEOS, KLING_API_COST: mode and secs blank, audio FALSE or blank', () => {
    for (const mode of BLANKS) {
      for (const secs of BLANKS) {
        for (const audio of BLANK_AUDIO) {
          const where = JSON.stringify([mode, secs, audio]);
          expect(s.call('KLING_CREDITS', mode, secs, audio, JUNK.model, JUNK.prices), where).toBe('');
          expect(s.call('KLING_COST', mode, secs, audio, JUNK.plan, JUNK.billing, JUNK.retake, JUNK.model, JUNK.prices), where).toBe('');
          expect(s.call('KLING_VIDEOS', JUNK.plan, mode, secs, audio, JUNK.retake, JUNK.model, BROKEN_TABLE), where).toBe('');
          expect(s.call('KLING_API_COST', mode, secs, audio, JUNK.model, JUNK.provider, BROKEN_TABLE), where).toBe('');
        }
      }
    }
    expect(s.call('KLING_CREDITS')).toBe('');
    expect(s.call('KLING_COST')).toBe('');
    expect(s.call('KLING_VIDEOS')).toBe('');
    expect(s.call('KLING_API_COST')).toBe('');
  });

  it('audio alone never makes a row partly filled: TRUE, yes, voice with mode and secs blank give a blank', () => {
    for (const audio of [true, 'yes', 'TRUE', 1, 'voice', ' Voice control ', 'maybe']) {
      const where = JSON.stringify(audio);
      expect(s.call('KLING_CREDITS', '', '', audio), where).toBe('');
      expect(s.call('KLING_CREDITS', '', '', audio, '3.0'), where).toBe('');
      expect(s.call('KLING_COST', '', '', audio, 'standard'), where).toBe('');
      expect(s.call('KLING_VIDEOS', 'standard', '', '', audio), where).toBe('');
      expect(s.call('KLING_API_COST', '', '', audio, '3.0 Turbo'), where).toBe('');
      expect(s.call('KLING_API_COST', '', '', audio, '4.0', 'fal'), where).toBe('');
    }
  });

  it('KLING_IMAGES and KLING_PLAN: plan blank', () => {
    for (const plan of BLANKS) {
      expect(s.call('KLING_IMAGES', plan, JUNK.prices)).toBe('');
      expect(s.call('KLING_PLAN', plan, 'cost', JUNK.billing, BROKEN_TABLE)).toBe('');
    }
  });

  it('KLING_BEST_PLAN, KLING_MONTHLY_COST and KLING_YEARLY: credits_per_month blank', () => {
    for (const credits of BLANKS) {
      expect(s.call('KLING_BEST_PLAN', credits, JUNK.billing, 'maybe', JUNK.prices)).toBe('');
      expect(s.call('KLING_MONTHLY_COST', credits, JUNK.billing, 'maybe', BROKEN_TABLE)).toBe('');
      expect(s.call('KLING_YEARLY', credits, 'maybe', JUNK.prices)).toBe('');
      // A range where a single value belongs is one more thing the rule does not look at.
      expect(s.call('KLING_YEARLY', credits, [[true], [false]], BROKEN_TABLE)).toBe('');
    }
    expect(s.call('KLING_YEARLY', [['']])).toBe('');
    expect(s.call('KLING_BEST_PLAN')).toBe('');
  });

  it('the table functions: an all-blank input gives a blank', () => {
    expect(s.call('KLING_BUDGET', '', '', false, '')).toBe('');
    // Ranges of a shot list with no filled row: the table of an empty month (zeros), not an error.
    const empty = s.call('KLING_BUDGET', column('', ''), column('', ''), column(false, false), column('', '')) as unknown[][];
    expect(empty.find((r) => r[0] === 'Credits with retakes')?.[1]).toBe(0);
    expect(s.call('KLING_SCHEDULE', wholeColumn([], 50))).toBe('');
    expect(s.call('KLING_SCHEDULE', '', 'weekly', -5)).toBe('');
    expect(s.call('KLING_API_SCHEDULE', wholeColumn([], 50))).toBe('');
  });

  it('a filled argument is no blank: numbers 0 and text count as given', () => {
    expect(s.call('KLING_BEST_PLAN', 0)).toBe('Free');
    expect(s.call('KLING_MONTHLY_COST', 0)).toBe(0);
    expect(s.error('KLING_CREDITS', 0, '').message).toMatch(/^mode 0 is not a Kling mode/);
    expect(s.error('KLING_CREDITS', '', 'FALSE').message).toMatch(/^mode is missing/);
    expect(s.error('KLING_IMAGES', 0).message).toMatch(/^plan 0 is not a Kling plan/);
  });
});

describe('a half-filled row is an error that names what is missing', () => {
  const cases: [string, unknown[], string][] = [
    ['KLING_CREDITS', ['pro', ''], 'secs is missing; use 5 or 10 (Kling 2.6)'],
    ['KLING_CREDITS', ['', 10], 'mode is missing; use standard or professional'],
    ['KLING_CREDITS', ['', 5, false, '3.0'], 'mode is missing; use standard, professional or 4k'],
    ['KLING_CREDITS', ['pro', '', false, '3.0'], 'secs is missing; use a whole number of seconds from 3 to 15 (Kling 3.0)'],
    ['KLING_COST', ['pro', '', false, 'standard'], 'secs is missing; use 5 or 10 (Kling 2.6)'],
    ['KLING_COST', ['pro', 10, false, ''], 'plan is missing; use free, standard, pro, premier or ultra'],
    ['KLING_VIDEOS', ['standard', '', 10], 'mode is missing; use standard or professional'],
    ['KLING_VIDEOS', ['', 'pro', 10], 'plan is missing; use free, standard, pro, premier or ultra'],
    ['KLING_API_COST', ['', 10, false], 'mode is missing; use standard or professional'],
    ['KLING_API_COST', ['pro', '', true, '3.0'], 'secs is missing; use a whole number of seconds from 3 to 15 (Kling 3.0)'],
    ['KLING_API_COST', ['', 10, true, '4.0', 'fal'], 'mode is missing; use standard or professional'],
  ];
  for (const [name, args, message] of cases) {
    it(`${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`, () => {
      expect(s.error(name, ...args).message).toBe(message);
    });
  }

  it('the message is the one of the model in force: a model names its own modes and lengths', () => {
    // (userModel.test.ts covers the rest of a user's model.)
    expect(s.error('KLING_API_COST', '', 5, true, '3.0 Turbo').message).toBe('mode is missing; use standard or professional');
    expect(s.error('KLING_API_COST', 'pro', '', true, '3.0 Turbo').message).toBe(
      'secs is missing; use a whole number of seconds from 3 to 15 (Kling 3.0 Turbo)',
    );
  });
});

describe('ranges: each position follows the same rule', () => {
  it('whole-column ranges (B2:B, C2:C, D2:D) with a checkbox column: empty rows blank, half rows an ERROR naming what is missing', () => {
    const rows = 1_000;
    const modes = wholeColumn(['pro', 'std', '', 'pro', ''], rows);
    const secs = wholeColumn([10, '', 5, '', ''], rows);
    const audio = wholeColumn([true, false, false, false, true], rows, false);
    const result = s.call('KLING_COST', modes, secs, audio, 'standard') as unknown[][];
    expect(result).toHaveLength(rows);
    expect(result[0]).toEqual([(200 * 10_560) / (1200 * 660)]);
    expect(result[1]).toEqual(['ERROR: secs is missing; use 5 or 10 (Kling 2.6)']);
    expect(result[2]).toEqual(['ERROR: mode is missing; use standard or professional']);
    expect(result[3]).toEqual(['ERROR: secs is missing; use 5 or 10 (Kling 2.6)']);
    // A ticked checkbox alone: audio never makes a row partly filled.
    expect(result[4]).toEqual(['']);
    for (let r = 5; r < rows; r++) if (result[r]?.[0] !== '') expect(result[r], `row ${r + 1}`).toEqual(['']);
  });

  it('=KLING_COST(A2:A, 10, TRUE, "standard") and =KLING_CREDITS(A2:A, 5): blanks below the last mode, not ERROR', () => {
    const rows = 1_000;
    const modes = wholeColumn(['pro', 'std', 'pro'], rows);
    const cost = s.call('KLING_COST', modes, 10, true, 'standard') as unknown[][];
    expect(cost).toHaveLength(rows);
    expect(cost.slice(0, 3)).toEqual([[(200 * 10_560) / (1200 * 660)], [(100 * 10_560) / (1200 * 660)], [(200 * 10_560) / (1200 * 660)]]);
    for (let r = 3; r < rows; r++) if (cost[r]?.[0] !== '') expect(cost[r], `row ${r + 2}`).toEqual(['']);
    const credits = s.call('KLING_CREDITS', modes, 5) as unknown[][];
    expect(credits).toHaveLength(rows);
    expect(credits.slice(0, 3)).toEqual([[35], [10], [35]]);
    for (let r = 3; r < rows; r++) if (credits[r]?.[0] !== '') expect(credits[r], `row ${r + 2}`).toEqual(['']);
    // The same with the single value first and the range second, and for every function of a clip.
    const secsColumn = wholeColumn([5, 10], rows);
    const bySecs = s.call('KLING_CREDITS', 'pro', secsColumn) as unknown[][];
    expect(bySecs.slice(0, 2)).toEqual([[35], [70]]);
    expect(bySecs.slice(2).every((r) => r[0] === '')).toBe(true);
    const videos = s.call('KLING_VIDEOS', 'standard', modes, 10, true) as unknown[][];
    expect(videos.slice(0, 3)).toEqual([[3], [6], [3]]);
    expect(videos.slice(3).every((r) => r[0] === '')).toBe(true);
    const api = s.call('KLING_API_COST', modes, 10, true, '3.0', 'fal') as unknown[][];
    expect(api.slice(0, 3)).toEqual([[1.68], [1.26], [1.68]]);
    expect(api.slice(3).every((r) => r[0] === '')).toBe(true);
    // A blank cell in the middle of the modes is blank too; a mode with its secs range blank is not.
    expect(s.call('KLING_CREDITS', column('pro', '', 'std'), 5)).toEqual([[35], [''], [10]]);
    expect(s.call('KLING_CREDITS', column('pro', ''), column(10, 5))).toEqual([
      [70],
      ['ERROR: mode is missing; use standard or professional'],
    ]);
  });

  it('only row arguments given as ranges describe a row: a range of audio, plans, billings or providers next to single modes and secs computes every row', () => {
    expect(s.call('KLING_CREDITS', 'pro', 10, column(true, false, ''))).toEqual([[200], [70], [70]]);
    // Single mode and secs both blank: no row argument is a range, so the single values decide: blank.
    expect(s.call('KLING_CREDITS', '', '', column(true, false))).toEqual([[''], ['']]);
    expect(s.call('KLING_CREDITS', '', 10, column(true, false))).toEqual([
      ['ERROR: mode is missing; use standard or professional'],
      ['ERROR: mode is missing; use standard or professional'],
    ]);
    // plan is no row argument of KLING_VIDEOS and KLING_COST: a blank plan cell is a missing plan.
    expect(s.call('KLING_VIDEOS', column('standard', ''), 'pro', 10, true)).toEqual([
      [3],
      ['ERROR: plan is missing; use free, standard, pro, premier or ultra'],
    ]);
    expect(s.call('KLING_COST', column('pro', ''), 10, true, column('standard', 'ultra'))).toEqual([[(200 * 10_560) / (1200 * 660)], ['']]);
    expect(s.call('KLING_COST', '', '', true, column('standard', 'gold'))).toEqual([[''], ['']]);
    // provider is no row argument of KLING_API_COST.
    expect(s.call('KLING_API_COST', 'pro', 10, true, '3.0', column('fal', '', 'Replicate'))).toEqual([[1.68], [1.68], [2.52]]);
    expect(s.call('KLING_API_COST', column('pro', ''), 10, true, '3.0', column('fal', 'fal'))).toEqual([[1.68], ['']]);
    // plan is the row argument of KLING_IMAGES and KLING_PLAN.
    expect(s.call('KLING_PLAN', column('pro', ''), column('credits', 'gold'))).toEqual([[3000], ['']]);
  });

  it('the same for KLING_CREDITS, KLING_VIDEOS and KLING_API_COST, with blank other ranges', () => {
    const modes = column('std', '', '', ' ');
    const secs = column(5, '', 5, null);
    const audio = column(false, false, '', undefined);
    expect(s.call('KLING_CREDITS', modes, secs, audio, column('', 'v9', '', 'v9'))).toEqual([
      [10],
      [''],
      ['ERROR: mode is missing; use standard or professional'],
      [''],
    ]);
    expect(s.call('KLING_VIDEOS', column('standard', 'gold', 'standard', ''), modes, secs, audio)).toEqual([
      [66],
      [''],
      ['ERROR: mode is missing; use standard or professional'],
      [''],
    ]);
    expect(s.call('KLING_API_COST', modes, secs, audio)).toEqual([
      [0.21],
      [''],
      ['ERROR: mode is missing; use standard or professional'],
      [''],
    ]);
    // Ticked checkboxes in rows whose mode and secs are blank: still blank.
    expect(s.call('KLING_CREDITS', modes, secs, column(true, true, '', 'yes'))).toEqual([
      [50],
      [''],
      ['ERROR: mode is missing; use standard or professional'],
      [''],
    ]);
  });

  it('KLING_BEST_PLAN and KLING_MONTHLY_COST over a column of needs: blank rows blank whatever the billing cell holds', () => {
    const needs = column(700, '', ' ', 2000);
    const billings = column('monthly', 'weekly', 'weekly', 'annual');
    expect(s.call('KLING_BEST_PLAN', needs, billings)).toEqual([['Standard + 330-credit pack'], [''], [''], ['Pro']]);
    expect(s.call('KLING_MONTHLY_COST', needs, billings, column(true, 'maybe', 'maybe', false))).toEqual([[13.8], [''], [''], [24.42]]);
  });

  it('a broken price table still leaves blank rows blank', () => {
    const result = s.call('KLING_CREDITS', column('pro', ''), column(10, ''), column(true, false), '', BROKEN_TABLE) as unknown[][];
    expect(result[0]?.[0]).toMatch(/^ERROR: prices /);
    expect(result[1]).toEqual(['']);
  });
});
