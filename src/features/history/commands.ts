// Telesign: Show Recent Lookups / Clear Recent Lookups.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { LookupDeps } from '../lookup/command';
import { lookupCommand } from '../lookup/command';
import type { ShownLookup } from '../lookup/contracts';
import * as config from '../settings';
import type { History, HistoryEntry } from './store';
import { relativeTime, statusLabel } from './store';

interface EntryItem extends vscode.QuickPickItem {
  readonly entry: HistoryEntry;
}

/** Lists recent lookups; the picked one is re-run and shown through `reopen`. */
export async function showHistoryCommand(
  history: History,
  reopen: (entry: HistoryEntry) => Promise<ShownLookup | undefined>,
): Promise<ShownLookup | undefined> {
  const entries = history.entries();
  if (entries.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No recent Telesign lookups yet.'));
    return undefined;
  }
  const now = Date.now();
  const items: EntryItem[] = entries.map((entry) => ({
    label: entry.referenceId,
    description: `${entry.endpoint} · ${entry.profile}${entry.otpSent ? ' · ' + vscode.l10n.t('with OTP') : ''}`,
    detail: `${statusLabel(entry)} · ${relativeTime(entry.at, now)}`,
    entry,
  }));
  const pick = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Recent Telesign lookups'),
    placeHolder: vscode.l10n.t('Pick one to look it up again'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!pick) return undefined;
  return reopen(pick.entry);
}

/** Empties history after a modal confirmation, unless called with `{ confirm: false }`. Returns true when cleared. */
export async function clearHistoryCommand(history: History, args: unknown): Promise<boolean> {
  const confirm = !(typeof args === 'object' && args !== null && (args as Record<string, unknown>).confirm === false);
  if (confirm) {
    const clear = vscode.l10n.t('Clear');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Clear the list of recent Telesign lookups?'),
      { modal: true, detail: vscode.l10n.t('Only the list is removed; credentials and settings stay.') },
      clear,
    );
    if (choice !== clear) return false;
  }
  await history.clear();
  return true;
}

/** Telesign: Show Recent Lookups (a picked one is looked up again, as it was) and Clear Recent Lookups. */
export function registerHistory(context: vscode.ExtensionContext, deps: LookupDeps): void {
  const reopen = (entry: HistoryEntry): Promise<ShownLookup | undefined> =>
    lookupCommand(deps, 'status', {
      referenceId: entry.referenceId,
      endpoint: entry.endpoint,
      ...(config.profileByName(entry.profile) ? { profile: entry.profile } : {}),
    });
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.showHistory, () => showHistoryCommand(deps.history, reopen)),
    vscode.commands.registerCommand(COMMANDS.clearHistory, (args: unknown) => clearHistoryCommand(deps.history, args)),
  );
}
