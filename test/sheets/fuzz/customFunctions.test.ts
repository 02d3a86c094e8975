import { isDeepStrictEqual } from 'node:util';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { loadBundle, readCode } from '../../support/loadBundle';
import { discoverCustomFunctions } from './discover';
import { priceTables, Random, SheetValues } from './sheetValues';
import { errorProblems, resultProblems } from './verdict';

/**
 * Replay a failure with FUZZ_SEED=<seed>; FUZZ_CALLS raises the calls per function. 3,400 calls for
 * each of the 16 functions, plus the repeats, keep the run near the 60,000 calls it made with 14.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_125);
const CALLS_PER_FUNCTION = Math.max(3_400, Number(process.env.FUZZ_CALLS ?? 3_400));
/** The slowest call allowed: a cell that takes seconds to answer is a bug too. */
const SLOWEST_MS = 1_500;
/** Arguments of the table functions that take one value, not a range (a range there is an error). */
const SINGLE_VALUED: Readonly<Record<string, readonly string[]>> = {
  KLING_BUDGET: ['billing', 'retake_rate'],
  KLING_YEARLY: ['credits_per_month', 'allow_topups'],
  KLING_SCHEDULE: ['billing', 'topup_balance'],
  KLING_CHANNELS: ['billing', 'credits_per_image', 'image_retake_rate', 'topup_balance', 'detail'],
};
/** Functions whose shot-list arguments are columns of shot rows and whose months are a block of those rows. */
const SHOT_LISTS = new Set(['KLING_CHANNELS']);
/** The custom functions of the spec, in its order. */
const CUSTOM_FUNCTIONS = [
  'KLING_CREDITS',
  'KLING_COST',
  'KLING_VIDEOS',
  'KLING_IMAGES',
  'KLING_PLAN',
  'KLING_BEST_PLAN',
  'KLING_MONTHLY_COST',
  'KLING_API_COST',
  'KLING_BUDGET',
  'KLING_PRICES',
  'KLING_YEARLY',
  'KLING_SCHEDULE',
  'KLING_API_SCHEDULE',
  'KLING_ACTUALS',
  'KLING_CHANNELS',
  'KLING_PRICE_CHANGES',
];
/** Zones a fake spreadsheet answers: east of UTC+12, west, half-hour ones, and text no zone has. */
const ZONES = [
  'Europe/Berlin',
  'Pacific/Kiritimati',
  'Pacific/Auckland',
  'Asia/Kolkata',
  'America/St_Johns',
  'America/Los_Angeles',
  'Etc/GMT+12',
  'UTC',
  '',
  'Not/AZone',
  'europe/berlin',
];
/** Every this many calls, the call is made twice (same answer?) and its inputs checked for changes. */
const RECHECK_EVERY = 10;

/** FNV-1a of a name, so each function keeps its own sequence when functions are added. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The seed of one call: replaying it needs only the run's seed, the function's name and the call number. */
function callSeed(name: string, call: number): number {
  return (SEED ^ hashName(name) ^ Math.imul(call + 1, 0x9e3779b9)) >>> 0;
}

/** A short, readable picture of an argument for a failure report. */
function describeArg(value: unknown): string {
  if (Array.isArray(value)) {
    if (value.length > 6) return `[${value.length} rows: ${value.slice(0, 3).map(describeArg).join(', ')}, ...]`;
    return `[${value.map(describeArg).join(', ')}]`;
  }
  if (typeof value === 'string') {
    const chars = value.length > 40 ? Array.from(value.slice(0, 42)).slice(0, 20) : [];
    return JSON.stringify(value.length > 40 ? `${chars.join('')}... (${value.length} chars)` : value);
  }
  if (Object.prototype.toString.call(value) === '[object Date]') return `Date(${(value as Date).getTime()})`;
  if (typeof value === 'number' && Object.is(value, -0)) return '-0';
  return String(value);
}

/** An exact picture of an argument, to see whether a call changed it (Dates of the bundle's realm included). */
function snapshot(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(snapshot).join(',')}]`;
  if (Object.prototype.toString.call(value) === '[object Date]') return `Date(${(value as Date).getTime()})`;
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/** What a call gave: a value, or an error's message. */
type Outcome = { value: unknown } | { error: unknown };

function endOf(outcome: Outcome): 'error' | 'range' | 'number' | 'text' | 'blank' | 'other' {
  if ('error' in outcome) return 'error';
  const { value } = outcome;
  if (Array.isArray(value)) return 'range';
  if (typeof value === 'number') return 'number';
  if (value === '') return 'blank';
  return typeof value === 'string' ? 'text' : 'other';
}

function outcomesAgree(a: Outcome, b: Outcome): boolean {
  if ('value' in a && 'value' in b) return isDeepStrictEqual(a.value, b.value);
  if ('error' in a && 'error' in b) return (a.error as Error)?.message === (b.error as Error)?.message;
  return false;
}

describe('odd-input fuzzing of the custom functions in dist/Code.js', () => {
  const functions = discoverCustomFunctions(readCode());

  it('finds every custom function by its @customfunction JSDoc', () => {
    expect(functions.map((f) => f.name)).toEqual(CUSTOM_FUNCTIONS);
    expect(functions.find((f) => f.name === 'KLING_COST')?.params).toEqual([
      'mode',
      'secs',
      'audio',
      'plan',
      'billing',
      'retake_rate',
      'model',
      'prices',
    ]);
    expect(functions.find((f) => f.name === 'KLING_API_COST')?.params).toEqual(['mode', 'secs', 'audio', 'model', 'provider', 'prices']);
    expect(functions.find((f) => f.name === 'KLING_CHANNELS')?.params).toHaveLength(14);
    expect(functions.find((f) => f.name === 'KLING_PRICE_CHANGES')?.params).toEqual(['locked_prices', 'prices']);
  });

  it(`answers ${CALLS_PER_FUNCTION.toLocaleString('en-US')} random calls per function with a cell value or a plain-words Error`, () => {
    // Two Apps Script instances: a bare one, and one whose fake SpreadsheetApp answers the
    // spreadsheet's time zone (any zone Sheets offers, or odd text), read when an argument holds a date.
    const zone = { name: '' };
    const realm = (services: Record<string, unknown>) => {
      const context = loadBundle(services);
      const VmJson = vm.runInContext('JSON', context) as JSON;
      return {
        context,
        VmDate: vm.runInContext('Date', context) as DateConstructor,
        VmError: vm.runInContext('Error', context) as ErrorConstructor,
        tables: priceTables((json) => VmJson.parse(json)),
      };
    };
    const bare = realm({});
    const zoned = realm({ SpreadsheetApp: { getActiveSpreadsheet: () => ({ getSpreadsheetTimeZone: () => zone.name }) } });
    const failures: string[] = [];
    let calls = 0;
    /** How the calls ended, to show the fuzz reaches the pricing and not only the input checks. */
    const ends = { error: 0, range: 0, number: 0, text: 0, blank: 0, other: 0 };
    let slowest = { ms: 0, call: '' };
    let numberCells = 0;
    /** Per function, the calls that computed something (not an error, not a blank). */
    const computed: Record<string, number> = {};
    for (const { name, params } of functions) {
      computed[name] = 0;
      for (const { context } of [bare, zoned]) expect(typeof context[name], `${name} is a global function`).toBe('function');
      for (let call = 0; call < CALLS_PER_FUNCTION; call++) {
        const rng = new Random(callSeed(name, call));
        // A quarter of the calls run where the spreadsheet has a time zone.
        const { context, VmDate, VmError, tables } = rng.chance(0.25) ? zoned : bare;
        zone.name = rng.pick(ZONES);
        const fn = context[name] as (...args: unknown[]) => unknown;
        const values = new SheetValues(rng, VmDate, tables);
        // A third of the calls are typed: each argument mostly valid for its parameter, and all of them given.
        const typed = rng.chance(1 / 3);
        const arity = typed && rng.chance(0.7) ? params.length : rng.int(0, params.length + 2);
        const plausible = rng.chance(0.5);
        const shape: [number, number] = [rng.int(1, rng.chance(0.8) ? 12 : 200), rng.chance(0.8) ? 1 : rng.int(1, 4)];
        const args = Array.from({ length: arity }, (_, i) =>
          typed
            ? values.typedArgument(params[i] ?? '', shape, SINGLE_VALUED[name]?.includes(params[i] ?? ''), SHOT_LISTS.has(name))
            : values.argument(shape, plausible),
        );
        const recheck = call % RECHECK_EVERY === 0;
        const before = recheck ? snapshot(args) : undefined;

        const run = (): Outcome => {
          calls++;
          try {
            return { value: fn(...args) };
          } catch (error) {
            return { error };
          }
        };
        const started = performance.now();
        const outcome = run();
        const ms = performance.now() - started;
        if (ms > slowest.ms) slowest = { ms, call: `${name} call ${call}` };
        const problems = 'value' in outcome ? resultProblems(outcome.value) : errorProblems(outcome.error, VmError);
        const end = endOf(outcome);
        ends[end]++;
        if (end !== 'error' && end !== 'blank') computed[name] = (computed[name] ?? 0) + 1;
        if ('value' in outcome && Array.isArray(outcome.value)) {
          for (const row of outcome.value) for (const cell of Array.isArray(row) ? row : []) if (typeof cell === 'number') numberCells++;
        }
        if (recheck) {
          if (!outcomesAgree(outcome, run())) problems.push('the same call gave a different answer the second time');
          if (snapshot(args) !== before) problems.push('the call changed its arguments');
        }
        if (problems.length > 0) {
          failures.push(
            `${name} call ${call} (FUZZ_SEED=${SEED}${context === zoned.context ? `, zone ${JSON.stringify(zone.name)}` : ''}): ${name}(${args.map(describeArg).join(', ')})\n    ${problems.slice(0, 3).join('\n    ')}`,
          );
        }
      }
    }
    const count = (n: number) => n.toLocaleString('en-US');
    console.log(
      `fuzz: ${count(calls)} calls over ${functions.length} custom functions (${count(functions.length * CALLS_PER_FUNCTION)} random ones, ` +
        `the rest repeats; seed ${SEED}), ${failures.length} failed; ` +
        `${count(ends.number)} gave a number, ${count(ends.text)} a text, ${count(ends.blank)} a blank, ` +
        `${count(ends.range)} a range (${count(numberCells)} numbers in all), ` +
        `${count(ends.error)} a plain-words error; slowest call ${slowest.ms.toFixed(0)} ms (${slowest.call}); ` +
        `computed: ${Object.entries(computed)
          .map(([n, c]) => `${n} ${c}`)
          .join(', ')}`,
    );
    expect(failures.slice(0, 15).join('\n'), `${failures.length} of ${calls} calls failed`).toBe('');
    expect(slowest.ms, `slowest call: ${slowest.call}`).toBeLessThan(SLOWEST_MS);
    // The fuzz reaches the pricing of every function, not only its input checks (a shot list or a
    // log fails whole on one bad row, so those compute less often).
    for (const name of CUSTOM_FUNCTIONS) expect(computed[name], `${name} computed`).toBeGreaterThan(CALLS_PER_FUNCTION / 50);
  }, 240_000); // about 45 s alone; more when the machine is shared
});
