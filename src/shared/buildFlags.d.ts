// Defined by esbuild.js: true in development and test builds, false in the production build (--production),
// where every `if (__TEST_HOOKS__)` branch and what only it uses is dropped from the shipped bundles.
declare const __TEST_HOOKS__: boolean;
