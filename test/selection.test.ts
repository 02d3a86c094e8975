import { describe, expect, it } from 'vitest';
import { MAX_PROBLEMS, readSelection, selectionShapeProblem } from '../src/addon/selection';

const RANGE = 'Sheet1!B2:F9';

describe('readSelection', () => {
  it('skips a header row only when its first two cells read like mode and seconds', () => {
    const withHeader = readSelection(
      [
        ['Quality', 'Length (s)', 'Audio', 'Count'],
        ['std', '5', 'no', '3'],
      ],
      2,
      2,
      RANGE,
    );
    expect(withHeader.header).toBe(true);
    expect(withHeader.rows).toEqual([{ mode: 'standard', secs: 5, audio: false, count: 3, model: '2.6' }]);
    // A first row of bad data is data, reported by address, not taken for a header.
    const bad = readSelection([['prof', 'ten', 'no', 3]], 2, 2, RANGE);
    expect(bad.header).toBe(false);
    expect(bad.problems.map((p) => p.cell)).toEqual(['B2', 'C2']);
  });

  it('reads aliases, numeric text, a model column and checkbox values; skips blank rows', () => {
    const read = readSelection(
      [
        ['1080p', '10', true, '1,200', ''],
        ['', '', false, '', ''],
        ['4k', 12, 'yes', 2, 3],
      ],
      5,
      1,
      RANGE,
    );
    expect(read.problems).toEqual([]);
    expect(read.rows).toEqual([
      { mode: 'professional', secs: 10, audio: true, count: 1200, model: '2.6' },
      { mode: '4k', secs: 12, audio: true, count: 2, model: '3.0' },
    ]);
  });

  it('names every bad cell with its sheet address, offset by where the selection starts', () => {
    const read = readSelection(
      [
        ['4k', 5, false, 1, ''],
        ['standard', 20, false, 1, '3.0'],
        ['standard', 5, 'x', 1.5, ''],
      ],
      10,
      3,
      RANGE,
    );
    expect(read.rows).toEqual([]);
    expect(read.problems).toEqual([
      { cell: 'C10', message: expect.stringContaining('only offered by Kling 3.0') },
      { cell: 'D11', message: expect.stringContaining('seconds 20 is not a clip length Kling 3.0 makes') },
      { cell: 'E12', message: expect.stringContaining('audio "x" is not TRUE or FALSE') },
      { cell: 'F12', message: expect.stringContaining('videos per month 1.5 is not a whole number of videos') },
    ]);
  });

  it('lists at most MAX_PROBLEMS problems and counts the rest', () => {
    const values = Array.from({ length: 30 }, () => ['nope', 5, false, 1]);
    const read = readSelection(values, 1, 1, RANGE);
    expect(read.problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(read.problems[MAX_PROBLEMS]).toEqual({ cell: RANGE, message: 'and 10 more problems' });
  });

  it('refuses more rows of work than a comparison takes, and selections of the wrong size', () => {
    const many = readSelection(
      Array.from({ length: 51 }, () => ['std', 5, false, 1]),
      1,
      1,
      RANGE,
    );
    expect(many.problems[0]?.message).toContain('51 rows of work; the comparison takes at most 50');
    expect(selectionShapeProblem(3, 6, RANGE)?.problems[0]?.message).toContain('the selection has 6');
    expect(selectionShapeProblem(10_000, 4, RANGE)?.problems[0]?.message).toContain('select only the rows of work');
    expect(selectionShapeProblem(10, 4, RANGE)).toBeNull();
  });
});
