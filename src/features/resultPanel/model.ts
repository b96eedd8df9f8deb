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

const t = (message: string, ...args: (string | number | boolean)[]): string => vscode.l10n.t(message, ...args);
const MAX_RAW_JSON = 256 * 1024;

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

function labels(): PanelLabels {
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
  const finality = e.best.final === true ? t('Final status: it will not change.') : e.best.final === false ? t('Intermediate status: it may still change.') : t('Telesign does not say whether this status is final.');
  return { text: e.best.explanation, action: e.best.action || undefined, finality, family: e.best.familyLabel ?? e.best.family, otherMeanings: Math.max(0, e.others) };
}

function verifyLabel(state: VerifyState | undefined): { view: VerifyView; label: string } {
  switch (state) {
    case 'VALID':
      return { view: 'valid', label: t('Valid: the code matches.') };
    case 'INVALID':
      return { view: 'invalid', label: t('Invalid: the code does not match.') };
    case 'EXPIRED':
      return { view: 'expired', label: t('Expired: the code was tried after its validity period.') };
    case 'MAX_ATTEMPTS_EXCEEDED':
      return { view: 'max-attempts', label: t('Maximum attempts exceeded: no more codes are accepted.') };
    case 'UNKNOWN':
      return { view: 'unknown', label: t('Unknown') };
    default:
      return { view: 'absent', label: t('No verification data') };
  }
}

function reasonText(reason: UnknownReason | undefined): string | undefined {
  switch (reason) {
    case 'not-auto-generated':
      return t('Telesign returns a verification state only when it generated the OTP itself (auto-generated OTP). This transaction has none, so check the code in your own system.');
    case 'no-code-sent':
      return t('No code was sent with this lookup, so there was nothing to check. Use “Verify a Code…” to send the code the user entered.');
    case 'code-not-in-request':
      return t('A code was given, but the request URL carries no verify_code parameter, so it never reached Telesign. Some SDK versions drop it; make sure verify_code is in the query string.');
    case 'code-not-recorded':
      return t('The code was sent, but Telesign recorded no entered code: it did not reach the verification step, or the OTP was not auto-generated by Telesign.');
    case 'other':
      return t('Telesign recorded the code but reports no match result; this happens when the OTP was not auto-generated by Telesign.');
    default:
      return undefined;
  }
}

const kindLabels = (): Record<ErrorKind, string> => ({
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

function actionLabel(a: PanelErrorAction): string {
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

function errorView(outcome: LookupOutcome, e: Explained | undefined): ErrorView | undefined {
  if (outcome.ok) return undefined;
  const err = outcome.error;
  const actions = err.actions.filter((a: ErrorAction): a is PanelErrorAction => a !== 'wait').map((action) => ({ action, label: actionLabel(action) }));
  return {
    kind: kindLabels()[err.kind] ?? t('Error'),
    message: err.message,
    code: err.code !== undefined ? String(err.code) : undefined,
    description: err.description,
    explanation: explanationView(e),
    actions,
    hint: err.actions.includes('wait') ? t('Telesign asks you to slow down: wait a little before trying again.') : undefined,
    signatureString: err.signatureString,
    bodyPreview: err.bodyPreview,
  };
}

function formatDuration(ms: number): string {
  return ms < 1000 ? t('{0} ms', Math.round(ms)) : t('{0} s', (ms / 1000).toFixed(2));
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
  add('reference', t('Reference ID'), o.referenceId, { mono: true });
  if (o.ok) {
    add('price', t('Price'), o.price !== undefined ? `${o.price}${o.currency ? ' ' + o.currency : ''}` : undefined);
    add('mccmnc', t('MCC / MNC'), o.mcc || o.mnc ? `${o.mcc ?? '—'} / ${o.mnc ?? '—'}` : undefined);
    const updated = timeView(o.status.updatedOn, locale);
    add('updated', t('Status updated'), updated?.local ?? o.status.updatedOnRaw, { time: updated });
    add('lastChannel', t('Last channel'), o.status.lastChannel);
    add('state', t('Verification process state'), o.state);
    add('subResource', t('Sub-resource'), o.subResource ?? undefined);
    add('externalId', t('External ID'), o.externalId ?? undefined, { mono: true });
    for (const e of o.errors) add(`apiError${e.code}`, t('Error in body'), `${e.code} ${e.description}`);
  }
  const httpStatus = o.ok ? o.httpStatus : o.error.httpStatus;
  add('http', t('HTTP status'), httpStatus !== undefined ? String(httpStatus) : undefined);
  add('endpoint', t('Endpoint'), o.request.endpoint);
  add('auth', t('Authentication'), o.request.auth === 'digest' ? t('Digest (TSA HMAC-SHA256)') : t('Basic'));
  add('profile', t('Profile'), shown.profile.demo ? t('{0} (demo credentials)', shown.profile.name) : shown.profile.name);
  add('baseUrl', t('Base URL'), shown.profile.baseUrl, { mono: true });
  const started = timeView(o.timing.startedAt, locale);
  add('started', t('Looked up'), started?.local ?? o.timing.startedAt, { time: started });
  add('duration', t('Duration'), formatDuration(o.timing.durationMs));
  add('attempts', t('Attempts'), String(o.attempts));
  add('url', t('Request'), `${o.request.method} ${o.request.url}`, { mono: true });
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
  const verify = o.ok ? verifyLabel(o.verify?.state) : { view: 'absent' as const, label: t('No verification data') };
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
