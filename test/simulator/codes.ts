// Error answers by endpoint family: HTTP status, Telesign code and text (API reference §2.2, §3, and
// telesign-codes.json), plus each family's error envelope. One table so every route answers the same way.
import type { EndpointId } from '../../src/core/telesign/types';
import { telesignTimestamp } from './clock';

export type Family = EndpointId;

export type ErrorKey =
  | 'missing-auth'
  | 'malformed-auth'
  | 'unknown-customer'
  | 'invalid-key'
  | 'bad-signature'
  | 'missing-date'
  | 'bad-auth-method'
  | 'bad-date'
  | 'stale-date'
  | 'bad-nonce'
  | 'reused-nonce'
  | 'not-enabled'
  | 'malformed-ref'
  | 'not-found'
  | 'expired'
  | 'rate-limited'
  | 'unavailable';

export const ERROR_KEYS: readonly ErrorKey[] = [
  'missing-auth',
  'malformed-auth',
  'unknown-customer',
  'invalid-key',
  'bad-signature',
  'missing-date',
  'bad-auth-method',
  'bad-date',
  'stale-date',
  'bad-nonce',
  'reused-nonce',
  'not-enabled',
  'malformed-ref',
  'not-found',
  'expired',
  'rate-limited',
  'unavailable',
];

export interface ErrorAnswer {
  readonly http: number;
  readonly code: number;
  readonly description: string;
}

const a = (http: number, code: number, description: string): ErrorAnswer => ({ http, code, description });

// Messaging (omnichannel) documents only 3400 for Digest failures, so every Digest-specific failure maps to it.
const NOT_AUTHORIZED_3400 = a(401, 3400, 'Not authorized');

const TABLE: Record<Family, Record<ErrorKey, ErrorAnswer>> = {
  omnichannel: {
    'missing-auth': a(401, 3405, 'Missing required Authorization header'),
    'malformed-auth': a(401, 3412, "Required 'Authorization' header is not in the correct format"),
    'unknown-customer': a(401, 3411, 'Invalid API Key.'),
    'invalid-key': a(401, 3411, 'Invalid API Key.'),
    'bad-signature': NOT_AUTHORIZED_3400,
    'missing-date': NOT_AUTHORIZED_3400,
    'bad-auth-method': NOT_AUTHORIZED_3400,
    'bad-date': NOT_AUTHORIZED_3400,
    'stale-date': NOT_AUTHORIZED_3400,
    'bad-nonce': NOT_AUTHORIZED_3400,
    'reused-nonce': NOT_AUTHORIZED_3400,
    'not-enabled': a(401, 3206, 'Omnichannel Product not enabled for Customer ID'),
    'malformed-ref': a(400, 3311, 'Invalid value for parameter reference_id'),
    // The operation documents no "not found": only 400 3311 (syntax) and 404 -10004. Telesign keeps status
    // for 12 hours, so an ID it does not hold is indistinguishable from one that aged out; -10004 is the only
    // documented 404, and keeping 3311 for bad syntax lets clients tell a typo from an unknown ID.
    'not-found': a(404, -10004, 'ReferenceID expired.'),
    expired: a(404, -10004, 'ReferenceID expired.'),
    'rate-limited': a(429, 3204, 'Rate limit exceeded'),
    unavailable: a(503, 3041, 'System unavailable'),
  },
  verify: {
    'missing-auth': a(401, -30004, "Missing required 'Authorization' header"),
    'malformed-auth': a(401, -30005, "Required 'Authorization' header is not in the correct format"),
    'unknown-customer': a(401, -30000, 'Invalid Customer ID.'),
    'invalid-key': a(401, -30015, 'Invalid API Key.'),
    'bad-signature': a(401, -30006, 'Invalid Signature'),
    'missing-date': a(401, -30007, "Missing required 'Date' or 'x-ts-date' header"),
    'bad-auth-method': a(401, -30008, "Invalid 'x-ts-auth-method' header."),
    'bad-date': a(401, -30009, "'Date' or 'x-ts-date' header is not RFC822 compliant"),
    'stale-date': a(401, -30010, "'Date' or 'x-ts-date' header is not within tolerable range"),
    'bad-nonce': a(401, -30011, "'x-ts-nonce' header value is either too long or too short"),
    'reused-nonce': a(401, -30012, "'x-ts-nonce' header value has been used recently"),
    'not-enabled': a(401, -20002, 'This product is not enabled for this Customer ID.'),
    'malformed-ref': a(400, -10001, 'Invalid Request: ReferenceID Parameter: {ref}'),
    'not-found': a(404, -10001, 'CustomerID/ReferenceID not found'),
    expired: a(404, -10004, 'ReferenceID expired.'),
    'rate-limited': a(429, -40007, 'Rate Limit Exceeded'),
    unavailable: a(503, -90001, 'System Unavailable, Please try again later.'),
  },
  messaging: {
    'missing-auth': a(401, 10009, "Missing required 'Authorization' header"),
    'malformed-auth': a(401, 10028, "Required 'Authorization' header is not in the correct format"),
    'unknown-customer': a(401, 10022, 'Invalid API key'),
    'invalid-key': a(401, 10022, 'Invalid API key'),
    'bad-signature': a(401, 10008, 'Invalid Signature.'),
    'missing-date': a(401, 10007, "Missing required 'Date' or 'x-ts-date' header"),
    'bad-auth-method': a(401, 10006, "Invalid 'x-ts-auth-method' header."),
    'bad-date': a(401, 10005, "'Date' or 'x-ts-date' header is not RFC822 compliant"),
    'stale-date': a(401, 10004, "'Date' or 'x-ts-date' header is not within tolerable range"),
    'bad-nonce': a(401, 10003, "'x-ts-nonce' header value is either too long or too short"),
    'reused-nonce': a(401, 10002, "'x-ts-nonce' header value has been used recently"),
    'not-enabled': a(401, 10011, 'This product is not enabled for this CustomerID.'),
    'malformed-ref': a(400, 11011, 'Invalid value for parameter reference_id'),
    'not-found': a(404, 10017, 'Customer ID / Reference ID not found'),
    expired: a(404, 10036, 'Reference ID expired'),
    'rate-limited': a(429, 10019, 'Rate Limit Exceeded'),
    unavailable: a(503, 10000, 'System Unavailable, Please try again later.'),
  },
  verification: {
    'missing-auth': NOT_AUTHORIZED_3400,
    'malformed-auth': NOT_AUTHORIZED_3400,
    'unknown-customer': NOT_AUTHORIZED_3400,
    'invalid-key': NOT_AUTHORIZED_3400,
    'bad-signature': NOT_AUTHORIZED_3400,
    'missing-date': NOT_AUTHORIZED_3400,
    'bad-auth-method': NOT_AUTHORIZED_3400,
    'bad-date': NOT_AUTHORIZED_3400,
    'stale-date': NOT_AUTHORIZED_3400,
    'bad-nonce': NOT_AUTHORIZED_3400,
    'reused-nonce': NOT_AUTHORIZED_3400,
    'not-enabled': a(401, 3906, 'Unified Verification Product not enabled for Customer ID'),
    'malformed-ref': a(400, 3110, 'Invalid request'),
    // The Verify API documents no 404 for GET /verification/{id}; 400 3110 is its only "bad request" answer.
    'not-found': a(400, 3110, 'Invalid request'),
    expired: a(400, 3110, 'Invalid request'),
    'rate-limited': a(429, 3204, 'Rate Limit Exceeded'),
    unavailable: a(503, 3500, 'System Unavailable'),
  },
};

export function errorAnswer(family: Family, key: ErrorKey): ErrorAnswer {
  return TABLE[family][key];
}

export interface ErrorContext {
  readonly referenceId?: string;
  readonly now: number;
  /** What the server signed, on a failed Digest check (Telesign's debugging aid). */
  readonly signatureString?: string;
  readonly externalId?: string | null;
}

/** The family's error body for `key`. */
export function errorBody(family: Family, key: ErrorKey, ctx: ErrorContext): Record<string, unknown> {
  const answer = errorAnswer(family, key);
  const description = answer.description.replace('{ref}', ctx.referenceId ?? 'None');
  const updatedOn = telesignTimestamp(ctx.now);
  let body: Record<string, unknown>;
  switch (family) {
    case 'omnichannel':
      // MsgGetStatusRes: status only; no reference_id, no errors[].
      body = { status: { code: answer.code, description } };
      break;
    case 'verify': {
      // Errors travel in errors[]; status carries the generic transaction state (500/501/599).
      const isAuth = answer.http === 401;
      const generic = isAuth
        ? { code: 501, description: 'Not authorized' }
        : answer.http === 404
          ? { code: 599, description: 'Status not available' }
          : { code: 500, description: 'Transaction not attempted' };
      body = {
        reference_id: isAuth ? null : (ctx.referenceId ?? null),
        sub_resource: isAuth ? null : '',
        errors: [{ code: answer.code, description }],
        status: { ...generic, updated_on: updatedOn },
      };
      break;
    }
    case 'messaging':
      // The SMS API reports errors in status.code, in its positive 5-digit family.
      body = { reference_id: ctx.referenceId ?? null, status: { code: answer.code, description, updated_on: updatedOn } };
      if (ctx.externalId !== undefined) body.external_id = ctx.externalId;
      break;
    case 'verification':
      body = { reference_id: ctx.referenceId ?? null, status: { code: answer.code, description, updated_on: updatedOn } };
      break;
  }
  if (ctx.signatureString !== undefined) body.signature_string = ctx.signatureString;
  return body;
}

/** Descriptions for the status codes the simulator produces; admin-created codes may bring their own. */
const STATUS_TEXT: Record<number, string> = {
  3000: 'Delivered',
  3001: 'Message in progress',
  3002: 'Delivered to Gateway',
  3003: 'Delivery error',
  3005: 'Message is read',
  3006: 'None of the channels is enabled for the customer',
  3041: 'Carrier rejected - temporary problem',
  3112: 'Specified template does not exist for selected channel',
  100: 'Call answered',
  101: 'Not answered',
  103: 'Call in progress',
  200: 'Delivered to handset',
  203: 'Delivered to gateway',
  207: 'Error delivering SMS to handset (reason unknown)',
  210: 'Temporary phone error',
  211: 'Permanent phone error',
  290: 'Message in progress',
  292: 'Queued by gateway',
};

export function statusText(code: number): string {
  return STATUS_TEXT[code] ?? `Status ${code}`;
}
