/**
 * `hnsviz serve`: the built viewer on a local port, offline, with the headers a static host
 * would send (dist/_headers). Runs until Ctrl+C (or SIGTERM).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCommand, intOption, UsageError } from '../command';
import { startStaticServer } from '../static-server';

/**
 * The built app: the nearest `dist/` with an `index.html` above this module (the installed
 * package's, or a checkout's after `npm run build`); null when there is none.
 */
export function builtAppDir(from = dirname(fileURLToPath(import.meta.url))): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'index.html')) && existsSync(join(dir, 'cli.mjs'))) return dir;
    if (existsSync(join(dir, 'dist', 'index.html'))) return join(dir, 'dist');
    if (dirname(dir) === dir) return null;
  }
}

export const serveCommand = defineCommand({
  name: 'serve',
  summary: 'Serve the viewer locally (offline) and print its address.',
  usage: ['[--port N] [--host ADDR] [--dir DIR]'],
  details: [
    'Serves the built app (the package’s dist/) with the right content types and the headers ' +
      'of its _headers file (Content-Security-Policy, nosniff, no referrer). Nothing is fetched ' +
      'from the network: dumps you open stay in your browser. Stop it with Ctrl+C.',
  ],
  options: {
    port: {
      type: 'string',
      short: 'p',
      value: 'N',
      help: 'port to listen on (default 4173; 0: any free port)',
    },
    host: {
      type: 'string',
      value: 'ADDR',
      help: 'address to listen on (default 127.0.0.1, this machine only)',
    },
    dir: { type: 'string', value: 'DIR', help: 'serve this folder instead of the built app' },
  },
  examples: ['hnsviz serve', 'hnsviz serve --port 8080'],
  async run({ values }, ctx) {
    const port = intOption('port', values.port, 0, 65535) ?? 4173;
    const host = values.host ?? '127.0.0.1';
    const dir = values.dir !== undefined ? resolve(values.dir) : builtAppDir();
    if (dir === null || !existsSync(join(dir, 'index.html')))
      throw new UsageError(
        dir === null
          ? 'the built app was not found (in a checkout, run `npm run build` first)'
          : `${dir} has no index.html`,
      );
    let server;
    try {
      server = await startStaticServer(dir, port, host);
    } catch (e) {
      const code = (e as { code?: string }).code;
      throw new UsageError(
        code === 'EADDRINUSE'
          ? `port ${port} is in use (try --port 0 for any free port)`
          : `cannot listen on ${host}:${port}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    ctx.out(`hnsviz viewer at ${server.url}\n`);
    ctx.err(`serving ${dir}; press Ctrl+C to stop\n`);
    await (ctx.io.untilStopped ?? untilSignal)();
    await server.close();
    return 0;
  },
});

/** Resolves on the first SIGINT or SIGTERM. */
function untilSignal(): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
