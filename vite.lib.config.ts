/**
 * Fourth build: the library entry of the package (`import { mountViewer } from 'hnsviz'`),
 * dist/lib/hnsviz.js plus its stylesheet dist/lib/hnsviz.css (`hnsviz/style.css`). React and
 * react-dom stay imports (peer dependencies: the host page brings its React); everything else
 * (d3, zustand, immer, fflate) is bundled in, and the engine worker is inlined as in the
 * element build, so a host bundler needs no worker setup (the shared base: vite.inlined.base.ts).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { inlinedBuild } from './vite.inlined.base';

const REACT = /^react(?:-dom)?(?:\/.*)?$/;

export default defineConfig(
  inlinedBuild({
    build: {
      outDir: 'dist/lib',
      emptyOutDir: true,
      minify: true,
      lib: {
        entry: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
        formats: ['es'],
        fileName: () => 'hnsviz.js',
        cssFileName: 'hnsviz',
      },
      rollupOptions: {
        external: (id) => REACT.test(id),
        output: { codeSplitting: false },
      },
    },
  }),
);
