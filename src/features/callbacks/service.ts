// The listener's life in the window: start (port and forward-to from the command or user settings, never a
// workspace; an app off this machine only after a modal confirmation), stop, and every arrival checked and
// kept in the store. The status bar shows that it listens and how many callbacks came.
import * as vscode from 'vscode';
import { CallbackListener, parseCallback } from '../../core/callbacks';
import type { ForwardResult, ReceivedCallback } from '../../core/callbacks';
import { isLoopbackUrl } from '../../core/telesign/validate';
import { VSCODE_COMMANDS } from '../commandIds';
import type { CredentialStore } from '../credentials/store';
import type { Logger } from '../logger';
import * as settings from '../settings';
import { keyRing, verdictLabel, verifyWith } from './signing';
import type { KeyRing } from './signing';
import { CallbackStore } from './store';
import type { CallbackEntry } from './store';

export interface StartArgs {
  readonly port?: number;
  /** The developer's app; "" for none. Default: telesign.callbacks.forwardTo. */
  readonly forwardTo?: string;
}

export type StartResult =
  | { readonly listening: true; readonly url: string; readonly port: number; readonly forwardTo?: string }
  | { readonly listening: false; readonly error: string };

/** A forward target as typed: http(s) URL, or a message saying what is wrong. */
export function checkTarget(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return vscode.l10n.t('“{0}” is not a URL; give the app’s callback URL, e.g. http://127.0.0.1:3000/telesign/callbacks.', url);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    return vscode.l10n.t('The app’s URL must be http:// or https://, not {0}', u.protocol);
  }
  return undefined;
}

/** true when `url` is on this machine, or the user confirmed sending callbacks to it. */
export async function confirmTarget(url: string): Promise<boolean> {
  if (isLoopbackUrl(url)) return true;
  const go = vscode.l10n.t('Send There');
  const picked = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'Send callbacks to {0}? It is not on this machine, and callbacks carry phone numbers and message text.',
      new URL(url).host,
    ),
    { modal: true },
    go,
  );
  return picked === go;
}

export class CallbackService implements vscode.Disposable {
  readonly store: CallbackStore;
  private listener: CallbackListener | undefined;
  private ring: KeyRing = { others: [] };
  private ringLoad: Promise<KeyRing> | undefined;
  private readonly bar = vscode.window.createStatusBarItem('telesign.callbacks', vscode.StatusBarAlignment.Left, 49);
  private readonly subs: vscode.Disposable[];
  reveal = false;

  constructor(
    private readonly credentials: CredentialStore,
    private readonly logger: Logger,
  ) {
    this.store = new CallbackStore(settings.callbacksMaxKept);
    this.bar.name = vscode.l10n.t('Telesign callback listener');
    this.bar.command = VSCODE_COMMANDS.focusCallbacksView;
    this.subs = [
      credentials.onDidChange(() => void this.keys(true)),
      settings.onDidChange(() => void this.keys(true)),
      this.store.onDidChange(() => this.updateBar()),
    ];
  }

  get listening(): CallbackListener | undefined {
    return this.listener;
  }

  /** The keys signatures are checked with, reloaded after credentials or profiles change. */
  keys(reload = false): Promise<KeyRing> {
    if (reload || !this.ringLoad) {
      this.ringLoad = keyRing(this.credentials).then((r) => (this.ring = r));
    }
    return this.ringLoad;
  }

  async start(args: StartArgs = {}): Promise<StartResult> {
    await this.stop();
    const port = args.port ?? settings.callbackPort();
    const forwardTo = (args.forwardTo ?? settings.callbackForwardTo()).trim() || undefined;
    if (forwardTo) {
      const bad = checkTarget(forwardTo);
      if (bad) return { listening: false, error: bad };
      if (!(await confirmTarget(forwardTo))) {
        return { listening: false, error: vscode.l10n.t('Not started: forwarding off this machine was not confirmed.') };
      }
    }
    await this.keys(true);
    const listener = new CallbackListener({
      port,
      forwardTo,
      onCallback: (cb) => this.receive(cb, forwardTo !== undefined),
      onForwarded: (cb, r) => this.forwarded(cb, r),
      onRefused: (reason, detail) => this.logger.warn(`callback listener refused a request (${reason}): ${detail}`),
    });
    try {
      await listener.start();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const error =
        code === 'EADDRINUSE'
          ? vscode.l10n.t(
              'Port {0} on 127.0.0.1 is in use (another listener or app). Stop it, or choose another port in the setting telesign.callbacks.port.',
              port,
            )
          : vscode.l10n.t('The callback listener could not start on 127.0.0.1:{0}: {1}', port, e instanceof Error ? e.message : String(e));
      return { listening: false, error };
    }
    this.listener = listener;
    this.logger.info(`callback listener on ${listener.url}${forwardTo ? `, forwarding to ${forwardTo}` : ''}`);
    this.updateBar();
    return { listening: true, url: listener.url, port: listener.port, forwardTo };
  }

  async stop(): Promise<boolean> {
    const l = this.listener;
    if (!l) return false;
    this.listener = undefined;
    await l.stop();
    this.logger.info('callback listener stopped');
    this.updateBar();
    return true;
  }

  private readonly pending = new Map<number, CallbackEntry>();

  /** Keeps a callback as received, with its family, codes and signature verdict. */
  receive(
    cb: Pick<ReceivedCallback, 'method' | 'path' | 'rawHeaders' | 'headers' | 'body'> & { seq?: number },
    forwarding = false,
    source: CallbackEntry['source'] = 'listener',
  ): CallbackEntry {
    const parsed = parseCallback(cb.body, cb.headers);
    const verdict = verifyWith(this.ring, { rawBody: cb.body, headers: cb.headers });
    const entry = this.store.add({
      receivedAt: new Date().toISOString(),
      source,
      method: cb.method,
      path: cb.path,
      rawHeaders: cb.rawHeaders,
      headers: cb.headers,
      body: cb.body,
      parsed,
      verdict,
      forward: forwarding ? 'pending' : undefined,
    });
    if (cb.seq !== undefined && forwarding) this.pending.set(cb.seq, entry);
    const what = parsed.ok
      ? `${parsed.callback.label} ${parsed.callback.referenceId ?? '(no reference ID)'} status ${parsed.callback.status.code ?? '-'}`
      : parsed.error;
    this.logger.info(`callback #${entry.id}: ${what}; ${verdictLabel(verdict)}`);
    return entry;
  }

  private forwarded(cb: ReceivedCallback, r: ForwardResult): void {
    const entry = this.pending.get(cb.seq);
    this.pending.delete(cb.seq);
    if (!entry) return;
    entry.forward = r;
    this.logger.info(`callback #${entry.id} forwarded to ${r.url}: ${r.status ?? r.error} in ${r.ms.toFixed(1)} ms`);
    this.store.touch();
  }

  private updateBar(): void {
    const l = this.listener;
    if (!l) return this.bar.hide();
    this.bar.text = vscode.l10n.t('$(radio-tower) Callbacks: {0}', this.store.total);
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendText(vscode.l10n.t('Listening on {0}', l.url) + '\n\n');
    tip.appendText(
      (l.forwardTo ? vscode.l10n.t('Forwarding to {0}', l.forwardTo) : vscode.l10n.t('Not forwarding (answers 200)')) + '\n\n',
    );
    tip.appendText(vscode.l10n.t('Click to show the Callbacks view.'));
    this.bar.tooltip = tip;
    this.bar.show();
  }

  dispose(): void {
    void this.stop();
    for (const s of this.subs) s.dispose();
    this.bar.dispose();
    this.store.dispose();
  }
}
