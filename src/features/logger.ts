// The one place the extension writes diagnostics: a LogOutputChannel named "Telesign". Every line passes
// through the core's redaction with the secrets currently known (API keys the user entered this session),
// so neither a message nor an error stack can carry a key into the Output panel or VS Code's log files,
// and control characters are written as escapes, so text from a server cannot forge a log line.
import * as vscode from 'vscode';
import { neutralizeControls, redact } from '../core/telesign/redact';

export class Logger implements vscode.Disposable {
  // Created on the first line or Show Log, not at activation: making a log channel is one of the dearest
  // steps of activating (about 2 ms in a profile of an idle window), and a window that never looks anything
  // up never needs it.
  private made: vscode.LogOutputChannel | undefined;
  private disposed = false;
  private readonly secrets = new Set<string>();

  private get channel(): vscode.LogOutputChannel {
    if (this.disposed) throw new Error('the Telesign log is closed');
    return (this.made ??= vscode.window.createOutputChannel('Telesign', { log: true }));
  }

  /** Remembers a secret (and, with the customer ID, the Basic `id:key` pair) so that no later line can print it. */
  addSecret(secret: string | undefined, customerId?: string): void {
    if (!secret) return;
    this.secrets.add(secret);
    if (customerId) this.secrets.add(`${customerId}:${secret}`);
  }

  redact(text: string): string {
    return redact(text, [...this.secrets]);
  }

  trace(message: string): void {
    this.write('trace', message);
  }
  debug(message: string): void {
    this.write('debug', message);
  }
  info(message: string): void {
    this.write('info', message);
  }
  warn(message: string): void {
    this.write('warn', message);
  }
  error(message: string, err?: unknown): void {
    const detail = err instanceof Error ? `: ${err.message}` : err === undefined ? '' : `: ${JSON.stringify(err) ?? typeof err}`;
    this.write('error', message + detail);
  }

  /** A log line must never fail the work it describes (e.g. after the channel was closed). */
  private write(level: 'trace' | 'debug' | 'info' | 'warn' | 'error', message: string): void {
    try {
      this.channel[level](neutralizeControls(this.redact(message)));
    } catch {
      // The channel is gone (disposed, or closed by VS Code); there is nowhere left to write.
    }
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.disposed = true;
    this.made?.dispose();
  }
}
