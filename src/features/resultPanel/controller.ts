// One result panel: a webview showing one reference ID's lookup (status, verification, channels, details,
// errors, raw JSON), with refresh, verify, cURL and docs actions, and auto-refresh while the status is still
// intermediate. The webview is untrusted: it gets data by postMessage and can only send the allow-listed
// messages of messages.ts.
import * as vscode from 'vscode';
import type { LookupArgs, LookupRunner, PanelActions, ShownLookup } from '../lookup/contracts';
import type { Logger } from '../logger';
import type { HostMessage, PanelModel, RenderReport, WebviewMessage } from '../../shared/resultPanelMessages';
import { AutoRefresh } from './autoRefresh';
import type { Scheduler } from './autoRefresh';
import type { CodeExplainer, Explained } from './explain';
import { pressButton, type ButtonContext } from './buttons';
import { describeRejected, parseWebviewMessage } from './messages';
import { buildModel, explainStatus } from './model';
import { setShell, shortRef } from './restore';
import { panelStateOf } from './revive';
import { isIntermediate } from './status';
import { counted, trackPanel } from './testHooks';

/** What a panel needs from the owner of all panels. */
export interface PanelHost {
  readonly extensionUri: vscode.Uri;
  readonly runner: LookupRunner;
  readonly actions: PanelActions | undefined;
  readonly logger: Logger;
  readonly scheduler: Scheduler;
  readonly autoRefreshEnabled: () => boolean;
  loadCatalog(): Promise<CodeExplainer | undefined>;
  forget(panel: ResultPanel): void;
  /** A panel's auto-refresh schedule changed. */
  scheduleChanged?(): void;
}

export class ResultPanel {
  private shown: ShownLookup;
  private model: PanelModel | undefined;
  private explained: Explained | undefined;
  private ready = false;
  private report: RenderReport | undefined;
  private rejected = 0;
  private busy = false;
  private disposed = false;
  private seq = 0;
  private readonly auto: AutoRefresh;
  private offline = false;
  private storedNotice: string | undefined;
  /** Epoch ms of the next auto-refresh, while one is scheduled (the Transactions view's countdown). */
  dueAt: number | undefined;
  private cts: vscode.CancellationTokenSource | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly untrack: () => void;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly referenceId: string,
    shown: ShownLookup,
    private readonly host: PanelHost,
  ) {
    this.shown = shown;
    this.auto = new AutoRefresh(
      host.scheduler,
      host.autoRefreshEnabled,
      () => void this.refresh('auto'),
      (view) => {
        this.dueAt = view.state === 'scheduled' ? Date.now() + view.delayMs : undefined;
        host.scheduleChanged?.();
        this.post({ type: 'auto-refresh', view });
      },
    );
    const media = vscode.Uri.joinPath(host.extensionUri, 'media');
    panel.title = vscode.l10n.t('Telesign: {0}', shortRef(referenceId));
    panel.iconPath = { light: vscode.Uri.joinPath(media, 'result-light.svg'), dark: vscode.Uri.joinPath(media, 'result-dark.svg') };
    setShell(panel, host.extensionUri);
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
    this.untrack = trackPanel(() => ({
      referenceId: this.referenceId,
      visible: this.panel.visible,
      lastRendered: this.shown,
      report: this.report,
      autoRefresh: this.auto.view,
      rejectedMessages: this.rejected,
      panel: this.panel,
      receive: (message: unknown) => this.onMessage(message),
    }));
  }

  /** The lookup the panel shows (the Transactions view's in-flight group). */
  get lookup(): ShownLookup {
    return this.shown;
  }

  /** Pending auto-refresh timer (tests). */
  get hasTimer(): boolean {
    return this.auto.hasTimer;
  }

  /** Shows a lookup; `origin` 'show' is a new lookup from outside (restarts the auto-refresh schedule). */
  async update(shown: ShownLookup, origin: 'show' | 'manual' | 'auto' | 'stored', storedAt?: string): Promise<void> {
    if (this.disposed) return;
    this.shown = shown;
    // A stored response is shown as kept: no auto-refresh (no network call) until the user refreshes.
    this.offline = origin === 'stored';
    this.storedNotice =
      storedAt === undefined
        ? undefined
        : vscode.l10n.t(
            'Stored response from {0}; not looked up again. Refresh to look it up now.',
            new Date(storedAt).toLocaleString(vscode.env.language),
          );
    if (origin !== 'auto') this.auto.restart();
    const mine = ++this.seq;
    const catalog = await this.host.loadCatalog();
    if (this.disposed || mine !== this.seq) return;
    this.explained = explainStatus(shown, catalog);
    this.model = buildModel({ shown, catalog, locale: vscode.env.language }, this.explained);
    this.postRender();
    this.auto.plan(!this.offline && isIntermediate(this.shown.outcome, this.explained?.best.final));
  }

  private post(message: HostMessage): void {
    if (!this.ready || this.disposed) return;
    this.panel.webview
      .postMessage(message)
      .then(undefined, (e: unknown) => this.host.logger.debug(`result panel: postMessage failed: ${String(e)}`));
  }

  private postRender(): void {
    if (!this.model) return;
    this.post({ type: 'render', model: this.model, state: panelStateOf(this.shown) });
    this.post({ type: 'auto-refresh', view: this.auto.view });
    if (this.busy) this.post({ type: 'busy', busy: true });
    if (this.storedNotice !== undefined) this.post({ type: 'notice', text: this.storedNotice });
  }

  /** Re-runs this panel's lookup without a code (re-sending an OTP could use up the user's attempts). */
  async refresh(origin: 'manual' | 'auto', profile: string | undefined = this.shown.profile.name): Promise<void> {
    if (this.busy || this.disposed) return;
    this.busy = true;
    this.auto.clear();
    this.post({ type: 'busy', busy: true });
    if (origin === 'auto') this.auto.running();
    this.cts = new vscode.CancellationTokenSource();
    const args: LookupArgs & { referenceId: string } = {
      referenceId: this.referenceId,
      endpoint: this.shown.outcome.request.endpoint,
      profile,
      show: false,
    };
    try {
      const next = await this.host.runner.run(args, this.cts.token);
      if (this.disposed) return;
      this.busy = false;
      await this.update(next, origin);
    } catch (e) {
      this.host.logger.error(`result panel: refreshing ${this.referenceId} failed`, e);
      if (!this.disposed) {
        this.post({ type: 'notice', text: vscode.l10n.t('The lookup could not be run again; see the Telesign log.') });
        this.auto.off();
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
      this.host.logger.debug(`result panel: ignored a message not on the allow-list (${describeRejected(raw)})`);
      return;
    }
    if (__TEST_HOOKS__ && message.type === 'rendered') {
      this.report = message.report;
      return;
    }
    this.handle(message).catch((e: unknown) => this.host.logger.error(`result panel: '${message.type}' failed`, e));
  }

  /** What the panel's buttons (buttons.ts) read and call. */
  private buttonContext(): ButtonContext {
    return {
      referenceId: this.referenceId,
      shown: this.shown,
      model: this.model,
      explained: this.explained,
      host: this.host,
      post: (m) => this.post(m),
      refresh: (profile) => this.refresh('manual', profile),
    };
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.postRender();
        return;
      case 'refresh':
        return this.refresh('manual');
      case 'stop-auto-refresh':
        this.auto.stop();
        return;
      default:
        return pressButton(this.buttonContext(), message);
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.auto.end();
    this.cts?.cancel();
    this.untrack();
    this.host.forget(this);
    for (const d of this.subscriptions.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
