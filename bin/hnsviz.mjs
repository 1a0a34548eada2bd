#!/usr/bin/env node
// Launcher for the hnsviz CLI: runs src/cli/main.ts through tsx, passing args and exit code through.
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = resolve(root, 'src/cli/main.ts');
// IMPORTANT: resolve tsx from this package, not from the caller's cwd (node resolves a bare
// `--import tsx` against the cwd, which breaks when hnsviz runs from another directory).
const tsx = import.meta.resolve('tsx');

const child = spawn(process.execPath, ['--import', tsx, entry, ...process.argv.slice(2)], {
  stdio: 'inherit',
});

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => child.kill(sig));
}

child.on('error', (err) => {
  console.error(`hnsviz: failed to start: ${err.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
