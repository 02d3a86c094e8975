import { describe, expect, it } from 'vitest';
import { columnLetters, MAX_PROBLEMS, MAX_SELECTION_CELLS, readSelection, selectionShapeProblem } from '../../src/addon/selection';
import { budgetSummary, DEFAULT_PRICE_BOOK, PricingEngine } from '../../src/pricing';
import { ADDED_MODEL, bookWithModel, SHOT_LIST_HEADER, SHOT_LIST_ROWS } from '../sidebar/fixtures';

const engine = new PricingEngine(DEFAULT_PRICE_BOOK);
const RANGE = "'Kling budget'!A5:K12";
const row = (
  model: string,
  mode: string,
  secs: number,
  audio: string,
  count: number | null,
  testTakes = 0,
  retakeRate: number | null = null,
) => ({
  model,
  mode,
  secs,
  audio,
  count,
  testTakes,
  retakeRate,
});

describe('readSelection: the budget template shot list, by header names', () => {
  it('reads its columns in any order, ignores Scene and the computed columns, skips blank and model-only rows', () => {
    const read = readSelection(engine, SHOT_LIST_ROWS, 5, 1, RANGE);
    expect(read.problems).toEqual([]);
    expect(read.header).toBe(true);
    expect(read.rows).toEqual([
      row('Kling 2.6', 'professional', 10, 'audio', 4, 2),
      row('Kling 2.6', 'standard', 5, 'silent', 20, 0, 0.3),
      row('Kling 3.0', 'professional', 8, 'voice', 6, 1),
      // Videos blank: read, and it counts as nothing (as the template's formulas count it).
      row('Kling 2.6', 'standard', 10, 'silent', null),
    ]);
  });

  it('gives the same budget as the rows it read, each row with its own retake rate', () => {
    const read = readSelection(engine, SHOT_LIST_ROWS, 5, 1, RANGE);
    const lines = read.rows
      .filter((r) => r.count !== null)
      .map((r) => ({
        clip: { model: r.model, mode: r.mode, secs: r.secs, audio: r.audio },
        count: r.count as number,
        testTakes: r.testTakes,
        retakeRate: r.retakeRate,
      }));
    const summary = budgetSummary(engine, { lines, images: 0, billing: 'monthly', retakeRate: 0.2 });
    // (200 + 2 x 100) x 4 / 0.8 + 10 x 20 / 0.7 + (112 + 88) x 6 / 0.8 = 2000 + 285.71... + 1500, rounded up once
    expect(summary.creditsWithRetakes).toBe(3786);
  });

  it('finds the header in the rows above when only the rows of work are selected', () => {
    const [header, ...data] = SHOT_LIST_ROWS;
    const read = readSelection(engine, data.slice(1, 3), 7, 1, "'Kling budget'!A7:K8", [
      ['Kling budget', ...Array(10).fill('')],
      header as unknown[],
      data[0] as unknown[],
    ]);
    expect(read.header).toBe(true);
    expect(read.rows).toEqual([row('Kling 2.6', 'standard', 5, 'silent', 20, 0, 0.3), row('Kling 3.0', 'professional', 8, 'voice', 6, 1)]);
  });

  it('reads odd headers: case, notes in brackets, marks, odd spaces, line breaks; the first of two columns wins', () => {
    const read = readSelection(
      engine,
      [
        [
          '  VIDEOS PER MONTH (finals) ',
          'Length (s)',
          'mode\u00a0',
          'Native\naudio',
          'Kling\u200bmodel',
          'Mode',
          'Test takes per final*',
          'Retake rate %',
        ],
        [3, 10, 'Pro', 'yes', '3', 'standard', '2', '25%'],
      ],
      1,
      1,
      RANGE,
    );
    expect(read.problems).toEqual([]);
    expect(read.rows).toEqual([row('Kling 3.0', 'professional', 10, 'audio', 3, 2, 0.25)]);
  });

  it('reads a model the user added to the price table, with its own lengths', () => {
    const added = new PricingEngine(bookWithModel());
    const values = [
      ['Model', 'Mode', 'Seconds', 'Audio', 'Videos per month'],
      ['5.0', 'professional', 20, 'voice', 2],
      ['Kling 5.0', 'standard', 3, false, 2],
    ];
    const read = readSelection(added, values, 1, 1, RANGE);
    expect(read.problems).toEqual([
      { cell: 'C3', message: `secs 3 is not a clip length ${ADDED_MODEL} makes; use a whole number of seconds from 4 to 20` },
    ]);
    expect(readSelection(added, values.slice(0, 2), 1, 1, RANGE).rows).toEqual([row(ADDED_MODEL, 'professional', 20, 'voice', 2)]);
    // The default book does not know it.
    expect(readSelection(engine, values.slice(0, 2), 1, 1, RANGE).problems[0]).toEqual({
      cell: 'A2',
      message: expect.stringContaining('model "5.0" is not a model of the price book in force'),
    });
  });

  it('refuses a header without a "Videos per month" column', () => {
    const read = readSelection(
      engine,
      [
        ['Mode', 'Seconds', 'Audio', 'Notes'],
        ['pro', 5, false, ''],
      ],
      1,
      1,
      RANGE,
    );
    expect(read.problems).toEqual([{ cell: RANGE, message: 'the header names no column "Videos per month"' }]);
  });
});

describe('readSelection: bad cells by their A1 address', () => {
  it('names each bad cell in its own column, offset by where the selection starts, left to right', () => {
    const [header] = SHOT_LIST_ROWS;
    const RATE = SHOT_LIST_HEADER[4];
    const at = (name: (typeof SHOT_LIST_HEADER)[number]) => SHOT_LIST_HEADER.indexOf(name);
    const bad = (patch: Partial<Record<(typeof SHOT_LIST_HEADER)[number], unknown>>) => {
      const line: unknown[] = [...(SHOT_LIST_ROWS[1] as unknown[])];
      for (const [name, value] of Object.entries(patch)) line[at(name as (typeof SHOT_LIST_HEADER)[number])] = value;
      return line;
    };
    const read = readSelection(
      engine,
      [
        header as unknown[],
        bad({ Mode: 'prof', Seconds: 7 }),
        bad({ Model: '9.9', 'Videos per month': 'ten' }),
        bad({ Mode: '4k' }),
        bad({ Audio: 'maybe', 'Test takes': 1.5, [RATE]: 1 }),
        bad({ Model: '4.0 Flash' }),
        bad({ Mode: 'standard', Seconds: 10, Audio: 'voice' }),
        bad({ Model: '4.0', Seconds: 31 }),
      ],
      10,
      3,
      RANGE,
    );
    // Columns start at C: Videos per month D, Seconds F, Retake rate G, Audio H, Model J, Test takes K, Mode L.
    expect(read.rows).toEqual([]);
    expect(read.problems.map((p) => p.cell)).toEqual(['F11', 'L11', 'D12', 'J12', 'L13', 'G14', 'H14', 'K14', 'L15', 'H16', 'F17']);
    const message = (cell: string) => read.problems.find((p) => p.cell === cell)?.message;
    expect(message('L11')).toBe('mode "prof" is not a Kling mode; use standard, professional or 4k');
    expect(message('F11')).toBe('secs 7 is not a clip length Kling 2.6 makes; use 5 or 10');
    expect(message('J12')).toContain('model "9.9" is not a model of the price book in force; use 2.6 or 3.0');
    expect(message('D12')).toContain('videos per month "ten" is not a number');
    expect(message('L13')).toBe('mode "4k" is not offered by Kling 2.6; use standard or professional');
    expect(message('H14')).toContain('audio "maybe" is not an audio option');
    expect(message('K14')).toBe('test takes must be a whole number from 0 to 100 per final video');
    expect(message('G14')).toBe(
      'retake rate 1 is outside 0 to below 1; use a fraction from 0 up to but not including 1, such as 0.2 or 20%',
    );
    // Kling 4.0 Flash has no app credits: what PiAPI, which sells it, makes.
    expect(message('L15')).toBe('mode "professional" is not offered by PiAPI for Kling 4.0 Flash; use standard');
    expect(message('H16')).toContain('Kling 2.6 offers no standard clip with voice control');
    expect(message('F17')).toContain('secs 31 is not a clip length fal for Kling 4.0 makes; use a whole number of seconds from 3 to 30');
  });

  it('reads a row of a model without app credits (API-only, reseller-only): what the channels that sell it make', () => {
    const read = readSelection(
      engine,
      [
        ['Model', 'Mode', 'Seconds', 'Audio', 'Videos per month', 'Retake rate'],
        ['4.0', 'pro', 10, true, 10, ''],
        ['3.0 Turbo', 'standard', 5, false, 2, '25%'],
        ['Kling 4.0 Flash', 'standard', 20, 'yes', 1, 0.1],
      ],
      1,
      1,
      RANGE,
    );
    expect(read.problems).toEqual([]);
    expect(read.rows).toEqual([
      row('Kling 4.0', 'professional', 10, 'audio', 10),
      row('Kling 3.0 Turbo', 'standard', 5, 'silent', 2, 0, 0.25),
      row('Kling 4.0 Flash', 'standard', 20, 'audio', 1, 0, 0.1),
    ]);
  });

  it('reports a column headed Buffer: the buffer is now a retake rate, never read as one', () => {
    for (const name of ['Buffer', 'Buffer for retakes', 'Retake buffer (%)']) {
      const read = readSelection(
        engine,
        [
          ['Mode', 'Seconds', 'Audio', 'Videos per month', name],
          ['pro', 10, true, 3, 0.2],
        ],
        4,
        2,
        RANGE,
      );
      expect(read.rows, name).toEqual([]);
      expect(read.problems, name).toHaveLength(1);
      expect(read.problems[0]?.cell, name).toBe('F4');
      expect(read.problems[0]?.message, name).toMatch(/^the column "Buffer" is no longer read: the buffer is now a retake rate/);
      expect(read.problems[0]?.message, name).toContain("the guide's 20 % buffer is 1/6");
    }
    // Found above the selection: the header's own row is named.
    const above = readSelection(engine, [['pro', 10, true, 3, '']], 9, 1, RANGE, [
      ['Mode', 'Seconds', 'Audio', 'Videos per month', 'Buffer'],
      ['', '', '', '', ''],
    ]);
    expect(above.problems.map((p) => p.cell)).toEqual(['E7']);
  });

  it('a row with videos but no clip is an error, not skipped', () => {
    const read = readSelection(
      engine,
      [
        ['Mode', 'Seconds', 'Videos per month'],
        ['', '', 12],
      ],
      1,
      1,
      RANGE,
    );
    expect(read.problems).toEqual([
      { cell: 'A2', message: 'mode is missing; use standard or professional' },
      { cell: 'B2', message: 'seconds is missing; use 5 or 10 (Kling 2.6)' },
    ]);
  });

  it('lists at most MAX_PROBLEMS problems and counts the rest', () => {
    const read = readSelection(
      engine,
      Array.from({ length: 30 }, () => ['nope', 5, false, 1]),
      1,
      1,
      RANGE,
    );
    expect(read.problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(read.problems[MAX_PROBLEMS]).toEqual({ cell: RANGE, message: 'and 10 more problems' });
  });
});

describe('readSelection: no header, positional columns', () => {
  it('reads mode, seconds, audio, videos and an optional model; aliases, numeric text, checkboxes; skips blank rows', () => {
    const read = readSelection(
      engine,
      [
        ['1080p', '10', true, '1,200', ''],
        ['', '', false, '', '3.0'],
        ['4k', 12, 'yes', 2, 3],
        ['std', 5, 'voice', 1, 'Kling 3.0'],
      ],
      5,
      1,
      RANGE,
    );
    expect(read.header).toBe(false);
    expect(read.problems).toEqual([]);
    expect(read.rows).toEqual([
      row('Kling 2.6', 'professional', 10, 'audio', 1200),
      row('Kling 3.0', '4k', 12, 'audio', 2),
      row('Kling 3.0', 'standard', 5, 'voice', 1),
    ]);
  });

  it('a first row of bad data is data, reported by address, not taken for a header', () => {
    const bad = readSelection(engine, [['prof', 'ten', 'no', 3]], 2, 2, RANGE);
    expect(bad.header).toBe(false);
    expect(bad.problems.map((p) => p.cell)).toEqual(['B2', 'C2']);
  });

  it('refuses a selection of the wrong width, a selection with no rows of work, and too many rows', () => {
    expect(readSelection(engine, [['std', 5, false]], 1, 1, RANGE).problems[0]?.message).toContain('the selection has 3 columns');
    expect(readSelection(engine, [['std', 5, false, 1, '2.6', 'x']], 1, 1, RANGE).problems[0]?.message).toContain(
      'the selection has 6 columns',
    );
    expect(readSelection(engine, [['', '', false, '']], 1, 1, RANGE).problems).toEqual([
      { cell: RANGE, message: 'the selection has no rows of work' },
    ]);
    const many = readSelection(
      engine,
      Array.from({ length: 51 }, () => ['std', 5, false, 1]),
      1,
      1,
      RANGE,
    );
    expect(many.problems[0]?.message).toBe('the selection has 51 rows of work; the comparison takes at most 50');
  });
});

describe('selection helpers', () => {
  it('refuses a selection too large to read before reading it', () => {
    expect(selectionShapeProblem(MAX_SELECTION_CELLS / 4 + 1, 4, RANGE)?.problems[0]?.message).toContain('select only the rows of work');
    expect(selectionShapeProblem(1000, 10, RANGE)).toBeNull();
  });

  it('names columns as Sheets does', () => {
    expect([1, 26, 27, 52, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});
