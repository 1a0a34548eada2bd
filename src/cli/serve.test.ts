import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtAppDir } from './commands/serve';
import type { CliIo } from './io';
import { runCli } from './run';
import { parseHeaders, startStaticServer } from './static-server';

const HEADERS = readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8');
const CSP = /Content-Security-Policy: (.*)$/m.exec(HEADERS)![1]!;

const site = mkdtempSync(join(tmpdir(), 'hnsviz-serve-'));
writeFileSync(join(site, 'index.html'), '<!doctype html><title>hnsviz</title>');
writeFileSync(join(site, '_headers'), HEADERS);
mkdirSync(join(site, 'assets'));
writeFileSync(join(site, 'assets', 'app-abc.js'), 'export {};');
writeFileSync(join(site, 'manifest.webmanifest'), '{}');
writeFileSync(join(site, 'secret-outside.txt'), 'x');
afterAll(() => rmSync(site, { recursive: true, force: true }));

/** Run `hnsviz serve` in-process; resolves with its address once it listens. */
function serve(argv: string[]) {
  let stop!: () => void;
  const stopped = new Promise<void>((r) => (stop = r));
  let listening!: (url: string) => void;
  const url = new Promise<string>((r) => (listening = r));
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (s: string) => {
      out.push(s);
      const m = /at (http:\S+)/.exec(s);
      if (m) listening(m[1]!);
    },
    stderr: (s: string) => void err.push(s),
    readFile: () => new Uint8Array(),
    untilStopped: () => stopped,
  };
  const code = runCli(['serve', ...argv], io);
  return { url, code, stop, out, err };
}

describe('hnsviz serve', () => {
  it('serves the app with its content types and the _headers headers, and stops', async () => {
    const s = serve(['--port', '0', '--dir', site]);
    const base = await Promise.race([s.url, s.code.then((c) => `exited ${c}: ${s.err.join('')}`)]);
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

    const index = await fetch(base);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(CSP);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toContain('<title>hnsviz</title>');

    const js = await fetch(new URL('assets/app-abc.js', base));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toMatch(/immutable/);
    expect(
      (await fetch(new URL('manifest.webmanifest', base))).headers.get('content-type'),
    ).toMatch(/^application\/manifest\+json/);

    expect((await fetch(new URL('nope.js', base))).status).toBe(404);
    expect((await fetch(new URL('_headers', base))).status).toBe(404);
    expect((await fetch(`${base}assets/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
    expect((await fetch(base, { method: 'POST' })).status).toBe(405);
    expect((await fetch(base, { method: 'HEAD' })).status).toBe(200);

    s.stop();
    expect(await s.code).toBe(0);
    await expect(fetch(base)).rejects.toThrow();
  });

  it('a folder without index.html or a port in use is a usage error (exit 2)', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'hnsviz-empty-'));
    const r = serve(['--port', '0', '--dir', empty]);
    expect(await r.code).toBe(2);
    expect(r.err.join('')).toMatch(/has no index\.html/);
    rmSync(empty, { recursive: true });

    const busy = await startStaticServer(site, 0, '127.0.0.1');
    const port = new URL(busy.url).port;
    const r2 = serve(['--port', port, '--dir', site]);
    expect(await r2.code).toBe(2);
    expect(r2.err.join('')).toMatch(/port \d+ is in use/);
    await busy.close();
  });

  it('finds the built app beside the CLI or in a checkout’s dist/', () => {
    const root = mkdtempSync(join(tmpdir(), 'hnsviz-pkg-'));
    mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
    writeFileSync(join(root, 'dist', 'index.html'), '');
    writeFileSync(join(root, 'dist', 'cli.mjs'), '');
    expect(builtAppDir(join(root, 'dist', 'cli'))).toBe(join(root, 'dist'));
    mkdirSync(join(root, 'src', 'cli', 'commands'), { recursive: true });
    expect(builtAppDir(join(root, 'src', 'cli', 'commands'))).toBe(join(root, 'dist'));
    rmSync(join(root, 'dist'), { recursive: true });
    expect(builtAppDir(join(root, 'src', 'cli', 'commands'))).toBe(null);
    rmSync(root, { recursive: true });
  });

  it('reads the _headers format', () => {
    expect(parseHeaders('# c\n/*\n  A: 1\n  B: two: three\n/x\n  C: 3\n')).toEqual([
      {
        pattern: '/*',
        headers: [
          ['A', '1'],
          ['B', 'two: three'],
        ],
      },
      { pattern: '/x', headers: [['C', '3']] },
    ]);
  });
});
