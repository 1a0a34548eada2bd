#!/usr/bin/env node
// `node scripts/check-layers.mjs [--write]` (part of `npm run lint`): the layer list in
// scripts/layers.mjs is the only one. Checks that
//   - every folder under src/ belongs to a layer,
//   - tsconfig.core.json compiles exactly the core folders (--write rewrites its include),
//   - README.md names exactly the core folders (between the core-folders markers),
//   - no module imports itself through others (type-only imports included: a type shared by
//     two modules that need each other belongs in a third),
//   - the folders of src/ import each other without cycles (type-only imports included),
//   - every import, `import()` included, goes in a direction the list allows, and app/ imports
//     src/ only through src/index.ts.
// ESLint enforces the allowed directions as you type; this also sees dynamic imports and cycles.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findCycles, importGraph, sourceFiles } from './import-graph.mjs';
import { ALL, APP, CORE } from './layers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const write = process.argv.includes('--write');
const problems = [];

// 1. Every folder under src/ is in a layer.
for (const e of readdirSync(`${root}src`, { withFileTypes: true }))
  if (e.isDirectory() && !ALL.includes(e.name))
    problems.push(`src/${e.name} is in no layer: add it to CORE or APP in scripts/layers.mjs`);

// 2. tsconfig.core.json compiles the core, all of it and nothing else.
const tsconfigPath = `${root}tsconfig.core.json`;
const tsconfigText = readFileSync(tsconfigPath, 'utf8');
const include = CORE.map((d) => `src/${d}/**/*.ts`);
const includeText = `"include": [\n${include.map((p) => `    "${p}"`).join(',\n')}\n  ]`;
const current = /"include": \[[^\]]*\]/.exec(tsconfigText)?.[0];
if (current !== includeText) {
  if (write)
    writeFileSync(tsconfigPath, tsconfigText.replace(/"include": \[[^\]]*\]/, includeText));
  else problems.push('tsconfig.core.json "include" differs from CORE (run with --write)');
}

// 3. README.md names the core.
const readme = readFileSync(`${root}README.md`, 'utf8');
const named = /<!-- core-folders -->`src\/\{([^}]*)\}`<!-- \/core-folders -->/.exec(readme)?.[1];
if (named !== CORE.join(','))
  problems.push(
    `README.md must name the core as <!-- core-folders -->\`src/{${CORE.join(',')}}\`<!-- /core-folders -->`,
  );

// 4 and 5. Cycles. Tests are left out of the folder graph: a test may build its fixtures with
// code from another folder (a model test with a scenario) without making the code depend on it.
const files = [...sourceFiles(`${root}src`), ...sourceFiles(`${root}app`)].map((f) =>
  relative(root, f),
);
const graph = importGraph(root, files);
const adjacency = new Map([...graph].map(([f, edges]) => [f, edges.map((e) => e.to)]));
for (const c of findCycles(adjacency)) {
  const inCycle = [...graph]
    .filter(([f]) => c.includes(f))
    .flatMap(([f, edges]) => edges.filter((e) => c.includes(e.to)).map((e) => ({ from: f, ...e })));
  const hint = inCycle.every((e) => e.typeOnly)
    ? ' (type-only: move the shared types to a module of their own)'
    : '';
  problems.push(
    `import cycle${hint}: ${c.join(', ')}\n    ${inCycle
      .slice(0, 8)
      .map((e) => `${e.from} → ${e.to}${e.typeOnly ? ' (type)' : ''}`)
      .join('\n    ')}`,
  );
}

const folderOf = (f) => (f.startsWith('src/') ? (f.split('/')[1] ?? f) : f.split('/')[0]);
const isTest = (f) => /\.test\.tsx?$/.test(f);
const folders = new Map();
for (const [f, edges] of graph) {
  if (isTest(f)) continue;
  const from = folderOf(f);
  if (!f.includes('/') || f.split('/').length < 3) continue; // src/index.ts is the entry, not a layer
  const set = folders.get(from) ?? new Set();
  for (const e of edges)
    if (folderOf(e.to) !== from && e.to.split('/').length >= 3) set.add(folderOf(e.to));
  folders.set(from, set);
}
const folderAdjacency = new Map([...folders].map(([k, v]) => [k, [...v]]));
for (const c of findCycles(folderAdjacency)) {
  const witness = c.flatMap((a) =>
    [...graph]
      .filter(([f]) => folderOf(f) === a && !isTest(f))
      .flatMap(([f, edges]) =>
        edges
          .filter((e) => c.includes(folderOf(e.to)) && folderOf(e.to) !== a)
          .map((e) => `${f} → ${e.to}`),
      ),
  );
  problems.push(
    `folder cycle: ${c.join(' ⇄ ')}, for example\n    ${witness.slice(0, 8).join('\n    ')}`,
  );
}

// 6. The directions of scripts/layers.mjs over every import, `import()` included (ESLint's
// no-restricted-imports sees static imports only); and app/ uses src/ only through src/index.ts.
const mayImport = (from, to) =>
  from === to || CORE.includes(to) || (!CORE.includes(from) && (APP[from] ?? []).includes(to));
const inLayer = (f) => f.startsWith('src/') && f.split('/').length >= 3;
for (const [f, edges] of graph) {
  if (isTest(f)) continue;
  for (const e of edges) {
    if (f.startsWith('app/') && e.to.startsWith('src/') && e.to !== 'src/index.ts')
      problems.push(`${f} imports ${e.to}: app/ may use src/ only through src/index.ts`);
    if (inLayer(f) && inLayer(e.to) && !mayImport(folderOf(f), folderOf(e.to)))
      problems.push(
        `${f} imports ${e.to}: src/${folderOf(f)} may not import src/${folderOf(e.to)} (scripts/layers.mjs)`,
      );
  }
}

if (problems.length > 0) {
  for (const p of problems) console.error(`check-layers: ${p}`);
  process.exit(1);
}
console.log(
  `check-layers: ${files.length} files, ${CORE.length} core and ${ALL.length - CORE.length} app folders, no cycles`,
);
