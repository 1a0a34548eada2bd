/**
 * CLI start (`cliStartMs`, budget < 200 ms; `cliStartRatio` within 5× a bare `node -e 0`,
 * measured in the same run): the built `hnsviz --version` and a bare node, alternately, eleven
 * times each; medians. Builds dist/cli.mjs first when it is missing or stale. Used by
 * `npm run bench` (bench/run.ts) and `npm run bench:browser` (bench/browser/cli.bench.ts).
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RUNS = 11;

function timed(args: string[]): { ms: number; stdout: string; status: number | null } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  return { ms: performance.now() - t0, stdout: r.stdout, status: r.status };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface CliStartFigures {
  cliStartMs: number;
  nodeStartMs: number;
  cliStartRatio: number;
}

/** Throws when `hnsviz --version` does not work (a bench fails only when what it drives breaks). */
export function measureCliStart(): CliStartFigures {
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs', '--if-stale'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`building the CLI failed:\n${build.stderr}`);
  const version = timed(['bin/hnsviz.mjs', '--version']);
  if (version.status !== 0 || !/^\d+\.\d+\.\d+/.test(version.stdout))
    throw new Error(`hnsviz --version failed (${version.status}): ${version.stdout}`);
  const cli: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    cli.push(timed(['bin/hnsviz.mjs', '--version']).ms);
    bare.push(timed(['-e', '0']).ms);
  }
  const cliStartMs = median(cli);
  const nodeStartMs = median(bare);
  const round = (x: number, d = 1) => Number(x.toFixed(d));
  return {
    cliStartMs: round(cliStartMs),
    nodeStartMs: round(nodeStartMs),
    cliStartRatio: round(cliStartMs / nodeStartMs, 2),
  };
}
