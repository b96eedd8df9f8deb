// Settings are read here and nowhere else. Settings that decide where the API key goes or how it is sent
// (`telesign.profiles`, `telesign.activeProfile`, `telesign.defaultEndpoint`) or that change data shared by
// every window (`telesign.history.maxItems` trims the global history) are application-scoped in the
// manifest, and are read from the user's own value only: a workspace or folder value is ignored even if
// VS Code ever passed it on, so a cloned repository can neither send the key elsewhere nor wipe history.
import * as vscode from 'vscode';
import { isEndpointId } from '../core/telesign/endpoints';
import { SETTING_DEFAULTS } from './settingDefaults';
import type { NumberSetting } from './settingDefaults';
import type { AuthMethod, EndpointId, Target } from '../core/telesign/types';

export interface Profile {
  readonly name: string;
  readonly baseUrl: string;
  readonly verifyBaseUrl?: string;
  readonly auth: AuthMethod;
  /** Uses Telesign's public example credentials; honoured only for a loopback base URL. */
  readonly demo: boolean;
}

const SECTION = 'telesign';

function userOrDefault<T>(key: string): T | undefined {
  const info = vscode.workspace.getConfiguration(SECTION).inspect<T>(key);
  return info?.globalValue ?? info?.defaultValue;
}

function isProfile(v: unknown): v is { name: string; baseUrl: string; verifyBaseUrl?: unknown; auth?: unknown; demo?: unknown } {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.name === 'string' && o.name.trim() !== '' && typeof o.baseUrl === 'string';
}

export function profiles(): Profile[] {
  const raw = userOrDefault<unknown[]>('profiles');
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const out: Profile[] = [];
  for (const p of raw) {
    if (!isProfile(p) || seen.has(p.name)) continue;
    seen.add(p.name);
    out.push({
      name: p.name,
      baseUrl: p.baseUrl.replace(/\/+$/, ''),
      verifyBaseUrl: typeof p.verifyBaseUrl === 'string' ? p.verifyBaseUrl.replace(/\/+$/, '') : undefined,
      auth: p.auth === 'digest' ? 'digest' : 'basic',
      demo: p.demo === true,
    });
  }
  return out;
}

export function activeProfileName(): string | undefined {
  return userOrDefault<string>('activeProfile');
}

/** The active profile, or the first one when the active name matches none. */
export function activeProfile(): Profile | undefined {
  const all = profiles();
  const name = activeProfileName();
  return all.find((p) => p.name === name) ?? all[0];
}

export function profileByName(name: string): Profile | undefined {
  return profiles().find((p) => p.name === name);
}

export async function setActiveProfile(name: string): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update('activeProfile', name, vscode.ConfigurationTarget.Global);
}

export function targetOf(profile: Profile): Target {
  return { baseUrl: profile.baseUrl, verifyBaseUrl: profile.verifyBaseUrl, auth: profile.auth };
}

function get<T>(key: string, fallback: T): T {
  return vscode.workspace.getConfiguration(SECTION).get<T>(key, fallback);
}

export function defaultEndpoint(): EndpointId {
  const v = userOrDefault<string>('defaultEndpoint');
  return isEndpointId(v) ? v : SETTING_DEFAULTS.defaultEndpoint.default;
}

export { isEndpointId };

/** A number setting within its manifest bounds; the default when it is not a finite number. */
function bounded(v: number, { minimum, maximum, default: fallback }: NumberSetting): number {
  return Number.isFinite(v) ? Math.min(maximum, Math.max(minimum, v)) : fallback;
}

const D = SETTING_DEFAULTS;
export const requestTimeoutMs = (): number =>
  bounded(get('request.timeoutSeconds', D['request.timeoutSeconds'].default), D['request.timeoutSeconds']) * 1000;
export const maxRetries = (): number =>
  Math.round(bounded(get('request.maxRetries', D['request.maxRetries'].default), D['request.maxRetries']));
export const historyMaxItems = (): number =>
  Math.round(bounded(userOrDefault<number>('history.maxItems') ?? D['history.maxItems'].default, D['history.maxItems']));
/** Stored lookups kept for the Transactions view; application-scoped for the same reason as history.maxItems. */
export const storedMaxItems = (): number =>
  Math.round(bounded(userOrDefault<number>('transactions.maxStored') ?? D['transactions.maxStored'].default, D['transactions.maxStored']));
export const autoRefreshEnabled = (): boolean => get<boolean>('autoRefresh.enabled', D['autoRefresh.enabled'].default);
export const hoverEnabled = (): boolean => get<boolean>('hover.enabled', D['hover.enabled'].default);
export const logFileGlobs = (): string[] =>
  get<readonly string[]>('logFiles', D.logFiles.default).filter((g) => typeof g === 'string' && g !== '');
// How hard a batch may push the account's rate limit is the user's call, not a repository's: user settings only.
export const batchConcurrency = (): number =>
  Math.round(bounded(userOrDefault<number>('batch.concurrency') ?? D['batch.concurrency'].default, D['batch.concurrency']));
export const batchRequestsPerSecond = (): number =>
  bounded(userOrDefault<number>('batch.requestsPerSecond') ?? D['batch.requestsPerSecond'].default, D['batch.requestsPerSecond']);

/** Fires when any `telesign.*` setting changes. */
export function onDidChange(listener: (e: vscode.ConfigurationChangeEvent) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SECTION)) listener(e);
  });
}

/** The callback listener's settings decide where callbacks (and what they say about end users) go, so they
 *  are application-scoped and read from the user's own value only, like the profiles. */
export const callbackPort = (): number =>
  Math.round(bounded(userOrDefault<number>('callbacks.port') ?? D['callbacks.port'].default, D['callbacks.port']));
export const callbackForwardTo = (): string => {
  const v = userOrDefault<unknown>('callbacks.forwardTo');
  return typeof v === 'string' ? v.trim() : D['callbacks.forwardTo'].default;
};
export const callbacksMaxKept = (): number =>
  Math.round(bounded(userOrDefault<number>('callbacks.maxKept') ?? D['callbacks.maxKept'].default, D['callbacks.maxKept']));
