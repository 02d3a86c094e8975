// Benchmark: the custom functions through dist/Code.js in a fresh node:vm context. KLING_COST over
// a 10,000-row range against the floor (a bare loop that only looks up credits and multiplies),
// every row distinct, long distinct text; the schedules; every function that plans packs on
// pathological edited books; the size of Code.js and the time to load it (parse and run it in a
// fresh context, as Apps Script does for every execution). Prints figures; asserts nothing.
// Run with `npm run bench` (it builds first).
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const codePath = join(root, 'dist', 'Code.js');
const code = readFileSync(codePath, 'utf8');
const ROWS = 10_000;
const RUNS = 101;
const WARMUP = 10;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A realistic shot list: mixed modes, lengths and audio, as a user types them (varied case, aliases). */
function workload() {
  const modes = ['standard', 'Professional', 'pro', 'std', ' professional '];
  const rows = { mode: [], secs: [], audio: [] };
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let i = 0; i < ROWS; i++) {
    rows.mode.push([modes[Math.floor(next() * modes.length)]]);
    rows.secs.push([next() < 0.5 ? 5 : 10]);
    rows.audio.push([next() < 0.3]);
  }
  return rows;
}

// Load time: Code.js parsed and run in a fresh, empty context each time (the context is made before
// the clock starts), as Apps Script loads every script file of the project for each execution.
// V8 keeps a compiled script per source and file name for the life of the process, so the same
// name each time would time that cache after the first load (about 0.6 ms against 4 ms here); a
// name per load makes every one a cold parse, as in a new Apps Script instance.
const LOADS = 15;
const loadTimes = [];
for (let i = 0; i < LOADS; i++) {
  const ctx = vm.createContext({});
  const start = performance.now();
  vm.runInContext(code, ctx, { filename: `Code.js, load ${i + 1}` });
  loadTimes.push(performance.now() - start);
}

const context = vm.createContext({});
vm.runInContext(code, context);
// The range is built inside the context, as Apps Script hands a custom function arrays of its own realm.
context.benchJson = JSON.stringify(workload());
const data = vm.runInContext('JSON.parse(benchJson)', context);
// The floor runs in the same context (same realm and JIT) on canonical inputs: no parsing, no checks.
vm.runInContext(
  `var floorLoop_ = (function () {
     var credits = { standard: { 5: [10, 50], 10: [20, 100] }, professional: { 5: [35, 100], 10: [70, 200] } };
     var canonical = { standard: 'standard', Professional: 'professional', pro: 'professional', std: 'standard', ' professional ': 'professional' };
     return function (mode, secs, audio, perCredit) {
       var out = new Array(mode.length);
       for (var i = 0; i < mode.length; i++) {
         out[i] = [credits[canonical[mode[i][0]]][secs[i][0]][audio[i][0] ? 1 : 0] * perCredit];
       }
       return out;
     };
   })();`,
  context,
);

// Ours and the floor alternate in every round, so a busy machine slows both alike; the ratio is
// the median of the per-round ratios.
const call = () => context.KLING_COST(data.mode, data.secs, data.audio, 'standard');
const callFloor = () => context.floorLoop_(data.mode, data.secs, data.audio, 8.8 / 660);
for (let i = 0; i < WARMUP; i++) {
  call();
  callFloor();
}
const oursTimes = [];
const floorTimes = [];
const ratios = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  call();
  const t1 = performance.now();
  callFloor();
  const t2 = performance.now();
  oursTimes.push(t1 - t0);
  floorTimes.push(t2 - t1);
  ratios.push((t1 - t0) / (t2 - t1));
}
const ours = median(oursTimes);
const floor = median(floorTimes);

// Sanity: both compute the same figures.
const a = context.KLING_COST(data.mode, data.secs, data.audio, 'standard');
const b = context.floorLoop_(data.mode, data.secs, data.audio, 8.8 / 660);
const mismatches = a.filter((row, i) => Math.abs(row[0] - b[i][0]) > 1e-12).length;

// The other extreme: every row distinct (a retake rate of its own per row), so no row's result is
// reused and each one is parsed and priced.
context.benchRates = JSON.stringify(data.mode.map((_, i) => [i / (2 * ROWS)]));
const rates = vm.runInContext('JSON.parse(benchRates)', context);
const distinctTimes = [];
for (let i = 0; i < WARMUP + 21; i++) {
  const t0 = performance.now();
  context.KLING_COST(data.mode, data.secs, data.audio, 'standard', 'monthly', rates);
  if (i >= WARMUP) distinctTimes.push(performance.now() - t0);
}
const distinct = median(distinctTimes);

// Long distinct text: 2,000 cells of 16,400 characters (V8 hashes strings over 16,383 characters by
// length alone, so a map keyed by them would be quadratic). Each one is a bad mode: an ERROR: cell.
context.benchLong = JSON.stringify(Array.from({ length: 2000 }, (_, i) => [`${'x'.repeat(16_400 - String(i).length)}${i}`]));
const longModes = vm.runInContext('JSON.parse(benchLong)', context);
const longSecs = vm.runInContext('JSON.parse(JSON.stringify(new Array(2000).fill([5])))', context);
const longTimes = [];
for (let i = 0; i < 7; i++) {
  const t0 = performance.now();
  context.KLING_COST(longModes, longSecs, false, 'standard');
  longTimes.push(performance.now() - t0);
}
const longText = median(longTimes);

/**
 * Milliseconds of one call in a fresh context (Apps Script may run each execution in a new
 * instance, with nothing cached: the cold figure is the one that meets its 30 s limit), the
 * median of `runs` such calls, and whether it answered or refused. `args` are plain values.
 */
function timeCall(name, args, runs = 5) {
  const times = [];
  let outcome = '';
  for (let i = 0; i < runs; i++) {
    const fresh = vm.createContext({});
    vm.runInContext(code, fresh);
    fresh.benchArgs = JSON.stringify(args);
    const inFresh = vm.runInContext('JSON.parse(benchArgs)', fresh);
    const t0 = performance.now();
    try {
      const result = fresh[name](...inFresh);
      outcome = Array.isArray(result) ? `answered (${result.length} rows)` : `answered ${JSON.stringify(result)}`;
    } catch (error) {
      outcome = `refused: ${String(error.message).slice(0, 90)}`;
    }
    times.push(performance.now() - t0);
  }
  return { ms: median(times), outcome };
}

// Schedules: 24 months of mixed needs up to 100,000 credits; 24 months of the largest need.
let mixSeed = 7;
const mixed = Array.from({ length: 24 }, () => {
  mixSeed = (mixSeed * 1103515245 + 12345) % 2147483648;
  return [Math.floor((mixSeed / 2147483648) * 100_000)];
});
const largest = Array.from({ length: 24 }, () => [26_000_000]);
const scheduleMixed = ['monthly', 'intro', 'annual', 'list'].map((b) => [b, timeCall('KLING_SCHEDULE', [mixed, b], 11)]);
const scheduleLargest = ['monthly', 'intro', 'annual', 'list'].map((b) => [b, timeCall('KLING_SCHEDULE', [largest, b], 3)]);

// Pathological edited books: a 1-credit pack for $0.01, and 50 irregular packs.
const pricing = await import(
  `data:text/javascript;base64,${Buffer.from(
    (
      await esbuild.build({
        entryPoints: [join(root, 'src/pricing/index.ts')],
        bundle: true,
        write: false,
        format: 'esm',
        platform: 'neutral',
        logLevel: 'error',
      })
    ).outputFiles[0].text,
  ).toString('base64')}`
);
const defaultRows = pricing.bookToRows(pricing.DEFAULT_PRICE_BOOK);
const packRow = (n, field, value) => ['Top-up pack', `Pack ${n}`, field, value, '', 'estimate', 'bench', '2026-12-01'];
const onePenny = [...defaultRows, packRow(9, 'price', 0.01), packRow(9, 'credits', 1), packRow(9, 'bonus credits', 0)];
let packSeed = 11;
const irregular = [...defaultRows.filter((row) => row[0] !== 'Top-up pack')];
for (let n = 1; n <= 50; n++) {
  packSeed = (packSeed * 1103515245 + 12345) % 2147483648;
  const credits = 97 + Math.floor((packSeed / 2147483648) * 90_000);
  const price = Math.max(1, Math.round(credits * (0.012 + (n % 7) * 0.0013) * 100)) / 100;
  irregular.push(packRow(n, 'price', price), packRow(n, 'credits', credits), packRow(n, 'bonus credits', n % 3 === 0 ? 17 * n : 0));
}
// Two nearly equal, coprime packs: the optimum never settles into a period, so large needs are refused.
const coprime = [
  ...defaultRows.filter((row) => row[0] !== 'Top-up pack'),
  packRow(1, 'price', 1000.01),
  packRow(1, 'credits', 96_001),
  packRow(1, 'bonus credits', 0),
  packRow(2, 'price', 1000),
  packRow(2, 'credits', 96_000),
  packRow(2, 'bonus credits', 0),
];
// 50 packs whose sizes and prices share nothing: the most work the solver does before it answers or refuses.
let wildSeed = 12_345;
const wild = [...defaultRows.filter((row) => row[0] !== 'Top-up pack')];
for (let n = 1; n <= 50; n++) {
  wildSeed = (wildSeed * 1_103_515_245 + 12_345) % 2_147_483_648;
  const credits = 997 + 2 * n + Math.floor((wildSeed / 2_147_483_648) * 60_000);
  wildSeed = (wildSeed * 1_103_515_245 + 12_345) % 2_147_483_648;
  const price = (1 + 2 * Math.floor((wildSeed / 2_147_483_648) * 50_000)) / 100;
  wild.push(packRow(n, 'price', price), packRow(n, 'credits', credits), packRow(n, 'bonus credits', 0));
}
const pathological = [];
for (const [label, rows] of [
  ['1-credit pack for $0.01', onePenny],
  ['50 irregular packs', irregular],
  ['50 packs of odd sizes and prices', wild],
  ['2 nearly equal coprime packs', coprime],
]) {
  const table = rows;
  const calls = [
    ['KLING_BEST_PLAN', [26_000_000, 'monthly', true, table]],
    ['KLING_MONTHLY_COST', [25_999_999, 'annual', true, table]],
    ['KLING_YEARLY', [26_000_000, true, table]],
    ['KLING_SCHEDULE', [largest, 'monthly', 0, table]],
    ['KLING_BUDGET', [[['pro'], ['std']], [[10], [5]], [[true], [false]], [[100_000], [99_999]], 'monthly', 0.2, '2.6', table]],
  ];
  for (const [name, args] of calls) pathological.push([label, name, timeCall(name, args, 3)]);
}

// A 50,000 x 8 block of distinct needs (Apps Script stops a call at 30 s, and runs slower than this machine).
const needs = Array.from({ length: 50_000 }, (_, r) => Array.from({ length: 8 }, (_, c) => 1 + r * 8 + c + (c % 2 ? 0.5 : 0)));
const blockCalls = [
  ['KLING_BEST_PLAN', timeCall('KLING_BEST_PLAN', [needs])],
  ['KLING_MONTHLY_COST', timeCall('KLING_MONTHLY_COST', [needs])],
];

// KLING_CHANNELS: 200 shot rows x 24 months, every channel priced (Kling 3.0, a retake rate of its own per row, test takes).
const channelRows = 200;
const col = (f) => Array.from({ length: channelRows }, (_, i) => [f(i)]);
const channelArgs = [
  col(() => '3.0'),
  col((i) => (i % 3 === 0 ? 'standard' : 'professional')),
  col((i) => 3 + (i % 13)),
  col((i) => i % 4 !== 0),
  Array.from({ length: channelRows }, (_, i) => Array.from({ length: 24 }, (_, m) => (i * 7 + m * 3) % 11)),
  'cheapest',
  col((i) => (i % 5) * 0.05),
  col((i) => i % 2),
];
const channelCalls = [
  ['KLING_CHANNELS, 200 rows x 24 months, totals', timeCall('KLING_CHANNELS', channelArgs)],
  ['KLING_CHANNELS, 200 rows x 24 months, months detail', timeCall('KLING_CHANNELS', [...channelArgs, '', '', '', '', 'months'])],
];

// The usage log: 50,000 generations in one KLING_ACTUALS call (dates as the log passes them: text).
const logRows = 50_000;
const logCol = (f) => Array.from({ length: logRows }, (_, i) => [f(i)]);
const actualsCall = timeCall('KLING_ACTUALS', [
  logCol((i) => `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`),
  logCol((i) => (i % 2 ? 'professional' : 'standard')),
  logCol((i) => (i % 3 ? 5 : 10)),
  logCol((i) => i % 5 === 0),
  logCol((i) => ['kept', 'discarded', 'failed'][i % 3]),
  logCol((i) => (i % 7 ? '2.6' : '3.0')),
]);
const priceChanges = timeCall('KLING_PRICE_CHANGES', [defaultRows, onePenny]);

const size = statSync(codePath).size;
const ratio = median(ratios);
console.log(`KLING_COST, ${ROWS.toLocaleString('en-US')} rows, one call (median of ${RUNS}): ${ours.toFixed(2)} ms`);
console.log(`floor (bare lookup and multiply, same context):            ${floor.toFixed(2)} ms`);
const goal = (ok) => (ok ? '' : '  ABOVE GOAL');
console.log(`ratio to the floor (median of per-round ratios): ${ratio.toFixed(2)}x (goal: 2x or less)${goal(ratio <= 2)}`);
const distinctRatio = distinct / floor;
console.log(
  `every row distinct (a retake rate per row, median of 21): ${distinct.toFixed(2)} ms, ${distinctRatio.toFixed(1)}x the floor (goal: 10x or less)${goal(distinctRatio <= 10)}`,
);
console.log(`results equal to the floor's: ${mismatches === 0 ? 'yes' : `no, ${mismatches} differ`}`);
console.log(
  `2,000 distinct 16,400-character cells (median of 7): ${longText.toFixed(1)} ms (goal: under 1,000 ms)${goal(longText < 1000)}`,
);
for (const [billing, t] of scheduleMixed) {
  console.log(
    `KLING_SCHEDULE, 24 months of mixed needs up to 100,000, ${billing}, first call of a fresh instance: ${t.ms.toFixed(1)} ms (goal: under 200 ms)${goal(t.ms < 200)}, ${t.outcome}`,
  );
}
for (const [billing, t] of scheduleLargest) {
  console.log(
    `KLING_SCHEDULE, 24 months of 26,000,000, ${billing}, first call of a fresh instance: ${t.ms.toFixed(1)} ms (goal: under 2,000 ms)${goal(t.ms < 2000)}, ${t.outcome}`,
  );
}
for (const [label, name, t] of pathological) {
  console.log(
    `${label}: ${name}, first call of a fresh instance: ${t.ms.toFixed(1)} ms (goal: under 2,000 ms)${goal(t.ms < 2000)}, ${t.outcome}`,
  );
}
for (const [name, t] of blockCalls) {
  console.log(
    `${name}, a 50,000 x 8 block of distinct needs, first call of a fresh instance (median of 5): ${t.ms.toFixed(0)} ms (goal: under 2,000 ms)${goal(t.ms < 2000)}, ${t.outcome}`,
  );
}
for (const [name, t] of channelCalls) {
  console.log(
    `${name}, first call of a fresh instance (median of 5): ${t.ms.toFixed(0)} ms (goal: under 2,000 ms)${goal(t.ms < 2000)}, ${t.outcome}`,
  );
}
console.log(
  `KLING_ACTUALS, 50,000 log rows, first call of a fresh instance (median of 5): ${actualsCall.ms.toFixed(0)} ms (goal: under 2,000 ms)${goal(actualsCall.ms < 2000)}, ${actualsCall.outcome}`,
);
console.log(
  `KLING_PRICE_CHANGES, the default book against an edited one, first call of a fresh instance (median of 5): ${priceChanges.ms.toFixed(0)} ms, ${priceChanges.outcome}`,
);
const slowest = Math.max(
  ...[...scheduleMixed, ...scheduleLargest].map(([, t]) => t.ms),
  ...pathological.map(([, , t]) => t.ms),
  ...[...blockCalls, ...channelCalls].map(([, t]) => t.ms),
  actualsCall.ms,
  priceChanges.ms,
);
console.log(`slowest call of this bench: ${slowest.toFixed(0)} ms (goal: no call over 2,000 ms)${goal(slowest < 2000)}`);
console.log(
  `load Code.js into a fresh node:vm context, median of ${LOADS}: ${median(loadTimes).toFixed(2)} ms (dist/Code.js ${(size / 1024).toFixed(1)} KB, budget 400 KB)${goal(size <= 400 * 1024)}`,
);
console.log(`measured ${new Date().toISOString().slice(0, 10)} on node ${process.version}`);
