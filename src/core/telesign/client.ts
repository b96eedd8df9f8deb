// The one place that talks HTTP to Telesign. getTransactionStatus never rejects: every failure,
// including invalid input and cancellation, comes back as a LookupFailure with a redacted message.
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
import { ENDPOINTS, endpointBaseUrl, endpointPath, isEndpointId, NO_VERIFY_HOST_MESSAGE } from './endpoints';
import {
  brokenResponseError,
  cancelledError,
  configError,
  internalError,
  invalidInputError,
  networkError,
  redirectError,
  timeoutError,
  tooLargeError,
} from './errors';
import { normalizeResponse, type Normalized } from './normalize';
import { redact } from './redact';
import { describeSent } from './sent';
import { buildRequestUrl, prepareRequest, sendsVerifyCode, summarizeRequest } from './request';
import { DEFAULT_RETRY_POLICY, decideRetry, systemClock, type AttemptResult, type RetryPolicy } from './retry';
import { validateBaseUrl, validateReferenceId, validateVerifyCode } from './validate';

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** What one HTTP attempt ended with, before normalisation. */
type RawAttempt =
  | { readonly type: 'response'; readonly status: number; readonly contentType: string | null; readonly retryAfter: string | null; readonly body: string }
  | { readonly type: 'redirect'; readonly status: number; readonly location: string | undefined }
  | { readonly type: 'too-large'; readonly status: number }
  | { readonly type: 'network'; readonly code?: string; readonly message: string; readonly status?: number }
  | { readonly type: 'timeout' }
  | { readonly type: 'cancelled' };

interface Sent {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

// node-fetch v3 is ESM-only; a dynamic import keeps this CommonJS module type-correct, and esbuild
// bundles it like a static one.
const importFetch = () => import('node-fetch');
let fetchModule: ReturnType<typeof importFetch> | undefined;
function loadFetch(): ReturnType<typeof importFetch> {
  fetchModule ??= importFetch();
  return fetchModule;
}

function errorFields(e: unknown): { code?: string; message: string; name?: string } {
  if (typeof e !== 'object' || e === null) return { message: String(e) };
  const o = e as { code?: unknown; message?: unknown; name?: unknown; cause?: unknown };
  let code = typeof o.code === 'string' ? o.code : undefined;
  // Some errors wrap the system error that carries the code.
  if (code === undefined && typeof o.cause === 'object' && o.cause !== null) {
    const c = (o.cause as { code?: unknown }).code;
    if (typeof c === 'string') code = c;
  }
  return {
    ...(code !== undefined ? { code } : {}),
    message: typeof o.message === 'string' ? o.message : 'unknown error',
    ...(typeof o.name === 'string' ? { name: o.name } : {}),
  };
}

/**
 * One GET with its own timeout. Uses Node's http/https through node-fetch with no custom agent, so
 * VS Code's proxy support applies. Redirects are returned, never followed with the key.
 */
async function attemptOnce(sent: Sent, timeoutMs: number, maxBodyBytes: number, signal: AbortSignal | undefined): Promise<RawAttempt> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onCancel = (): void => controller.abort();
  signal?.addEventListener('abort', onCancel, { once: true });
  let status: number | undefined;
  try {
    const { default: fetch } = await loadFetch();
    if (signal?.aborted) return { type: 'cancelled' };
    const res = await fetch(sent.url, { method: 'GET', headers: sent.headers, redirect: 'manual', signal: controller.signal });
    status = res.status;
    if (status >= 300 && status < 400) {
      // Abort rather than drain: once this returns the timer is cleared, so a server that streams after its
      // redirect would be read with no size cap and no timeout.
      const location = res.headers.get('location') ?? undefined;
      controller.abort();
      return { type: 'redirect', status, location };
    }
    const declared = Number(res.headers.get('content-length') ?? '');
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      controller.abort();
      return { type: 'too-large', status };
    }
    const chunks: Buffer[] = [];
    let size = 0;
    if (res.body) {
      for await (const chunk of res.body) {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
        size += buf.length;
        if (size > maxBodyBytes) {
          controller.abort();
          return { type: 'too-large', status };
        }
        chunks.push(buf);
      }
    }
    return {
      type: 'response',
      status,
      contentType: res.headers.get('content-type'),
      retryAfter: res.headers.get('retry-after'),
      body: Buffer.concat(chunks).toString('utf8'),
    };
  } catch (e) {
    if (signal?.aborted) return { type: 'cancelled' };
    if (timedOut) return { type: 'timeout' };
    const { code, message } = errorFields(e);
    return { type: 'network', ...(code !== undefined ? { code } : {}), message, ...(status !== undefined ? { status } : {}) };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onCancel);
  }
}

/** `host[:port]` for messages. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** A URL for the summary even when the base URL is unusable: no user info, redacted. */
function displayUrl(target: Target, request: LookupRequest, secrets: readonly string[]): string {
  try {
    return redact(buildRequestUrl(target, request), secrets);
  } catch {
    const endpoint = isEndpointId(request.endpoint) ? request.endpoint : 'omnichannel';
    const base = (isEndpointId(request.endpoint) ? endpointBaseUrl(target, endpoint) : target.baseUrl) ?? '';
    const path = endpointPath(endpoint, String(request.referenceId));
    return redact(`${base.replace(/\/\/[^/@]*@/, '//').replace(/[?#].*$/, '')}${path}`, secrets);
  }
}

/** Input problems that mean nothing is sent. */
function checkInput(target: Target, credentials: Credentials, request: LookupRequest): LookupError | undefined {
  if (!isEndpointId(request.endpoint)) return invalidInputError(`Unknown endpoint “${String(request.endpoint)}”.`);
  const refProblem = validateReferenceId(typeof request.referenceId === 'string' ? request.referenceId : '');
  if (refProblem) return invalidInputError(refProblem);
  if (request.verifyCode !== undefined && request.verifyCode !== '') {
    const codeProblem = validateVerifyCode(request.verifyCode);
    if (codeProblem) return invalidInputError(codeProblem);
    // Silently dropping the code would look like a failed verification; say it instead.
    if (!ENDPOINTS[request.endpoint].acceptsVerifyCode) {
      return invalidInputError(`${ENDPOINTS[request.endpoint].label} does not check codes; clear the code or pick another endpoint.`);
    }
  }
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

function retryResult(raw: RawAttempt, normalized: Normalized | undefined): AttemptResult | undefined {
  switch (raw.type) {
    case 'response':
      return { type: 'http', status: raw.status, ...(normalized && !normalized.ok ? { kind: normalized.error.kind } : {}), retryAfter: raw.retryAfter };
    case 'network':
      return { type: 'network', ...(raw.code !== undefined ? { code: raw.code } : {}), message: raw.message };
    case 'timeout':
      return { type: 'timeout' };
    default:
      return undefined;
  }
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
  // The key, and the Basic credential it travels in: a server that echoes our Authorization header back
  // must not get base64(customer:key) into the outcome, where anyone could decode it.
  const secrets = [credentials.apiKey, Buffer.from(`${credentials.customerId}:${credentials.apiKey}`).toString('base64')];
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

      let normalized: Normalized | undefined;
      if (raw.type === 'response') {
        normalized = normalizeResponse({ endpoint: request.endpoint, httpStatus: raw.status, bodyText: raw.body, contentType: raw.contentType, retries, secrets });
      }
      const result = retryResult(raw, normalized);
      const decision = result
        ? decideRetry({ attempts, waitedMs, result, sendsVerifyCode: withCode, nowMs: clock.now(), policy, random })
        : undefined;

      let error: LookupError | undefined;
      switch (raw.type) {
        case 'cancelled':
          error = cancelledError();
          break;
        case 'timeout':
          error = timeoutError(host, options.timeoutMs, retries);
          break;
        case 'too-large':
          error = tooLargeError(maxBodyBytes, raw.status);
          break;
        case 'redirect':
          error = redirectError(raw.status, raw.location !== undefined ? redact(raw.location, secrets) : undefined);
          break;
        case 'network': {
          const e = raw.status !== undefined ? brokenResponseError(host, raw.status, raw.code, raw.message) : networkError(host, raw.code, raw.message);
          error = retries > 0 ? { ...e, message: e.message.replace(/\.$/, `; retried ${retries} ${retries === 1 ? 'time' : 'times'}.`) } : e;
          break;
        }
        case 'response':
          if (normalized && !normalized.ok) {
            error = normalized.error;
            if (decision && !decision.retry && decision.retryAfterMs !== undefined) {
              const again = normalizeResponse({
                endpoint: request.endpoint, httpStatus: raw.status, bodyText: raw.body, contentType: raw.contentType, retries, secrets,
                retryAfterSeconds: Math.ceil(decision.retryAfterMs / 1000),
              });
              if (!again.ok) error = again.error;
            }
          }
          break;
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
