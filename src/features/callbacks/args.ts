// Which kept callback a command is about: `{ id }` from the API or a command URI, the tree's element, the
// opened document's URI (editor title buttons), or, with none, the active callback document / a pick.
import * as vscode from 'vscode';
import { summarize } from './describe';
import type { CallbackService } from './service';
import type { CallbackEntry } from './store';
import { idOfUri } from './view';

export function idOf(arg: unknown): number | undefined {
  if (arg instanceof vscode.Uri) return idOfUri(arg);
  if (typeof arg === 'number') return arg;
  if (typeof arg === 'object' && arg !== null && typeof (arg as { id?: unknown }).id === 'number') return (arg as { id: number }).id;
  return undefined;
}

/** The entry, or undefined after saying why (unknown id, nothing kept, pick dismissed). */
export async function entryFrom(service: CallbackService, arg: unknown): Promise<CallbackEntry | undefined> {
  let id = idOf(arg);
  if (id === undefined) {
    const active = vscode.window.activeTextEditor?.document.uri;
    id = active ? idOfUri(active) : undefined;
  }
  if (id !== undefined) {
    const e = service.store.get(id);
    if (!e) void vscode.window.showWarningMessage(vscode.l10n.t('Callback #{0} is not kept any more.', id));
    return e;
  }
  const all = service.store.list();
  if (all.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'No callbacks yet. Start the listener (Telesign: Start Callback Listener…) or send one (Telesign: Send Test Callback…).',
      ),
    );
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    all.slice(0, 200).map((e) => {
      const s = summarize(e, undefined);
      return { label: `#${s.id} ${s.label}`, description: s.referenceId, detail: s.signature.message, entry: e };
    }),
    { placeHolder: vscode.l10n.t('Which callback?') },
  );
  return picked?.entry;
}

/** An object argument, or {} (a command run from the palette gets none). */
export function objectArg(arg: unknown): Record<string, unknown> {
  return typeof arg === 'object' && arg !== null && !(arg instanceof vscode.Uri) ? (arg as Record<string, unknown>) : {};
}
