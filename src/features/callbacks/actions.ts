// Replay to app and Copy as cURL for a kept callback. Replay sends the exact bytes and headers again (a
// second delivery, as Telesign's retries would); the cURL re-signs from TELESIGN_API_KEY, never holding the key.
import * as vscode from 'vscode';
import { forwardCallback, renderCallbackCurl } from '../../core/callbacks';
import * as settings from '../settings';
import { checkTarget, confirmTarget } from './service';
import type { CallbackService } from './service';
import type { CallbackEntry } from './store';

/** Where a replay or cURL goes: the argument, the running listener's app, the setting, or asked. */
async function targetFor(service: CallbackService, given: unknown): Promise<string | undefined> {
  const preset =
    typeof given === 'string' && given.trim()
      ? given.trim()
      : (service.listening?.forwardTo ?? (settings.callbackForwardTo() || undefined));
  const url =
    preset ??
    (
      await vscode.window.showInputBox({
        prompt: vscode.l10n.t('Your app’s callback URL'),
        placeHolder: 'http://127.0.0.1:3000/telesign/callbacks',
        validateInput: (v) => checkTarget(v.trim()),
        ignoreFocusOut: true,
      })
    )?.trim();
  if (!url) return undefined;
  const bad = checkTarget(url);
  if (bad) {
    void vscode.window.showErrorMessage(bad);
    return undefined;
  }
  return (await confirmTarget(url)) ? url : undefined;
}

export interface ReplayResult {
  readonly url: string;
  readonly status?: number;
  readonly error?: string;
  readonly ms: number;
  readonly answer?: string;
}

export async function replay(service: CallbackService, entry: CallbackEntry, url: unknown): Promise<ReplayResult | undefined> {
  const target = await targetFor(service, url);
  if (!target) return undefined;
  const r = await forwardCallback(target, entry);
  const result = {
    url: r.url,
    status: r.status,
    error: r.error,
    ms: Math.round(r.ms * 100) / 100,
    answer: r.answer?.toString('utf8').slice(0, 1024),
  };
  const text =
    r.status !== undefined
      ? vscode.l10n.t('Replayed callback #{0}: the app answered {1} in {2} ms.', entry.id, r.status, result.ms)
      : vscode.l10n.t('Replayed callback #{0}: the app gave no answer ({1}).', entry.id, r.error ?? '?');
  if (r.status !== undefined && r.status < 300) void vscode.window.showInformationMessage(text);
  else void vscode.window.showWarningMessage(text);
  return result;
}

export async function copyAsCurl(service: CallbackService, entry: CallbackEntry, url: unknown): Promise<string> {
  const ring = await service.keys();
  const customerId =
    (entry.verdict.kind !== 'unsigned' ? entry.verdict.customerId : undefined) ?? ring.active?.customerId ?? 'YOUR_CUSTOMER_ID';
  const target =
    typeof url === 'string' && url.trim()
      ? url.trim()
      : (service.listening?.forwardTo ??
        (settings.callbackForwardTo() || service.listening?.url || 'http://127.0.0.1:3000/telesign/callbacks'));
  const title = entry.parsed.ok ? `${entry.parsed.callback.label} ${entry.parsed.callback.referenceId ?? ''}`.trim() : 'Telesign callback';
  const text = renderCallbackCurl({ url: target, method: entry.method, body: entry.body, customerId, title });
  await vscode.env.clipboard.writeText(text);
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Copied a bash cURL command that re-sends callback #{0}, signed from $TELESIGN_API_KEY.', entry.id),
  );
  return text;
}
