// Benchmark: KLING_COST over a 10,000-row range, called once through dist/Code.js, against the floor
// (a bare loop that only looks up credits and multiplies). Prints figures; asserts nothing.
// Run with `npm run bench` (it builds first).
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

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

// Load time: a fresh context each time, as Apps Script loads the project for a recalculation.
const loadTimes = [];
for (let i = 0; i < 21; i++) {
  const start = performance.now();
  vm.runInContext(code, vm.createContext({}));
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
// reused and each one is parsed and priced. Reported, not held to the goal.
context.benchRates = JSON.stringify(data.mode.map((_, i) => [i / (2 * ROWS)]));
const rates = vm.runInContext('JSON.parse(benchRates)', context);
const distinctTimes = [];
for (let i = 0; i < WARMUP + 21; i++) {
  const t0 = performance.now();
  context.KLING_COST(data.mode, data.secs, data.audio, 'standard', 'monthly', rates);
  if (i >= WARMUP) distinctTimes.push(performance.now() - t0);
}
const distinct = median(distinctTimes);

const size = statSync(codePath).size;
const ratio = median(ratios);
console.log(`KLING_COST, ${ROWS.toLocaleString('en-US')} rows, one call (median of ${RUNS}): ${ours.toFixed(2)} ms`);
console.log(`floor (bare lookup and multiply, same context):            ${floor.toFixed(2)} ms`);
console.log(`ratio to the floor (median of per-round ratios): ${ratio.toFixed(2)}x (goal: 3x or less)${ratio <= 3 ? '' : '  ABOVE GOAL'}`);
console.log(
  `every row distinct (a retake rate per row, median of 21): ${distinct.toFixed(2)} ms, ${(distinct / floor).toFixed(1)}x the floor`,
);
console.log(`results equal to the floor's: ${mismatches === 0 ? 'yes' : `no, ${mismatches} differ`}`);
console.log(`dist/Code.js size: ${(size / 1024).toFixed(1)} KB (goal: under 60 KB)`);
console.log(`load into a fresh context (median of ${loadTimes.length}): ${median(loadTimes).toFixed(2)} ms`);
console.log(`measured ${new Date().toISOString().slice(0, 10)} on node ${process.version}`);
