// The Transactions view: lookups in flight (running, or waiting for their panel's auto-refresh, with the
// countdown), pinned ones and recent ones from the stored responses, each with its status badge and what
// its code means. Rendering reads only the index (StoredSummary), never the stored bodies.
import * as vscode from 'vscode';
import type { StoredSummary } from '../../core/transactions/stored';
import type { ResultView } from '../lookup/contracts';
import type { CodeExplainer } from '../resultPanel/explain';
import { badgeLabel } from '../resultPanel/labels';
import { badgeOfCode, STUCK_AFTER_MS } from '../resultPanel/status';
import type { Badge } from '../../shared/resultPanelMessages';
import { relativeTime } from '../history/store';
import type { TransactionStore } from './store';
import { COMMANDS } from '../commandIds';

export type GroupId = 'inflight' | 'pinned' | 'recent';
export interface InFlight {
  readonly referenceId: string;
  readonly endpoint: string;
  readonly profile: string;
  /** Auto-refresh due at (epoch ms); undefined while the request is running. */
  readonly dueAt?: number;
}
export type TxNode =
  | { readonly kind: 'group'; readonly group: GroupId; readonly count: number }
  | { readonly kind: 'stored'; readonly summary: StoredSummary; readonly statusPage: boolean }
  | { readonly kind: 'inflight'; readonly item: InFlight };

/** In progress this long across stored lookups of one ID is "long past normal" (as in the result panel). */
export { STUCK_AFTER_MS };

export function badgeOfSummary(s: StoredSummary): Badge {
  if (!s.ok) return 'error';
  if (s.endpoint === 'verification' && s.state !== undefined) {
    const st = s.state.toUpperCase();
    return st === 'VERIFIED' ? 'delivered' : st === 'CREATED' || st === 'ONGOING' ? 'in-progress' : 'failed';
  }
  return badgeOfCode(s.statusCode ?? null);
}

/** 503 / 3041, or still in progress 10 minutes after an earlier lookup of the same ID was. */
export function offersStatusPage(s: StoredSummary, all: readonly StoredSummary[]): boolean {
  if (s.errorKind === 'unavailable' || s.errorCode === 3041 || s.statusCode === 3041 || s.httpStatus === 503) return true;
  if (badgeOfSummary(s) !== 'in-progress') return false;
  const at = Date.parse(s.at);
  return all.some(
    (o) =>
      o.referenceId === s.referenceId && o.id !== s.id && badgeOfSummary(o) === 'in-progress' && at - Date.parse(o.at) >= STUCK_AFTER_MS,
  );
}

const ICONS: Record<Badge, [string, string]> = {
  delivered: ['pass', 'testing.iconPassed'],
  'in-progress': ['clock', 'charts.yellow'],
  failed: ['error', 'testing.iconFailed'],
  error: ['warning', 'problemsWarningIcon.foreground'],
  unknown: ['question', 'descriptionForeground'],
};

function statusText(s: StoredSummary): string {
  if (!s.ok) {
    return s.errorCode !== undefined
      ? vscode.l10n.t('error: {0} ({1})', s.errorKind ?? '', s.errorCode)
      : vscode.l10n.t('error: {0}', s.errorKind ?? '');
  }
  const parts = [[s.statusCode ?? '', s.statusDescription ?? ''].join(' ').trim()];
  if (s.verifyState) parts.push(s.verifyState);
  if (s.state) parts.push(s.state);
  return parts.filter(Boolean).join(' · ');
}

export const shortId = (ref: string): string => (ref.length > 14 ? `${ref.slice(0, 8)}…${ref.slice(-4)}` : ref);

export class TransactionsTree implements vscode.TreeDataProvider<TxNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TxNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly running = new Map<number, InFlight>();
  private seq = 0;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private catalog: CodeExplainer | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly store: TransactionStore,
    private readonly view: ResultView,
    loadCatalog: () => Promise<CodeExplainer>,
  ) {
    this.subscriptions.push(
      store.onDidChange(() => this.refresh()),
      view.onDidChangeSchedule(() => this.refresh()),
    );
    loadCatalog().then(
      (c) => {
        this.catalog = c;
        this.refresh();
      },
      () => undefined,
    );
  }

  /** A lookup started; returns the function that ends it. */
  begin(item: InFlight): () => void {
    const id = ++this.seq;
    this.running.set(id, item);
    this.refresh();
    return () => {
      this.running.delete(id);
      this.refresh();
    };
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  inFlight(): InFlight[] {
    const scheduled = this.view
      .scheduledRefreshes()
      .map((r) => ({ referenceId: r.referenceId, endpoint: r.endpoint, profile: r.profile, dueAt: r.dueAt }));
    const running = [...this.running.values()];
    const out = [...running, ...scheduled.filter((s) => !running.some((r) => r.referenceId === s.referenceId))];
    // A countdown needs a tick; none runs while nothing is scheduled.
    if (out.some((i) => i.dueAt !== undefined)) this.ticker ??= setInterval(() => this.refresh(), 1000);
    else if (this.ticker) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
    return out;
  }

  async getChildren(node?: TxNode): Promise<TxNode[]> {
    const all = await this.store.summaries();
    if (!node) {
      const flying = this.inFlight();
      const pinned = all.filter((s) => s.pinned).length;
      const groups: TxNode[] = [];
      if (flying.length) groups.push({ kind: 'group', group: 'inflight', count: flying.length });
      if (pinned) groups.push({ kind: 'group', group: 'pinned', count: pinned });
      if (all.length - pinned > 0) groups.push({ kind: 'group', group: 'recent', count: all.length - pinned });
      return groups;
    }
    if (node.kind !== 'group') return [];
    if (node.group === 'inflight') return this.inFlight().map((item) => ({ kind: 'inflight', item }));
    const wanted = node.group === 'pinned';
    return all
      .filter((s) => s.pinned === wanted)
      .map((summary) => ({ kind: 'stored', summary, statusPage: offersStatusPage(summary, all) }));
  }

  getTreeItem(node: TxNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const label = { inflight: vscode.l10n.t('In flight'), pinned: vscode.l10n.t('Pinned'), recent: vscode.l10n.t('Recent') }[node.group];
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.group}`;
      item.description = String(node.count);
      item.contextValue = `telesign.group.${node.group}`;
      return item;
    }
    if (node.kind === 'inflight') return this.inFlightItem(node.item);
    return this.storedItem(node.summary, node.statusPage);
  }

  private inFlightItem(i: InFlight): vscode.TreeItem {
    const item = new vscode.TreeItem(shortId(i.referenceId), vscode.TreeItemCollapsibleState.None);
    item.id = `inflight:${i.referenceId}:${i.dueAt === undefined ? 'run' : 'wait'}`;
    const secs = i.dueAt === undefined ? undefined : Math.max(0, Math.ceil((i.dueAt - Date.now()) / 1000));
    item.description = secs === undefined ? vscode.l10n.t('looking up…') : vscode.l10n.t('auto-refresh in {0} s', secs);
    item.iconPath = new vscode.ThemeIcon(secs === undefined ? 'sync~spin' : 'watch');
    item.tooltip = `${i.referenceId}\n${i.endpoint} · ${i.profile}`;
    item.contextValue = 'telesign.inflight';
    return item;
  }

  private storedItem(s: StoredSummary, statusPage: boolean): vscode.TreeItem {
    const badge = badgeOfSummary(s);
    const item = new vscode.TreeItem(shortId(s.referenceId), vscode.TreeItemCollapsibleState.None);
    item.id = `stored:${s.id}`;
    item.description = `${statusText(s)} · ${relativeTime(s.at)}`;
    const [icon, color] = ICONS[badge];
    item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
    const meaning = this.meaning(s);
    const tip = new vscode.MarkdownString(undefined, false);
    tip.appendMarkdown(`**${badgeLabel(badge)}** · `);
    tip.appendText(`${statusText(s)}\n\n`);
    if (meaning) tip.appendText(`${meaning}\n\n`);
    tip.appendText(
      `${s.referenceId}\n${s.endpoint} · ${s.profile}${s.otpSent ? ' · ' + vscode.l10n.t('with OTP (not kept)') : ''}\n${new Date(s.at).toLocaleString()}`,
    );
    if (statusPage) tip.appendText('\n\n' + vscode.l10n.t('Telesign may be having trouble: check its status page (context menu).'));
    item.tooltip = tip;
    item.accessibilityInformation = { label: `${s.referenceId}, ${badgeLabel(badge)}, ${statusText(s)}` };
    item.contextValue = `telesign.stored.${s.pinned ? 'pinned' : 'unpinned'}${statusPage ? '.statusPage' : ''}`;
    item.command = { command: COMMANDS.openStored, title: vscode.l10n.t('Open Stored Response'), arguments: [{ id: s.id }] };
    return item;
  }

  /** The catalog's reading of the status (or error) code, e.g. "The message was delivered to the handset." */
  private meaning(s: StoredSummary): string | undefined {
    const code = s.ok ? s.statusCode : s.errorCode;
    if (code === undefined || code === null || !this.catalog) return undefined;
    try {
      const best = this.catalog.explain(code, `/v1/${s.endpoint} ${s.ok ? 'status.code' : 'errors.code'}=${code}`)[0]?.entry;
      return best ? (best.explanation ?? best.text) : undefined;
    } catch {
      return undefined;
    }
  }

  dispose(): void {
    if (this.ticker) clearInterval(this.ticker);
    for (const d of this.subscriptions.splice(0)) d.dispose();
    this.changed.dispose();
  }
}
