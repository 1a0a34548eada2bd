/**
 * What the element build (vite.element.config.ts) and the library build (vite.lib.config.ts)
 * share: both are imported by other people's pages, so neither may rely on a worker file next
 * to the page. `worker/spawn-engine` is aliased to an inlined (blob URL) engine worker, the CSS
 * comes out as one file (each build then places it), and nothing from public/ is copied.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { mergeConfig, type UserConfig } from 'vite';

const base: UserConfig = {
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
    copyPublicDir: false,
    cssCodeSplit: false,
    // One big file on purpose (React and the viewer inside).
    chunkSizeWarningLimit: 1024,
  },
};

/** The shared base with `config` merged over it (arrays such as `plugins` are appended). */
export function inlinedBuild(config: UserConfig): UserConfig {
  return mergeConfig(base, config);
}
