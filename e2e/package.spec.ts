/**
 * The published package, as a user gets it: `npm pack` (what the tarball holds), an offline
 * install of the tarball into an empty folder, then the installed `hnsviz` (--help, --version, trace,
 * serve), the `hnsviz/cli` export in node, the types of every export in a consumer's tsc, and the
 * `<hns-viz>` element entry in the browser. The web server's `npm run build` has built dist/.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

test.describe.configure({ mode: 'serial' });

let work = '';
let files: string[] = [];
let app = '';

test.beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'hnsviz-pack-'));
  const packed = JSON.parse(
    execFileSync(NPM, ['pack', '--json', '--pack-destination', work], {
      cwd: ROOT,
      encoding: 'utf8',
    }),
  ) as { filename: string; files: { path: string }[] }[];
  files = packed[0]!.files.map((f) => f.path);
  app = join(work, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(
    join(app, 'package.json'),
    '{ "name": "consumer", "private": true, "type": "module" }\n',
  );
  execFileSync(
    NPM,
    [
      'install',
      '--offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      join(work, packed[0]!.filename),
    ],
    { cwd: app, encoding: 'utf8' },
  );
});

test.afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the tarball holds what users need and nothing else', () => {
  for (const f of [
    'package.json',
    'LICENSE',
    'README.md',
    'bin/hnsviz.mjs',
    'dist/cli.mjs',
    'dist/lib/hnsviz.js',
    'dist/lib/hnsviz.css',
    'dist/hns-viz.js',
    'dist/index.html',
    'dist/_headers',
    'dist/types/index.d.ts',
    'dist/types/embed/element-entry.d.ts',
    'dist/types/cli/main.d.ts',
  ])
    expect(files, f).toContain(f);
  const stray = files.filter((f) => !/^(package\.json|LICENSE|README\.md|bin\/|dist\/)/.test(f));
  expect(stray).toEqual([]);
  expect(files.filter((f) => /\.(map|ts)$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
  expect(files.some((f) => f.startsWith('dist/cli/'))).toBe(true);
});

test('the installed hnsviz runs: --help, --version, trace, and the hnsviz/cli export', () => {
  const bin = join(app, 'node_modules', '.bin', 'hnsviz');
  const help = execFileSync(bin, ['--help'], { encoding: 'utf8' });
  expect(help).toMatch(/^usage: hnsviz <command>/m);
  for (const command of ['parse', 'lint', 'trace', 'describe', 'export', 'serve']) {
    expect(help).toContain(command);
  }
  expect(execFileSync(bin, ['trace', '--help'], { encoding: 'utf8' })).toMatch(
    /^usage: hnsviz trace /,
  );
  expect(execFileSync(bin, ['--version'], { encoding: 'utf8' })).toBe(`${PKG.version}\n`);
  const trace = spawnSync(
    bin,
    ['trace', '--scenario', 'new-l2bridge', '--from', 'a1', '--to', '10.96.10.10:80', '--json'],
    { encoding: 'utf8' },
  );
  expect(trace.status).toBe(0);
  expect(JSON.parse(trace.stdout)).toMatchObject({
    format: 'hnsviz.trace/1',
    verdict: 'delivered',
  });
  const cli = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "const m = await import('hnsviz/cli'); console.log(typeof m.runCli, m.VERSION)",
    ],
    { cwd: app, encoding: 'utf8' },
  );
  expect(cli).toBe(`function ${PKG.version}\n`);
});

test('a consumer typechecks against every export, hns-viz included', () => {
  writeFileSync(
    join(app, 'consumer.ts'),
    [
      "import { mountViewer, type MountViewerOptions } from 'hnsviz';",
      "import type { HnsVizElement } from 'hnsviz/element';",
      "import { runCli } from 'hnsviz/cli';",
      "const options: MountViewerOptions = { scenarioId: 'old-winnat' };",
      "const el: HnsVizElement = document.createElement('hns-viz');",
      'mountViewer(el, options);',
      "void runCli(['--version'], { stdout: () => {}, stderr: () => {}, readFile: () => new Uint8Array() });",
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        module: 'esnext',
        moduleResolution: 'bundler',
        target: 'es2022',
        lib: ['es2022', 'dom'],
        types: [],
        skipLibCheck: true,
      },
      files: ['consumer.ts'],
    }),
  );
  const tsc = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', app],
    {
      encoding: 'utf8',
    },
  );
  expect(tsc.stdout + tsc.stderr).toBe('');
  expect(tsc.status).toBe(0);
});

test('the installed hnsviz serve serves the viewer with its headers', async () => {
  const child = spawn(join(app, 'node_modules', '.bin', 'hnsviz'), ['serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /at (http:\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`hnsviz serve exited ${code}`)));
    });
    const index = await fetch(url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toMatch(/frame-ancestors/);
    expect(await index.text()).toContain('<div id="root"');
  } finally {
    child.kill('SIGTERM');
  }
});

test('the element entry of the installed package defines and renders <hns-viz>', async ({
  page,
}) => {
  // A host page on its own origin that loads the installed file, as a docs site would.
  const element = readFileSync(join(app, 'node_modules', 'hnsviz', 'dist', 'hns-viz.js'));
  await page.route('http://docs.test/**', (route) =>
    route.request().url().endsWith('/hns-viz.js')
      ? route.fulfill({ body: element, contentType: 'text/javascript' })
      : route.fulfill({
          contentType: 'text/html',
          body: '<!doctype html><script type="module" src="/hns-viz.js"></script><hns-viz scenario="old-winnat"></hns-viz>',
        }),
  );
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('http://docs.test/');
  await expect
    .poll(() => page.evaluate(() => customElements.get('hns-viz') !== undefined))
    .toBe(true);
  await expect(page.locator('hns-viz svg.hnsviz-topology').first()).toBeVisible();
  expect(errors).toEqual([]);
});
