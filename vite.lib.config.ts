/**
 * Fourth build: the library entry of the package (`import { mountViewer } from 'hnsviz'`),
 * dist/lib/hnsviz.js plus its stylesheet dist/lib/hnsviz.css (`hnsviz/style.css`). React and
 * react-dom stay imports (peer dependencies: the host page brings its React); everything else
 * (d3, zustand, immer, fflate) is bundled in, and the engine worker is inlined as in the
 * element build, so a host bundler needs no worker setup.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const REACT = /^react(?:-dom)?(?:\/.*)?$/;

export default defineConfig({
  plugins: [react()],
  publicDir: false,
  resolve: {
    alias: [
      {
        find: /^\.\.\/worker\/spawn-engine$/,
        replacement: fileURLToPath(new URL('./src/embed/spawn-engine-inline.ts', import.meta.url)),
      },
    ],
  },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: 'dist/lib',
    emptyOutDir: true,
    copyPublicDir: false,
    cssCodeSplit: false,
    minify: true,
    chunkSizeWarningLimit: 1024,
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
});
