// The result panel: one webview per reference ID showing a lookup (status, verification, channels, details,
// errors, raw JSON), with refresh, verify, cURL and docs actions, and auto-refresh while the status is
// still intermediate. The webview is untrusted: it gets data by postMessage and can only send the
// allow-listed commands of features/resultPanel/messages.ts.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import * as config from '../settings';
import type { LookupArgs, LookupRunner, ResultView, ScheduledRefresh, ShownLookup } from '../lookup/contracts';
import type { Logger } from '../logger';
import type { AutoRefreshView, HostMessage, PanelErrorAction, PanelModel, PanelShell, RenderReport, WebviewMessage } from '../../shared/resultPanelMessages';
import type { CodeExplainer, Explained } from './explain';
import { ALL_CODES_URL, safeDocsUrl } from './explain';
import { describeRejected, parseWebviewMessage } from './messages';
import { buildModel, explainStatus } from './model';
import { rerunRestored, setShell, shortRef } from './restore';
import { panelStateOf, restoreFrom } from './revive';
import { MAX_AUTO_REFRESHES, isIntermediate, refreshDelayMs } from './status';

export const RESULT_VIEW_TYPE = 'telesignInspector.result';

/** Timers, injectable so tests can count and fire them. */
export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realScheduler: Scheduler = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface ResultPanelDeps {
  readonly runner: LookupRunner;
  readonly logger: Logger;
  /** The code catalog loader (features/catalogLoader.ts); explanations are left out without it. */
  readonly catalog?: () => Promise<CodeExplainer>;
  readonly scheduler?: Scheduler;
  /** Defaults to the `telesign.autoRefresh.enabled` setting. */
  readonly autoRefreshEnabled?: () => boolean;
}

/** What a test (or the E2E suite) can observe about an open panel. */
export interface OpenResultPanel {
  readonly referenceId: string;
  readonly visible: boolean;
  readonly lastRendered: ShownLookup;
  /** What the webview reported it painted, last time. */
  readonly report?: RenderReport;
  readonly autoRefresh: AutoRefreshView;
  /** Messages from the webview that were not on the allow-list. */
  readonly rejectedMessages: number;
  readonly panel: vscode.WebviewPanel;
  /** Feeds a message through the same handler the webview's messages go through (tests). */
  receive(message: unknown): void;
}

// Kept on globalThis so the extension's panels are visible to the separately bundled integration tests,
// which run in the same extension host but load their own copy of this module.
const REGISTRY = Symbol.for('telesignInspector.resultPanels');
type Registry = Set<() => OpenResultPanel>;
function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (g[REGISTRY] ??= new Set());
}

export function openResultPanels(): OpenResultPanel[] {
  return [...registry()].map((snapshot) => snapshot());
}

// Event listeners the panels hold right now, across all panels (tests count them for leaks).
const LISTENERS = Symbol.for('telesignInspector.resultPanelListeners');
function listenerCounter(): { live: number } {
  const g = globalThis as unknown as Record<symbol, { live: number } | undefined>;
  return (g[LISTENERS] ??= { live: 0 });
}

export function liveResultPanelListeners(): number {
  return listenerCounter().live;
}

/** Wraps a listener so the count above follows its lifetime exactly. */
function counted(listener: vscode.Disposable): vscode.Disposable {
  const counter = listenerCounter();
  counter.live++;
  let disposed = false;
  return {
    dispose: () => {
      if (disposed) return;
      disposed = true;
      counter.live--;
      listener.dispose();
    },
  };
}

class ResultPanel {
  private shown: ShownLookup;
  private model: PanelModel | undefined;
  private explained: Explained | undefined;
  private ready = false;
  private report: RenderReport | undefined;
  private rejected = 0;
  private busy = false;
  private disposed = false;
  private seq = 0;
  private timer: unknown;
  private attempt = 0;
  private stoppedByUser = false;
  /** Showing a stored lookup: nothing is sent until the user refreshes. */
  private offline = false;
  private storedNotice: string | undefined;
  dueAt: number | undefined;
  private autoView: AutoRefreshView = { state: 'off' };
  private cts: vscode.CancellationTokenSource | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly snapshot = (): OpenResultPanel => ({
    referenceId: this.referenceId,
    visible: this.panel.visible,
    lastRendered: this.shown,
    report: this.report,
    autoRefresh: this.autoView,
    rejectedMessages: this.rejected,
    panel: this.panel,
    receive: (message: unknown) => this.onMessage(message),
  });

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly referenceId: string,
    shown: ShownLookup,
    private readonly owner: ResultPanels,
  ) {
    this.shown = shown;
    const media = vscode.Uri.joinPath(owner.extensionUri, 'media');
    panel.title = vscode.l10n.t('Telesign: {0}', shortRef(referenceId));
    panel.iconPath = { light: vscode.Uri.joinPath(media, 'result-light.svg'), dark: vscode.Uri.joinPath(media, 'result-dark.svg') };
    setShell(panel, owner.extensionUri);
    this.subscriptions.push(
      counted(panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m))),
      counted(
        panel.onDidChangeViewState(() => {
          // A hidden webview is torn down (no retainContextWhenHidden); it says `ready` again when shown.
          if (!panel.visible) this.ready = false;
        }),
      ),
      counted(panel.onDidDispose(() => this.dispose())),
    );
    registry().add(this.snapshot);
  }

  /** Shows a lookup; `origin` 'show' is a new lookup from outside (restarts the auto-refresh schedule). */
  async update(shown: ShownLookup, origin: 'show' | 'manual' | 'auto' | 'stored', storedAt?: string): Promise<void> {
    if (this.disposed) return;
    this.shown = shown;
    this.offline = origin === 'stored';
    this.storedNotice =
      storedAt === undefined ? undefined : vscode.l10n.t('Stored response from {0}; not looked up again. Refresh to look it up now.', new Date(storedAt).toLocaleString(vscode.env.language));
    if (origin !== 'auto') {
      this.attempt = 0;
      this.stoppedByUser = false;
    }
    const mine = ++this.seq;
    const catalog = await this.owner.loadCatalog();
    if (this.disposed || mine !== this.seq) return;
    this.explained = explainStatus(shown, catalog);
    this.model = buildModel({ shown, catalog, locale: vscode.env.language }, this.explained);
    this.postRender();
    this.planAutoRefresh();
  }

  private post(message: HostMessage): void {
    if (!this.ready || this.disposed) return;
    this.panel.webview.postMessage(message).then(undefined, (e: unknown) => this.owner.logger.debug(`result panel: postMessage failed: ${String(e)}`));
  }

  private postRender(): void {
    if (!this.model) return;
    this.post({ type: 'render', model: this.model, state: panelStateOf(this.shown) });
    this.post({ type: 'auto-refresh', view: this.autoView });
    if (this.busy) this.post({ type: 'busy', busy: true });
    if (this.storedNotice !== undefined) this.post({ type: 'notice', text: this.storedNotice });
  }

  private setAuto(view: AutoRefreshView): void {
    this.autoView = view;
    this.dueAt = view.state === 'scheduled' ? Date.now() + view.delayMs : undefined;
    this.owner.scheduleChanged();
    this.post({ type: 'auto-refresh', view });
  }

  private clearTimer(): void {
    if (this.timer !== undefined) {
      this.owner.scheduler.clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private planAutoRefresh(): void {
    this.clearTimer();
    if (this.disposed) return;
    const moving = isIntermediate(this.shown.outcome, this.explained?.best.final);
    if (this.offline || !moving || !this.owner.autoRefreshEnabled() || this.attempt >= MAX_AUTO_REFRESHES) return this.setAuto({ state: 'off' });
    if (this.stoppedByUser) return this.setAuto({ state: 'stopped' });
    const delayMs = refreshDelayMs(this.attempt);
    this.timer = this.owner.scheduler.setTimeout(() => {
      this.timer = undefined;
      this.attempt++;
      void this.refresh('auto');
    }, delayMs);
    this.setAuto({ state: 'scheduled', delayMs, attempt: this.attempt + 1 });
  }

  /** Re-runs this panel's lookup without a code (re-sending an OTP could use up the user's attempts). */
  async refresh(origin: 'manual' | 'auto', profile: string | undefined = this.shown.profile.name): Promise<void> {
    if (this.busy || this.disposed) return;
    this.busy = true;
    this.clearTimer();
    this.post({ type: 'busy', busy: true });
    if (origin === 'auto') this.setAuto({ state: 'running' });
    this.cts = new vscode.CancellationTokenSource();
    const args: LookupArgs & { referenceId: string } = { referenceId: this.referenceId, endpoint: this.shown.outcome.request.endpoint, profile, show: false };
    try {
      const next = await this.owner.runner.run(args, this.cts.token);
      if (this.disposed) return;
      this.busy = false;
      await this.update(next, origin);
    } catch (e) {
      this.owner.logger.error(`result panel: refreshing ${this.referenceId} failed`, e);
      if (!this.disposed) {
        this.post({ type: 'notice', text: vscode.l10n.t('The lookup could not be run again; see the Telesign log.') });
        this.setAuto({ state: 'off' });
      }
    } finally {
      this.busy = false;
      this.cts?.dispose();
      this.cts = undefined;
      this.post({ type: 'busy', busy: false });
    }
  }

  private onMessage(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.rejected++;
      this.owner.logger.debug(`result panel: ignored a message not on the allow-list (${describeRejected(raw)})`);
      return;
    }
    this.handle(message).catch((e: unknown) => this.owner.logger.error(`result panel: '${message.type}' failed`, e));
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.postRender();
        return;
      case 'rendered':
        this.report = message.report;
        return;
      case 'refresh':
        return this.refresh('manual');
      case 'stop-auto-refresh':
        this.stoppedByUser = true;
        this.clearTimer();
        if (this.autoView.state === 'scheduled' || this.autoView.state === 'running') this.setAuto({ state: 'stopped' });
        return;
      case 'verify':
        return this.verify();
      case 'copy-curl':
        return this.copyCurl(message.shell);
      case 'copy-json':
        await vscode.env.clipboard.writeText(this.model?.rawJson ?? '');
        this.post({ type: 'notice', text: vscode.l10n.t('JSON copied to the clipboard.') });
        return;
      case 'open-docs':
        return this.openDocs();
      case 'error-action':
        return this.errorAction(message.action);
    }
  }

  private async verify(): Promise<void> {
    const o = this.shown.outcome;
    try {
      await vscode.commands.executeCommand(COMMANDS.verifyCode, { referenceId: this.referenceId, endpoint: o.request.endpoint, profile: this.shown.profile.name });
    } catch (e) {
      this.owner.logger.error('result panel: telesign.verifyCode failed', e);
      this.post({ type: 'notice', text: vscode.l10n.t('Verify a Code is not available; see the Telesign log.') });
    }
  }

  private async copyCurl(shell: PanelShell): Promise<void> {
    const text = await this.owner.runner.curl(this.shown, shell);
    await vscode.env.clipboard.writeText(text);
    this.post({ type: 'notice', text: vscode.l10n.t('cURL command ({0}) copied. It reads the API key from an environment variable.', shell) });
  }

  private async openDocs(): Promise<void> {
    const url = safeDocsUrl(this.explained?.best.docsUrl) ?? ALL_CODES_URL;
    await vscode.env.openExternal(vscode.Uri.parse(url));
  }

  private async errorAction(action: PanelErrorAction): Promise<void> {
    const o = this.shown.outcome;
    // Only the actions the current error offers; a stale or forged button does nothing.
    if (o.ok || !o.error.actions.includes(action)) {
      this.owner.logger.debug(`result panel: ignored error action '${action}' not offered by the current result`);
      return;
    }
    switch (action) {
      case 'retry':
        return this.refresh('manual');
      case 'open-docs':
        return this.openDocs();
      case 'set-credentials': {
        const saved = await vscode.commands.executeCommand<boolean>(COMMANDS.setCredentials, { profile: this.shown.profile.name });
        if (saved) await this.refresh('manual');
        return;
      }
      case 'select-profile': {
        const before = config.activeProfileName();
        await vscode.commands.executeCommand(COMMANDS.selectProfile);
        const after = config.activeProfileName();
        if (after && after !== before) await this.refresh('manual', after);
        return;
      }
    }
  }

  /** Pending auto-refresh timer (tests). */
  get lookup(): ShownLookup {
    return this.shown;
  }

  get hasTimer(): boolean {
    return this.timer !== undefined;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.clearTimer();
    this.cts?.cancel();
    this.autoView = { state: 'off' };
    registry().delete(this.snapshot);
    this.owner.forget(this);
    for (const d of this.subscriptions.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

/** Owns every result panel of one extension instance: one per reference ID. */
export class ResultPanels implements ResultView, vscode.Disposable {
  private readonly panels = new Map<string, ResultPanel>();
  private catalogPromise: Promise<CodeExplainer | undefined> | undefined;
  private readonly scheduleEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeSchedule = this.scheduleEmitter.event;
  readonly runner: LookupRunner;
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
    this.logger = deps.logger;
    this.scheduler = deps.scheduler ?? realScheduler;
    this.autoRefreshEnabled = deps.autoRefreshEnabled ?? config.autoRefreshEnabled;
  }

  /** The catalog, loaded once; a failure is logged and the panel goes on without explanations. */
  loadCatalog(): Promise<CodeExplainer | undefined> {
    const load = this.deps.catalog;
    if (!load) return Promise.resolve(undefined);
    this.catalogPromise ??= load().then(
      (c) => c,
      (e: unknown) => {
        this.logger.warn(`result panel: the code catalog could not be loaded; showing results without explanations (${String(e)})`);
        this.catalogPromise = undefined;
        return undefined;
      },
    );
    return this.catalogPromise;
  }

  scheduleChanged(): void {
    this.scheduleEmitter.fire();
  }

  scheduledRefreshes(): ScheduledRefresh[] {
    const out: ScheduledRefresh[] = [];
    for (const p of this.panels.values()) {
      if (p.dueAt === undefined) continue;
      const o = p.lookup.outcome;
      out.push({ referenceId: p.referenceId, endpoint: o.request.endpoint, profile: p.lookup.profile.name, dueAt: p.dueAt });
    }
    return out;
  }

  showStored(shown: ShownLookup, storedAt: string): void {
    this.show(shown, storedAt);
  }

  show(shown: ShownLookup, storedAt?: string): void {
    const ref = shown.outcome.referenceId;
    const origin = storedAt === undefined ? 'show' : 'stored';
    const existing = this.panels.get(ref);
    if (existing) {
      existing.panel.reveal(undefined, true);
      void existing.update(shown, origin, storedAt);
      return;
    }
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(RESULT_VIEW_TYPE, vscode.l10n.t('Telesign: {0}', shortRef(ref)), { viewColumn: column, preserveFocus: true }, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
    });
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

export function registerResultPanel(
  context: vscode.ExtensionContext,
  deps: { runner: LookupRunner; logger: Logger; catalog: () => Promise<CodeExplainer> },
): ResultPanels {
  const panels = new ResultPanels(context.extensionUri, deps);
  context.subscriptions.push(panels, vscode.window.registerWebviewPanelSerializer(RESULT_VIEW_TYPE, panels.serializer));
  return panels;
}
