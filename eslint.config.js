// ESLint 9 flat config (issue #19): typescript-eslint for every TypeScript file, react-hooks for the
// React code (the player's pages — citizen, embed, dashboard, console — and the Remotion
// compositions), eslint-config-prettier last so that formatting is Prettier's business alone.
// `npm run lint` runs it; .ci/run runs it before the tests.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Build outputs, runtime data, generated files and docs (docs/ holds Markdown and screenshots).
  globalIgnores(['node_modules/', '**/dist/', 'data/', 'out/', 'coverage/', 'test-results/', 'docs/']),

  // An `eslint-disable` that no longer suppresses anything is itself an error: the comments stay true.
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  js.configs.recommended,
  // Not type-aware: measured on this 2-core machine (shared, load ~10), `recommendedTypeChecked` took
  // 2 min 30 s and 58 s of CPU and 1.9 GB, against 45 s and 15 s of CPU for this, and it reported
  // 1,352 findings (mostly no-unsafe-* on JSON in tests). `npm run typecheck` does the type checking.
  tseslint.configs.recommended,

  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      // Node for the server side and scripts, the browser for player/: one set for all keeps the
      // config short, and `tsc` (lib DOM + @types/node) is what really checks which globals exist.
      globals: { ...globals.node, ...globals.browser },
      // tsconfig's "jsx": "react-jsx": JSX needs no `React` in scope, so an unused `import React`
      // is reported like any other unused import (type-aware linting would infer this from tsconfig).
      parserOptions: { jsxPragma: null },
    },
    rules: {
      // `_`-prefixed names are the codebase's way to say "deliberately unused" (a callback's
      // positional argument, a destructured field left out of a rest object).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // A conditional call as a statement (`on ? h.ref() : h.unref()`) is this code's idiom; any
      // other expression whose value is thrown away is still reported.
      '@typescript-eslint/no-unused-expressions': ['error', { allowTernary: true }],
      // Off: every control-character class in this code is deliberate (it is how names, template
      // text, ids, secrets and headers are sanitised or refused), and the rule cannot tell those
      // from an accidental one; all of its findings when it was introduced were of that kind.
      'no-control-regex': 'off',
    },
  },

  // React: the player's pages and the compositions (Remotion components). Only the two classic
  // hooks rules: plugin v7's `recommended` also turns on the React Compiler's rules, which this
  // code base (no compiler) has not been written for.
  {
    files: ['player/**/*.{ts,tsx}', 'compositions/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },

  // Tests feed validators deliberately malformed input and read JSON answers loosely (`as any`
  // to poke at a field): typing each fixture would add casts and no safety. Elsewhere `any`
  // stays an error.
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },

  prettier,
);
