/** The checks of sheets.ts must be able to fail: each is shown a value Sheets could not show. */
import { describe, expect, it } from 'vitest';
import { expectClean } from './sheets';

describe('expectClean', () => {
  it('accepts cell values and rectangular 2D arrays of them', () => {
    for (const ok of [0, -1.5, 'Standard', '', true, [[1, 'a', false]], [[1], ['']]]) expect(() => expectClean(ok, 'ok')).not.toThrow();
  });

  it('rejects what is no cell value, numbers that are not finite, ragged or nested arrays and internal words', () => {
    const bad: unknown[] = [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      undefined,
      null,
      {},
      [],
      [1, 2],
      [[1, 2], [3]],
      [[[1]]],
      [[1, Number.NaN]],
      ' ',
      'x is not a function',
      "ERROR: Cannot read properties of undefined (reading 'credits')",
      'Kling Cost could not compute this; check the inputs',
      [['USD NaN per video']],
    ];
    for (const value of bad) expect(() => expectClean(value, 'bad'), JSON.stringify(value) ?? String(value)).toThrow();
    // The user's own text repeated in quotes is no leak.
    expect(() => expectClean('mode "NaN" is not a Kling mode', 'echo')).not.toThrow();
  });
});
