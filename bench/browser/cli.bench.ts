/**
 * CLI start (budgets: under 200 ms, and within 5× a bare `node -e 0`, measured in the same run):
 * the built `hnsviz --version` and a bare node, alternately, eleven times each; medians.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { report } from './budget';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = 11;

function timed(args: string[]): { ms: number; stdout: string; status: number | null } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  return { ms: performance.now() - t0, stdout: r.stdout, status: r.status };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

test('CLI start', () => {
  // The web server's `npm run build` has built dist/cli.mjs.
  const version = timed(['bin/hnsviz.mjs', '--version']);
  expect(version.status).toBe(0);
  expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
  const cli: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    cli.push(timed(['bin/hnsviz.mjs', '--version']).ms);
    bare.push(timed(['-e', '0']).ms);
  }
  const cliStartMs = median(cli);
  const nodeStartMs = median(bare);
  report('cliStartMs', cliStartMs, 'ms', { below: 200 });
  report('nodeStartMs', nodeStartMs, 'ms');
  report('cliStartRatio', cliStartMs / nodeStartMs, '× node -e 0', { below: 5 });
});
