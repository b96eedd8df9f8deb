// Runs inside a real extension host that loaded Telesign Inspector (the production build) from a folder:
// hovers, lookups, panels, memory and document links, each against a floor measured in the same host and
// interleaved with it. Returns raw samples (milliseconds); scripts/bench/lib/stats.mjs summarises them.
import { readFileSync } from 'fs';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import * as vscode from 'vscode';
import { scanLine } from '../../../src/core/logs/scanner';
import { basicAuthorization } from '../../../src/core/telesign/auth';
import { getTransactionStatus } from '../../../src/core/telesign/client';
import { DEMO_CREDENTIALS } from '../../../src/core/telesign/demo';
import { openResultPanels } from '../../../test/support/resultPanels';
import { ReferenceLinkProvider } from '../../../src/features/logs/referenceLinks';
import { repoRoot } from '../../../test/support/paths';
import { log, runJob, sleep, type Job } from './job';
import { transactions as transactionsSection, type TransactionsJob } from './transactions';

const EXTENSION_ID = 'telesign-inspector-oss.telesign-inspector';
const LOOKUP = 'telesign.getTransactionStatus';
/** Seeded, final omnichannel transactions (test/simulator/README.md). */
const REFS = ['364C82042F68010C91E2B8633BE34860', '364C81F5F3D0020C91E7A731DE93A777'];

interface EditorJob extends Job, Partial<Omit<TransactionsJob, 'simUrl'>> {
  readonly simUrl: string;
  readonly sections: readonly string[];
  readonly hoverCalls: number;
  readonly lookupCalls: number;
  readonly panelCalls: number;
  readonly memoryLookups: number;
  readonly linksFile?: string;
  readonly linksReps: number;
}

type Section = (job: EditorJob) => Promise<Record<string, unknown>>;

export function run(): Promise<void> {
  return runJob<EditorJob>(async (job) => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    if (!ext) throw new Error(`${EXTENSION_ID} is not loaded`);
    await ext.activate();
    const sections: Record<string, Section> = { hover, lookup, panel, memory, links, transactions };
    const out: Record<string, unknown> = { vscodeVersion: vscode.version, hostNode: process.version };
    for (const name of job.sections) {
      const t0 = performance.now();
      log(`${name}…`);
      try {
        out[name] = await sections[name](job);
      } catch (e) {
        out[name] = { error: e instanceof Error ? e.message : String(e) };
      }
      log(`${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    return out;
  });
}

async function timed<T>(body: () => Thenable<T> | Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await body();
  return [performance.now() - t0, v];
}

/** Runs `a` and `b` `n` times each, alternating which goes first, so drift in the machine hits both alike. */
async function interleaved(n: number, a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<{ a: number[]; b: number[] }> {
  const out = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < n; i++) {
    const pair: [keyof typeof out, () => Promise<unknown>][] = [
      ['a', a],
      ['b', b],
    ];
    if (i % 2 === 1) pair.reverse();
    for (const [k, f] of pair) out[k].push((await timed(f))[0]);
  }
  return out;
}

/** Like interleaved() for several candidates: each round runs all of them, starting from a different one. */
async function rotated(n: number, fns: (() => Promise<unknown>)[]): Promise<number[][]> {
  const out = fns.map(() => [] as number[]);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < fns.length; k++) {
      const at = (i + k) % fns.length;
      out[at].push((await timed(fns[at]))[0]);
    }
  }
  return out;
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** executeHoverProvider on every Telesign code of the log corpus vs. the same call answered by a trivial provider. */
const hover: Section = async (job) => {
  const lines = readFileSync(join(repoRoot, 'test', 'fixtures', 'logs', 'corpus.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { line: string }).line);
  const content = lines.join('\n');
  const targets = lines.flatMap((line, i) => scanLine(line).flatMap((f) => (f.kind === 'code' ? [new vscode.Position(i, f.start + 1)] : [])));
  if (targets.length === 0) throw new Error('the corpus has no codes');
  const ours = await vscode.workspace.openTextDocument({ language: 'log', content });
  const plain = await vscode.workspace.openTextDocument({ language: 'plaintext', content });
  const floorProvider = vscode.languages.registerHoverProvider({ language: 'plaintext' }, { provideHover: () => new vscode.Hover('floor') });
  try {
    const call = async (doc: vscode.TextDocument, p: vscode.Position) => await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, p);
    const first = hoverText(await call(ours, targets[0]));
    if (!/Telesign/.test(first)) throw new Error(`no Telesign hover on the first code: ${first.slice(0, 200)}`);
    if (hoverText(await call(plain, targets[0])) !== 'floor') throw new Error('the floor provider did not answer alone');
    let i = 0;
    // Warm-up: the catalog loads on the first code hover; JIT settles.
    await interleaved(Math.min(100, job.hoverCalls), () => call(ours, targets[i++ % targets.length]), () => call(plain, targets[i % targets.length]));
    i = 0;
    let j = 0;
    const r = await interleaved(
      job.hoverCalls,
      () => call(ours, targets[i++ % targets.length]),
      () => call(plain, targets[j++ % targets.length]),
    );
    return { candidate: r.a, floor: r.b, positions: targets.length, lines: lines.length };
  } finally {
    floorProvider.dispose();
  }
};

interface Shown {
  outcome: { ok: boolean; httpStatus?: number; timing: { durationMs: number } };
}

const demoAuth = (): string => basicAuthorization(DEMO_CREDENTIALS.customerId, DEMO_CREDENTIALS.apiKey);

/** The status command with arguments (no panel) vs. a bare node-fetch GET of the same URL from this host. */
const lookup: Section = async (job) => {
  const auth = demoAuth();
  let i = 0;
  let j = 0;
  const http: number[] = [];
  const command = async () => {
    const shown = await vscode.commands.executeCommand<Shown>(LOOKUP, { referenceId: REFS[i++ % REFS.length], show: false });
    if (!shown?.outcome.ok) throw new Error(`lookup failed: ${JSON.stringify(shown?.outcome)}`);
    http.push(shown.outcome.timing.durationMs); // the core client's own timing of the request
  };
  const { default: fetch } = await import('node-fetch');
  const bare = async () => {
    const res = await fetch(`${job.simUrl}/v1/omnichannel/${REFS[j++ % REFS.length]}`, { headers: { Authorization: auth, Accept: 'application/json' } });
    await res.text();
    if (res.status !== 200) throw new Error(`bare GET answered ${res.status}`);
  };
  // Where the overhead goes: the core client alone (auth, request, normalisation; no VS Code), and an empty
  // notification progress (the command shows one while the request runs).
  let k = 0;
  const core = async () => {
    const o = await getTransactionStatus({ baseUrl: job.simUrl, auth: 'basic' }, DEMO_CREDENTIALS, { endpoint: 'omnichannel', referenceId: REFS[k++ % REFS.length] }, { userAgent: 'bench', timeoutMs: 15000, maxRetries: 0 });
    if (!o.ok) throw new Error('core lookup failed');
  };
  const progress = () => Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'bench', cancellable: true }, () => Promise.resolve()));
  const fns = [command, bare, core, progress];
  await rotated(10, fns);
  http.length = 0;
  const [candidate, floor, coreMs, progressMs] = await rotated(job.lookupCalls, fns);
  return { candidate, floor, core: coreMs, progress: progressMs, http, url: `${job.simUrl}/v1/omnichannel/{referenceId}` };
};

/** One lookup whose panel is opened, painted by the webview (its `rendered` report) and closed. */
async function panelCycle(ref: string): Promise<{ command: number; painted: number }> {
  const t0 = performance.now();
  const shown = await vscode.commands.executeCommand<Shown>(LOOKUP, { referenceId: ref, show: true });
  const command = performance.now() - t0;
  if (!shown?.outcome.ok) throw new Error(`lookup failed: ${JSON.stringify(shown?.outcome)}`);
  const until = t0 + 20000;
  for (;;) {
    const p = openResultPanels().find((x) => x.referenceId === ref);
    if (p?.report) {
      const painted = performance.now() - t0;
      p.panel.dispose();
      return { command, painted };
    }
    if (performance.now() > until) throw new Error(`the panel for ${ref} did not report a paint within 20 s`);
    await sleep(2);
  }
}

async function settleClosedPanels(): Promise<void> {
  const until = performance.now() + 5000;
  while (openResultPanels().length > 0 && performance.now() < until) await sleep(10);
  await sleep(50);
}

/** Command → panel painted, median over fresh panels (each closed before the next). */
const panel: Section = async (job) => {
  await panelCycle(REFS[0]);
  await settleClosedPanels();
  const painted: number[] = [];
  const command: number[] = [];
  for (let i = 0; i < job.panelCalls; i++) {
    const r = await panelCycle(REFS[i % REFS.length]);
    painted.push(r.painted);
    command.push(r.command);
    await settleClosedPanels();
  }
  return { painted, command };
};

/** A real gc() for the extension host: V8 exposes it to contexts created after the flag is set. */
function forcedGc(): (() => void) | undefined {
  const g = (globalThis as { gc?: () => void }).gc;
  if (typeof g === 'function') return g;
  try {
    setFlagsFromString('--expose-gc');
    const f = runInNewContext('gc') as unknown;
    return typeof f === 'function' ? (f as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/** heapUsed after GC, `n` times a little apart: the minimum is the live heap, the spread is the noise. */
async function heapSamples(gc: (() => void) | undefined, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    if (gc) {
      gc();
      gc();
    }
    await sleep(gc ? 100 : 500);
    out.push(process.memoryUsage().heapUsed);
  }
  return out;
}

/** Extension-host heap before and after N lookups whose panels are opened, painted and closed. */
const memory: Section = async (job) => {
  const gc = forcedGc();
  const n = gc ? 5 : 10;
  // Warm-up: one-time state (catalog, webview plumbing, JIT) is not growth.
  for (let i = 0; i < 10; i++) await panelCycle(REFS[i % REFS.length]);
  await settleClosedPanels();
  const idleA = await heapSamples(gc, n);
  await sleep(1000);
  const before = await heapSamples(gc, n);
  const t0 = performance.now();
  for (let i = 0; i < job.memoryLookups; i++) {
    await panelCycle(REFS[i % REFS.length]);
    if (i % 50 === 49) log(`memory: ${i + 1} lookups`);
  }
  const seconds = (performance.now() - t0) / 1000;
  await settleClosedPanels();
  const after = await heapSamples(gc, n);
  return { gc: gc ? 'forced (v8 --expose-gc, runInNewContext)' : 'none: minimum of samples', idleA, before, after, lookups: job.memoryLookups, seconds, openPanels: openResultPanels().length };
};

// The same 32-hex rule the link provider applies, as one pass over the whole text: the floor for finding IDs.
const REFERENCE = /(?<![0-9A-Za-z])[0-9A-Fa-f]{32}(?![0-9A-Za-z])/g;

/** executeLinkProvider on a big log vs. one regex pass over the document's text in this host. */
const links: Section = async (job) => {
  if (!job.linksFile) throw new Error('no links file');
  const uri = vscode.Uri.file(job.linksFile);
  const [openMs, doc] = await timed(() => vscode.workspace.openTextDocument(uri));
  let count = 0;
  let matches = 0;
  const r = await interleaved(
    job.linksReps,
    async () => {
      count = (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri)).length;
    },
    () => {
      const text = doc.getText();
      let m = 0;
      REFERENCE.lastIndex = 0;
      while (REFERENCE.exec(text)) m++;
      matches = m;
      return Promise.resolve();
    },
  );
  // Our provider alone, called directly (VS Code's own URL detector and the IPC round trip left out), against the
  // same regex pass: what the extension itself costs on a big log.
  const provider = new ReferenceLinkProvider();
  const token = new vscode.CancellationTokenSource().token;
  let ours = 0;
  const own = await interleaved(
    job.linksReps,
    async () => {
      ours = (await provider.provideDocumentLinks(doc, token)).length;
    },
    () => {
      const text = doc.getText();
      REFERENCE.lastIndex = 0;
      while (REFERENCE.exec(text));
      return Promise.resolve();
    },
  );
  return {
    candidate: r.a,
    floor: r.b,
    provider: { candidate: own.a, floor: own.b, links: ours },
    openMs,
    links: count,
    idsInText: matches,
    bytes: Buffer.byteLength(doc.getText()),
    lines: doc.lineCount,
    languageId: doc.languageId,
  };
};

/** Stored response vs. lookup, and the Transactions tree over 500 stored lookups (host/transactions.ts). */
const transactions: Section = (job) =>
  transactionsSection({ simUrl: job.simUrl, storedOpens: job.storedOpens ?? 40, treeRenders: job.treeRenders ?? 20, treeSize: job.treeSize ?? 500 });
