// The error taxonomy: every failure, from Telesign or from the road there, becomes one LookupError
// with a kind, whether trying again can help, what the user can do, and one sentence to act on.
import type { ErrorKind, LookupError } from './types';
import { actionsFor, errorKindFor, isRetryableKind } from './errorKinds';
import { ENDPOINTS } from './endpoints';
import type { EndpointId } from './types';

export { actionsFor, errorKindFor, isRetryableKind } from './errorKinds';

const INVALID_KEY = new Set([3411, -30015, 10022]);
const INVALID_CUSTOMER = new Set([-30000, 10015, 10013, -20001]);
const CLOCK_SKEW = new Set([-30010, 10004]);
const BAD_SIGNATURE = new Set([-30006, 10008]);
const HOST_NOT_ALLOWED = new Set([10031, 10035]);

/** `3204` or `3204: Rate limit exceeded`, for messages. */
function codeLabel(code: number | undefined, description: string | undefined): string {
  if (code === undefined) return '';
  const text = description?.trim().replace(/\.$/, '');
  return text ? `${code}: ${text}` : String(code);
}

function retriedSuffix(retries: number): string {
  if (retries <= 0) return '';
  return `; retried ${retries} ${retries === 1 ? 'time' : 'times'}`;
}

export interface HttpErrorInput {
  readonly httpStatus: number;
  readonly endpoint: EndpointId;
  readonly code?: number;
  readonly description?: string;
  /** Automatic retries already made (attempts - 1). */
  readonly retries?: number;
  /** Seconds Telesign asked us to wait, when it exceeded what we are willing to wait. */
  readonly retryAfterSeconds?: number;
  readonly signatureString?: string;
  readonly raw?: unknown;
}

/** One sentence for a Telesign error answer. */
function httpMessage(kind: ErrorKind, input: HttpErrorInput): string {
  const { code, description, httpStatus } = input;
  const label = codeLabel(code, description);
  const withCode = label ? ` (${label})` : ` (HTTP ${httpStatus})`;
  const retried = retriedSuffix(input.retries ?? 0);
  const product = ENDPOINTS[input.endpoint].label;
  switch (kind) {
    case 'auth':
      if (code !== undefined && INVALID_KEY.has(code)) return 'Invalid API key — run “Telesign: Set Credentials”.';
      if (code !== undefined && INVALID_CUSTOMER.has(code)) return `Customer ID not accepted${withCode} — run “Telesign: Set Credentials”.`;
      if (code !== undefined && CLOCK_SKEW.has(code)) {
        return `Telesign rejected the request time${withCode}: check this computer's clock, or use Basic auth.`;
      }
      if (code !== undefined && BAD_SIGNATURE.has(code)) {
        return `Signature rejected${withCode}: check the API key, or switch the profile to Basic auth.`;
      }
      if (code !== undefined && HOST_NOT_ALLOWED.has(code)) {
        return `This customer ID may not use this API host${withCode}: choose another profile.`;
      }
      return `Not authorized${withCode} — check the credentials (“Telesign: Set Credentials”) and the profile.`;
    case 'not-enabled':
      return `${product} is not enabled for this customer ID${withCode}: ask Telesign support, or query another endpoint.`;
    case 'not-found':
      return `Reference ID not found${withCode}: check the ID, the endpoint (${product}) and the profile; new transactions can take a few minutes to appear.`;
    case 'expired':
      return 'Reference ID expired: Telesign keeps statuses for 12 hours.';
    case 'rate-limited': {
      const wait =
        input.retryAfterSeconds !== undefined ? ` Telesign asked to wait ${input.retryAfterSeconds} s.` : ' Wait a moment and try again.';
      return `Rate limited by Telesign (${label || `HTTP ${httpStatus}`})${retried}.${wait}`;
    }
    case 'quota':
      return `Transaction hard cap reached${withCode}: not retried; ask Telesign to raise the cap.`;
    case 'unavailable':
      return `Telesign is unavailable (HTTP ${httpStatus}${label ? `, ${label}` : ''})${retried}. Try again later.`;
    case 'bad-request':
      return `Telesign rejected the request${withCode}.`;
    default:
      return `Unexpected answer from Telesign: HTTP ${httpStatus}${label ? ` (${label})` : ''}${retried}.`;
  }
}

/** A LookupError for an HTTP answer that is not a success. */
export function httpError(input: HttpErrorInput): LookupError {
  const kind = errorKindFor(input.httpStatus, input.code);
  return {
    kind,
    message: httpMessage(kind, input),
    ...(input.code !== undefined ? { code: input.code } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    httpStatus: input.httpStatus,
    retryable: isRetryableKind(kind),
    actions: actionsFor(kind),
    ...(input.signatureString !== undefined ? { signatureString: input.signatureString } : {}),
    ...(input.retryAfterSeconds !== undefined ? { retryAfterSeconds: input.retryAfterSeconds } : {}),
    ...(input.raw !== undefined ? { raw: input.raw } : {}),
  };
}

function simpleError(kind: ErrorKind, message: string, extra: Partial<LookupError> = {}): LookupError {
  return { kind, message, retryable: isRetryableKind(kind), actions: actionsFor(kind), ...extra };
}

/** Node/undici error codes, in words. */
const NETWORK_REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed while sending',
  ENOTFOUND: 'host not found (DNS)',
  EAI_AGAIN: 'DNS lookup failed; check the network',
  ETIMEDOUT: 'connection timed out',
  ENETUNREACH: 'network unreachable',
  EHOSTUNREACH: 'host unreachable',
  ECONNABORTED: 'connection aborted',
  ERR_STREAM_PREMATURE_CLOSE: 'connection closed before the answer was complete',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted (a proxy may be intercepting)',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS certificate not trusted (a proxy may be intercepting)',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate is self-signed',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host',
};

/** Words for a network failure code or message; `socket hang up` has no code of its own. */
export function networkReason(code: string | undefined, message: string): string {
  if (code !== undefined && NETWORK_REASONS[code] !== undefined) return NETWORK_REASONS[code];
  if (/socket hang up/i.test(message)) return 'connection closed by the server (socket hang up)';
  if (/premature close/i.test(message)) return NETWORK_REASONS.ERR_STREAM_PREMATURE_CLOSE;
  return code !== undefined ? `network error ${code}` : 'network error';
}

export function networkError(host: string, code: string | undefined, message: string): LookupError {
  return simpleError('network', `Could not reach ${host}: ${networkReason(code, message)}.`);
}

/** The body started but broke off: the server was reached, so say so. */
export function brokenResponseError(host: string, httpStatus: number, code: string | undefined, message: string): LookupError {
  return simpleError('network', `The answer from ${host} broke off (HTTP ${httpStatus}): ${networkReason(code, message)}.`, { httpStatus });
}

export function timeoutError(host: string, timeoutMs: number, retries = 0): LookupError {
  const seconds = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 100) / 10} s` : `${timeoutMs} ms`;
  return simpleError(
    'timeout',
    `No answer from ${host} within ${seconds}${retriedSuffix(retries)}; try again, or raise the timeout setting.`,
  );
}

export function cancelledError(): LookupError {
  return simpleError('cancelled', 'Lookup cancelled.');
}

export function tooLargeError(limitBytes: number, httpStatus: number): LookupError {
  const limit =
    limitBytes >= 1024 * 1024 ? `${Math.round((limitBytes / 1024 / 1024) * 10) / 10} MiB` : `${Math.round(limitBytes / 1024)} KiB`;
  return simpleError('too-large', `The answer is larger than ${limit}, so it was not read; is the base URL a Telesign API?`, {
    httpStatus,
  });
}

export function configError(message: string): LookupError {
  return simpleError('config', message);
}

export function redirectError(httpStatus: number, location: string | undefined): LookupError {
  const to = location ? ` to ${location}` : '';
  return simpleError(
    'config',
    `Telesign answered with a redirect${to} (HTTP ${httpStatus}); it was not followed so your credentials stay put. Check the profile's base URL.`,
    { httpStatus },
  );
}

export function invalidInputError(message: string): LookupError {
  return simpleError('invalid-input', message);
}

export function malformedResponseError(httpStatus: number, reason: string, bodyPreview: string, raw?: unknown): LookupError {
  return simpleError(
    'malformed-response',
    `Not a Telesign answer (HTTP ${httpStatus}): ${reason}. A proxy or the wrong base URL may be in the way.`,
    {
      httpStatus,
      // A gateway's error page may clear up; a 200 that is not JSON will not.
      retryable: httpStatus >= 500,
      bodyPreview,
      ...(raw !== undefined ? { raw } : {}),
    },
  );
}

/** Used only if something unforeseen throws: the client never rejects. */
export function internalError(message: string): LookupError {
  return simpleError('http', `Lookup failed unexpectedly: ${message}`);
}
