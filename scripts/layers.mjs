// The layers of src/, in ONE place: eslint.config.js builds its import walls from this list,
// scripts/check-layers.mjs checks that tsconfig.core.json and README.md name the same core
// folders and that the import graph has no cycles.

/**
 * The pure core: no DOM, node, timers, randomness, React, stores or d3 DOM modules. Compiled by
 * tsconfig.core.json (lib ES2022, types []). Core folders may import each other.
 */
export const CORE = [
  'shared',
  'model',
  'scenarios',
  'lint',
  'cluster',
  'parsers',
  'engine',
  'layout',
  'lessons',
  'view-model',
];

/**
 * The app side: for each folder, the OTHER app folders it may import (every folder may import
 * the core). Anything not listed is forbidden, type-only imports included.
 */
export const APP = {
  worker: [],
  state: ['worker'],
  render: [],
  share: ['state'],
  export: ['share'],
  'dump-import': ['state', 'worker', 'share'],
  ui: ['state', 'render', 'share', 'export', 'dump-import', 'worker'],
  embed: ['ui', 'state', 'render', 'share', 'export', 'dump-import', 'worker'],
  // share: the one source of scrub keys (share/scrub-view.ts) for the scrub of `hnsviz export`.
  cli: ['export', 'share'],
};

/** npm packages an app folder may not import (the core may import none of these). */
export const UI_PACKAGES = [
  'react',
  'react-dom',
  'zustand',
  'immer',
  'd3-selection',
  'd3-zoom',
  'd3-transition',
  'd3-ease',
];
export const APP_FORBIDDEN_PACKAGES = {
  worker: UI_PACKAGES,
  state: ['react', 'react-dom', 'd3-selection', 'd3-zoom', 'd3-transition', 'd3-ease'],
  render: ['react', 'react-dom', 'zustand', 'immer'],
  share: ['react', 'react-dom', 'd3-selection', 'd3-zoom', 'd3-transition', 'd3-ease'],
  export: ['react', 'react-dom', 'zustand', 'immer'],
  'dump-import': ['react', 'react-dom', 'd3-selection', 'd3-zoom', 'd3-transition', 'd3-ease'],
  ui: [],
  embed: [],
  cli: UI_PACKAGES,
};

/** Every folder directly under src/ (the entry src/index.ts may import any of them). */
export const ALL = [...CORE, ...Object.keys(APP)];
