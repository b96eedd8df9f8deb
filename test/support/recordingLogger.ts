// Shared by the reliability and security integration tests. Panels and runners built by a test log here,
// not through a second "Telesign" Logger: disposing one closes the extension's own channel of that name.
import type * as vscode from 'vscode';
import { redact } from '../../src/core/telesign/redact';
import type { Logger } from '../../src/features/logger';

/** What the runner and store log, redacted like the real Logger (a second "Telesign" channel would replace the extension's). */
export function recordingLogger(): { logger: Logger; lines: string[] } {
  const secrets: string[] = [];
  const lines: string[] = [];
  const write = (level: string) => (m: string, e?: unknown) =>
    void lines.push(redact(`${level} ${m}${e instanceof Error ? `: ${e.message}` : ''}`, secrets));
  const logger = {
    addSecret: (s: string | undefined) => void (s && secrets.push(s)),
    redact: (t: string) => redact(t, secrets),
    trace: write('trace'),
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    show: () => undefined,
    dispose: () => undefined,
  };
  return { logger: logger as unknown as Logger, lines };
}

/** An in-memory Memento for a History that is not the extension's. */
export function memento(): vscode.Memento {
  const m = new Map<string, unknown>();
  return {
    keys: () => [...m.keys()],
    get: <T>(k: string, d?: T) => (m.has(k) ? (m.get(k) as T) : d),
    update: (k: string, v: unknown) => Promise.resolve(void m.set(k, v)),
  };
}
