// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Pure core (docs/style.md 3.2): no UI, DOM, store, worker or ambient time/randomness. */
const CORE = [
  'src/shared',
  'src/model',
  'src/scenarios',
  'src/lint',
  'src/cluster',
  'src/parsers',
  'src/engine',
  'src/layout',
];
const inDirs = (/** @type {string[]} */ dirs) => dirs.map((d) => `${d}/**/*.{ts,tsx}`);

// Forbidden edges. Regexes are matched against the import specifier, so they catch
// '../worker/x', '@/state', '../../app/main' alike. Type-only imports are forbidden too.
const NO_APP = {
  regex: '(^|/)app(/|$)',
  message: 'src/ must never import the app/ shell (style.md 3.2).',
  allowTypeImports: false,
};
const NO_UI_LAYERS_IN_CORE = {
  regex: '(^|/)(worker|state|render|ui|embed)(/|$)',
  message: 'Core layers may not import worker/, state/, render/, ui/ or embed/ (style.md 3.2).',
  allowTypeImports: false,
};
const CORE_FORBIDDEN_PACKAGES = [
  'react',
  'react-dom',
  'zustand',
  'immer',
  'd3-selection',
  'd3-zoom',
  'd3-transition',
];
const pkgPattern = (/** @type {string} */ name, /** @type {string} */ message) => ({
  regex: `^${name}(/|$)`,
  caseSensitive: true,
  message,
  allowTypeImports: false,
});

export default defineConfig(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      '.ci-out/**',
    ],
  },

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
    },
  },

  // Plain JS (this file, bin/, scripts/*.mjs): node globals, no type-aware rules.
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },

  // Browser code.
  {
    files: ['app/**/*.{ts,tsx}', 'src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },

  // Layering (style.md 3.2). Later blocks replace earlier options for the same rule, so every
  // block repeats the rules that still apply to it.
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NO_APP] }],
    },
  },
  {
    files: inDirs(CORE),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...CORE_FORBIDDEN_PACKAGES.map((p) =>
              pkgPattern(p, `Core layers may not import '${p}' (style.md 3.2).`),
            ),
            NO_UI_LAYERS_IN_CORE,
            NO_APP,
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['setTimeout', 'setInterval', 'requestAnimationFrame', 'performance', 'fetch'].map(
          (name) => ({
            name,
            message: `No ambient '${name}' in the core; inject a clock/scheduler via src/shared (style.md 3.2).`,
          }),
        ),
        ...['document', 'window'].map((name) => ({
          name,
          message: `No DOM ('${name}') in the core (style.md 3.2).`,
        })),
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'Use the injected clock from src/shared/clock (style.md 3.2).',
        },
        {
          object: 'Math',
          property: 'random',
          message: 'Use the seeded rng from src/shared/rng (style.md 3.2).',
        },
      ],
    },
  },
  {
    files: inDirs(['src/render']),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...['react', 'react-dom', 'zustand'].map((p) =>
              pkgPattern(p, `src/render is framework-free: no '${p}' (style.md 3.2).`),
            ),
            NO_APP,
          ],
        },
      ],
    },
  },

  // React hooks.
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/embed/**/*.{ts,tsx}', 'app/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/embed/**/*.{ts,tsx}', 'app/**/*.{ts,tsx}'],
    rules: { 'react-hooks/exhaustive-deps': 'error' },
  },

  // Code that handles dump data of any size: no spread into call arguments, which passes every
  // element on the stack ("Maximum call stack size exceeded" at ~100k elements).
  {
    files: inDirs(['src/parsers', 'src/lint', 'src/dump-import', 'src/worker']),
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression > SpreadElement',
          message:
            'Spreading an array into call arguments overflows the stack on big dumps; use pushAll (src/shared/arrays) or a loop.',
        },
      ],
    },
  },

  // Node-side code may log.
  {
    files: ['src/cli/**', 'scripts/**', 'bench/**', 'e2e/**', 'bin/**', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
);
