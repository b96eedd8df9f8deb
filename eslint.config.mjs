// ESLint flat config: strict TypeScript, promises must be handled, and the functional core
// (src/core) may never import 'vscode' (see the architecture guide); every ring direction is a rule below.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Relative imports that leave a ring (matched against the import specifier).
const RING = {
  outOfCore: String.raw`^\.\.?/(?:.*/)?(?:features|webview|shared)(?:/|$)|^\.\.?/(?:.*/)?(?:extension|wiring)$`,
  outOfFeatures: String.raw`^\.\.?/(?:.*/)?(?:webview)(?:/|$)|^\.\.?/(?:.*/)?(?:extension|wiring)$`,
  outOfWebview: String.raw`^\.\.?/(?:.*/)?(?:features|core)(?:/|$)|^\.\.?/(?:.*/)?(?:extension|wiring)$`,
  outOfShared: String.raw`^\.\.?/(?:.*/)?(?:features|core|webview)(?:/|$)|^\.\.?/(?:.*/)?(?:extension|wiring)$`,
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      '.vscode-test-cs/**',
      '.vscode-test/**',
      'media/panel.js',
      'media/batch.js',
      'bench/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
      curly: ['error', 'multi-line'],
    },
  },
  // The rings (docs: README "Architecture"): extension.ts, wiring.ts -> features/* -> core/*; the webview talks to the
  // host only through the typed messages in shared/. Each ring's forbidden arrows:
  {
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core is the functional core: it must not know VS Code exists. Put this in src/features/.' },
          ],
          patterns: [
            {
              regex: RING.outOfCore,
              message:
                'src/core never imports the shell (features/, extension.ts, wiring.ts), the webview or shared/: the arrows point into core.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/features/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: RING.outOfFeatures,
              message:
                'src/features never imports the webview, extension.ts or wiring.ts: the panel is reached by messages (shared/), the wiring by arguments.',
            },
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
          paths: [{ name: 'vscode', message: 'The webview runs in a browser sandbox: it has no vscode API.' }],
          patterns: [
            { regex: RING.outOfWebview, message: 'src/webview only imports shared/ (the typed messages): never features/ or core/.' },
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
          paths: [{ name: 'vscode', message: 'src/shared is the webview contract: types both sides can load.' }],
          patterns: [
            { regex: RING.outOfShared, message: 'src/shared imports nothing of the extension: both the host and the webview load it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        exports: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        Buffer: 'readonly',
        document: 'readonly',
        window: 'readonly',
        NodeFilter: 'readonly',
      },
    },
  },
);
