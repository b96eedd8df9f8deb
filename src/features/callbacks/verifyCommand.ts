// Telesign: Verify Callback Signature…: header + raw body in (argument, selection, clipboard or a kept
// callback), verdict and reason out, checked with the active profile's key and explained with the others'.
import * as vscode from 'vscode';
import type { SignatureVerdict } from '../../core/callbacks';
import type { CredentialStore } from '../credentials/store';
import { entryFrom, objectArg } from './args';
import type { CallbackService } from './service';
import { keyRing, verifyWith } from './signing';

export interface PastedCallback {
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * `Name: value` header lines, a blank line, then the body exactly (an HTTP message as copied from a log or
 * a proxy); text that does not start with a header is all body. A leading request line is skipped.
 */
export function splitPasted(text: string): PastedCallback {
  const normal = text.replace(/^\uFEFF/, '');
  const m = /\r?\n\r?\n/.exec(normal);
  const head = m ? normal.slice(0, m.index) : '';
  const lines = head.split(/\r?\n/).filter((l, i) => !(i === 0 && /^[A-Z]+ \S+ HTTP\/\d/.test(l)));
  if (!m || lines.length === 0 || !lines.every((l) => /^[A-Za-z0-9-]+:\s?/.test(l))) return { headers: {}, body: normal };
  const headers: Record<string, string> = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    headers[l.slice(0, i).trim()] = l.slice(i + 1).trim();
  }
  return { headers, body: normal.slice(m.index + m[0].length) };
}

async function fromUser(
  service: CallbackService,
): Promise<{ headers: Record<string, string | string[] | undefined>; body: string | Buffer } | undefined> {
  const editor = vscode.window.activeTextEditor;
  const selection = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
  const items = [
    ...(selection ? [{ label: vscode.l10n.t('$(selection) The selection'), from: 'selection' }] : []),
    { label: vscode.l10n.t('$(clippy) The clipboard'), from: 'clipboard' },
    ...(service.store.size ? [{ label: vscode.l10n.t('$(radio-tower) A received callback'), from: 'kept' }] : []),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder: vscode.l10n.t('Headers (Authorization: TSA …), a blank line, then the raw body'),
  });
  if (!picked) return undefined;
  if (picked.from === 'kept') {
    const e = await entryFrom(service, undefined);
    return e && { headers: e.headers, body: e.body };
  }
  const pasted = splitPasted(picked.from === 'selection' ? selection : await vscode.env.clipboard.readText());
  if (Object.keys(pasted.headers).length > 0) return pasted;
  const header = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('The Authorization (or X-TS-Authorization) header value, e.g. TSA customer_id:signature'),
    ignoreFocusOut: true,
  });
  return header === undefined ? undefined : { headers: { Authorization: header }, body: pasted.body };
}

export async function verifyCallbackCommand(
  service: CallbackService,
  credentials: CredentialStore,
  raw: unknown,
): Promise<SignatureVerdict | undefined> {
  const args = objectArg(raw);
  let input: { headers: Record<string, string | string[] | undefined>; body: string | Buffer } | undefined;
  let signature: string | undefined;
  if (typeof args.id === 'number') {
    const e = await entryFrom(service, args);
    input = e && { headers: e.headers, body: e.body };
  } else if (typeof args.body === 'string') {
    const headers = { ...(typeof args.headers === 'object' && args.headers !== null ? (args.headers as Record<string, string>) : {}) };
    if (typeof args.authorization === 'string') headers.Authorization = args.authorization;
    if (typeof args.signature === 'string') signature = args.signature;
    input = { headers, body: args.body };
  } else if (Object.keys(args).length === 0) {
    input = await fromUser(service);
  } else {
    throw new Error(
      vscode.l10n.t(
        'Give { body, authorization } or { body, headers } (the raw body as a string), { body, signature }, or { id } of a received callback.',
      ),
    );
  }
  if (!input) return undefined;
  const ring = await keyRing(credentials, typeof args.profile === 'string' ? args.profile : undefined);
  const verdict = verifyWith(ring, { rawBody: input.body, headers: input.headers, signature });
  if (args.show !== false) {
    if (verdict.kind === 'valid') void vscode.window.showInformationMessage(verdict.message);
    else void vscode.window.showWarningMessage(verdict.message);
  }
  return verdict;
}
