// Reference IDs in log files become links that look the transaction up; `telesign.copyReferenceId`
// copies one to the clipboard (offered by the reference-ID hover).
import * as vscode from 'vscode';
import { endpointOf, scanReferences } from '../../core/logs/scanner';
import { COMMANDS, commandUri } from '../commandIds';
import { lookupArgs } from './documents';

/** Links per document; a log with more IDs than this is better served by the summary. */
export const MAX_LINKS = 5000;
/** Lines scanned per document: past this (tens of MB of log), Trace and Summarize read the file instead. */
export const MAX_LINES = 200_000;
/** Lines per slice: between slices the provider yields, so VS Code's cancellation (an edit, a closed tab) lands. */
const SLICE = 2000;
const REFERENCE_ID = /^[0-9A-Fa-f]{32}$/;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class ReferenceLinkProvider implements vscode.DocumentLinkProvider {
  async provideDocumentLinks(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentLink[]> {
    const links: vscode.DocumentLink[] = [];
    const tooltip = vscode.l10n.t('Look up this Telesign transaction');
    const lines = Math.min(document.lineCount, MAX_LINES);
    for (let i = 0; i < lines && links.length < MAX_LINKS; i++) {
      if (i % SLICE === 0 && i > 0) {
        await nextTurn();
        if (token.isCancellationRequested) return links;
      }
      const text = document.lineAt(i).text;
      if (text.length < 32) continue;
      const refs = scanReferences(text);
      if (refs.length === 0) continue;
      const endpoint = endpointOf(text);
      for (const r of refs) {
        const link = new vscode.DocumentLink(
          new vscode.Range(i, r.start, i, r.end),
          commandUri(COMMANDS.getTransactionStatus, lookupArgs(r.value, endpoint)),
        );
        link.tooltip = tooltip;
        links.push(link);
        if (links.length >= MAX_LINKS) break;
      }
    }
    return links;
  }
}

/** `telesign.copyReferenceId` with `{ referenceId }`: copies it and says so in the status bar. */
export async function copyReferenceId(arg: unknown): Promise<string | undefined> {
  const id = typeof arg === 'object' && arg !== null ? (arg as { referenceId?: unknown }).referenceId : undefined;
  if (typeof id !== 'string' || !REFERENCE_ID.test(id)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Copy Reference ID needs a 32-character hexadecimal reference ID.'));
    return undefined;
  }
  await vscode.env.clipboard.writeText(id);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied Telesign reference ID {0}', id), 4000);
  return id;
}

export function registerCopyReferenceId(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(COMMANDS.copyReferenceId, copyReferenceId));
}
