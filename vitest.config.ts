import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // Vitest's default is one worker fewer than the cores: one worker on the 2-core machines of
    // this project, so the fuzz (about 45 s) and the rest of the suite ran one after the other.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    hookTimeout: 60_000,
    // A stray .only would run one test and pass: refused, locally as on CI.
    allowOnly: false,
    // Every skipped test is named at the end of the run (never a silent skip).
    reporters: ['default', './test/support/skippedReporter.ts'],
    // Bundle tests read dist/: `npm test` builds first (pretest).
  },
});
