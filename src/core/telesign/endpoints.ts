// What the endpoint table (endpointTable.ts) implies: which host and auth a request uses, its path.
import type { AuthMethod, EndpointId, Target } from './types';
import { ENDPOINTS } from './endpointTable';
import { isLoopbackUrl } from './validate';

export { DEFAULT_ENDPOINT, ENDPOINT_IDS, ENDPOINTS } from './endpointTable';
export type { EndpointRow, EndpointSpec, ErrorFamily, HostKind } from './endpointTable';

export const DEFAULT_VERIFY_BASE_URL = 'https://verify.telesign.com';

export function isEndpointId(value: unknown): value is EndpointId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ENDPOINTS, value);
}

/** An https URL on telesign.com or one of its subdomains. */
export function isTelesignUrl(url: string): boolean {
  try {
    const u = new URL(url);
    const host = u.hostname.toLowerCase();
    return u.protocol === 'https:' && (host === 'telesign.com' || host.endsWith('.telesign.com'));
  } catch {
    return false;
  }
}

/**
 * The base URL an endpoint is served from, or undefined when the profile names none. The Verify API host
 * is `verifyBaseUrl`; without it, `baseUrl` itself for a loopback address (the simulator serves every
 * endpoint), verify.telesign.com for a Telesign `baseUrl`, and nothing otherwise: a profile pointed at a
 * gateway of its own was chosen so the key goes nowhere else, so its Verify API host is asked for, not guessed.
 */
export function endpointBaseUrl(target: Target, endpoint: EndpointId): string | undefined {
  if (ENDPOINTS[endpoint].host === 'rest') return target.baseUrl;
  if (target.verifyBaseUrl !== undefined && target.verifyBaseUrl.trim() !== '') return target.verifyBaseUrl;
  if (isLoopbackUrl(target.baseUrl)) return target.baseUrl;
  return isTelesignUrl(target.baseUrl) ? DEFAULT_VERIFY_BASE_URL : undefined;
}

/** Why `endpointBaseUrl` has no host for the endpoint; nothing is sent. */
export const NO_VERIFY_HOST_MESSAGE =
  'The Verify API host is not set: this profile’s baseUrl is not a Telesign address, so add "verifyBaseUrl" to the profile (your gateway’s Verify API URL, or https://verify.telesign.com) in your user settings.';

/** The auth method actually used: the profile's, unless the endpoint does not take it. */
export function effectiveAuth(target: Target, endpoint: EndpointId): AuthMethod {
  const allowed = ENDPOINTS[endpoint].auth;
  return allowed.includes(target.auth) ? target.auth : allowed[0];
}

/** The request path (no query), reference ID path-encoded. */
export function endpointPath(endpoint: EndpointId, referenceId: string): string {
  return ENDPOINTS[endpoint].pathTemplate.replace('{reference_id}', encodeURIComponent(referenceId));
}
