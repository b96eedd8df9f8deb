// Classifying a failure: which ErrorKind a Telesign code or HTTP status means, whether trying again can
// help, and what the user can do about it. The sentences are errors.ts's.
import type { ErrorAction, ErrorKind } from './types';

/** Telesign codes whose meaning is clear whatever the HTTP status. Families do not collide here. */
const CODE_KINDS: ReadonlyMap<number, ErrorKind> = new Map<number, ErrorKind>([
  // Hard caps: a quota, so retrying will not help.
  [-40008, 'quota'],
  [10020, 'quota'],
  [3207, 'quota'],
  // Rate limits.
  [3204, 'rate-limited'],
  [-40007, 'rate-limited'],
  [10019, 'rate-limited'],
  [5204, 'rate-limited'],
  // Outside the 12-hour status window.
  [-10004, 'expired'],
  [10036, 'expired'],
  // Product/feature not enabled for the customer ID.
  [3206, 'not-enabled'],
  [3906, 'not-enabled'],
  [3203, 'not-enabled'],
  [10011, 'not-enabled'],
  [-20002, 'not-enabled'],
  [-20003, 'not-enabled'],
  [-20004, 'not-enabled'],
  // Unknown reference / customer.
  [10017, 'not-found'],
  [-40001, 'not-found'],
  [-40004, 'not-found'],
  // System unavailable.
  [3041, 'unavailable'],
  [3500, 'unavailable'],
  [-90001, 'unavailable'],
  [10000, 'unavailable'],
  // Malformed request.
  [3311, 'bad-request'],
  [11011, 'bad-request'],
  [3110, 'bad-request'],
  [-40006, 'bad-request'],
]);

/** Authentication and account codes (401 family). */
function isAuthCode(code: number): boolean {
  return (
    [3400, 3405, 3411, 3412, -10009, -10033, -20001, -40002].includes(code) ||
    (code <= -30000 && code >= -30015 && code !== -30013) ||
    (code >= 10002 && code <= 10035 && ![10011, 10017, 10019, 10020, 10030, 10032].includes(code))
  );
}

/** The kind for an HTTP error status and the Telesign code in its body (code wins when it is known). */
export function errorKindFor(httpStatus: number, code?: number): ErrorKind {
  if (code !== undefined) {
    const known = CODE_KINDS.get(code);
    // 3041 also means "carrier rejected" in channel statuses; only a 5xx makes it "unavailable".
    if (known !== undefined && !(code === 3041 && httpStatus < 500)) return known;
    if (isAuthCode(code)) return 'auth';
    // -10001 is a catch-all whose meaning follows the HTTP status.
    if (code >= 11000 && code <= 12999) return 'bad-request';
  }
  if (httpStatus === 401 || httpStatus === 403) return 'auth';
  if (httpStatus === 404) return 'not-found';
  if (httpStatus === 429) return 'rate-limited';
  if (httpStatus === 400 || httpStatus === 422) return 'bad-request';
  if (httpStatus >= 500 && httpStatus <= 599) return 'unavailable';
  return 'http';
}

/** Whether trying again (now or later) can change the answer. */
export function isRetryableKind(kind: ErrorKind): boolean {
  return ['rate-limited', 'unavailable', 'network', 'timeout', 'cancelled', 'malformed-response'].includes(kind);
}

const ACTIONS: Readonly<Record<ErrorKind, readonly ErrorAction[]>> = {
  auth: ['set-credentials', 'select-profile', 'open-docs'],
  'not-enabled': ['select-profile', 'open-docs'],
  'not-found': ['retry', 'select-profile', 'open-docs'],
  expired: ['open-docs'],
  'rate-limited': ['wait', 'retry'],
  quota: ['open-docs'],
  unavailable: ['wait', 'retry'],
  'bad-request': ['open-docs'],
  http: ['retry', 'open-docs'],
  network: ['retry', 'select-profile'],
  timeout: ['retry'],
  cancelled: ['retry'],
  'malformed-response': ['retry', 'select-profile'],
  'too-large': ['select-profile'],
  config: ['select-profile'],
  'invalid-input': [],
};

export function actionsFor(kind: ErrorKind): readonly ErrorAction[] {
  return ACTIONS[kind];
}
