// Telesign: Set Credentials… / Clear Credentials. Prompts for what the argument object does not give,
// validates it inline, and hands the result to the CredentialStore (the only place secrets are kept).
import * as vscode from 'vscode';
import { noProfileMessage } from '../../core/telesign/lookupInput';
import { COMMANDS } from '../commandIds';
import * as config from '../settings';
import type { Profile } from '../settings';
import type { CredentialStore } from './store';
import { demoHonoured, validateApiKey, validateCustomerId } from '../../core/telesign/credentials';

/** Argument of `telesign.setCredentials` (tests, automation). */
export interface SetCredentialsArgs {
  readonly profile?: string;
  readonly customerId?: string;
  readonly apiKey?: string;
}

/** Argument of `telesign.clearCredentials`. */
export interface ClearCredentialsArgs {
  readonly profile?: string;
  /** Ask before deleting (default true). */
  readonly confirm?: boolean;
}

function asObject(args: unknown): Record<string, unknown> {
  return typeof args === 'object' && args !== null ? (args as Record<string, unknown>) : {};
}

function optionalString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The profile an argument names, or the active one; shows an error and returns undefined when none. */
export function profileForArgs(name: string | undefined): Profile | undefined {
  const profile = name !== undefined ? config.profileByName(name) : config.activeProfile();
  if (!profile) {
    void vscode.window.showErrorMessage(noProfileMessage(name));
  }
  return profile;
}

/**
 * A given value (trimmed) when it passes `validate`, else undefined after saying why; with none given, an
 * input box that validates inline. Undefined also when the user pressed Escape.
 */
async function takeOrAsk(
  given: string | undefined,
  validate: (s: string) => string | undefined,
  box: vscode.InputBoxOptions,
): Promise<string | undefined> {
  if (given !== undefined) {
    const value = given.trim();
    const problem = validate(value);
    if (!problem) return value;
    void vscode.window.showErrorMessage(problem);
    return undefined;
  }
  return (await vscode.window.showInputBox({ ...box, ignoreFocusOut: true, validateInput: validate }))?.trim();
}

/**
 * Asks for (or takes from `given`) a profile's customer ID and API key and saves them.
 * Returns true when credentials are now available for the profile.
 */
export async function setCredentialsFor(store: CredentialStore, profile: Profile, given: SetCredentialsArgs = {}): Promise<boolean> {
  const current = given.customerId === undefined ? await store.get(profile.name) : undefined;
  const customerId = await takeOrAsk(given.customerId, validateCustomerId, {
    title: vscode.l10n.t('Telesign credentials for “{0}” (1/2)', profile.name),
    prompt: vscode.l10n.t('Customer ID, as shown in the Telesign portal'),
    placeHolder: 'XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX',
    value: current?.credentials.customerId,
  });
  if (customerId === undefined) return false;
  const apiKey = await takeOrAsk(given.apiKey, validateApiKey, {
    title: vscode.l10n.t('Telesign credentials for “{0}” (2/2)', profile.name),
    prompt: vscode.l10n.t('API key (kept in VS Code’s secret storage, never in settings)'),
    password: true,
  });
  if (apiKey === undefined) return false;

  const result = await store.save(profile.name, { customerId, apiKey });
  if (result === 'not-saved') return false;
  const where =
    result === 'stored'
      ? vscode.l10n.t('Credentials saved for profile “{0}”.', profile.name)
      : vscode.l10n.t('Credentials kept for this session only for profile “{0}”.', profile.name);
  const note = demoHonoured(profile) ? ' ' + vscode.l10n.t('This profile uses the demo credentials while its demo flag is on.') : '';
  void vscode.window.showInformationMessage(where + note);
  return true;
}

export async function setCredentialsCommand(store: CredentialStore, args: unknown): Promise<boolean> {
  const a = asObject(args);
  const profile = profileForArgs(optionalString(a.profile));
  if (!profile) return false;
  return setCredentialsFor(store, profile, { customerId: optionalString(a.customerId), apiKey: optionalString(a.apiKey) });
}

export async function clearCredentialsCommand(store: CredentialStore, args: unknown): Promise<boolean> {
  const a = asObject(args);
  const profile = profileForArgs(optionalString(a.profile));
  if (!profile) return false;
  if (a.confirm !== false) {
    const clear = vscode.l10n.t('Clear');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Delete the stored Telesign credentials of profile “{0}”?', profile.name),
      { modal: true, detail: vscode.l10n.t('You will need the API key again to look up transactions with this profile.') },
      clear,
    );
    if (choice !== clear) return false;
  }
  const ok = await store.clear(profile.name);
  if (ok) void vscode.window.showInformationMessage(vscode.l10n.t('Credentials cleared for profile “{0}”.', profile.name));
  else {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('VS Code’s secret storage could not delete the credentials of profile “{0}”; see the Telesign log.', profile.name),
    );
  }
  return ok;
}

/** Telesign: Set Credentials… and Clear Credentials. */
export function registerCredentials(context: vscode.ExtensionContext, store: CredentialStore): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.setCredentials, (args: unknown) => setCredentialsCommand(store, args)),
    vscode.commands.registerCommand(COMMANDS.clearCredentials, (args: unknown) => clearCredentialsCommand(store, args)),
  );
}
