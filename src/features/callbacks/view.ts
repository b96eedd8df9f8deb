// The Callbacks view (newest first) and the read-only documents a callback opens as
// (telesign-callback:/<id>/callback.jsonc: the explanation as comments, then the pretty body).
import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog';
import { COMMANDS } from '../commandIds';
import { documentText, summarize } from './describe';
import type { CallbackService } from './service';
import type { CallbackEntry } from './store';
import { SCHEMES } from '../contributions';

const SCHEME = SCHEMES.callback;

export function callbackUri(id: number): vscode.Uri {
  return vscode.Uri.from({ scheme: SCHEME, path: `/${id}/callback.jsonc` });
}

export function idOfUri(uri: vscode.Uri): number | undefined {
  const m = uri.scheme === SCHEME ? /^\/(\d+)\//.exec(uri.path) : null;
  return m ? Number(m[1]) : undefined;
}

const ICONS: Readonly<Record<string, [string, string | undefined]>> = {
  valid: ['pass', 'testing.iconPassed'],
  invalid: ['error', 'testing.iconFailed'],
  unsigned: ['circle-slash', 'list.warningForeground'],
  'no-credentials': ['key', 'list.warningForeground'],
};

export class CallbackTree implements vscode.TreeDataProvider<CallbackEntry>, vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CallbackEntry | undefined>();
  private readonly docChanged = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly onDidChange = this.docChanged.event;
  private catalog: Catalog | undefined;
  private readonly sub: vscode.Disposable;
  /** Rows already built, rebuilt only when what they show changes (10 000 rows: one refresh every 100 ms). */
  private readonly items = new WeakMap<CallbackEntry, { key: readonly unknown[]; item: vscode.TreeItem }>();

  constructor(
    private readonly service: CallbackService,
    private readonly loadCatalog: () => Promise<Catalog>,
  ) {
    this.sub = service.store.onDidChange(() => this.refresh());
  }

  refresh(): void {
    this.changed.fire(undefined);
    for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === SCHEME) this.docChanged.fire(doc.uri);
  }

  private async ensureCatalog(): Promise<Catalog | undefined> {
    if (!this.catalog) this.catalog = await this.loadCatalog().catch(() => undefined);
    return this.catalog;
  }

  async getChildren(element?: CallbackEntry): Promise<CallbackEntry[]> {
    if (element) return [];
    await this.ensureCatalog();
    return this.service.store.list();
  }

  getTreeItem(entry: CallbackEntry): vscode.TreeItem {
    const key = [entry.verdict, entry.forward, this.catalog];
    const kept = this.items.get(entry);
    if (kept && kept.key.every((k, i) => k === key[i])) return kept.item;
    const item = this.buildItem(entry);
    this.items.set(entry, { key, item });
    return item;
  }

  private buildItem(entry: CallbackEntry): vscode.TreeItem {
    const s = summarize(entry, this.catalog);
    const item = new vscode.TreeItem(`${s.label}  ${s.referenceId ?? ''}`.trim(), vscode.TreeItemCollapsibleState.None);
    item.id = String(entry.id);
    const code = s.statusCode === null ? '' : `${s.statusCode}${s.statusMeaning ? ` ${s.statusMeaning}` : ''} · `;
    const app = s.forward && s.forward !== 'pending' ? ` · app ${s.forward.status ?? s.forward.error}` : '';
    item.description = `${code}${signatureWord(s.signature)}${app}`;
    const [icon, color] = ICONS[entry.verdict.kind] ?? ['circle', undefined];
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendText(`${s.label} #${s.id} · ${s.receivedAt}\n\n`);
    if (s.referenceId) tip.appendText(vscode.l10n.t('Reference ID: {0}', s.referenceId) + '\n\n');
    if (s.statusCode !== null) tip.appendText(`${s.statusCode}: ${s.statusMeaning ?? ''}\n\n`);
    tip.appendText(s.signature.message);
    item.tooltip = tip;
    item.contextValue = entry.parsed.ok && entry.parsed.callback.referenceId ? 'telesignCallback.withReference' : 'telesignCallback';
    item.command = { command: COMMANDS.openCallback, title: vscode.l10n.t('Open Callback'), arguments: [{ id: entry.id }] };
    return item;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = idOfUri(uri);
    const entry = id === undefined ? undefined : this.service.store.get(id);
    if (!entry) {
      return (
        vscode.l10n.t('// Callback #{0} is no longer kept (the window keeps the newest telesign.callbacks.maxKept).', String(id)) + '\n'
      );
    }
    return documentText(entry, this.catalog, this.service.reveal);
  }

  async open(entry: CallbackEntry): Promise<vscode.TextDocument> {
    await this.ensureCatalog();
    const doc = await vscode.workspace.openTextDocument(callbackUri(entry.id));
    await vscode.window.showTextDocument(doc, { preview: true, preserveFocus: false });
    return doc;
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
    this.docChanged.dispose();
  }
}

function signatureWord(s: { kind: string; reason?: string }): string {
  switch (s.kind) {
    case 'valid':
      return vscode.l10n.t('signed ✓');
    case 'invalid':
      return vscode.l10n.t('signature invalid: {0}', (s.reason ?? '').replace(/-/g, ' '));
    case 'unsigned':
      return vscode.l10n.t('unsigned');
    default:
      return vscode.l10n.t('no credentials');
  }
}
