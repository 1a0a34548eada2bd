#!/usr/bin/env node
// Build dist/cli.mjs (vite.cli.config.ts). With --if-stale, only when it is missing or older than
// any source it is built from (src/**, package.json, the config), so `npm run hnsviz` works in a
// fresh clone and after edits, and costs one directory walk otherwise.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist/cli.mjs');
const config = join(root, 'vite.cli.config.ts');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === '__fixtures__' || e.name === '__snapshots__') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
      t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

function stale() {
  if (!existsSync(out)) return true;
  const built = statSync(out).mtimeMs;
  const sources = Math.max(
    newest(join(root, 'src')),
    statSync(join(root, 'package.json')).mtimeMs,
    statSync(config).mtimeMs,
  );
  return sources > built;
}

if (!process.argv.includes('--if-stale') || stale()) {
  // Chunks carry a hash in their names: clear the old ones so dist/cli/ holds one build.
  rmSync(join(root, 'dist/cli'), { recursive: true, force: true });
  const { build } = await import('vite');
  await build({ configFile: config, root, logLevel: 'warn' });
}
