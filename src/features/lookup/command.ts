// Telesign: Get Transaction Status… and Verify OTP Code…, and the wiring of everything around a lookup
// (credentials, profiles, status bar, history). Each command takes an optional LookupArgs object, prompts
// only for what it lacks, and returns the ShownLookup (the public API returns the same).
import * as vscode from 'vscode';
import { buildUserAgent } from '../../core/telesign/request';
import { ENDPOINTS, isEndpointId } from '../../core/telesign/endpoints';
import { invalidInputError } from '../../core/telesign/errors';
import type { EndpointId } from '../../core/telesign/types';
import { validateReferenceId, validateVerifyCode } from '../../core/telesign/validate';
import { COMMANDS } from '../commandIds';
import * as config from '../settings';
import type { Profile } from '../settings';
import type { LookupRecorder, LookupRunner, ResultView, ShownLookup } from './contracts';
import { clearCredentialsCommand, setCredentialsCommand, setCredentialsFor } from '../credentials/commands';
import { CredentialStore } from '../credentials/store';
import { History } from '../history/store';
import type { HistoryEntry } from '../history/store';
import { clearHistoryCommand, showHistoryCommand } from '../history/commands';
import { LookupService } from './service';
import type { RunArgs } from './service';
import { promptOptionalCode, promptReferenceId, promptRequiredCode, referenceIdFromEditor } from './prompts';
import type { Logger } from '../logger';
import { selectProfileCommand } from '../profiles/selectProfile';
import { ProfileStatusBar } from '../profiles/statusBar';

export type LookupMode = 'status' | 'verify';

interface LookupCommandDeps {
  readonly runner: LookupService;
  readonly credentials: CredentialStore;
  readonly history: History;
  readonly view: () => ResultView;
}

/** Only plain argument objects count: menus pass a Uri, which is not a LookupArgs. */
function argsOf(args: unknown): Record<string, unknown> {
  if (typeof args !== 'object' || args === null || args instanceof vscode.Uri) return {};
  return args as Record<string, unknown>;
}

function given(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

/**
 * One lookup command. Returns the ShownLookup, or undefined when the user cancelled a prompt (Escape).
 * Arguments that are present but wrong come back as a failure outcome without prompting or sending.
 */
export async function lookupCommand(deps: LookupCommandDeps, mode: LookupMode, rawArgs: unknown): Promise<ShownLookup | undefined> {
  const a = argsOf(rawArgs);
  const show = a.show !== false;
  const title = mode === 'verify' ? vscode.l10n.t('Telesign: Verify OTP Code') : vscode.l10n.t('Telesign: Get Transaction Status');
  const unprompted = (referenceId: unknown): Promise<ShownLookup> => deps.runner.run({ ...a, referenceId: typeof referenceId === 'string' ? referenceId : '' });

  // Problems prompting cannot fix are answered at once, with no network.
  const profile = given(a.profile) ? config.profileByName(a.profile) : config.activeProfile();
  if (!profile || (a.profile !== undefined && typeof a.profile !== 'string') || (a.endpoint !== undefined && !isEndpointId(a.endpoint))) {
    return finish(deps, await unprompted(a.referenceId), show);
  }

  let endpoint: EndpointId = isEndpointId(a.endpoint) ? a.endpoint : config.defaultEndpoint();
  // Verify OTP Code needs an endpoint that takes a code; the default may be one that does not.
  if (mode === 'verify' && a.endpoint === undefined && !ENDPOINTS[endpoint].acceptsVerifyCode) endpoint = 'omnichannel';

  if (mode === 'verify' && !ENDPOINTS[endpoint].acceptsVerifyCode) {
    const refused = deps.runner.refuse(
      { ...a, referenceId: typeof a.referenceId === 'string' ? a.referenceId : '', endpoint },
      invalidInputError(`The ${ENDPOINTS[endpoint].label} endpoint takes no OTP; verify codes with the omnichannel or verify endpoint.`),
    );
    return finish(deps, refused, show);
  }

  let referenceId = a.referenceId;
  let profileName = profile.name;
  let prompted = false;
  if (referenceId === undefined) {
    const picked = await promptReferenceId(title, deps.history.entries(), referenceIdFromEditor());
    if (!picked) return undefined;
    prompted = true;
    referenceId = picked.referenceId;
    // A recent lookup is re-run as it was: same endpoint and profile (when those still exist).
    if (picked.recent && a.endpoint === undefined && (mode === 'status' || ENDPOINTS[picked.recent.endpoint].acceptsVerifyCode)) endpoint = picked.recent.endpoint;
    if (picked.recent && a.profile === undefined && config.profileByName(picked.recent.profile)) profileName = picked.recent.profile;
  }

  // A code the user must supply is prompted for when absent or empty; a non-string one is the runner's to refuse.
  let verifyCode = a.verifyCode;
  if (mode === 'verify' && (verifyCode === undefined || (typeof verifyCode === 'string' && verifyCode.trim() === ''))) {
    verifyCode = await promptRequiredCode(title);
    if (verifyCode === undefined) return undefined;
  } else if (mode === 'status' && verifyCode === undefined && prompted && ENDPOINTS[endpoint].acceptsVerifyCode) {
    verifyCode = await promptOptionalCode(title, endpoint);
    if (verifyCode === undefined) return undefined;
  }

  const args = { ...a, referenceId, endpoint, profile: profileName, verifyCode: verifyCode === '' ? undefined : verifyCode } as RunArgs;
  // Wrong input is refused before anything else (no credentials offer for a lookup that cannot be sent).
  const badInput =
    typeof referenceId !== 'string' ||
    validateReferenceId(referenceId.trim()) !== undefined ||
    (verifyCode !== undefined && (typeof verifyCode !== 'string' || validateVerifyCode(verifyCode.trim()) !== undefined));
  if (badInput) return finish(deps, await deps.runner.run(args), show);
  const chosen = config.profileByName(profileName) ?? profile;
  if (!(await ensureCredentials(deps.credentials, chosen))) return finish(deps, await deps.runner.run(args), false);

  // A caller that asked for no panel (an API call, a task) gets no notification either.
  if (!show) return finish(deps, await deps.runner.run(args), show);
  const shown = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Telesign: looking up {0} ({1}, {2})…', String(referenceId), ENDPOINTS[endpoint].label, profileName),
      cancellable: true,
    },
    (_progress, token) => deps.runner.run(args, token),
  );
  return finish(deps, shown, show);
}

/** Offers to set missing credentials; true when the lookup can go ahead (or will fail on its own terms). */
async function ensureCredentials(store: CredentialStore, profile: Profile): Promise<boolean> {
  if (await store.resolve(profile)) return true;
  const set = vscode.l10n.t('Set Credentials');
  // Modal: the user just asked for this lookup, and a toast can be missed (or hidden while a prompt is open).
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('No Telesign credentials are set for profile “{0}”.', profile.name),
    { modal: true, detail: vscode.l10n.t('Enter the customer ID and API key for this profile and the lookup continues. They are kept in VS Code’s secret storage.') },
    set,
  );
  if (choice !== set) return false;
  return setCredentialsFor(store, profile);
}

function finish(deps: LookupCommandDeps, shown: ShownLookup, show: boolean): ShownLookup {
  const o = shown.outcome;
  if (!o.ok && o.error.kind === 'invalid-input') {
    void vscode.window.showErrorMessage(o.error.message);
    return shown;
  }
  if (!o.ok && o.error.kind === 'cancelled') return shown;
  if (show) deps.view().show(shown);
  return shown;
}

export interface LookupFeatures {
  readonly runner: LookupRunner;
  readonly credentials: CredentialStore;
  readonly history: History;
}

/**
 * Registers the lookup commands, credentials, profiles, history and the status bar. `createView` receives
 * the runner (the result panel re-runs lookups through it) and returns the view lookups are shown in.
 */
export function registerLookupFeatures(
  context: vscode.ExtensionContext,
  logger: Logger,
  createView: (runner: LookupRunner) => ResultView,
  recorder?: LookupRecorder,
): LookupFeatures {
  const credentials = new CredentialStore(context.secrets, logger);
  const history = new History(context.globalState, config.historyMaxItems);
  const warned = new Set<string>();
  const version = (context.extension.packageJSON as { version?: unknown }).version;
  const runner = new LookupService({
    credentials,
    history,
    logger,
    recorder,
    userAgent: buildUserAgent({ extensionVersion: typeof version === 'string' ? version : '0.0.0', vscodeVersion: vscode.version }),
    warnDemoIgnored: (profile) => {
      if (warned.has(profile.name)) return;
      warned.add(profile.name);
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Profile “{0}” is marked demo, but its base URL is not on this machine; the demo credentials are used only with the local simulator, so stored credentials are used instead.', profile.name),
      );
    },
  });
  const view = createView(runner);
  const deps: LookupCommandDeps = { runner, credentials, history, view: () => view };
  const reopen = (entry: HistoryEntry): Promise<ShownLookup | undefined> =>
    lookupCommand(deps, 'status', { referenceId: entry.referenceId, endpoint: entry.endpoint, ...(config.profileByName(entry.profile) ? { profile: entry.profile } : {}) });

  const statusBar = new ProfileStatusBar();
  context.subscriptions.push(
    credentials,
    history,
    statusBar,
    credentials.onDidChange(() => statusBar.update()),
    vscode.commands.registerCommand(COMMANDS.getTransactionStatus, (args: unknown) => lookupCommand(deps, 'status', args)),
    vscode.commands.registerCommand(COMMANDS.verifyCode, (args: unknown) => lookupCommand(deps, 'verify', args)),
    vscode.commands.registerCommand(COMMANDS.setCredentials, (args: unknown) => setCredentialsCommand(credentials, args)),
    vscode.commands.registerCommand(COMMANDS.clearCredentials, (args: unknown) => clearCredentialsCommand(credentials, args)),
    vscode.commands.registerCommand(COMMANDS.selectProfile, (args: unknown) => selectProfileCommand(credentials, args)),
    vscode.commands.registerCommand(COMMANDS.showHistory, () => showHistoryCommand(history, reopen)),
    vscode.commands.registerCommand(COMMANDS.clearHistory, (args: unknown) => clearHistoryCommand(history, args)),
  );
  return { runner, credentials, history };
}
