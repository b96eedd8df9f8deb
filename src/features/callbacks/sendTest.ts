// Telesign: Send Test Callback… (the `trigger` half): a realistic callback of the chosen kind for a chosen
// reference ID (recent lookups offered), signed with the profile's key as Telesign signs callbacks, POSTed to
// the target (the running listener, the app, or a URL given), and the app's answer shown and returned.
import * as vscode from 'vscode';
import {
  FAMILY_LABELS,
  forwardCallback,
  isTestCallbackKind,
  newReferenceId,
  signCallback,
  TEST_CALLBACK_KINDS,
  testCallbackBody,
} from '../../core/callbacks';
import type { TestCallbackKind } from '../../core/callbacks';
import { validateReferenceId } from '../../core/telesign/validate';
import type { History } from '../history/store';
import * as settings from '../settings';
import { objectArg } from './args';
import { checkTarget, confirmTarget } from './service';
import type { CallbackService } from './service';
import { keyRing } from './signing';
import type { CredentialStore } from '../credentials/store';

export interface SendTestResult {
  readonly kind: TestCallbackKind;
  readonly referenceId: string;
  readonly url: string;
  readonly profile: string;
  readonly customerId: string;
  readonly body: string;
  readonly status?: number;
  readonly error?: string;
  readonly ms: number;
  readonly answer?: string;
}

async function pickKind(): Promise<TestCallbackKind | undefined> {
  const picked = await vscode.window.showQuickPick(
    TEST_CALLBACK_KINDS.map((k) => ({ label: FAMILY_LABELS[k], description: k, family: k })),
    { placeHolder: vscode.l10n.t('Which callback?') },
  );
  return picked?.family;
}

async function pickReference(history: History): Promise<string | undefined> {
  const fresh = { label: vscode.l10n.t('$(add) New reference ID'), id: newReferenceId() };
  const recent = history
    .entries()
    .slice(0, 20)
    .map((e) => ({ label: e.referenceId, description: `${e.endpoint} · ${e.profile}`, id: e.referenceId }));
  const typed = vscode.l10n.t('$(edit) Type a reference ID…');
  const picked = await vscode.window.showQuickPick([fresh, ...recent, { label: typed, id: '' }], {
    placeHolder: vscode.l10n.t('Reference ID of the callback (recent lookups first)'),
  });
  if (!picked || picked.label !== typed) return picked?.id;
  return (
    await vscode.window.showInputBox({
      prompt: vscode.l10n.t('Reference ID (32 hex characters)'),
      validateInput: (v) => validateReferenceId(v.trim()),
    })
  )?.trim();
}

export async function sendTestCallback(
  service: CallbackService,
  credentials: CredentialStore,
  history: History,
  raw: unknown,
): Promise<SendTestResult | undefined> {
  const args = objectArg(raw);
  if (args.kind !== undefined && !isTestCallbackKind(args.kind)) {
    throw new Error(vscode.l10n.t('Unknown callback kind “{0}”; one of: {1}.', JSON.stringify(args.kind), TEST_CALLBACK_KINDS.join(', ')));
  }
  const kind = args.kind ?? (await pickKind());
  if (!kind) return undefined;
  const referenceId = typeof args.referenceId === 'string' ? args.referenceId.trim() : await pickReference(history);
  if (!referenceId) return undefined;
  const bad = validateReferenceId(referenceId);
  if (bad) throw new Error(bad);
  const url =
    typeof args.url === 'string' && args.url.trim()
      ? args.url.trim()
      : (service.listening?.url ?? (settings.callbackForwardTo() || undefined));
  if (!url) {
    throw new Error(vscode.l10n.t('Nowhere to send it: start the callback listener, set telesign.callbacks.forwardTo, or pass { url }.'));
  }
  const badUrl = checkTarget(url);
  if (badUrl) throw new Error(badUrl);
  if (!(await confirmTarget(url))) return undefined;
  const ring = await keyRing(credentials, typeof args.profile === 'string' ? args.profile : undefined);
  if (!ring.active) {
    throw new Error(
      vscode.l10n.t('The profile “{0}” has no credentials to sign with; run Telesign: Set Credentials… first.', ring.profile ?? '?'),
    );
  }
  const body = JSON.stringify(testCallbackBody(kind, referenceId));
  const headers = signCallback(ring.active, body);
  const rawHeaders = Object.entries(headers).flat();
  const r = await forwardCallback(url, { method: 'POST', path: '/', rawHeaders, body: Buffer.from(body, 'utf8') });
  const ms = Math.round(r.ms * 100) / 100;
  const answer = r.answer?.toString('utf8').slice(0, 1024);
  const text =
    r.status !== undefined
      ? vscode.l10n.t(
          'Sent a signed {0} for {1} to {2}: answered {3} in {4} ms{5}',
          FAMILY_LABELS[kind],
          referenceId,
          url,
          r.status,
          ms,
          answer ? ` — ${answer.slice(0, 120)}` : '',
        )
      : vscode.l10n.t('Sent a signed {0} to {1}: no answer ({2}).', FAMILY_LABELS[kind], url, r.error ?? '?');
  if (r.status !== undefined && r.status < 300) void vscode.window.showInformationMessage(text);
  else void vscode.window.showWarningMessage(text);
  return {
    kind,
    referenceId,
    url,
    profile: ring.active.profile ?? '',
    customerId: ring.active.customerId,
    body,
    status: r.status,
    error: r.error,
    ms,
    answer,
  };
}
