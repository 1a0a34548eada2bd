// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

import { APP, APP_FORBIDDEN_PACKAGES, CORE, UI_PACKAGES } from './scripts/layers.mjs';

/** `src/<name>` for each layer name. */
const src = (/** @type {string[]} */ names) => names.map((n) => `src/${n}`);
const inDirs = (/** @type {string[]} */ dirs) => dirs.map((d) => `${d}/**/*.{ts,tsx}`);
const escapeRe = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Forbidden edges. Regexes are matched against the import specifier, so they catch
// '../worker/x', '@/state', '../../app/main' alike. Type-only imports are forbidden too.
const NO_APP = {
  regex: '(^|/)app(/|$)',
  message: 'src/ must never import the app/ shell (style.md 3.2).',
  allowTypeImports: false,
};
/** Importing any of `folders` (by path segment) is an error with `message`. */
const folderPattern = (/** @type {string[]} */ folders, /** @type {string} */ message) => ({
  regex: `(^|/)(${folders.map(escapeRe).join('|')})(/|$)`,
  message,
  allowTypeImports: false,
});
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
    files: inDirs(src(CORE)),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...UI_PACKAGES.map((p) =>
              pkgPattern(p, `Core layers may not import '${p}' (scripts/layers.mjs).`),
            ),
            folderPattern(
              Object.keys(APP),
              'Core layers may import only the core (scripts/layers.mjs, style.md 3.2).',
            ),
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
  // The app side: each folder may import the core and the app folders scripts/layers.mjs lists.
  // Tests are exempt: a test may build its fixture with another folder's code (an export test
  // renders a drawing to export it) without the code under test depending on that folder.
  ...Object.entries(APP).map(([name, allowed]) => {
    const forbidden = Object.keys(APP).filter((n) => n !== name && !allowed.includes(n));
    const may = allowed.length ? ` and ${allowed.map((a) => `src/${a}`).join(', ')}` : '';
    return {
      files: inDirs([`src/${name}`]),
      ignores: ['**/*.test.{ts,tsx}'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              ...APP_FORBIDDEN_PACKAGES[/** @type {keyof typeof APP} */ (name)].map((p) =>
                pkgPattern(p, `src/${name} may not import '${p}' (scripts/layers.mjs).`),
              ),
              ...(forbidden.length
                ? [
                    folderPattern(
                      forbidden,
                      `src/${name} may import only the core${may} (scripts/layers.mjs).`,
                    ),
                  ]
                : []),
              NO_APP,
            ],
          },
        ],
      },
    };
  }),

  // Files stay small enough to read (style.md 3.9): split a module before it passes 400 lines.
  {
    files: ['src/**/*.{ts,tsx}', 'app/**/*.{ts,tsx}'],
    ignores: ['**/__fixtures__/**'],
    rules: { 'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }] },
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

  // No spread into call arguments anywhere in the product: it passes every element on the
  // stack ("Maximum call stack size exceeded" at ~100k elements), and dump data reaches every
  // layer (a dump's ports reach the layout, its rules the matrix). Spreading a constant
  // (ALL_CAPS) is allowed; any other bounded case says why in an eslint-disable comment.
  {
    files: ['src/**/*.{ts,tsx}', 'app/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression > SpreadElement:not([argument.type="Identifier"][argument.name=/^[A-Z][A-Z0-9_]*$/])',
          message:
            'Spreading an array into call arguments overflows the stack on big dumps; use pushAll / maxOf / minOf (src/shared/arrays) or a loop.',
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
