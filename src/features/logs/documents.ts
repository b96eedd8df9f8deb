// Which documents count as logs for hovers and reference-ID links: the `log` language, the Output panel,
// and every glob in `telesign.logFiles`. Providers are re-registered when that setting changes.
import type * as vscode from 'vscode';
import type { EndpointId } from '../../core/telesign/types';
import * as config from '../settings';

export function logSelector(): vscode.DocumentFilter[] {
  return [{ language: 'log' }, { scheme: 'output' }, ...config.logFileGlobs().map((pattern) => ({ pattern }))];
}

/** Registers a provider for the log selector now and again whenever `telesign.logFiles` changes. */
export function registerForLogs(
  context: vscode.ExtensionContext,
  register: (selector: vscode.DocumentSelector) => vscode.Disposable,
): void {
  let current = register(logSelector());
  context.subscriptions.push(
    config.onDidChange((e) => {
      if (!e.affectsConfiguration('telesign.logFiles')) return;
      current.dispose();
      current = register(logSelector());
    }),
    {
      dispose: () => {
        current.dispose();
      },
    },
  );
}

/** Lookup arguments for a reference ID, with the endpoint when the line names one the lookup knows. */
export function lookupArgs(referenceId: string, endpoint?: string): { referenceId: string; endpoint?: EndpointId } {
  return config.isEndpointId(endpoint) ? { referenceId, endpoint } : { referenceId };
}
