/**
 * Second build: the `<hns-viz>` custom element as ONE ES module, dist/hns-viz.js (run after
 * the app build; see package.json "build"). React, the viewer, its CSS and the engine worker
 * are all inside the file:
 * - CSS: the extracted stylesheet is removed from the output and its text replaces the
 *   `/*__HNSVIZ_CSS__*\/` marker in src/embed/hns-viz-element.ts (adopted into the shadow root);
 * - workers: `worker/spawn-engine` (vite.inlined.base.ts, shared with the library build) and
 *   the matrix pool's `spawn-matrix` are aliased to inlined (blob URL) workers, so the element,
 *   matrix included, also works when its script is served from another origin.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { inlinedBuild } from './vite.inlined.base';

const MARKER = /(["'`])\/\*__HNSVIZ_CSS__\*\/\1/;

function inlineCss(): Plugin {
  return {
    name: 'hnsviz-inline-css',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      let css = '';
      for (const [name, file] of Object.entries(bundle)) {
        if (file.type === 'asset' && name.endsWith('.css')) {
          css +=
            typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
          delete bundle[name];
        }
      }
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk' || !MARKER.test(file.code)) continue;
        file.code = file.code.replace(MARKER, () => JSON.stringify(css));
        return;
      }
      this.error('the CSS marker of hns-viz-element.ts was not found');
    },
  };
}

export default defineConfig(
  inlinedBuild({
    plugins: [inlineCss()],
    resolve: {
      alias: [
        // The matrix pool's workers (imported as `./spawn-matrix` by src/worker/matrix-pool.ts).
        {
          find: /^\.\/spawn-matrix$/,
          replacement: fileURLToPath(
            new URL('./src/embed/spawn-matrix-inline.ts', import.meta.url),
          ),
        },
      ],
    },
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      // An app build with a JS entry rather than library mode: library ES builds keep whitespace
      // and leave process.env.NODE_ENV alone; this file is for browsers, so minify it fully.
      rollupOptions: {
        input: fileURLToPath(new URL('./src/embed/element-entry.ts', import.meta.url)),
        preserveEntrySignatures: 'exports-only',
        output: { format: 'es', entryFileNames: 'hns-viz.js', codeSplitting: false },
      },
    },
  }),
);
