// The Transactions view in a real extension host: opening a stored response (read from its file, shown in a
// real result panel, nothing sent) vs. a lookup against the simulator through the extension's own command,
// interleaved in one run; and the tree with 500 stored lookups rendered the way VS Code asks for it
// (getChildren of the root and of the group, then getTreeItem of every node), from a cold store (index read
// from disk) and a warm one. The simulator's request log proves the stored opens sent nothing.
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { randomUUID } from 'crypto';
import * as vscode from 'vscode';
import { toStored } from '../../../src/core/transactions/stored';
import { catalogLoader } from '../../../src/features/catalogLoader';
import type { ResultView, ShownLookup } from '../../../src/features/lookup/contracts';
import { ResultPanels } from '../../../src/features/resultPanel/panels';
import { TransactionCommands } from '../../../src/features/transactions/commands';
import { TransactionStore } from '../../../src/features/transactions/store';
import { TransactionsTree, type TxNode } from '../../../src/features/transactions/tree';
import { ScriptedRunner } from '../../../test/support/panelFixtures';
import { recordingLogger } from '../../../test/support/recordingLogger';

const EXTENSION_ID = 'telesign-inspector-oss.telesign-inspector';
const REF = '364C82042F68010C91E2B8633BE34860'; // seeded, final

export interface TransactionsJob {
  readonly simUrl: string;
  readonly storedOpens: number;
  readonly treeRenders: number;
  readonly treeSize: number;
}

async function simRequests(simUrl: string): Promise<number> {
  const res = await fetch(`${simUrl}/_sim/requests`, { signal: AbortSignal.timeout(5000) });
  return ((await res.json()) as unknown[]).length;
}

/** Empties the simulator's request log: it keeps the last 1 000, so after the other sections of a full run a
 *  count taken before and after would both be 1 000. */
async function clearSimRequests(simUrl: string): Promise<void> {
  await fetch(`${simUrl}/_sim/requests`, { method: 'DELETE', signal: AbortSignal.timeout(5000) });
}

async function timed(body: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await body();
  return performance.now() - t0;
}

/** One render as VS Code does it: root, then each group's children, then a TreeItem per node. */
async function render(tree: TransactionsTree): Promise<number> {
  let items = 0;
  const walk = async (node?: TxNode): Promise<void> => {
    for (const child of await tree.getChildren(node)) {
      tree.getTreeItem(child);
      items++;
      if (child.kind === 'group') await walk(child);
    }
  };
  await walk();
  return items;
}

export async function transactions(job: TransactionsJob): Promise<Record<string, unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  const dir = mkdtempSync(join(tmpdir(), 'ti-bench-tx-'));
  const loadCatalog = catalogLoader({ asAbsolutePath: (p: string) => join(ext.extensionPath, p) });
  const panels = new ResultPanels(ext.extensionUri, {
    runner: new ScriptedRunner(),
    logger: recordingLogger().logger,
    autoRefreshEnabled: () => false,
    catalog: loadCatalog,
  });
  const noSchedule: ResultView = {
    show: () => undefined,
    showStored: () => undefined,
    scheduledRefreshes: () => [],
    onDidChangeSchedule: new vscode.EventEmitter<void>().event,
  };
  try {
    const shown = await vscode.commands.executeCommand<ShownLookup>('telesign.getTransactionStatus', { referenceId: REF, show: false });
    if (!shown?.outcome.ok) throw new Error(`the seed lookup failed: ${JSON.stringify(shown?.outcome)}`);
    const entry = (i: number) =>
      toStored({ id: randomUUID(), at: new Date(Date.now() - i * 60_000), outcome: shown.outcome, profile: shown.profile, attempts: [], secrets: [] });

    // A: open stored vs. look up, interleaved (ABBA), both into a panel.
    const store = new TransactionStore(vscode.Uri.file(join(dir, 'open')), () => 100);
    const first = entry(0);
    await store.add(first);
    const cmd = new TransactionCommands(store, panels);
    const open = () => cmd.open({ id: first.id });
    const lookup = () => vscode.commands.executeCommand('telesign.getTransactionStatus', { referenceId: REF, show: true });
    for (let i = 0; i < 5; i++) {
      await open();
      await lookup();
    } // warm-up
    await clearSimRequests(job.simUrl);
    const before = await simRequests(job.simUrl);
    const stored: number[] = [];
    const looked: number[] = [];
    for (let i = 0; i < job.storedOpens; i++) {
      const pair: [number[], () => Promise<unknown>][] = [
        [stored, open],
        [looked, () => Promise.resolve(lookup())],
      ];
      if (i % 4 === 1 || i % 4 === 2) pair.reverse();
      for (const [out, f] of pair) {
        // A lookup's command returns before its history and stored-response writes finish; let them land so
        // neither side is timed behind the other's trailing file I/O.
        await new Promise((r) => setTimeout(r, 150));
        out.push(await timed(f));
      }
    }
    const sent = (await simRequests(job.simUrl)) - before;
    // Where an open's time goes: the file read alone.
    const read: number[] = [];
    for (let i = 0; i < job.storedOpens; i++) read.push(await timed(() => store.get(first.id)));
    // …and showing it in the panel (synchronous part), alternating with the extension's panel as above.
    const showOnly: number[] = [];
    for (let i = 0; i < job.storedOpens; i++) {
      showOnly.push(await timed(() => Promise.resolve(panels.showStored({ outcome: first.outcome, profile: first.profile }, first.at))));
      await lookup();
    }
    store.dispose();

    // B: the tree over `treeSize` stored lookups.
    const big = new TransactionStore(vscode.Uri.file(join(dir, 'big')), () => job.treeSize);
    for (let i = 0; i < job.treeSize; i++) await big.add(entry(i));
    big.dispose();
    const cold: number[] = [];
    const warm: number[] = [];
    let items = 0;
    for (let i = 0; i < job.treeRenders; i++) {
      const s = new TransactionStore(vscode.Uri.file(join(dir, 'big')), () => job.treeSize);
      const tree = new TransactionsTree(s, noSchedule, loadCatalog);
      await loadCatalog();
      const t0 = performance.now();
      items = await render(tree);
      cold.push(performance.now() - t0);
      warm.push(await timed(() => render(tree)));
      tree.dispose();
      s.dispose();
    }
    return { stored, lookup: looked, read, showOnly, simRequestsDuringOpens: sent, lookups: job.storedOpens, cold, warm, items, treeSize: job.treeSize };
  } finally {
    panels.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}
