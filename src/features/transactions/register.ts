// Wires the Telesign activity-bar container's Transactions view: the stored responses, the tree, its
// commands, the read-only documents, and the recorder the lookup service reports each sent lookup to.
import { randomUUID } from 'crypto';
import * as vscode from 'vscode';
import type { AttemptLog } from '../../core/telesign/types';
import { isLoopbackUrl } from '../../core/telesign/validate';
import { toStored } from '../../core/transactions/stored';
import { COMMANDS } from '../commandIds';
import type { LookupRecorder, ResultView, ShownLookup } from '../lookup/contracts';
import type { Logger } from '../logger';
import type { CodeExplainer } from '../resultPanel/explain';
import * as config from '../settings';
import { completeStep } from '../walkthrough/steps';
import { STATUS_PAGE_URL, TransactionCommands } from './commands';
import { StoredDocuments } from './documents';
import { SCHEMES, VIEWS } from '../contributions';
import type { LateBindings } from '../frontDoor/door';
import { TransactionStore } from './store';
import { TransactionsTree } from './tree';

/** Outcomes that say nothing about the transaction are not stored (as in history). */
function worthStoring(shown: ShownLookup): boolean {
  return shown.outcome.ok || !['invalid-input', 'cancelled', 'config'].includes(shown.outcome.error.kind);
}

export interface Transactions {
  readonly store: TransactionStore;
  readonly tree: TransactionsTree;
  readonly treeView: vscode.TreeView<unknown>;
}

/** The store exists before the lookup service (which records into it); the view needs the result panels. */
export function createRecorder(
  context: vscode.ExtensionContext,
  logger: Logger,
): { store: TransactionStore; recorder: LookupRecorder; attach(tree: TransactionsTree): void } {
  const store = new TransactionStore(vscode.Uri.joinPath(context.globalStorageUri, 'transactions'), config.storedMaxItems);
  let tree: TransactionsTree | undefined;
  const recorder: LookupRecorder = {
    started: (lookup) => tree?.begin(lookup) ?? (() => undefined),
    finished: (shown: ShownLookup, attempts: readonly AttemptLog[], secrets: readonly string[]) => {
      if (!worthStoring(shown)) return;
      if (shown.outcome.attempts > 0) completeStep('lookup');
      if (isLoopbackUrl(shown.profile.baseUrl) && shown.outcome.ok) completeStep('simulator');
      const stored = toStored({ id: randomUUID(), at: new Date(), outcome: shown.outcome, profile: shown.profile, attempts, secrets });
      store.add(stored).catch((e: unknown) => logger.error('Could not store the lookup for the Transactions view', e));
    },
  };
  return { store, recorder, attach: (t) => (tree = t) };
}

export function registerTransactions(
  context: vscode.ExtensionContext,
  late: LateBindings,
  parts: { store: TransactionStore; attach(tree: TransactionsTree): void },
  view: ResultView,
  catalog: () => Promise<CodeExplainer>,
): Transactions {
  const { store } = parts;
  const tree = new TransactionsTree(store, view, catalog);
  parts.attach(tree);
  const treeView = late.treeView(VIEWS.transactions, tree);
  const cmd = new TransactionCommands(store, view);
  const updateEmpty = (): void => {
    void store.summaries().then((l) => vscode.commands.executeCommand('setContext', 'telesign.transactions.empty', l.length === 0));
  };
  updateEmpty();
  context.subscriptions.push(
    store,
    tree,
    treeView,
    store.onDidChange(updateEmpty),
    late.contentProvider(SCHEMES.stored, new StoredDocuments(store)),
    vscode.commands.registerCommand(COMMANDS.openStored, (a: unknown) => cmd.open(a)),
    vscode.commands.registerCommand(COMMANDS.refreshStored, (a: unknown) => cmd.refresh(a)),
    vscode.commands.registerCommand(COMMANDS.verifyStored, (a: unknown) => cmd.verify(a)),
    vscode.commands.registerCommand(COMMANDS.pinStored, (a: unknown) => cmd.pin(a, true)),
    vscode.commands.registerCommand(COMMANDS.unpinStored, (a: unknown) => cmd.pin(a, false)),
    vscode.commands.registerCommand(COMMANDS.compareStored, (a: unknown) => cmd.compare(a)),
    vscode.commands.registerCommand(COMMANDS.copyStoredId, (a: unknown) => cmd.copyId(a)),
    vscode.commands.registerCommand(COMMANDS.removeStored, (a: unknown) => cmd.remove(a)),
    vscode.commands.registerCommand(COMMANDS.clearStored, (a: unknown) => cmd.clear(a)),
    vscode.commands.registerCommand(COMMANDS.showRequestSent, (a: unknown) => cmd.showRequest(a)),
    vscode.commands.registerCommand(COMMANDS.openStatusPage, () => vscode.env.openExternal(vscode.Uri.parse(STATUS_PAGE_URL))),
    config.onDidChange((e) => {
      if (e.affectsConfiguration('telesign.transactions.maxStored')) void store.trim();
    }),
  );
  return { store, tree, treeView };
}
