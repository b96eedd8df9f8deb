// Deep links: vscode://telesign-inspector-oss.telesign-inspector/lookup?ref=<32 hex>&endpoint=<id>, so a
// runbook or a ticket can link to a lookup. A link is not the user asking: it is confirmed before anything
// is sent, and a link carrying anything like a credential or an OTP is refused outright (whoever wrote it
// has leaked it; running it would teach people to paste keys into links).
import * as vscode from 'vscode';
import { ENDPOINTS, isEndpointId } from '../../core/telesign/endpoints';
import { validateReferenceId } from '../../core/telesign/validate';
import { COMMANDS } from '../commandIds';
import * as config from '../settings';
import type { LateBindings } from '../frontDoor/door';

const ALLOWED = new Set(['ref', 'endpoint']);
const SECRET_LOOKING = /key|secret|token|pass|auth|cred|customer|code|otp|sig/i;

export type DeepLinkResult =
  { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly reason: 'refused' | 'declined' | 'unknown-path' };

export async function handleDeepLink(uri: vscode.Uri): Promise<DeepLinkResult> {
  if (uri.path.replace(/\/+$/, '') !== '/lookup') {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Telesign Inspector links support only /lookup?ref=…&endpoint=…; this one asked for “{0}”.', uri.path),
    );
    return { ok: false, reason: 'unknown-path' };
  }
  const params = new URLSearchParams(uri.query);
  const names = [...params.keys()];
  if (names.some((n) => !ALLOWED.has(n)) || uri.fragment !== '') {
    const secret = names.some((n) => !ALLOWED.has(n) && SECRET_LOOKING.test(n));
    void vscode.window.showErrorMessage(
      secret
        ? vscode.l10n.t(
            'This Telesign link carries something like a credential or a code ({0}). Links never accept them, and nothing was sent; treat that value as leaked.',
            names.filter((n) => !ALLOWED.has(n)).join(', '),
          )
        : vscode.l10n.t(
            'This Telesign link has parameters links do not accept ({0}); only ref and endpoint. Nothing was sent.',
            names.filter((n) => !ALLOWED.has(n)).join(', ') || '#',
          ),
    );
    return { ok: false, reason: 'refused' };
  }
  const ref = (params.get('ref') ?? '').trim();
  const problem = validateReferenceId(ref);
  const endpoint = params.get('endpoint') ?? config.defaultEndpoint();
  if (problem || !isEndpointId(endpoint)) {
    void vscode.window.showErrorMessage(
      problem
        ? vscode.l10n.t('This Telesign link has no usable reference ID: {0}', problem)
        : vscode.l10n.t('This Telesign link names an unknown endpoint “{0}”; use one of {1}.', endpoint, Object.keys(ENDPOINTS).join(', ')),
    );
    return { ok: false, reason: 'refused' };
  }
  const profile = config.activeProfile();
  const go = vscode.l10n.t('Look Up');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('A link asks to look up Telesign transaction {0}.', ref),
    {
      modal: true,
      detail: vscode.l10n.t(
        'This sends a status request ({0}) with profile “{1}” to {2}. Telesign may bill it.',
        ENDPOINTS[endpoint].label,
        profile?.name ?? '',
        profile?.baseUrl ?? '',
      ),
    },
    go,
  );
  if (choice !== go) return { ok: false, reason: 'declined' };
  return { ok: true, result: await vscode.commands.executeCommand(COMMANDS.getTransactionStatus, { referenceId: ref, endpoint }) };
}

/** Returns the handler as registered, for the test hooks: a browser-hosted workbench hands vscode:// links to
 *  the browser (window.open) instead of routing them back, so the integration test calls what VS Code calls. */
export function registerUriHandler(context: vscode.ExtensionContext, late: LateBindings): (uri: vscode.Uri) => Promise<DeepLinkResult> {
  context.subscriptions.push(late.uriHandler({ handleUri: (uri) => void handleDeepLink(uri) }));
  return handleDeepLink;
}
