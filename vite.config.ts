import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Content-Security-Policy of the built pages: only the app's own scripts, styles from its own
 * stylesheets (no inline styles or scripts), workers from the app or a blob (the engine), and
 * images from blob: (PNG export). Dev mode needs inline scripts (React refresh), so the policy
 * is injected into built HTML only. `frame-src 'self'` is for public/embed-demo.html, which
 * carries its own copy of this policy.
 */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'hnsviz-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  // Relative asset URLs, so the built app works when served from any sub-path (embedding).
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: { target: 'es2022' },
  // Pre-bundle every runtime dependency at dev-server start: discovering them on the first page
  // load makes Vite re-optimise and answer "504 Outdated Optimize Dep" before a reload. Scan only
  // the app's page: public/embed-demo.html imports the built element, which dev mode doesn't have.
  optimizeDeps: {
    entries: ['index.html'],
    include: [
      'react',
      'react/jsx-runtime',
      'react-dom/client',
      'zustand',
      'zustand/vanilla',
      'zustand/middleware/immer',
      'immer',
      'd3-selection',
      'd3-zoom',
      'd3-ease',
      'd3-transition',
      'fflate',
    ],
  },
});
