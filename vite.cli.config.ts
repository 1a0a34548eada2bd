/**
 * Third build: the command line as plain-JavaScript ES modules for node: dist/cli.mjs (what
 * bin/hnsviz.mjs imports: argument parsing, help, the command table) and one chunk per command
 * (and shared code) in dist/cli/, loaded when that command runs. Every dependency is bundled
 * in, so the installed CLI needs no runtime packages and no TypeScript loader, and
 * `hnsviz --version` / `--help` load only the small entry.
 * `npm run build` runs it after the app build (which empties dist/); scripts/build-cli.mjs runs
 * it alone when dist/cli.mjs is missing or older than the sources.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: fileURLToPath(new URL('./src/cli/main.ts', import.meta.url)),
    target: 'node20',
    outDir: 'dist',
    emptyOutDir: false,
    copyPublicDir: false,
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rollupOptions: {
      output: { format: 'es', entryFileNames: 'cli.mjs', chunkFileNames: 'cli/[name]-[hash].mjs' },
    },
  },
});
