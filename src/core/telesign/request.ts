// Builds one attempt's request: URL, headers (auth included) and a summary that is safe to keep.
// Called once per attempt, so every retry carries a fresh nonce and date.
import { randomUUID } from 'crypto';
import { basicAuthorization, digestHeaders, rfc1123Date } from './auth';
import { effectiveAuth, endpointBaseUrl, endpointPath, ENDPOINTS, NO_VERIFY_HOST_MESSAGE } from './endpoints';
import type { Credentials, LookupRequest, RequestSummary, Target } from './types';

export interface PreparedRequest {
  readonly url: string;
  /** Includes Authorization: never log these. */
  readonly headers: Readonly<Record<string, string>>;
  readonly summary: RequestSummary;
}

export interface AttemptContext {
  readonly userAgent: string;
  /** Epoch ms for the Digest date. */
  readonly nowMs: number;
  /** Defaults to a random UUID. */
  readonly nonce?: string;
}

/** Whether this request will carry `verify_code` (non-empty and the endpoint accepts it). */
export function sendsVerifyCode(request: LookupRequest): boolean {
  return ENDPOINTS[request.endpoint].acceptsVerifyCode && request.verifyCode !== undefined && request.verifyCode !== '';
}

/**
 * The full request URL. The base URL's own path (if any) is kept as a prefix; the reference ID is
 * path-encoded; `verify_code` goes in the query only where the endpoint accepts it.
 * Throws on an unparseable base URL or a missing Verify API host (the client validates first).
 */
export function buildRequestUrl(target: Target, request: LookupRequest): string {
  const baseUrl = endpointBaseUrl(target, request.endpoint);
  if (baseUrl === undefined) throw new Error(NO_VERIFY_HOST_MESSAGE);
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  const url = new URL(base.origin);
  url.pathname = prefix + endpointPath(request.endpoint, request.referenceId);
  if (sendsVerifyCode(request)) url.searchParams.set('verify_code', request.verifyCode ?? '');
  return url.toString();
}

/** The request summary; safe to show and store. */
export function summarizeRequest(target: Target, request: LookupRequest, url: string): RequestSummary {
  return { method: 'GET', url, endpoint: request.endpoint, auth: effectiveAuth(target, request.endpoint) };
}

export function prepareRequest(target: Target, credentials: Credentials, request: LookupRequest, ctx: AttemptContext): PreparedRequest {
  const url = buildRequestUrl(target, request);
  const auth = effectiveAuth(target, request.endpoint);
  const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': ctx.userAgent };
  if (auth === 'digest') {
    Object.assign(
      headers,
      digestHeaders(credentials.customerId, credentials.apiKey, {
        method: 'GET',
        contentType: '',
        date: rfc1123Date(ctx.nowMs),
        nonce: ctx.nonce ?? randomUUID(),
        // Signed as sent (already encoded), without the query: what every official SDK does.
        path: new URL(url).pathname,
      }),
    );
  } else {
    headers.Authorization = basicAuthorization(credentials.customerId, credentials.apiKey);
  }
  return { url, headers, summary: summarizeRequest(target, request, url) };
}

export interface UserAgentInfo {
  readonly extensionVersion: string;
  readonly vscodeVersion?: string;
  /** Defaults to process.version. */
  readonly nodeVersion?: string;
  /** Defaults to process.platform. */
  readonly platform?: string;
  /** Defaults to process.arch. */
  readonly arch?: string;
  /** Defaults to TelesignInspector. */
  readonly product?: string;
}

/** e.g. `TelesignInspector/0.1.0 (VSCode/1.139.1; Node/v24.0.0; linux x64)`. */
export function buildUserAgent(info: UserAgentInfo): string {
  const parts: string[] = [];
  if (info.vscodeVersion) parts.push(`VSCode/${info.vscodeVersion}`);
  parts.push(`Node/${info.nodeVersion ?? process.version}`);
  parts.push(`${info.platform ?? process.platform} ${info.arch ?? process.arch}`);
  // Header values must be visible ASCII; drop anything else a caller passes in.
  const clean = (s: string): string => s.replace(/[^\x20-\x7e]/g, '');
  return clean(`${info.product ?? 'TelesignInspector'}/${info.extensionVersion} (${parts.join('; ')})`);
}
