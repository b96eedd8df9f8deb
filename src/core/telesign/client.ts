// The one place that talks HTTP to Telesign. getTransactionStatus never rejects: every failure,
// including invalid input and cancellation, comes back as a LookupFailure with a redacted message.
// The attempt itself is transport.ts; what an attempt's ending means is attemptError.ts.
import type {
  AttemptLog,
  ClientOptions,
  Credentials,
  LookupError,
  LookupOutcome,
  LookupRequest,
  LookupSuccess,
  RequestSummary,
  Target,
} from './types';
import { attemptError, hostOf, retryResult } from './attemptError';
import { DEFAULT_ENDPOINT, endpointBaseUrl, endpointPath, isEndpointId, NO_VERIFY_HOST_MESSAGE } from './endpoints';
import { cancelledError, configError, internalError } from './errors';
import { requestProblem } from './lookupInput';
import { normalizeResponse, type Normalized } from './normalize';
import { redact } from './redact';
import { describeSent } from './sent';
import { buildRequestUrl, prepareRequest, sendsVerifyCode, summarizeRequest } from './request';
import { DEFAULT_RETRY_POLICY, decideRetry, systemClock, type RetryPolicy } from './retry';
import { attemptOnce, errorFields } from './transport';
import { validateBaseUrl } from './validate';

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** A URL for the summary even when the base URL is unusable: no user info, redacted. */
function displayUrl(target: Target, request: LookupRequest, secrets: readonly string[]): string {
  try {
    return redact(buildRequestUrl(target, request), secrets);
  } catch {
    const endpoint = isEndpointId(request.endpoint) ? request.endpoint : DEFAULT_ENDPOINT;
    const base = (isEndpointId(request.endpoint) ? endpointBaseUrl(target, endpoint) : target.baseUrl) ?? '';
    const path = endpointPath(endpoint, String(request.referenceId));
    return redact(`${base.replace(/\/\/[^/@]*@/, '//').replace(/[?#].*$/, '')}${path}`, secrets);
  }
}

/** Input problems that mean nothing is sent. */
function checkInput(target: Target, credentials: Credentials, request: LookupRequest): LookupError | undefined {
  const problem = requestProblem(request);
  if (problem) return problem;
  const baseUrl = endpointBaseUrl(target, request.endpoint);
  if (baseUrl === undefined) return configError(NO_VERIFY_HOST_MESSAGE);
  const urlProblem = validateBaseUrl(baseUrl);
  if (urlProblem) return configError(urlProblem);
  if (!credentials.customerId || !credentials.apiKey) {
    return {
      kind: 'auth',
      message: 'No credentials — run “Telesign: Set Credentials”.',
      retryable: false,
      actions: ['set-credentials'],
    };
  }
  return undefined;
}

/**
 * Looks up one transaction: validates, sends (retrying per retry.ts), normalises. Never rejects.
 * Cancelling `signal` ends it promptly with kind `cancelled`, also during a back-off wait.
 */
export async function getTransactionStatus(
  target: Target,
  credentials: Credentials,
  request: LookupRequest,
  options: ClientOptions,
  signal?: AbortSignal,
): Promise<LookupOutcome> {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  // The key, and the `customer:key` pair whose base64 is the Basic credential (secrets.ts derives it): a
  // server that echoes our Authorization header back must not get it into the outcome.
  const secrets = [credentials.apiKey, `${credentials.customerId}:${credentials.apiKey}`];
  const startMs = clock.now();
  let attempts = 0;
  let summary: RequestSummary = { method: 'GET', url: '', endpoint: request.endpoint, auth: target.auth };

  const base = (): Pick<LookupSuccess, 'referenceId' | 'verifyCode' | 'request' | 'timing' | 'attempts'> => ({
    referenceId: request.referenceId,
    ...(request.verifyCode !== undefined && request.verifyCode !== '' ? { verifyCode: request.verifyCode } : {}),
    request: summary,
    timing: { startedAt: new Date(startMs).toISOString(), durationMs: Math.max(0, clock.now() - startMs) },
    attempts,
  });
  const fail = (error: LookupError): LookupOutcome => ({
    ...base(),
    ok: false,
    error: { ...error, message: redact(error.message, secrets) },
  });
  const log = (entry: AttemptLog): void => {
    try {
      options.onAttempt?.({ ...entry, ...(entry.error !== undefined ? { error: redact(entry.error, secrets) } : {}) });
    } catch {
      // A broken logger must not break the lookup.
    }
  };

  try {
    summary = isEndpointId(request.endpoint)
      ? summarizeRequest(target, request, displayUrl(target, request, secrets))
      : { ...summary, url: displayUrl(target, request, secrets) };
    const problem = checkInput(target, credentials, request);
    if (problem) return fail(problem);
    if (signal?.aborted) return fail(cancelledError());

    const policy: RetryPolicy = {
      ...DEFAULT_RETRY_POLICY,
      maxRetries: Math.max(0, Math.floor(options.maxRetries)),
      ...(options.maxRetryWaitMs !== undefined ? { maxRetryWaitMs: options.maxRetryWaitMs } : {}),
    };
    const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    const withCode = sendsVerifyCode(request);
    let waitedMs = 0;

    for (;;) {
      attempts++;
      const attemptStart = clock.now();
      const prepared = prepareRequest(target, credentials, request, { userAgent: options.userAgent, nowMs: attemptStart });
      summary = { ...prepared.summary, url: redact(prepared.summary.url, secrets) };
      const host = hostOf(prepared.url);
      const raw = await attemptOnce(prepared, options.timeoutMs, maxBodyBytes, signal);
      const durationMs = Math.max(0, clock.now() - attemptStart);
      const retries = attempts - 1;
      const status = 'status' in raw ? raw.status : undefined;

      const answer =
        raw.type === 'response'
          ? { endpoint: request.endpoint, httpStatus: raw.status, bodyText: raw.body, contentType: raw.contentType, retries, secrets }
          : undefined;
      const normalized: Normalized | undefined = answer && normalizeResponse(answer);
      const result = retryResult(raw, normalized);
      const decision = result
        ? decideRetry({ attempts, waitedMs, result, sendsVerifyCode: withCode, nowMs: clock.now(), policy, random })
        : undefined;

      let error = attemptError(raw, { host, retries, timeoutMs: options.timeoutMs, maxBodyBytes, secrets }, normalized);
      // Telesign asked for a longer wait than we make: the message says how long.
      if (answer && normalized && !normalized.ok && decision && !decision.retry && decision.retryAfterMs !== undefined) {
        const again = normalizeResponse({ ...answer, retryAfterSeconds: Math.ceil(decision.retryAfterMs / 1000) });
        if (!again.ok) error = again.error;
      }

      const retryInMs = decision?.retry ? decision.delayMs : undefined;
      log({
        attempt: attempts,
        method: 'GET',
        url: summary.url,
        ...(status !== undefined ? { status } : {}),
        durationMs,
        ...(error !== undefined ? { error: error.message } : {}),
        ...(retryInMs !== undefined ? { retryInMs } : {}),
        ...describeSent('GET', prepared.url, prepared.headers),
      });

      if (raw.type === 'cancelled') return fail(cancelledError());
      if (decision?.retry) {
        await clock.sleep(decision.delayMs, signal);
        if (signal?.aborted) return fail(cancelledError());
        waitedMs += decision.delayMs;
        continue;
      }
      if (error) return fail(error);
      if (normalized?.ok) return { ...base(), ok: true, ...normalized.value };
      return fail(internalError('no result'));
    }
  } catch (e) {
    return fail(internalError(errorFields(e).message));
  }
}
