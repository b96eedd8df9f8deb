// What a result panel persists for a window reload, and how it comes back. VS Code writes the webview's
// state to workspace storage, so it holds only what re-running the lookup needs (never the OTP or the
// body); the state lives in the webview, so it is re-validated on the way in.
import { isEndpointId } from '../../core/telesign/endpoints';
import type { EndpointId } from '../../core/telesign/types';
import { validateReferenceId } from '../../core/telesign/validate';
import type { ShownLookup } from '../lookup/contracts';
import type { PanelState } from '../../shared/resultPanelMessages';

/** The lookup a revived panel re-runs: no code, so nothing is re-sent that could spend an OTP attempt. */
export interface PanelKey {
  readonly referenceId: string;
  readonly endpoint: EndpointId;
  readonly profile: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isOptStr = (v: unknown): boolean => v === undefined || typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCode = (v: unknown): boolean => v === null || isNum(v);

function isChannel(v: unknown): boolean {
  return isObj(v) && isStr(v.channel) && isCode(v.code) && isStr(v.description) && isOptStr(v.updatedOn) && isOptStr(v.updatedOnRaw);
}

function isOutcome(o: unknown): boolean {
  if (!isObj(o) || !isStr(o.referenceId) || typeof o.ok !== 'boolean' || !isNum(o.attempts) || !isOptStr(o.verifyCode)) return false;
  const r = o.request;
  if (!isObj(r) || !isStr(r.url) || !isStr(r.endpoint) || !isStr(r.auth) || r.method !== 'GET') return false;
  if (!isObj(o.timing) || !isStr(o.timing.startedAt) || !isNum(o.timing.durationMs)) return false;
  if (o.ok) {
    const s = o.status;
    if (
      !isObj(s) ||
      !isCode(s.code) ||
      !isStr(s.description) ||
      !isOptStr(s.updatedOn) ||
      !isOptStr(s.updatedOnRaw) ||
      !isOptStr(s.lastChannel)
    ) {
      return false;
    }
    if (!isNum(o.httpStatus) || !Array.isArray(o.channels) || !o.channels.every(isChannel)) return false;
    if (!Array.isArray(o.errors) || !o.errors.every((e) => isObj(e) && isNum(e.code) && isStr(e.description))) return false;
    if (
      o.verify !== undefined &&
      !(isObj(o.verify) && isStr(o.verify.state) && (o.verify.codeEntered === null || isStr(o.verify.codeEntered)))
    ) {
      return false;
    }
    for (const k of ['price', 'currency', 'mcc', 'mnc', 'state'] as const) if (!isOptStr(o[k])) return false;
    return o.extra === undefined || isObj(o.extra);
  }
  const e = o.error;
  return (
    isObj(e) && isStr(e.kind) && isStr(e.message) && Array.isArray(e.actions) && e.actions.every(isStr) && typeof e.retryable === 'boolean'
  );
}

export function isShownLookup(v: unknown): v is ShownLookup {
  if (!isObj(v) || !isOutcome(v.outcome)) return false;
  const p = v.profile;
  return isObj(p) && isStr(p.name) && isStr(p.baseUrl) && isStr(p.auth) && typeof p.demo === 'boolean';
}

/** The state a panel saves for `shown`. */
export function panelStateOf(shown: ShownLookup): PanelState {
  return { version: 2, referenceId: shown.outcome.referenceId, endpoint: shown.outcome.request.endpoint, profile: shown.profile.name };
}

/**
 * How to restore a panel from its saved state: re-run the lookup it names (state v2), or, for a state an
 * older version saved (v1, the whole result), paint that once; the first paint replaces it with v2.
 */
export function restoreFrom(state: unknown): { readonly rerun: PanelKey } | { readonly shown: ShownLookup } | undefined {
  if (!isObj(state)) return undefined;
  if (state.version === 2) {
    const { referenceId, endpoint, profile } = state;
    if (!isStr(referenceId) || validateReferenceId(referenceId) !== undefined || !isEndpointId(endpoint)) return undefined;
    if (!isStr(profile) || profile.length > 200) return undefined;
    return { rerun: { referenceId, endpoint, profile } };
  }
  if (state.version === 1 && isShownLookup(state.shown)) return { shown: state.shown };
  return undefined;
}
