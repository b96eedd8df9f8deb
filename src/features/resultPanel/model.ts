// Turns a ShownLookup into the panel's view model: every string localised and formatted here, so the
// webview only lays out text. Response data goes into plain string fields, never into markup.
import * as vscode from 'vscode';
import type { ErrorAction, ErrorKind, LookupOutcome, VerifyState } from '../../core/telesign/types';
import type { ShownLookup } from '../lookup/contracts';
import type { Badge, ChannelView, DetailRow, ErrorView, ExplanationView, PanelErrorAction, PanelLabels, PanelModel, TimeView, VerifyView } from '../../shared/resultPanelMessages';
import type { CodeExplainer, Explained } from './explain';
import { explainCode } from './explain';
import { badgeOf, badgeOfCode, canVerify, unknownReason, windowEndsAt } from './status';
import type { UnknownReason } from './status';

const MAX_RAW_JSON = 256 * 1024;

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

function labels(): PanelLabels {
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
    copyCurl: vscode.l10n.t('Copy as cURL'),
    copyJson: vscode.l10n.t('Copy JSON'),
    openDocs: vscode.l10n.t('Open Telesign Docs for This Code'),
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

function timeView(iso: string | undefined, locale: string): TimeView | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return undefined;
  let local: string;
  try {
    local = new Date(ms).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  } catch {
    local = new Date(ms).toLocaleString();
  }
  return { iso: new Date(ms).toISOString(), local };
}

function explanationView(e: Explained | undefined): ExplanationView | undefined {
  if (!e || !e.best.explanation) return undefined;
  const finality = e.best.final === true ? vscode.l10n.t('Final status: it will not change.') : e.best.final === false ? vscode.l10n.t('Intermediate status: it may still change.') : vscode.l10n.t('Telesign does not say whether this status is final.');
  return { text: e.best.explanation, action: e.best.action || undefined, finality, family: e.best.familyLabel ?? e.best.family, otherMeanings: Math.max(0, e.others) };
}

function verifyLabel(state: VerifyState | undefined): { view: VerifyView; label: string } {
  switch (state) {
    case 'VALID':
      return { view: 'valid', label: vscode.l10n.t('Valid: the code matches.') };
    case 'INVALID':
      return { view: 'invalid', label: vscode.l10n.t('Invalid: the code does not match.') };
    case 'EXPIRED':
      return { view: 'expired', label: vscode.l10n.t('Expired: the code was tried after its validity period.') };
    case 'MAX_ATTEMPTS_EXCEEDED':
      return { view: 'max-attempts', label: vscode.l10n.t('Maximum attempts exceeded: no more codes are accepted.') };
    case 'UNKNOWN':
      return { view: 'unknown', label: vscode.l10n.t('Unknown') };
    default:
      return { view: 'absent', label: vscode.l10n.t('No verification data') };
  }
}

function reasonText(reason: UnknownReason | undefined): string | undefined {
  switch (reason) {
    case 'not-auto-generated':
      return vscode.l10n.t('Telesign returns a verification state only when it generated the OTP itself (auto-generated OTP). This transaction has none, so check the code in your own system.');
    case 'no-code-sent':
      return vscode.l10n.t('No code was sent with this lookup, so there was nothing to check. Use “Verify a Code…” to send the code the user entered.');
    case 'code-not-in-request':
      return vscode.l10n.t('A code was given, but the request URL carries no verify_code parameter, so it never reached Telesign. Some SDK versions drop it; make sure verify_code is in the query string.');
    case 'code-not-recorded':
      return vscode.l10n.t('The code was sent, but Telesign recorded no entered code: it did not reach the verification step, or the OTP was not auto-generated by Telesign.');
    case 'other':
      return vscode.l10n.t('Telesign recorded the code but reports no match result; this happens when the OTP was not auto-generated by Telesign.');
    default:
      return undefined;
  }
}

const kindLabels = (): Record<ErrorKind, string> => ({
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

function actionLabel(a: PanelErrorAction): string {
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

function errorView(outcome: LookupOutcome, e: Explained | undefined): ErrorView | undefined {
  if (outcome.ok) return undefined;
  const err = outcome.error;
  const actions = err.actions.filter((a: ErrorAction): a is PanelErrorAction => a !== 'wait').map((action) => ({ action, label: actionLabel(action) }));
  return {
    kind: kindLabels()[err.kind] ?? vscode.l10n.t('Error'),
    message: err.message,
    code: err.code !== undefined ? String(err.code) : undefined,
    description: err.description,
    explanation: explanationView(e),
    actions,
    hint: err.actions.includes('wait') ? vscode.l10n.t('Telesign asks you to slow down: wait a little before trying again.') : undefined,
    signatureString: err.signatureString,
    bodyPreview: err.bodyPreview,
  };
}

function formatDuration(ms: number): string {
  return ms < 1000 ? vscode.l10n.t('{0} ms', Math.round(ms)) : vscode.l10n.t('{0} s', (ms / 1000).toFixed(2));
}

/** The body as Telesign sent it (success), or what is known about the failure. */
export function rawJsonOf(outcome: LookupOutcome): string {
  const value = outcome.ok ? outcome.raw : (outcome.error.raw ?? { error: { kind: outcome.error.kind, message: outcome.error.message, code: outcome.error.code } });
  let text: string;
  try {
    text = JSON.stringify(value, null, 2) ?? 'null';
  } catch {
    text = '"(not serialisable)"';
  }
  return text.length > MAX_RAW_JSON ? text.slice(0, MAX_RAW_JSON) + '\n…' : text;
}

function details(shown: ShownLookup, locale: string): DetailRow[] {
  const o = shown.outcome;
  const rows: DetailRow[] = [];
  const add = (key: string, label: string, value: string | undefined | null, extra: Partial<DetailRow> = {}) => {
    if (value !== undefined && value !== null && value !== '') rows.push({ key, label, value, ...extra });
  };
  add('reference', vscode.l10n.t('Reference ID'), o.referenceId, { mono: true });
  if (o.ok) {
    add('price', vscode.l10n.t('Price'), o.price !== undefined ? `${o.price}${o.currency ? ' ' + o.currency : ''}` : undefined);
    add('mccmnc', vscode.l10n.t('MCC / MNC'), o.mcc || o.mnc ? `${o.mcc ?? '—'} / ${o.mnc ?? '—'}` : undefined);
    const updated = timeView(o.status.updatedOn, locale);
    add('updated', vscode.l10n.t('Status updated'), updated?.local ?? o.status.updatedOnRaw, { time: updated });
    add('lastChannel', vscode.l10n.t('Last channel'), o.status.lastChannel);
    add('state', vscode.l10n.t('Verification process state'), o.state);
    add('subResource', vscode.l10n.t('Sub-resource'), o.subResource ?? undefined);
    add('externalId', vscode.l10n.t('External ID'), o.externalId ?? undefined, { mono: true });
    for (const e of o.errors) add(`apiError${e.code}`, vscode.l10n.t('Error in body'), `${e.code} ${e.description}`);
  }
  const httpStatus = o.ok ? o.httpStatus : o.error.httpStatus;
  add('http', vscode.l10n.t('HTTP status'), httpStatus !== undefined ? String(httpStatus) : undefined);
  add('endpoint', vscode.l10n.t('Endpoint'), o.request.endpoint);
  add('auth', vscode.l10n.t('Authentication'), o.request.auth === 'digest' ? vscode.l10n.t('Digest (TSA HMAC-SHA256)') : vscode.l10n.t('Basic'));
  add('profile', vscode.l10n.t('Profile'), shown.profile.demo ? vscode.l10n.t('{0} (demo credentials)', shown.profile.name) : shown.profile.name);
  add('baseUrl', vscode.l10n.t('Base URL'), shown.profile.baseUrl, { mono: true });
  const started = timeView(o.timing.startedAt, locale);
  add('started', vscode.l10n.t('Looked up'), started?.local ?? o.timing.startedAt, { time: started });
  add('duration', vscode.l10n.t('Duration'), formatDuration(o.timing.durationMs));
  add('attempts', vscode.l10n.t('Attempts'), String(o.attempts));
  add('url', vscode.l10n.t('Request'), `${o.request.method} ${o.request.url}`, { mono: true });
  return rows;
}

export interface ModelInput {
  readonly shown: ShownLookup;
  readonly catalog?: CodeExplainer;
  readonly locale: string;
}

/** The status explanation the header shows; also decides finality for auto-refresh. */
export function explainStatus(shown: ShownLookup, catalog: CodeExplainer | undefined): Explained | undefined {
  const o = shown.outcome;
  try {
    return o.ok ? explainCode(catalog, o.status.code, o, 'status.code') : explainCode(catalog, o.error.code, o, o.request.endpoint === 'verify' ? 'errors.code' : 'status.code');
  } catch {
    return undefined;
  }
}

export function buildModel({ shown, catalog, locale }: ModelInput, explained = explainStatus(shown, catalog)): PanelModel {
  const o = shown.outcome;
  const final = explained?.best.final;
  const badge = badgeOf(o, final);
  const verify = o.ok ? verifyLabel(o.verify?.state) : { view: 'absent' as const, label: vscode.l10n.t('No verification data') };
  const channels: ChannelView[] = o.ok
    ? o.channels.map((c) => ({
        channel: c.channel,
        code: c.code === null ? '—' : String(c.code),
        description: c.description,
        time: timeView(c.updatedOn, locale),
        timeRaw: c.updatedOnRaw,
        badge: badgeOfCode(c.code, null),
      }))
    : [];
  const end = windowEndsAt(o);
  return {
    referenceId: o.referenceId,
    code: o.ok ? (o.status.code === null ? '—' : String(o.status.code)) : o.error.code !== undefined ? String(o.error.code) : '—',
    description: o.ok ? o.status.description : (o.error.description ?? o.error.message),
    badge,
    badgeLabel: badgeLabel(badge),
    explanation: o.ok ? explanationView(explained) : undefined,
    verify: {
      ...verify,
      reason: reasonText(unknownReason(o)),
      codeEntered: o.ok ? (o.verify?.codeEntered ?? o.verifyCode ?? undefined) || undefined : o.verifyCode,
    },
    channels,
    details: details(shown, locale),
    windowEndsAt: end !== undefined ? new Date(end).toISOString() : undefined,
    error: errorView(o, explained),
    rawJson: rawJsonOf(o),
    canVerify: canVerify(o),
    locale,
    labels: labels(),
  };
}
