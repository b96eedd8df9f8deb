// Read-only documents of stored lookups: `telesign-stored:/<id>/summary.txt` (one side of a Compare diff)
// and `telesign-stored:/<id>/request.txt` (Show Request Sent). Rendered from the stored, redacted entry.
import * as vscode from 'vscode';
import { comparableText, requestText } from '../../core/transactions/render';
import type { TransactionStore } from './store';
import { SCHEMES } from '../contributions';

const STORED_SCHEME = SCHEMES.stored;

export function storedDocUri(id: string, kind: 'summary' | 'request', referenceId: string): vscode.Uri {
  // The reference ID is in the name so the editor tab says which transaction it is.
  return vscode.Uri.from({ scheme: STORED_SCHEME, path: `/${id}/${kind}-${referenceId.slice(0, 8)}.txt` });
}

export class StoredDocuments implements vscode.TextDocumentContentProvider {
  constructor(private readonly store: TransactionStore) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const [, id, name] = uri.path.split('/');
    const stored = id ? await this.store.get(id) : undefined;
    if (!stored) return vscode.l10n.t('This stored lookup is no longer kept (removed, cleared or over the limit).');
    return name?.startsWith('request') ? requestText(stored) : comparableText(stored);
  }
}
