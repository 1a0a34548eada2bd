#!/usr/bin/env node
// Make sure Debian's chromium is available for Playwright (playwright.config.ts uses
// CHROMIUM_PATH or /usr/bin/chromium). IMPORTANT: never download a browser any other way;
// `playwright install` cannot reach its download host from this machine.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEFAULT_PATH = '/usr/bin/chromium';

function found() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  if (existsSync(DEFAULT_PATH)) return DEFAULT_PATH;
  return null;
}

if (found()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    'Chromium not found at /usr/bin/chromium. Install it as root: apt-get install -y chromium (or set CHROMIUM_PATH)',
  );
  process.exit(1);
}

console.error('Chromium not found; installing Debian chromium with apt-get ...');
try {
  execSync('apt-get update && apt-get install -y --no-install-recommends chromium', {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
} catch {
  console.error('apt-get install chromium failed.');
  process.exit(1);
}

const path = found();
if (!path) {
  console.error('Chromium still not found at /usr/bin/chromium after apt-get install.');
  process.exit(1);
}
console.error(`Chromium installed at ${path}.`);
