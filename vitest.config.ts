import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    // Component tests opt in per file with a `// @vitest-environment jsdom` docblock.
    environment: 'node',
    // Property and fuzz suites run hundreds of cases; on a loaded shared machine the 5 s default is a race,
    // not a check. This is a hang guard only: no test asserts how fast anything runs.
    testTimeout: 60_000,
    // Vitest's default is one worker fewer than the CPUs: one worker on a 2-core CI machine, so the
    // 117 files ran one after another (each file's import and setup included). The main process
    // only hands out files and transforms modules, so every core runs a worker.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
