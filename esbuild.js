// Build script. `node esbuild.js [--production] [--watch] [--tests]`
//   default       dist/extension.js (the front door), dist/wiring.js (the features, loaded on first use)
//                 (+ media/panel.js) with source maps, for development
//   --production  minified, no source maps (what the .vsix ships)
//   --watch       rebuild on change; prints the [watch] lines the esbuild problem matcher expects
//   --tests       test bundles in out/: unit tests, integration suite, simulator CLI, benchmarks
//   --tests=WORD  only the test entry points whose path contains WORD
//   --out=DIR     write the extension bundles (extension.js, summaryWorker.js, panel.js, codes.json) to DIR instead of dist/ and
//                 media/ (test/unit/build checks a production build there without touching the working tree)
// Development and test builds define __TEST_HOOKS__ true; the production build defines it false, so the hooks
// tests use (features/resultPanel/testHooks.ts, the webview's paint report) are not in what ships.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const testsArg = process.argv.find((a) => a === '--tests' || a.startsWith('--tests='));
const tests = Boolean(testsArg);
// --tests=WORD bundles only test entry points whose path contains WORD (a quick loop on one area).
const testFilter = testsArg && testsArg.includes('=') ? testsArg.split('=')[1] : '';
const outArg = process.argv.find((a) => a.startsWith('--out='));
const outDir = outArg ? outArg.slice('--out='.length) : undefined;
const testHooks = { __TEST_HOOKS__: production ? 'false' : 'true' };

/** Reports like the esbuild problem matcher (connor4312.esbuild-problem-matchers) expects. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of [...result.errors, ...result.warnings]) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

// fetch-blob (under node-fetch) falls back to a 59 KB web-streams polyfill only when Node lacks
// `node:stream/web` (before 16.5). VS Code 1.85+ runs Node 18+, so that branch is dead: stub it out.
const noStreamsPolyfill = {
  name: 'no-web-streams-polyfill',
  setup(build) {
    build.onResolve({ filter: /^web-streams-polyfill(\/.*)?$/ }, (args) => ({ path: args.path, namespace: 'stub' }));
    build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: 'throw new Error("web streams polyfill is not bundled: Node 18+ provides node:stream/web");',
      loader: 'js',
    }));
  },
};

// Every `import * as vscode from 'vscode'` of an external CommonJS module becomes its own
// __toESM(require('vscode')), which copies the whole API object: twenty copies at activation. Routing them
// through one bundled ESM module that re-exports 'vscode' makes that one copy.
const oneVscodeNamespace = {
  name: 'one-vscode-namespace',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-ns' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-ns' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-ns' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

function walk(dir, keep) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p, keep) : keep(p) ? [p] : [];
  });
}

function extensionBuilds() {
  const common = {
    bundle: true,
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'silent',
    metafile: true,
    define: testHooks,
    plugins: watch ? [problemMatcherPlugin] : [],
  };
  return [
    {
      // The front door every window loads: status bar, terminal links, stand-ins (src/extension.ts).
      ...common,
      entryPoints: ['src/extension.ts'],
      outfile: path.join(outDir ?? 'dist', 'extension.js'),
      format: 'cjs',
      platform: 'node',
      target: 'node18',
      external: ['vscode', './wiring.js'],
      plugins: [...common.plugins, oneVscodeNamespace],
    },
    {
      // The features, required by the front door on first use (src/wiring.ts).
      ...common,
      entryPoints: ['src/wiring.ts'],
      outfile: path.join(outDir ?? 'dist', 'wiring.js'),
      format: 'cjs',
      platform: 'node',
      target: 'node18',
      external: ['vscode'],
      plugins: [...common.plugins, noStreamsPolyfill, oneVscodeNamespace],
    },
    {
      // The log summary runs here, off the extension host's thread (src/core/logs/summarizeInWorker.ts).
      ...common,
      entryPoints: ['src/core/logs/summaryWorker.ts'],
      outfile: path.join(outDir ?? 'dist', 'summaryWorker.js'),
      format: 'cjs',
      platform: 'node',
      target: 'node18',
    },
    {
      ...common,
      entryPoints: ['src/webview/resultPanel.ts'],
      outfile: path.join(outDir ?? 'media', 'panel.js'),
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
    },
    {
      ...common,
      entryPoints: ['src/webview/batchTable.ts'],
      outfile: path.join(outDir ?? 'media', 'batch.js'),
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
    },
  ].filter((o) => fs.existsSync(o.entryPoints[0]));
}

function testBuilds() {
  const entryPoints = [
    ...walk('test/unit', (p) => p.endsWith('.test.ts')),
    ...walk('test/integration', (p) => p.endsWith('.ts')),
    ...walk('test/simulator', (p) => p.endsWith('cli.ts')),
    ...walk('scripts/bench', (p) => p.endsWith('.ts')),
    'src/core/logs/summaryWorker.ts',
  ].filter((p) => p.includes(testFilter));
  return [
    {
      entryPoints,
      outdir: 'out',
      outbase: '.',
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      sourcemap: 'inline',
      external: ['vscode', 'mocha', 'fast-check', 'playwright-core', 'eslint', 'typescript'],
      define: { __TEST_HOOKS__: 'true' },
      logLevel: 'silent',
    },
  ];
}

// Data the extension reads lazily at run time (kept out of the bundle so activation stays cheap).
function copyData() {
  const from = 'src/core/catalog/codes.json';
  if (!fs.existsSync(from)) return;
  const to = path.join(outDir ?? 'dist', 'codes.json');
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.writeFileSync(to, JSON.stringify(JSON.parse(fs.readFileSync(from, 'utf8'))));
  console.log(`${to}  ${kb(fs.statSync(to).size)}`);
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main() {
  const builds = tests ? testBuilds() : extensionBuilds();
  if (watch) {
    if (!tests) copyData();
    for (const options of builds) await (await esbuild.context(options)).watch();
    return;
  }
  if (!tests) copyData();
  if (production && !outDir) {
    // A production build ships no source maps: drop any a development build left behind.
    for (const o of extensionBuilds()) fs.rmSync(`${o.outfile}.map`, { force: true });
  }
  for (const options of builds) {
    const result = await esbuild.build(options);
    for (const w of result.warnings) console.warn(`warning: ${w.text}`);
    if (result.metafile) {
      for (const [file, info] of Object.entries(result.metafile.outputs)) {
        if (!file.endsWith('.map')) console.log(`${file}  ${kb(info.bytes)}${production ? ' (production)' : ''}`);
      }
    }
  }
  if (tests) console.log(`test bundles: out/ (${builds[0].entryPoints.length} entry points)`);
}

main().catch((e) => {
  console.error(e.message ?? e);
  process.exit(1);
});
