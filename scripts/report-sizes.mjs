#!/usr/bin/env node
// Print the sizes of the built files (raw and gzipped) and check the budgets of
// docs/product.md: main bundle (the entry chunk and its static imports) under 250 KB gzipped.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = new URL('../dist/', import.meta.url).pathname;
const BUDGET_MAIN_GZ = 250 * 1024;

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const row = (name, path) => {
  const raw = statSync(path).size;
  const z = gz(path);
  console.log(`${name.padEnd(44)} ${kb(raw).padStart(10)} ${kb(z).padStart(10)} gz`);
  return z;
};

const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const entries = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map(
  (m) => m[1],
);
console.log('file                                               raw     gzipped');
let main = 0;
for (const f of entries) main += row(`${f} (main)`, join(DIST, f));
for (const f of readdirSync(join(DIST, 'assets')).sort()) {
  if (!entries.includes(`assets/${f}`)) row(`assets/${f}`, join(DIST, 'assets', f));
}
let element = 0;
try {
  element = row('hns-viz.js (element, one module)', join(DIST, 'hns-viz.js'));
} catch {
  console.log('hns-viz.js: not built');
}
console.log(`main bundle (entry JS + CSS): ${kb(main)} gzipped; budget ${kb(BUDGET_MAIN_GZ)}`);
console.log(`element module: ${kb(element)} gzipped`);
if (main > BUDGET_MAIN_GZ) {
  console.error('main bundle is over budget');
  process.exit(1);
}
