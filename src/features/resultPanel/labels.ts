// Every word the result panel shows that is not response data, in one place: the webview's section labels
// (PanelLabels, typed by key in shared/, so a typo does not compile), badges, error kinds and error actions.
import * as vscode from 'vscode';
import type { ErrorKind } from '../../core/telesign/types';
import type { Badge, PanelErrorAction, PanelLabels } from '../../shared/resultPanelMessages';

const t = (message: string, ...args: (string | number | boolean)[]): string => vscode.l10n.t(message, ...args);

export function badgeLabel(badge: Badge): string {
  switch (badge) {
    case 'delivered':
      return t('Delivered');
    case 'in-progress':
      return t('In progress');
    case 'failed':
      return t('Failed');
    case 'error':
      return t('Error');
    default:
      return t('Unknown');
  }
}

export function labels(): PanelLabels {
  return {
    verification: t('Verification'),
    channels: t('Channels'),
    noChannels: t('No channel status in this response.'),
    details: t('Details'),
    error: t('Error'),
    raw: t('Raw JSON'),
    actions: t('Actions'),
    refresh: t('Refresh'),
    verify: t('Verify a Code…'),
    copyCurl: t('Copy as cURL'),
    copyJson: t('Copy JSON'),
    openDocs: t('Open Telesign Docs for This Code'),
    stop: t('Stop'),
    whatNext: t('What to do'),
    codeEntered: t('Code entered'),
    nextRefresh: t('Auto-refresh: next lookup in {0} s (refresh {1}).'),
    refreshing: t('Refreshing…'),
    refreshStopped: t('Auto-refresh stopped.'),
    signature: t('String the server signed'),
    bodyPreview: t('Response body (start)'),
    windowLeft: t('{0} left in the 12-hour status window'),
    windowClosed: t('The 12-hour status window has closed'),
    channel: t('Channel'),
    code: t('Code'),
    description: t('Description'),
    time: t('Time'),
    family: t('(Meaning for {0}.)'),
    otherMeanings: t('The same number has {0} other meaning(s) in other Telesign products.'),
    bash: t('bash'),
    powershell: t('PowerShell'),
    cmd: t('cmd'),
  };
}

export const kindLabels = (): Record<ErrorKind, string> => ({
  auth: t('Authentication failed'),
  'not-enabled': t('Product not enabled'),
  'not-found': t('Reference ID not found'),
  expired: t('Status window expired'),
  'rate-limited': t('Rate limited'),
  quota: t('Quota exceeded'),
  unavailable: t('Service unavailable'),
  'bad-request': t('Bad request'),
  http: t('HTTP error'),
  network: t('Network error'),
  timeout: t('Timed out'),
  cancelled: t('Cancelled'),
  'malformed-response': t('Unexpected response'),
  'too-large': t('Response too large'),
  config: t('Configuration problem'),
  'invalid-input': t('Invalid input'),
});

export function actionLabel(a: PanelErrorAction): string {
  switch (a) {
    case 'set-credentials':
      return t('Set Credentials and Retry');
    case 'retry':
      return t('Retry');
    case 'open-docs':
      return t('Open Docs');
    default:
      return t('Select Profile');
  }
}
