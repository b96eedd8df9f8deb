// Finalizes a Verify API process: PATCH /verification/{ref}/state with {"action":"finalize","security_factor":…}.
// It changes state at Telesign (and may be billed), so it is sent exactly once: no retries, no redirects followed.
// The code the user entered goes only into the request body: never into a log entry, message or the outcome.
import { randomUUID } from 'crypto';
import { basicAuthorization, digestHeaders, rfc1123Date } from './auth';
import { attemptError, hostOf } from './attemptError';
import { effectiveAuth, endpointBaseUrl, endpointPath, NO_VERIFY_HOST_MESSAGE } from './endpoints';
import { cancelledError, configError, internalError, invalidInputError } from './errors';
import { normalizeResponse } from './normalize';
import { asCode, asString, isObject } from './normalizeFields';
import { redact } from './redact';
import { describeSent } from './sent';
import { attemptOnce, errorFields, type Sent } from './transport';
import type { AttemptLog, ClientOptions, Credentials, LookupError, Target } from './types';
import { validateBaseUrl } from './validate';
import { DEFAULT_MAX_BODY_BYTES } from './client';

export const JSON_CONTENT_TYPE = 'application/json';
/** Telesign: `security_factor` is 3–10 characters (default 6 digits); the panel asks for digits. */
export const SECURITY_FACTOR = /^[0-9]{3,10}$/;

export interface FinalizeRequest {
  readonly referenceId: string;
  /** The code the end user entered. Sent in the body only. */
  readonly securityFactor: string;
}

export type FinalizeOutcome =
  | {
      readonly ok: true;
      readonly httpStatus: number;
      /** Telesign's answer: 3900 Verified, 3904 no match (retries left), 3909 no match three times. */
      readonly code: number | null;
      readonly description: string;
      /** The process state this answer implies: VERIFIED, ONGOING (try again) or FAILED. */
      readonly state: string;
      readonly host: string;
    }
  | { readonly ok: false; readonly error: LookupError; readonly host: string };

const STATE_FOR_CODE: Readonly<Record<number, string>> = { 3900: 'VERIFIED', 3904: 'ONGOING', 3909: 'FAILED' };

/** Why the code cannot be sent, or undefined. */
export function securityFactorProblem(code: string): string | undefined {
  return SECURITY_FACTOR.test(code) ? undefined : 'Enter the code the user received: 3 to 10 digits.';
}

export function finalizeUrl(target: Target, referenceId: string): string {
  const baseUrl = endpointBaseUrl(target, 'verification');
  if (baseUrl === undefined) throw new Error(NO_VERIFY_HOST_MESSAGE);
  const base = new URL(baseUrl);
  const url = new URL(base.origin);
  url.pathname = base.pathname.replace(/\/+$/, '') + endpointPath('verification', referenceId) + '/state';
  return url.toString();
}

/** The PATCH as sent: Basic or Digest per the profile; Digest signs the JSON content type and the body. */
export function prepareFinalize(
  target: Target,
  credentials: Credentials,
  request: FinalizeRequest,
  ctx: { readonly userAgent: string; readonly nowMs: number; readonly nonce?: string },
): Sent {
  const url = finalizeUrl(target, request.referenceId);
  const body = JSON.stringify({ action: 'finalize', security_factor: request.securityFactor });
  const headers: Record<string, string> = { Accept: JSON_CONTENT_TYPE, 'User-Agent': ctx.userAgent, 'Content-Type': JSON_CONTENT_TYPE };
  if (effectiveAuth(target, 'verification') === 'digest') {
    Object.assign(
      headers,
      digestHeaders(credentials.customerId, credentials.apiKey, {
        method: 'PATCH',
        contentType: JSON_CONTENT_TYPE,
        date: rfc1123Date(ctx.nowMs),
        nonce: ctx.nonce ?? randomUUID(),
        path: new URL(url).pathname,
        body,
      }),
    );
  } else {
    headers.Authorization = basicAuthorization(credentials.customerId, credentials.apiKey);
  }
  return { url, headers, method: 'PATCH', body };
}

/** The code masked wherever a server might echo it back. */
function maskCode(text: string, code: string): string {
  return text.split(code).join('***');
}

/** Sends the finalize once. Never rejects; every failure is a redacted LookupError without the code. */
export async function finalizeVerification(
  target: Target,
  credentials: Credentials,
  request: FinalizeRequest,
  options: ClientOptions,
  signal?: AbortSignal,
): Promise<FinalizeOutcome> {
  const secrets = [credentials.apiKey, `${credentials.customerId}:${credentials.apiKey}`];
  const baseUrl = endpointBaseUrl(target, 'verification');
  const host = baseUrl === undefined ? '' : hostOf(baseUrl);
  // `raw` (the parsed error body) is dropped: a server could echo the code in it.
  const fail = ({ raw: _raw, ...error }: LookupError): FinalizeOutcome => ({
    ok: false,
    host,
    error: {
      ...error,
      message: maskCode(redact(error.message, secrets), request.securityFactor),
      // A Digest failure echoes the signed string, and for a PATCH that holds the body.
      ...(error.signatureString !== undefined ? { signatureString: maskCode(error.signatureString, request.securityFactor) } : {}),
    },
  });
  if (baseUrl === undefined) return fail(configError(NO_VERIFY_HOST_MESSAGE));
  const urlProblem = validateBaseUrl(baseUrl);
  if (urlProblem) return fail(configError(urlProblem));
  const codeProblem = securityFactorProblem(request.securityFactor);
  if (codeProblem) return fail(invalidInputError(codeProblem));
  if (!credentials.customerId || !credentials.apiKey) {
    return fail({
      kind: 'auth',
      message: 'No credentials — run “Telesign: Set Credentials”.',
      retryable: false,
      actions: ['set-credentials'],
    });
  }
  if (signal?.aborted) return fail(cancelledError());
  try {
    const clock = options.clock ?? { now: () => Date.now() };
    const start = clock.now();
    const sent = prepareFinalize(target, credentials, request, { userAgent: options.userAgent, nowMs: start });
    const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    const raw = await attemptOnce(sent, options.timeoutMs, maxBodyBytes, signal);
    const response = raw.type === 'response' ? raw : undefined;
    const normalized =
      response && (response.status < 200 || response.status >= 300)
        ? normalizeResponse({
            endpoint: 'verification',
            httpStatus: response.status,
            bodyText: response.body,
            contentType: response.contentType,
            secrets,
          })
        : undefined;
    const error = attemptError(raw, { host, retries: 0, timeoutMs: options.timeoutMs, maxBodyBytes, secrets }, normalized);
    const log: AttemptLog = {
      attempt: 1,
      method: 'PATCH',
      url: redact(sent.url, secrets),
      ...('status' in raw ? { status: raw.status } : {}),
      durationMs: Math.max(0, clock.now() - start),
      ...(error !== undefined ? { error: maskCode(redact(error.message, secrets), request.securityFactor) } : {}),
      // Headers only: the signed string would carry the body, and the body carries the code.
      headers: describeSent('PATCH', sent.url, sent.headers).headers,
    };
    try {
      options.onAttempt?.(log);
    } catch {
      // A broken logger must not break the call.
    }
    if (error) return fail(error);
    if (!response) return fail(internalError('no result'));
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      body = undefined;
    }
    const status = isObject(body) && isObject(body.status) ? body.status : undefined;
    const code = status ? asCode(status.code) : null;
    if (code === null) return fail(internalError('The finalize answer carried no status code.'));
    const description = maskCode(redact(asString(status?.description) ?? '', secrets), request.securityFactor);
    return { ok: true, httpStatus: response.status, code, description, state: STATE_FOR_CODE[code] ?? 'UNKNOWN', host };
  } catch (e) {
    return fail(internalError(errorFields(e).message));
  }
}
