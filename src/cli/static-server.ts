/**
 * A small static file server for the built app (`hnsviz serve`): GET and HEAD only, files
 * under one folder only (no `..`, no symlinked escape), the right Content-Type for each file the
 * build writes, and the response headers of the folder's `_headers` file (the Content-Security-
 * Policy and friends that static hosts send, see README "Hosting"). No network beyond the
 * listening socket, so the app works offline.
 */
import { createReadStream, existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  // The collector script: shown as text, never run by the browser.
  '.ps1': 'text/plain; charset=utf-8',
};

/** The MIME type of a file by its extension (`application/octet-stream` when unknown). */
export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface HeaderRule {
  /** `/*` (every path), `/dir/*` (a prefix) or an exact path. */
  readonly pattern: string;
  readonly headers: readonly (readonly [string, string])[];
}

/**
 * Parse a `_headers` file (the Netlify / Cloudflare Pages format): a path pattern on a line
 * of its own, then indented `Name: value` lines; `#` starts a comment.
 */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: { pattern: string; headers: [string, string][] }[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ pattern: raw.trim(), headers: [] });
      continue;
    }
    const m = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(raw);
    const rule = rules[rules.length - 1];
    if (m && rule) rule.headers.push([m[1]!, m[2]!.trim()]);
  }
  return rules;
}

function matches(pattern: string, path: string): boolean {
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : pattern === path;
}

export interface StaticServer {
  /** `http://host:port/` */
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/**
 * Serve `dir` on `host:port` (port 0: any free port). Resolves once it listens; rejects when
 * it cannot (port in use, no permission).
 */
export function startStaticServer(dir: string, port: number, host: string): Promise<StaticServer> {
  const root = realpathSync(dir);
  const headersFile = join(root, '_headers');
  const rules = existsSync(headersFile) ? parseHeaders(readFileSync(headersFile, 'utf8')) : [];

  const server = createServer((req, res) => {
    const send = (status: number, text: string, extra: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...extra });
      res.end(req.method === 'HEAD' ? undefined : text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(405, 'method not allowed\n', { Allow: 'GET, HEAD' });
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return send(400, 'bad request\n');
    }
    for (const rule of rules)
      if (matches(rule.pattern, path)) for (const [k, v] of rule.headers) res.setHeader(k, v);
    if (path.includes('\0') || path.split('/').includes('..')) return send(404, 'not found\n');
    let file = join(root, path);
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      file = realpathSync(file);
      if (!file.startsWith(root + sep) || !statSync(file).isFile()) throw new Error('outside');
    } catch {
      return send(404, 'not found\n');
    }
    if (file === headersFile) return send(404, 'not found\n');
    res.writeHead(200, {
      'Content-Type': contentType(file),
      'Content-Length': statSync(file).size,
      // Always revalidate: a rebuilt app is seen on the next load (the hashed assets never change).
      'Cache-Control': /[/\\]assets[/\\]/.test(file)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const a = server.address() as AddressInfo;
      const name = a.family === 'IPv6' ? `[${a.address}]` : a.address;
      resolve({
        url: `http://${name}:${a.port}/`,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
