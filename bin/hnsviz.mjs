#!/usr/bin/env node
// The `hnsviz` command: runs the built CLI (dist/cli.mjs, plain JavaScript with its
// dependencies bundled in). In a source checkout, `npm run hnsviz` builds it first when needed.
// A reader that stops early (`hnsviz … | head`) closes the pipe: that is a normal end, not a crash.
process.stdout.on('error', (e) => {
  if (e?.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
let cli;
try {
  cli = await import('../dist/cli.mjs');
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('cli.mjs')) throw e;
  console.error('hnsviz: dist/cli.mjs is missing; build it with `npm run build:cli`');
  process.exit(2);
}
process.exitCode = await cli.main(process.argv.slice(2));
