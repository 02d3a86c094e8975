import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { discoverCustomFunctions } from './discover';
import { errorProblems, resultProblems, textProblems } from './verdict';

/** The fuzz's own judges must be able to fail: each is shown a bad answer here. */
describe('fuzz verdicts', () => {
  it('accept cell values and rectangular 2D arrays of them', () => {
    for (const ok of [0, -3.5, 'Standard', '', true, false, [[1]], [['a', 2, true]], [[1], ['']]]) {
      expect(resultProblems(ok), JSON.stringify(ok)).toEqual([]);
    }
  });

  it('reject values Sheets cannot show and numbers that are not finite', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, undefined, null, {}, new Date(0), () => 1]) {
      expect(resultProblems(bad).length, String(bad)).toBe(1);
    }
    expect(resultProblems([[1, Number.NaN]])).toEqual(['row 0, column 1: number NaN is not finite']);
    expect(resultProblems([[[1]]])).toEqual(['row 0, column 0: a object is not a cell value']);
  });

  it('reject empty, flat, ragged and holed arrays', () => {
    expect(resultProblems([])).toEqual(['result: an empty array']);
    expect(resultProblems([[]])).toEqual(['result: not a 2D array with at least one cell']);
    expect(resultProblems([1, 2])).toEqual(['result: not a 2D array with at least one cell']);
    expect(resultProblems([[1, 2], [3]])).toEqual(['row 1: 1 cells, but row 0 has 2']);
    expect(resultProblems([[1, 2], 3])).toEqual(['row 1: not an array']);
    // biome-ignore lint/suspicious/noSparseArray: a hole is what this rejects
    expect(resultProblems([[1, , 3]])).toEqual(['row 0, column 1: a hole']);
  });

  it('reject leaked values and engine messages, but not the user text a message repeats in quotes', () => {
    expect(textProblems('USD NaN per video')).toEqual(['leaked value NaN']);
    expect(textProblems('Best option: undefined')).toEqual(['leaked value undefined']);
    expect(textProblems('costs Infinity')).toEqual(['leaked value Infinity']);
    expect(textProblems("ERROR: Cannot read properties of undefined (reading 'credits')")).toHaveLength(2);
    expect(textProblems('x.map is not a function')).toEqual(['internal message "is not a function"']);
    expect(textProblems('Maximum call stack size exceeded')).toEqual(['internal message "Maximum call stack"']);
    expect(textProblems('[object Object]')).toEqual(['internal message "[object "']);
    expect(textProblems('Kling Cost could not compute this; check the inputs')).toHaveLength(1);
    expect(textProblems(`mode "a\uD83C..." is not a Kling mode`)).toEqual(['a broken character (half of a surrogate pair)']);
    expect(textProblems('mode "NaN" is not a Kling mode; use standard, professional or 4k')).toEqual([]);
    expect(textProblems('secs "[object Object]" is not a number; use 5 or 10')).toEqual([]);
    expect(textProblems('credits_per_month infinity is not a finite number')).toEqual([]);
  });

  it('accept Errors of the bundle realm with plain messages, and reject everything else thrown', () => {
    const context = vm.createContext({});
    const VmError = vm.runInContext('Error', context) as ErrorConstructor;
    const make = (code: string): unknown => vm.runInContext(code, context);
    expect(
      errorProblems(make('new Error("plan \\"x\\" is not a Kling plan; use free, standard, pro, premier or ultra")'), VmError),
    ).toEqual([]);
    expect(errorProblems(make('(() => { class InputError extends Error {} return new InputError("bad secs"); })()'), VmError)).toEqual([]);
    expect(errorProblems(new Error('from the test realm'), VmError)).toEqual(['threw an Error of another realm']);
    expect(errorProblems(make('new TypeError("x is not iterable")'), VmError)).toEqual([
      'threw a TypeError',
      'internal message "is not iterable" in "x is not iterable"',
    ]);
    expect(errorProblems(make('new Error("")'), VmError)).toEqual(['threw an Error without a message']);
    expect(errorProblems('a string', VmError)).toEqual(['threw a non-Error: a string']);
    expect(errorProblems(undefined, VmError)).toEqual(['threw a non-Error: undefined']);
  });

  it('discover functions by @customfunction and skip the other globals', () => {
    const code = [
      '/**\n * Credits.\n * @param {*} mode m\n * @customfunction\n */\nfunction KLING_A(mode, secs) {\n  return 1;\n}',
      '/** Menu. */\nfunction onOpen(e) {}',
      '/**\n * None.\n * @customfunction\n */\nfunction KLING_B() {}',
    ].join('\n\n');
    expect(discoverCustomFunctions(code)).toEqual([
      { name: 'KLING_A', params: ['mode', 'secs'] },
      { name: 'KLING_B', params: [] },
    ]);
  });
});
