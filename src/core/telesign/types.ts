// The protocol's data shapes: what the shell hands the core, and what the core hands back.
// Plain data only (JSON-serialisable), so results can cross into webviews, history and the public API.

/** Auth methods and the endpoint IDs come from the endpoint table (one row per endpoint). */
export type { AuthMethod, EndpointId } from './endpointTable';
import type { AuthMethod, EndpointId } from './endpointTable';

export interface Credentials {
  readonly customerId: string;
  /** Base64 text as issued by Telesign. Never logged, rendered or stored outside SecretStorage. */
  readonly apiKey: string;
}

/** Where a request goes, resolved by the shell from the active profile. */
export interface Target {
  /** e.g. https://rest-ww.telesign.com, or http://127.0.0.1:PORT for the simulator. */
  readonly baseUrl: string;
  /** Host of the Verify API (`/verification/{ref}`). Without it: https://verify.telesign.com when `baseUrl` is a
   *  Telesign address, `baseUrl` when it is a loopback one (the simulator), and no lookup otherwise. */
  readonly verifyBaseUrl?: string;
  readonly auth: AuthMethod;
}

export interface LookupRequest {
  readonly endpoint: EndpointId;
  readonly referenceId: string;
  /** The OTP the end user typed; sent as `?verify_code=` where the endpoint supports it. */
  readonly verifyCode?: string;
}

export type VerifyState = 'VALID' | 'INVALID' | 'UNKNOWN' | 'EXPIRED' | 'MAX_ATTEMPTS_EXCEEDED';

export interface StatusInfo {
  readonly code: number | null;
  readonly description: string;
  readonly lastChannel?: string;
  /** ISO 8601 when the server's timestamp could be understood. */
  readonly updatedOn?: string;
  /** The timestamp exactly as the server sent it. */
  readonly updatedOnRaw?: string;
}

export interface ChannelStatus {
  readonly channel: string;
  readonly code: number | null;
  readonly description: string;
  readonly referenceId?: string;
  readonly updatedOn?: string;
  readonly updatedOnRaw?: string;
}

export interface ApiErrorEntry {
  readonly code: number;
  readonly description: string;
}

/** What was sent, safe to show and store: no Authorization header, no key. */
export interface RequestSummary {
  readonly method: 'GET';
  /** Full URL including `verify_code` when sent. */
  readonly url: string;
  readonly endpoint: EndpointId;
  readonly auth: AuthMethod;
}

export interface Timing {
  /** ISO 8601 time the first attempt started. */
  readonly startedAt: string;
  /** Wall time across all attempts, including back-off waits. */
  readonly durationMs: number;
}

interface OutcomeBase {
  readonly referenceId: string;
  readonly verifyCode?: string;
  readonly request: RequestSummary;
  readonly timing: Timing;
  /** Number of HTTP attempts made (1 = no retry). */
  readonly attempts: number;
}

export interface LookupSuccess extends OutcomeBase {
  readonly ok: true;
  readonly httpStatus: number;
  readonly status: StatusInfo;
  readonly verify?: { readonly state: VerifyState; readonly codeEntered: string | null };
  readonly channels: readonly ChannelStatus[];
  readonly price?: string;
  readonly currency?: string;
  readonly mcc?: string;
  readonly mnc?: string;
  readonly externalId?: string | null;
  /** `sms` / `call` on the Verify endpoints. */
  readonly subResource?: string | null;
  /** Verify API (`/verification`) process state: CREATED, ONGOING, VERIFIED, ... */
  readonly state?: string;
  /** `errors[]` of a 200 body (usually empty). */
  readonly errors: readonly ApiErrorEntry[];
  /** Top-level fields the normaliser does not model, kept as sent. */
  readonly extra: Readonly<Record<string, unknown>>;
  /** The parsed body exactly as received. */
  readonly raw: unknown;
}

export type ErrorKind =
  | 'auth' // 401/403, bad key or signature (3411, 3412, -30006, 10022, ...)
  | 'not-enabled' // product not enabled for the customer (3206, 10011 on SMS)
  | 'not-found' // unknown reference ID
  | 'expired' // outside the 12-hour window (-10004, 10036)
  | 'rate-limited' // 429 that can be retried later (3204, -40007, 10019)
  | 'quota' // hard cap; retrying will not help (-40008, 10020)
  | 'unavailable' // 503 / 5xx (3041 on GET status, -90001, 10000)
  | 'bad-request' // 400 (3311, -10001, 11011)
  | 'http' // any other non-2xx
  | 'network' // DNS, refused, reset
  | 'timeout'
  | 'cancelled'
  | 'malformed-response' // not JSON, truncated, wrong shape
  | 'too-large' // body over the size cap
  | 'config' // bad base URL, plain http to a non-loopback host, ...
  | 'invalid-input'; // malformed reference ID or OTP; never sent

/** What the user can do about an error; the shell maps these to buttons. */
export type ErrorAction = 'set-credentials' | 'retry' | 'open-docs' | 'select-profile' | 'wait';

export interface LookupError {
  readonly kind: ErrorKind;
  /** One sentence a person can act on. Redacted. */
  readonly message: string;
  /** Telesign status/error code from the body, when there is one. */
  readonly code?: number;
  /** Telesign's text for that code, as sent. */
  readonly description?: string;
  readonly httpStatus?: number;
  readonly retryable: boolean;
  readonly actions: readonly ErrorAction[];
  /** Present on some 401s from Telesign: what the server signed (useful for Digest debugging). */
  readonly signatureString?: string;
  /** A rate-limited answer's Retry-After, in seconds, when no retry waited it out. */
  readonly retryAfterSeconds?: number;
  /** Parsed body when it was JSON; else undefined. */
  readonly raw?: unknown;
  /** First bytes of a non-JSON body (redacted, at most 2 KB), to show what came back. */
  readonly bodyPreview?: string;
}

export interface LookupFailure extends OutcomeBase {
  readonly ok: false;
  readonly error: LookupError;
}

export type LookupOutcome = LookupSuccess | LookupFailure;

/** One line for the output channel per attempt; never carries secrets. */
export interface AttemptLog {
  readonly attempt: number;
  readonly method: 'GET' | 'PATCH';
  readonly url: string;
  readonly status?: number;
  readonly durationMs: number;
  readonly error?: string;
  /** Delay before the next attempt, when one follows. */
  readonly retryInMs?: number;
  /** The headers sent, Authorization redacted (sent.ts). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Digest only: the string that was signed (no secret in it). */
  readonly stringToSign?: string;
}

/** Time, injectable so retry policy is tested without real sleeps. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface ClientOptions {
  /** e.g. `TelesignInspector/0.1.0 (vscode 1.139.1; node 24; linux x64)`. */
  readonly userAgent: string;
  /** Per attempt. */
  readonly timeoutMs: number;
  /** Retries after the first attempt (0 = none). */
  readonly maxRetries: number;
  /** Upper bound on total time spent waiting between retries. */
  readonly maxRetryWaitMs?: number;
  /** Response bodies above this are refused with kind `too-large`. Default 1 MiB. */
  readonly maxBodyBytes?: number;
  readonly clock?: Clock;
  /** [0,1) source for jitter and nonces' randomness in tests. */
  readonly random?: () => number;
  readonly onAttempt?: (log: AttemptLog) => void;
}

export type Shell = 'bash' | 'powershell' | 'cmd';
