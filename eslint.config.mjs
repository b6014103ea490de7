// Lint: TypeScript's recommended rules, and the layers of the pipeline as import rules (GitLens keeps its layer rules
// in its lint config the same way): the core is pure (no vscode, no Node built-ins), the webview and the host–webview
// protocol never see vscode, and the webview reaches the core only through its public entry.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const NODE_BUILTINS = [...builtinModules.filter((m) => !m.startsWith('_')), ...builtinModules.map((m) => `node:${m}`)];
const noNode = { group: NODE_BUILTINS, message: 'Node built-ins do not run in the web extension or the webview: keep this layer pure.' };
const noVscode = { name: 'vscode', message: 'Only src/extension talks to VS Code; this layer is used by the CLI and the webview too.' };

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      '.vscode-test/**',
      'test/fixtures/**',
      'test/vscode/fixtures/**',
      'examples/**',
      'coverage/**',
      'bench/.*',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
      'no-control-regex': 'off',
      // Non-breaking spaces in markup templates are deliberate.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
      // Prettier wraps code at 160 columns but never a string: long texts are split by hand. A template literal (a
      // lit-html view, a text with nested interpolations) and a regex may run longer.
      'max-len': ['error', { code: 160, ignoreUrls: true }],
    },
  },
  {
    // Tests mutate parsed JSON to break it on purpose.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Build, test-host and fixture scripts run in Node as CommonJS or ES modules.
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: {
      globals: Object.fromEntries(
        [
          'require',
          'module',
          'exports',
          '__dirname',
          '__filename',
          'process',
          'console',
          'Buffer',
          'setTimeout',
          'clearTimeout',
          'setInterval',
          'clearInterval',
          'URL',
          'TextDecoder',
          'TextEncoder',
          'fetch',
          'AbortController',
        ].map((g) => [g, 'readonly']),
      ),
    },
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-empty': ['error', { allowEmptyCatch: true }] },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noVscode],
          patterns: [
            noNode,
            { group: ['**/extension/**', '**/cli/**', '**/webview/**', '**/shared/**'], message: 'The core is the bottom layer: it imports no front end.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noVscode],
          patterns: [
            noNode,
            { group: ['**/core/*', '!**/core/index'], message: "The webview uses the core's public entry ('../core') only." },
            { group: ['**/extension/**', '**/cli/**'], message: 'The webview talks to the host through src/shared, not its modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noVscode],
          patterns: [
            noNode,
            { group: ['**/extension/**', '**/cli/**', '**/webview/**'], message: 'The protocol is shared by both sides and depends on neither.' },
          ],
        },
      ],
    },
  },
  {
    // The extension also runs in the web extension host (vscode.dev, Codespaces in the browser).
    files: ['src/extension/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { ...noNode, message: 'The extension runs in the web extension host too: use vscode.workspace.fs, not Node.' },
            { group: ['**/cli/**', '**/webview/**'], message: 'The extension asks the core; the webview is reached through src/shared.' },
          ],
        },
      ],
    },
  },
  {
    // The host's logic that needs no VS Code (document analysis, labels, settings, globs) is tested without it.
    files: ['src/extension/logic/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/extension/logic is the host logic tested without VS Code: take what it needs as arguments.' }],
          patterns: [
            { ...noNode, message: 'The extension runs in the web extension host too: use vscode.workspace.fs, not Node.' },
            { group: ['**/cli/**', '**/webview/**'], message: 'The extension asks the core; the webview is reached through src/shared.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noVscode], patterns: [{ group: ['**/extension/**', '**/webview/**'], message: 'The CLI runs on the core alone.' }] },
      ],
    },
  },
);
