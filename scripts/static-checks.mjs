#!/usr/bin/env node
// The checks that read the code without running it: typecheck, lint (with the layer check) and
// format, side by side. Each is single-threaded and takes 5-50 s, so on two cores running them
// together saves the shorter ones' time. Each check's output is printed whole, in this order,
// once it ends; the exit code is 1 when any failed.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const CHECKS = [
  ['typecheck', 'tsc -b'],
  ['lint', 'eslint . --max-warnings=0 && node scripts/check-layers.mjs'],
  ['format', 'prettier --check .'],
];

/** Runs `cmd` in a shell with node_modules/.bin on PATH (as npm scripts do). */
function run(name, cmd) {
  const started = Date.now();
  return new Promise((resolve) => {
    const env = {
      ...process.env,
      PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}`,
    };
    const child = spawn(cmd, { shell: true, cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('error', (e) => out.push(Buffer.from(`${e.message}\n`)));
    child.on('close', (code) =>
      resolve({
        name,
        cmd,
        code: code ?? 1,
        out: Buffer.concat(out),
        sec: (Date.now() - started) / 1000,
      }),
    );
  });
}

const results = await Promise.all(CHECKS.map(([name, cmd]) => run(name, cmd)));
let failed = 0;
for (const r of results) {
  process.stdout.write(`\n--- ${r.name}: ${r.cmd}\n`);
  process.stdout.write(r.out);
  const verdict = r.code === 0 ? 'ok' : `FAILED (exit ${r.code})`;
  process.stdout.write(`--- ${r.name} ${verdict} in ${r.sec.toFixed(1)} s\n`);
  if (r.code !== 0) failed++;
}
process.exit(failed ? 1 : 0);
