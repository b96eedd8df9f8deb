// Bringing a result panel back after a window reload: its saved state names the lookup (revive.ts),
// so the lookup runs again, without a code, behind the "Loading…" shell.
import * as vscode from 'vscode';
import type { LookupRunner, ShownLookup } from '../lookup/contracts';
import type { Logger } from '../logger';
import { panelHtml } from './html';
import type { PanelKey } from './revive';

export const shortRef = (ref: string): string => (ref.length > 8 ? `${ref.slice(0, 8)}…` : ref);

/** The CSP shell that says "Loading…" until the first render message arrives. */
export function setShell(panel: vscode.WebviewPanel, extensionUri: vscode.Uri): void {
  const media = vscode.Uri.joinPath(extensionUri, 'media');
  panel.webview.options = { enableScripts: true, localResourceRoots: [media] };
  panel.webview.html = panelHtml(
    panel.webview,
    media,
    { lang: vscode.env.language, title: vscode.l10n.t('Telesign lookup'), loading: vscode.l10n.t('Loading…') },
    vscode.Uri,
  );
}

/**
 * Runs a restored panel's lookup; undefined when the panel was closed meanwhile (the lookup is cancelled)
 * or the run failed (logged; the panel is closed rather than left blank).
 */
export async function rerunRestored(
  panel: vscode.WebviewPanel,
  key: PanelKey,
  deps: { readonly runner: LookupRunner; readonly logger: Logger; readonly extensionUri: vscode.Uri },
): Promise<ShownLookup | undefined> {
  setShell(panel, deps.extensionUri);
  panel.title = vscode.l10n.t('Telesign: {0}', shortRef(key.referenceId));
  const cts = new vscode.CancellationTokenSource();
  let closed = false;
  const watch = panel.onDidDispose(() => {
    closed = true;
    cts.cancel();
  });
  try {
    const shown = await deps.runner.run(
      { referenceId: key.referenceId, endpoint: key.endpoint, profile: key.profile, show: false },
      cts.token,
    );
    return closed ? undefined : shown;
  } catch (e) {
    deps.logger.error(`result panel: re-running ${key.referenceId} for a restored panel failed`, e);
    if (!closed) panel.dispose();
    return undefined;
  } finally {
    watch.dispose();
    cts.dispose();
  }
}
