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
    // Bundle tests read dist/: `npm test` builds first (pretest).
  },
});
