// The Transactions view's actions. Open, compare, copy, pin and remove read the stored entries only: no
// network call. Refresh and verify run the normal lookup commands (their prompts and confirmations).
import * as vscode from 'vscode';
import type { Change } from '../../core/transactions/render';
import { changes } from '../../core/transactions/render';
import type { StoredLookup, StoredSummary } from '../../core/transactions/stored';
import { COMMANDS, VSCODE_COMMANDS } from '../commandIds';
import type { ResultView, ShownLookup } from '../lookup/contracts';
import { copyReferenceId } from '../logs/referenceLinks';
import * as config from '../settings';
import { storedDocUri } from './documents';
import type { TransactionStore } from './store';
import { shortId } from './tree';

export { STATUS_PAGE_URL } from '../resultPanel/explain';

/** The stored ID a command was called with: a tree node, `{ id }`, or the ID itself. */
export function idOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const o = arg as { id?: unknown; summary?: { id?: unknown } };
  const id = o.summary?.id ?? o.id;
  return typeof id === 'string' ? id : undefined;
}

export class TransactionCommands {
  constructor(
    private readonly store: TransactionStore,
    private readonly view: ResultView,
  ) {}

  private async entry(arg: unknown): Promise<StoredLookup | undefined> {
    const id = idOf(arg);
    const stored = id ? await this.store.get(id) : undefined;
    if (!stored) void vscode.window.showWarningMessage(vscode.l10n.t('That stored Telesign lookup is no longer kept.'));
    return stored;
  }

  private lookupArgs(s: StoredLookup): Record<string, unknown> {
    return {
      referenceId: s.outcome.referenceId,
      endpoint: s.outcome.request.endpoint,
      ...(config.profileByName(s.profile.name) ? { profile: s.profile.name } : {}),
    };
  }

  /** Shows the stored response in the result panel; nothing is sent. */
  async open(arg: unknown): Promise<ShownLookup | undefined> {
    const s = await this.entry(arg);
    if (!s) return undefined;
    const shown: ShownLookup = { outcome: s.outcome, profile: s.profile };
    this.view.showStored(shown, s.at);
    return shown;
  }

  async refresh(arg: unknown): Promise<unknown> {
    const s = await this.entry(arg);
    return s ? vscode.commands.executeCommand(COMMANDS.getTransactionStatus, this.lookupArgs(s)) : undefined;
  }

  async verify(arg: unknown): Promise<unknown> {
    const s = await this.entry(arg);
    return s ? vscode.commands.executeCommand(COMMANDS.verifyCode, this.lookupArgs(s)) : undefined;
  }

  async pin(arg: unknown, pinned: boolean): Promise<boolean> {
    const id = idOf(arg);
    if (!id) return false;
    await this.store.setPinned(id, pinned);
    return true;
  }

  async copyId(arg: unknown): Promise<string | undefined> {
    const id = idOf(arg);
    const s = (await this.store.summaries()).find((e) => e.id === id);
    return s ? copyReferenceId({ referenceId: s.referenceId }) : undefined;
  }

  async remove(arg: unknown): Promise<boolean> {
    const id = idOf(arg);
    if (!id) return false;
    await this.store.remove([id]);
    return true;
  }

  /** Removes every stored response after a modal confirmation, unless called with `{ confirm: false }`. */
  async clear(args: unknown): Promise<boolean> {
    const confirm = !(typeof args === 'object' && args !== null && (args as Record<string, unknown>).confirm === false);
    if (confirm) {
      const clear = vscode.l10n.t('Clear');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('Remove every stored Telesign response, pinned ones included?'),
        { modal: true, detail: vscode.l10n.t('The recent-lookups list, credentials and settings stay.') },
        clear,
      );
      if (choice !== clear) return false;
    }
    await this.store.clear();
    return true;
  }

  /**
   * Opens a diff of two stored lookups of the same reference ID (older left) and returns what changed.
   * `{ id, with }` names both; otherwise the other one is asked for when there are several.
   */
  async compare(arg: unknown): Promise<Change[] | undefined> {
    const a = await this.entry(arg);
    if (!a) return undefined;
    const all = await this.store.summaries();
    const others = all.filter((s) => s.referenceId.toUpperCase() === a.outcome.referenceId.toUpperCase() && s.id !== a.id);
    if (others.length === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Only one stored lookup of {0}: look it up again to have something to compare.', shortId(a.outcome.referenceId)),
      );
      return undefined;
    }
    const named = typeof arg === 'object' && arg !== null ? (arg as Record<string, unknown>).with : undefined;
    const otherId = typeof named === 'string' ? named : others.length === 1 ? others[0].id : await this.pickOther(others);
    const b = otherId ? await this.entry(otherId) : undefined;
    if (!b) return undefined;
    const [older, newer] = a.at <= b.at ? [a, b] : [b, a];
    const ref = older.outcome.referenceId;
    const title = vscode.l10n.t(
      '{0}: {1} ↔ {2}',
      shortId(ref),
      new Date(older.at).toLocaleTimeString(),
      new Date(newer.at).toLocaleTimeString(),
    );
    await vscode.commands.executeCommand(
      VSCODE_COMMANDS.diff,
      storedDocUri(older.id, 'summary', ref),
      storedDocUri(newer.id, 'summary', ref),
      title,
      { preview: true },
    );
    return changes(older, newer);
  }

  private async pickOther(others: StoredSummary[]): Promise<string | undefined> {
    const pick = await vscode.window.showQuickPick(
      others.map((s) => ({
        label: new Date(s.at).toLocaleString(),
        description: `${s.statusCode ?? s.errorKind ?? ''} ${s.statusDescription ?? ''}`.trim(),
        id: s.id,
      })),
      { title: vscode.l10n.t('Compare with which stored lookup?') },
    );
    return pick?.id;
  }

  /** Opens "what was sent" for a stored lookup and returns its text. */
  async showRequest(arg: unknown): Promise<string | undefined> {
    const s = await this.entry(arg);
    if (!s) return undefined;
    const doc = await vscode.workspace.openTextDocument(storedDocUri(s.id, 'request', s.outcome.referenceId));
    await vscode.window.showTextDocument(doc, { preview: true });
    return doc.getText();
  }
}
