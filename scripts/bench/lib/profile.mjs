// Where activation time goes: a V8 CPU profile of ext.activate() on the development build (not minified,
// so functions keep their names and esbuild's `// src/…` markers say which module each line belongs to).
import { readFileSync } from 'node:fs';

/** Self time (ms) by module of our bundle, by VS Code / Node / GC, and the top functions of our bundle. */
export function activationBreakdown(profile, bundleFile, startUs, endUs) {
  const bundle = readFileSync(bundleFile, 'utf8').split('\n');
  const markers = [];
  bundle.forEach((l, i) => {
    const m = /^\s*\/\/ (?:\.\.\/)*((?:src|node_modules)\/\S+)$/.exec(l);
    if (m) markers.push([i, m[1].replace(/^node_modules\/((?:@[^/]+\/)?[^/]+).*/, 'node_modules/$1')]);
  });
  const moduleAt = (line) => {
    let found = '(bundle runtime)';
    for (const [at, name] of markers) {
      if (at > line) break;
      found = name;
    }
    return found;
  };
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  // Only the samples taken while ext.activate() ran (V8's ticks and process.hrtime share the monotonic clock).
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (at < startUs || at > endUs) continue;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const groups = {};
  const fns = {};
  const add = (o, k, v) => (o[k] = (o[k] ?? 0) + v);
  const ours = bundleFile.split('/').slice(-3).join('/');
  for (const [id, ms] of self) {
    const { callFrame: f } = nodes.get(id);
    let group;
    const where = f.url.endsWith(ours) ? moduleAt(f.lineNumber) : f.url.split('/').pop() || '(native)';
    add(fns, `${f.functionName || '(top level)'} (${where}${f.url ? `:${f.lineNumber + 1}` : ''})`, ms);
    if (f.url.endsWith(ours)) group = `ours: ${moduleAt(f.lineNumber)}`;
    else if (f.functionName === '(garbage collector)') group = 'V8 garbage collector';
    else if (f.functionName === '(idle)') group = 'idle (waiting on IPC/timers)';
    else if (f.functionName === '(program)') group = 'V8/native (compiling, natives)';
    else if (f.url.startsWith('node:')) group = 'Node internals (module loading)';
    else group = 'VS Code extension host';
    add(groups, group, ms);
  }
  const sorted = (o, n) => Object.entries(o).sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => ({ what: k, ms: Number(v.toFixed(2)) }));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return { sampledMs: Number(total.toFixed(2)), byGroup: sorted(groups, 20), topFunctions: sorted(fns, 15) };
}
