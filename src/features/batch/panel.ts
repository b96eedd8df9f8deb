// The batch results table: one webview per batch, painted by media/batch.js from rows posted after `ready`.
// Opening a row shows its stored answer in the result panel (no network); export writes CSV or JSON through a
// save dialog. Rows hold no body, no OTP and no secret.
import * as vscode from 'vscode';
import { rowsToCsv, type BatchRow } from '../../core/batch/rows';
import { isBatchWebviewMessage, type BatchHostMessage, type BatchLabels, type BatchProgressView } from '../../shared/batchMessages';
import type { ResultView, ShownLookup } from '../lookup/contracts';
import { panelHtml } from '../resultPanel/html';

export const BATCH_VIEW_TYPE = 'telesignInspector.batch';

function labels(total: number): BatchLabels {
  return {
    title: vscode.l10n.t('{0} Telesign transactions', total),
    progress: vscode.l10n.t('{0} of {1} done, {2} running, {3} rate-limited answers so far'),
    finished: vscode.l10n.t('{0} looked up; {1} rate-limited answers were waited out'),
    cancelled: vscode.l10n.t('Stopped: {0} of {1} looked up (kept below)'),
    stop: vscode.l10n.t('Stop'),
    exportCsv: vscode.l10n.t('Export CSV…'),
    exportJson: vscode.l10n.t('Export JSON…'),
    open: vscode.l10n.t('Open this answer in the result panel (no new request)'),
    columns: {
      referenceId: vscode.l10n.t('Reference ID'),
      status: vscode.l10n.t('Code'),
      meaning: vscode.l10n.t('Meaning'),
      final: vscode.l10n.t('State'),
      verify: vscode.l10n.t('Verification'),
      http: vscode.l10n.t('HTTP'),
      time: vscode.l10n.t('Time'),
    },
    failed: vscode.l10n.t('failed'),
    notFinal: vscode.l10n.t('not final'),
    isFinal: vscode.l10n.t('final'),
    unknown: vscode.l10n.t('unknown'),
  };
}

export class BatchPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private rows: BatchRow[] = [];
  private readonly shown = new Map<string, ShownLookup>();
  private progress: BatchProgressView;
  private ready = false;
  private disposed = false;
  private readonly subs: vscode.Disposable[] = [];

  constructor(
    extensionUri: vscode.Uri,
    readonly total: number,
    profile: string,
    private readonly view: ResultView,
    private readonly onStop: () => void,
  ) {
    this.progress = { done: 0, total, inFlight: 0, rateLimited: 0, finished: false, cancelled: false };
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    this.panel = vscode.window.createWebviewPanel(
      BATCH_VIEW_TYPE,
      vscode.l10n.t('Telesign: {0} lookups', total),
      { viewColumn: vscode.ViewColumn.Active },
      {
        enableScripts: true,
        enableFindWidget: true,
        localResourceRoots: [media],
      },
    );
    this.panel.webview.html = panelHtml(
      this.panel.webview,
      media,
      { lang: vscode.env.language, title: vscode.l10n.t('Telesign lookups'), loading: vscode.l10n.t('Looking up…') },
      vscode.Uri,
      { script: 'batch.js', style: 'batch.css' },
    );
    const init: BatchHostMessage = { type: 'init', labels: labels(total), profile };
    this.subs.push(
      this.panel.webview.onDidReceiveMessage((m: unknown) => {
        if (!isBatchWebviewMessage(m)) return;
        if (m.type === 'ready') {
          this.ready = true;
          void this.panel.webview.postMessage(init);
          this.post();
        } else if (m.type === 'stop') this.onStop();
        else if (m.type === 'open') {
          const s = this.shown.get(m.referenceId.toUpperCase());
          if (s) this.view.show(s);
        } else void this.export(m.format);
      }),
      this.panel.onDidDispose(() => {
        this.disposed = true;
        this.onStop();
      }),
    );
  }

  add(row: BatchRow, shown: ShownLookup): void {
    this.rows.push(row);
    this.shown.set(row.referenceId, shown);
  }

  update(progress: BatchProgressView): void {
    this.progress = progress;
    this.post();
  }

  private post(): void {
    if (!this.ready || this.disposed) return;
    void this.panel.webview.postMessage({ type: 'rows', rows: this.rows, progress: this.progress } satisfies BatchHostMessage);
  }

  /** CSV or JSON of the rows, to a file the user picks. Returns the file written, if any. */
  async export(format: 'csv' | 'json', target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Export the lookups'),
        filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
        defaultUri: vscode.workspace.workspaceFolders?.[0]
          ? vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, `telesign-lookups.${format}`)
          : undefined,
      }));
    if (!uri) return undefined;
    const text = format === 'csv' ? rowsToCsv(this.rows) : `${JSON.stringify(this.rows, null, 2)}\n`;
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    return uri;
  }

  get data(): readonly BatchRow[] {
    return this.rows;
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
    this.panel.dispose();
  }
}
