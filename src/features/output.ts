// The one place the extension writes diagnostics: a LogOutputChannel named "Telesign". Every line passes
// through the core's redaction with the secrets currently known (API keys the user entered this session),
// so neither a message nor an error stack can carry a key into the Output panel or VS Code's log files.
import * as vscode from 'vscode';
import { redact } from '../core/telesign/redact';

export class Logger implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Telesign', { log: true });
  private readonly secrets = new Set<string>();

  /** Remembers a secret so that no later line can print it. */
  addSecret(secret: string | undefined): void {
    if (secret) this.secrets.add(secret);
  }

  redact(text: string): string {
    return redact(text, [...this.secrets]);
  }

  trace(message: string): void {
    this.channel.trace(this.redact(message));
  }
  debug(message: string): void {
    this.channel.debug(this.redact(message));
  }
  info(message: string): void {
    this.channel.info(this.redact(message));
  }
  warn(message: string): void {
    this.channel.warn(this.redact(message));
  }
  error(message: string, err?: unknown): void {
    const detail = err instanceof Error ? `: ${err.message}` : err === undefined ? '' : `: ${JSON.stringify(err) ?? typeof err}`;
    this.channel.error(this.redact(message + detail));
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
