// Telesign: Get Transaction Status… and Verify OTP Code…. Each command takes an optional LookupArgs object,
// prompts only for what it lacks, and returns the ShownLookup (the public API returns the same). What is
// wrong with the input is decided once, in core (core/telesign/lookupInput.ts), and run by the service.
import * as vscode from 'vscode';
import { ENDPOINTS } from '../../core/telesign/endpoints';
import { argumentTypeProblem, CODE_ENDPOINTS, requestOf, requestProblem } from '../../core/telesign/lookupInput';
import type { RawLookupArgs } from '../../core/telesign/lookupInput';
import type { EndpointId } from '../../core/telesign/types';
import type { CredentialStore } from '../credentials/store';
import { setCredentialsFor } from '../credentials/commands';
import type { History } from '../history/store';
import * as config from '../settings';
import type { Profile } from '../settings';
import type { LookupMode, ResultView, ShownLookup } from './contracts';
import { promptOptionalCode, promptReferenceId, promptRequiredCode, referenceIdFromEditor } from './prompts';
import type { LookupService, RunArgs } from './service';

export interface LookupDeps {
  readonly service: LookupService;
  readonly credentials: CredentialStore;
  readonly history: History;
  readonly view: () => ResultView;
}

/** Only plain argument objects count: menus pass a Uri, which is not a LookupArgs. */
function argsOf(args: unknown): Record<string, unknown> & RawLookupArgs {
  if (typeof args !== 'object' || args === null || args instanceof vscode.Uri) return {};
  return args as Record<string, unknown>;
}

function given(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

/** The endpoint a command starts from: the argument's, else the setting's; Verify OTP Code needs one that takes a code. */
function startEndpoint(mode: LookupMode, a: RawLookupArgs, profileOk: boolean): EndpointId {
  const endpoint = requestOf(a, config.defaultEndpoint()).endpoint;
  if (mode === 'verify' && profileOk && a.endpoint === undefined && !ENDPOINTS[endpoint].acceptsVerifyCode) return CODE_ENDPOINTS[0];
  return endpoint;
}

/**
 * One lookup command. Returns the ShownLookup, or undefined when the user cancelled a prompt (Escape).
 * Arguments that are present but wrong come back as a failure outcome without prompting or sending.
 */
export async function lookupCommand(deps: LookupDeps, mode: LookupMode, rawArgs: unknown): Promise<ShownLookup | undefined> {
  const a = argsOf(rawArgs);
  const show = a.show !== false;
  const title = mode === 'verify' ? vscode.l10n.t('Telesign: Verify OTP Code') : vscode.l10n.t('Telesign: Get Transaction Status');

  // Problems prompting cannot fix are answered at once, with no network.
  const profile = given(a.profile) ? config.profileByName(a.profile) : config.activeProfile();
  let endpoint = startEndpoint(mode, a, profile !== undefined);
  // (A code of the wrong type is not among them: the reference ID is still asked for, then the service refuses.)
  const unfixable =
    !profile ||
    argumentTypeProblem({ endpoint: a.endpoint, profile: a.profile }) !== undefined ||
    (mode === 'verify' && !ENDPOINTS[endpoint].acceptsVerifyCode);
  if (unfixable) return finish(deps, deps.service.run({ ...a, referenceId: a.referenceId } as RunArgs, undefined, mode), show);

  let referenceId = a.referenceId;
  let profileName = profile.name;
  let prompted = false;
  if (referenceId === undefined) {
    const picked = await promptReferenceId(title, deps.history.entries(), referenceIdFromEditor());
    if (!picked) return undefined;
    prompted = true;
    referenceId = picked.referenceId;
    // A recent lookup is re-run as it was: same endpoint and profile (when those still exist).
    if (picked.recent && a.endpoint === undefined && (mode === 'status' || ENDPOINTS[picked.recent.endpoint].acceptsVerifyCode)) {
      endpoint = picked.recent.endpoint;
    }
    if (picked.recent && a.profile === undefined && config.profileByName(picked.recent.profile)) profileName = picked.recent.profile;
  }

  // A code the user must supply is prompted for when absent or empty.
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
  if (argumentTypeProblem(args) ?? requestProblem(requestOf(args, endpoint))) return finish(deps, deps.service.run(args), show);
  const chosen = config.profileByName(profileName) ?? profile;
  if (!(await ensureCredentials(deps.credentials, chosen))) return finish(deps, deps.service.run(args), false);

  // A caller that asked for no panel (an API call, a task) gets no notification either.
  if (!show) return finish(deps, deps.service.run(args), show);
  const shown = vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Telesign: looking up {0} ({1}, {2})…', String(referenceId), ENDPOINTS[endpoint].label, profileName),
      cancellable: true,
    },
    (_progress, token) => deps.service.run(args, token),
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
    {
      modal: true,
      detail: vscode.l10n.t(
        'Enter the customer ID and API key for this profile and the lookup continues. They are kept in VS Code’s secret storage.',
      ),
    },
    set,
  );
  if (choice !== set) return false;
  return setCredentialsFor(store, profile);
}

async function finish(deps: LookupDeps, running: Thenable<ShownLookup>, show: boolean): Promise<ShownLookup> {
  const shown = await running;
  const o = shown.outcome;
  if (!o.ok && o.error.kind === 'invalid-input') {
    void vscode.window.showErrorMessage(o.error.message);
    return shown;
  }
  if (!o.ok && o.error.kind === 'cancelled') return shown;
  if (show) deps.view().show(shown);
  return shown;
}
