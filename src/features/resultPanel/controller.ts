// One result panel: a webview showing one reference ID's lookup (status, verification, channels, details,
// errors, raw JSON), with refresh, verify, cURL and docs actions, and auto-refresh while the status is still
// intermediate. The webview is untrusted: it gets data by postMessage and can only send the allow-listed
// messages of messages.ts.
import * as vscode from 'vscode';
import type { LookupArgs, LookupRunner, PanelActions, ShownLookup } from '../lookup/contracts';
import type { Logger } from '../logger';
import type { HostMessage, PanelErrorAction, PanelModel, PanelShell, RenderReport, WebviewMessage } from '../../shared/resultPanelMessages';
import { AutoRefresh } from './autoRefresh';
import type { Scheduler } from './autoRefresh';
import type { CodeExplainer, Explained } from './explain';
import { ALL_CODES_URL, safeDocsUrl, STATUS_PAGE_URL } from './explain';
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

  /** Pending auto-refresh timer (tests). */
  get lookup(): ShownLookup {
    return this.shown;
  }

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
      case 'open-status-page':
        // Offered only where it helps; a stale or forged message does nothing.
        if (this.model?.statusPage) await vscode.env.openExternal(vscode.Uri.parse(STATUS_PAGE_URL));
        return;
      case 'error-action':
        return this.errorAction(message.action);
    }
  }

  private async verify(): Promise<void> {
    const o = this.shown.outcome;
    try {
      if (!this.host.actions) throw new Error('no lookup actions wired to this panel');
      await this.host.actions.verify({ referenceId: this.referenceId, endpoint: o.request.endpoint, profile: this.shown.profile.name });
    } catch (e) {
      this.host.logger.error('result panel: Verify a Code failed', e);
      this.post({ type: 'notice', text: vscode.l10n.t('Verify a Code is not available; see the Telesign log.') });
    }
  }

  private async copyCurl(shell: PanelShell): Promise<void> {
    const text = await this.host.runner.curl(this.shown, shell);
    await vscode.env.clipboard.writeText(text);
    this.post({
      type: 'notice',
      text: vscode.l10n.t('cURL command ({0}) copied. It reads the API key from an environment variable.', shell),
    });
  }

  private async openDocs(): Promise<void> {
    const url = safeDocsUrl(this.explained?.best.docsUrl) ?? ALL_CODES_URL;
    await vscode.env.openExternal(vscode.Uri.parse(url));
  }

  private async errorAction(action: PanelErrorAction): Promise<void> {
    const o = this.shown.outcome;
    // Only the actions the current error offers; a stale or forged button does nothing.
    if (o.ok || !o.error.actions.includes(action)) {
      this.host.logger.debug(`result panel: ignored error action '${action}' not offered by the current result`);
      return;
    }
    switch (action) {
      case 'retry':
        return this.refresh('manual');
      case 'open-docs':
        return this.openDocs();
      case 'set-credentials':
        if (await this.host.actions?.setCredentials(this.shown.profile.name)) await this.refresh('manual');
        return;
      case 'select-profile': {
        const change = await this.host.actions?.selectProfile();
        if (change?.changed) await this.refresh('manual', change.profile);
        return;
      }
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
