// The result panel's buttons past Refresh and Stop: Verify a Code, Copy as cURL, Copy JSON, the docs, Telesign's
// status page, and the error actions. Each acts only if the panel's current result offers it: a stale or forged
// message does nothing.
import * as vscode from 'vscode';
import type { ShownLookup } from '../lookup/contracts';
import type { HostMessage, PanelModel, WebviewMessage } from '../../shared/resultPanelMessages';
import type { PanelHost } from './controller';
import type { Explained } from './explain';
import { ALL_CODES_URL, safeDocsUrl, STATUS_PAGE_URL } from './explain';
import { finalize } from './finalize';

export interface ButtonContext {
  readonly referenceId: string;
  readonly shown: ShownLookup;
  readonly model: PanelModel | undefined;
  readonly explained: Explained | undefined;
  readonly host: PanelHost;
  post(message: HostMessage): void;
  /** Looks the panel's reference ID up again (with another profile when given). */
  refresh(profile?: string): Promise<void>;
}

// A test build's paint report ('rendered') also arrives here once onMessage has taken it; no case matches it, and
// the production bundle, which must not name it, has none.
type Button = Exclude<WebviewMessage, { type: 'ready' | 'refresh' | 'stop-auto-refresh' }>;

export async function pressButton(c: ButtonContext, message: Button): Promise<void> {
  switch (message.type) {
    case 'verify':
      return verify(c);
    case 'finalize':
      return finalize(c);
    case 'copy-curl': {
      await vscode.env.clipboard.writeText(await c.host.runner.curl(c.shown, message.shell));
      c.post({
        type: 'notice',
        text: vscode.l10n.t('cURL command ({0}) copied. It reads the API key from an environment variable.', message.shell),
      });
      return;
    }
    case 'copy-json':
      await vscode.env.clipboard.writeText(c.model?.rawJson ?? '');
      c.post({ type: 'notice', text: vscode.l10n.t('JSON copied to the clipboard.') });
      return;
    case 'open-docs':
      return openDocs(c);
    case 'open-status-page':
      if (c.model?.statusPage) await vscode.env.openExternal(vscode.Uri.parse(STATUS_PAGE_URL));
      return;
    case 'error-action':
      return errorAction(c, message.action);
  }
}

async function verify(c: ButtonContext): Promise<void> {
  try {
    if (!c.host.actions) throw new Error('no lookup actions wired to this panel');
    await c.host.actions.verify({ referenceId: c.referenceId, endpoint: c.shown.outcome.request.endpoint, profile: c.shown.profile.name });
  } catch (e) {
    c.host.logger.error('result panel: Verify a Code failed', e);
    c.post({ type: 'notice', text: vscode.l10n.t('Verify a Code is not available; see the Telesign log.') });
  }
}

async function openDocs(c: ButtonContext): Promise<void> {
  await vscode.env.openExternal(vscode.Uri.parse(safeDocsUrl(c.explained?.best.docsUrl) ?? ALL_CODES_URL));
}

async function errorAction(c: ButtonContext, action: Extract<Button, { type: 'error-action' }>['action']): Promise<void> {
  const o = c.shown.outcome;
  if (o.ok || !o.error.actions.includes(action)) {
    c.host.logger.debug(`result panel: ignored error action '${action}' not offered by the current result`);
    return;
  }
  switch (action) {
    case 'retry':
      return c.refresh();
    case 'open-docs':
      return openDocs(c);
    case 'set-credentials':
      if (await c.host.actions?.setCredentials(c.shown.profile.name)) await c.refresh();
      return;
    case 'select-profile': {
      const change = await c.host.actions?.selectProfile();
      if (change?.changed) await c.refresh(change.profile);
      return;
    }
  }
}
