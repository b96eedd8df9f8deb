// The owner of every result panel of one extension instance (one panel per reference ID), and the
// serializer that brings panels back after a window reload.
import * as vscode from 'vscode';
import * as config from '../settings';
import type { LookupRunner, PanelActions, ResultView, ScheduledRefresh, ShownLookup } from '../lookup/contracts';
import type { Logger } from '../logger';
import type { LateBindings } from '../frontDoor/door';
import { RESULT_VIEW_TYPE } from '../contributions';
import type { Scheduler } from './autoRefresh';
import { realScheduler } from './autoRefresh';
import { ResultPanel } from './controller';
import type { PanelHost } from './controller';
import type { CodeExplainer } from './explain';
import { rerunRestored, shortRef } from './restore';
import { restoreFrom } from './revive';

export type { Scheduler } from './autoRefresh';
export type { OpenResultPanel } from './testHooks';

export interface ResultPanelDeps {
  readonly runner: LookupRunner;
  readonly logger: Logger;
  /** What the panel's Verify, Set Credentials and Select Profile buttons do (the lookup feature's). */
  readonly actions?: PanelActions;
  /** The code catalog loader (features/catalogLoader.ts); explanations are left out without it. */
  readonly catalog?: () => Promise<CodeExplainer>;
  readonly scheduler?: Scheduler;
  /** Defaults to the `telesign.autoRefresh.enabled` setting. */
  readonly autoRefreshEnabled?: () => boolean;
}

export class ResultPanels implements ResultView, PanelHost, vscode.Disposable {
  private readonly panels = new Map<string, ResultPanel>();
  private readonly scheduleEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeSchedule = this.scheduleEmitter.event;
  readonly runner: LookupRunner;
  readonly actions: PanelActions | undefined;
  readonly logger: Logger;
  readonly scheduler: Scheduler;
  readonly autoRefreshEnabled: () => boolean;

  readonly serializer: vscode.WebviewPanelSerializer = {
    deserializeWebviewPanel: (panel, state) => this.revive(panel, state),
  };

  constructor(
    readonly extensionUri: vscode.Uri,
    private readonly deps: ResultPanelDeps,
  ) {
    this.runner = deps.runner;
    this.actions = deps.actions;
    this.logger = deps.logger;
    this.scheduler = deps.scheduler ?? realScheduler;
    this.autoRefreshEnabled = deps.autoRefreshEnabled ?? config.autoRefreshEnabled;
  }

  /** The catalog (the loader keeps it once loaded); a failure is logged and the panel goes on without explanations. */
  loadCatalog(): Promise<CodeExplainer | undefined> {
    const load = this.deps.catalog;
    if (!load) return Promise.resolve(undefined);
    return load().then(
      (c) => c,
      (e: unknown) => {
        this.logger.warn(`result panel: the code catalog could not be loaded; showing results without explanations (${String(e)})`);
        return undefined;
      },
    );
  }

  scheduleChanged(): void {
    this.scheduleEmitter.fire();
  }

  scheduledRefreshes(): ScheduledRefresh[] {
    const out: ScheduledRefresh[] = [];
    for (const p of this.panels.values()) {
      if (p.dueAt !== undefined) {
        out.push({
          referenceId: p.referenceId,
          endpoint: p.lookup.outcome.request.endpoint,
          profile: p.lookup.profile.name,
          dueAt: p.dueAt,
        });
      }
    }
    return out;
  }

  /** A stored lookup, shown without a network call (features/transactions/). */
  showStored(shown: ShownLookup, storedAt: string): void {
    this.show(shown, storedAt);
  }

  show(shown: ShownLookup, storedAt?: string): void {
    const ref = shown.outcome.referenceId;
    const existing = this.panels.get(ref);
    if (existing) {
      existing.panel.reveal(undefined, true);
      void existing.update(shown, storedAt === undefined ? 'show' : 'stored', storedAt);
      return;
    }
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(
      RESULT_VIEW_TYPE,
      vscode.l10n.t('Telesign: {0}', shortRef(ref)),
      { viewColumn: column, preserveFocus: true },
      {
        enableScripts: true,
        enableFindWidget: true,
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
      },
    );
    this.adopt(panel, shown, storedAt);
  }

  private adopt(panel: vscode.WebviewPanel, shown: ShownLookup, storedAt?: string): ResultPanel {
    const p = new ResultPanel(panel, shown.outcome.referenceId, shown, this);
    this.panels.set(p.referenceId, p);
    void p.update(shown, storedAt === undefined ? 'show' : 'stored', storedAt);
    return p;
  }

  /**
   * Restores a panel after a window reload. Its saved state names the lookup, not its result (which held the
   * OTP), so the lookup runs again, without a code: a status view is expected to come back current, as
   * auto-refresh keeps it, and a code-less status GET spends no OTP attempt and reports no completion.
   */
  async revive(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const restored = restoreFrom(state);
    if (!restored) {
      this.logger.debug('result panel: nothing valid to restore; closing the restored panel');
      panel.dispose();
      return;
    }
    const ref = 'shown' in restored ? restored.shown.outcome.referenceId : restored.rerun.referenceId;
    if (this.revealInstead(panel, ref)) return;
    const shown = 'shown' in restored ? restored.shown : await rerunRestored(panel, restored.rerun, this);
    if (shown && !this.revealInstead(panel, ref)) this.adopt(panel, shown);
  }

  /** True (and `panel` closed) when another panel already shows `ref`. */
  private revealInstead(panel: vscode.WebviewPanel, ref: string): boolean {
    const existing = this.panels.get(ref);
    if (!existing) return false;
    panel.dispose();
    existing.panel.reveal(undefined, true);
    return true;
  }

  forget(p: ResultPanel): void {
    if (this.panels.get(p.referenceId) === p) this.panels.delete(p.referenceId);
  }

  /** Pending auto-refresh timers across this owner's panels (tests). */
  pendingTimers(): number {
    return [...this.panels.values()].filter((p) => p.hasTimer).length;
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
    this.panels.clear();
    this.scheduleEmitter.dispose();
  }
}

export function registerResultPanel(context: vscode.ExtensionContext, late: LateBindings, deps: ResultPanelDeps): ResultPanels {
  const panels = new ResultPanels(context.extensionUri, deps);
  context.subscriptions.push(panels, late.serializer(RESULT_VIEW_TYPE, panels.serializer));
  return panels;
}
