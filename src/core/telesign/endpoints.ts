// The status endpoints as data: adding one means adding a row here (and its id to EndpointId).
import type { AuthMethod, EndpointId, Target } from './types';
import { isLoopbackUrl } from './validate';

/** `rest`: Target.baseUrl. `verify`: the Verify API host (see verifyBaseUrl below). */
export type HostKind = 'rest' | 'verify';

/**
 * Which code family an endpoint's error bodies use, and where the code sits:
 * - `messaging`: `{"status":{code,description}}`, 3xxx codes (omnichannel; Verify API too);
 * - `verify`: negative codes in `errors[]`, `status.code` only a generic 500/501/599;
 * - `sms`: positive 5-digit codes in `status.code`.
 */
export type ErrorFamily = 'messaging' | 'verify' | 'sms';

export interface EndpointSpec {
  readonly id: EndpointId;
  /** Short name for pickers and the result panel. */
  readonly label: string;
  /** Which products' transactions it reports on. */
  readonly detail: string;
  /** `{reference_id}` is replaced by the path-encoded reference ID. */
  readonly pathTemplate: string;
  readonly host: HostKind;
  readonly acceptsVerifyCode: boolean;
  /** Auth methods the endpoint takes; the first is used when the profile's method is not listed. */
  readonly auth: readonly AuthMethod[];
  readonly docsUrl: string;
  readonly errorFamily: ErrorFamily;
}

export const DEFAULT_VERIFY_BASE_URL = 'https://verify.telesign.com';

export const ENDPOINTS: Readonly<Record<EndpointId, EndpointSpec>> = Object.freeze({
  omnichannel: {
    id: 'omnichannel',
    label: 'Messaging (omnichannel)',
    detail: 'Messaging API transactions, incl. auto-generated OTPs',
    pathTemplate: '/v1/omnichannel/{reference_id}',
    host: 'rest',
    acceptsVerifyCode: true,
    auth: ['basic', 'digest'],
    docsUrl: 'https://developer.telesign.com/enterprise/reference/getmessagingstatus',
    errorFamily: 'messaging',
  },
  verify: {
    id: 'verify',
    label: 'SMS Verify / Voice Verify',
    detail: 'SMS Verify and Voice Verify transactions',
    pathTemplate: '/v1/verify/{reference_id}',
    host: 'rest',
    acceptsVerifyCode: true,
    auth: ['basic', 'digest'],
    docsUrl: 'https://developer.telesign.com/enterprise/reference/getverifystatus',
    errorFamily: 'verify',
  },
  messaging: {
    id: 'messaging',
    label: 'SMS',
    detail: 'SMS API transactions',
    pathTemplate: '/v1/messaging/{reference_id}',
    host: 'rest',
    acceptsVerifyCode: false,
    auth: ['basic', 'digest'],
    docsUrl: 'https://developer.telesign.com/enterprise/reference/getsmsstatus',
    errorFamily: 'sms',
  },
  verification: {
    id: 'verification',
    label: 'Verify API (verification process)',
    detail: 'Verify API multi-channel verification processes',
    pathTemplate: '/verification/{reference_id}',
    host: 'verify',
    acceptsVerifyCode: false,
    // Telesign's Verify API reference lists "Basic or Digest" for GET /verification/{ref}. A Digest profile
    // must not fall back to Basic here: Basic puts the raw key on the wire, Digest only an HMAC.
    auth: ['basic', 'digest'],
    docsUrl: 'https://developer.telesign.com/enterprise/reference/getverificationprocess',
    errorFamily: 'messaging',
  },
} satisfies Record<EndpointId, EndpointSpec>);

export const ENDPOINT_IDS: readonly EndpointId[] = Object.freeze(Object.keys(ENDPOINTS) as EndpointId[]);

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
