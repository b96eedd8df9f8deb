// Every word the result panel shows that is not response data, in one place: the webview's section labels
// (PanelLabels, typed by key in shared/, so a typo does not compile), badges, error kinds and error actions.
import * as vscode from 'vscode';
import type { ErrorKind } from '../../core/telesign/types';
import type { Badge, PanelErrorAction, PanelLabels } from '../../shared/resultPanelMessages';

export function badgeLabel(badge: Badge): string {
  switch (badge) {
    case 'delivered':
      return vscode.l10n.t('Delivered');
    case 'in-progress':
      return vscode.l10n.t('In progress');
    case 'failed':
      return vscode.l10n.t('Failed');
    case 'error':
      return vscode.l10n.t('Error');
    default:
      return vscode.l10n.t('Unknown');
  }
}

export function labels(): PanelLabels {
  return {
    verification: vscode.l10n.t('Verification'),
    channels: vscode.l10n.t('Channels'),
    noChannels: vscode.l10n.t('No channel status in this response.'),
    details: vscode.l10n.t('Details'),
    error: vscode.l10n.t('Error'),
    raw: vscode.l10n.t('Raw JSON'),
    actions: vscode.l10n.t('Actions'),
    refresh: vscode.l10n.t('Refresh'),
    verify: vscode.l10n.t('Verify a Code…'),
    finalize: vscode.l10n.t('Finalize verification…'),
    copyCurl: vscode.l10n.t('Copy as cURL'),
    copyJson: vscode.l10n.t('Copy JSON'),
    openDocs: vscode.l10n.t('Open Telesign Docs for This Code'),
    statusPage: vscode.l10n.t('Telesign Status Page'),
    stop: vscode.l10n.t('Stop'),
    whatNext: vscode.l10n.t('What to do'),
    codeEntered: vscode.l10n.t('Code entered'),
    nextRefresh: vscode.l10n.t('Auto-refresh: next lookup in {0} s (refresh {1}).'),
    refreshing: vscode.l10n.t('Refreshing…'),
    refreshStopped: vscode.l10n.t('Auto-refresh stopped.'),
    signature: vscode.l10n.t('String the server signed'),
    bodyPreview: vscode.l10n.t('Response body (start)'),
    windowLeft: vscode.l10n.t('{0} left in the 12-hour status window'),
    windowClosed: vscode.l10n.t('The 12-hour status window has closed'),
    channel: vscode.l10n.t('Channel'),
    code: vscode.l10n.t('Code'),
    description: vscode.l10n.t('Description'),
    time: vscode.l10n.t('Time'),
    family: vscode.l10n.t('(Meaning for {0}.)'),
    otherMeanings: vscode.l10n.t('The same number has {0} other meaning(s) in other Telesign products.'),
    bash: vscode.l10n.t('bash'),
    powershell: vscode.l10n.t('PowerShell'),
    cmd: vscode.l10n.t('cmd'),
  };
}

export const kindLabels = (): Record<ErrorKind, string> => ({
  auth: vscode.l10n.t('Authentication failed'),
  'not-enabled': vscode.l10n.t('Product not enabled'),
  'not-found': vscode.l10n.t('Reference ID not found'),
  expired: vscode.l10n.t('Status window expired'),
  'rate-limited': vscode.l10n.t('Rate limited'),
  quota: vscode.l10n.t('Quota exceeded'),
  unavailable: vscode.l10n.t('Service unavailable'),
  'bad-request': vscode.l10n.t('Bad request'),
  http: vscode.l10n.t('HTTP error'),
  network: vscode.l10n.t('Network error'),
  timeout: vscode.l10n.t('Timed out'),
  cancelled: vscode.l10n.t('Cancelled'),
  'malformed-response': vscode.l10n.t('Unexpected response'),
  'too-large': vscode.l10n.t('Response too large'),
  config: vscode.l10n.t('Configuration problem'),
  'invalid-input': vscode.l10n.t('Invalid input'),
});

export function actionLabel(a: PanelErrorAction): string {
  switch (a) {
    case 'set-credentials':
      return vscode.l10n.t('Set Credentials and Retry');
    case 'retry':
      return vscode.l10n.t('Retry');
    case 'open-docs':
      return vscode.l10n.t('Open Docs');
    default:
      return vscode.l10n.t('Select Profile');
  }
}
