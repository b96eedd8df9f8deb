// The lookup feature's wiring: the service every lookup runs through, the two lookup commands, and the
// actions the result panel's buttons call (no round trip through the command registry).
import * as vscode from 'vscode';
import { buildUserAgent } from '../../core/telesign/request';
import { COMMANDS } from '../commandIds';
import type { CredentialStore } from '../credentials/store';
import { setCredentialsCommand } from '../credentials/commands';
import type { History } from '../history/store';
import type { Logger } from '../logger';
import { pickProfile } from '../profiles/selectProfile';
import type { LookupDeps } from './command';
import { lookupCommand } from './command';
import type { LookupRecorder, PanelActions } from './contracts';
import { LookupService } from './service';

/** The one lookup service: resolves the profile and credentials, calls core, logs, records history. */
export function createLookupService(
  context: vscode.ExtensionContext,
  deps: { readonly credentials: CredentialStore; readonly history: History; readonly logger: Logger; readonly recorder?: LookupRecorder },
): LookupService {
  const warned = new Set<string>();
  const version = (context.extension.packageJSON as { version?: unknown }).version;
  return new LookupService({
    ...deps,
    userAgent: buildUserAgent({ extensionVersion: typeof version === 'string' ? version : '0.0.0', vscodeVersion: vscode.version }),
    warnDemoIgnored: (profile) => {
      if (warned.has(profile.name)) return;
      warned.add(profile.name);
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'Profile “{0}” is marked demo, but its base URL is not on this machine; the demo credentials are used only with the local simulator, so stored credentials are used instead.',
          profile.name,
        ),
      );
    },
  });
}

/** Telesign: Get Transaction Status… and Verify OTP Code…. */
export function registerLookup(context: vscode.ExtensionContext, deps: LookupDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.getTransactionStatus, (args: unknown) => lookupCommand(deps, 'status', args)),
    vscode.commands.registerCommand(COMMANDS.verifyCode, (args: unknown) => lookupCommand(deps, 'verify', args)),
  );
}

/** What the result panel's Verify, Set Credentials and Select Profile buttons do. */
export function panelActions(deps: LookupDeps): PanelActions {
  return {
    verify: (args) => lookupCommand(deps, 'verify', args),
    setCredentials: (profile) => setCredentialsCommand(deps.credentials, { profile }),
    selectProfile: () => pickProfile(deps.credentials),
  };
}
