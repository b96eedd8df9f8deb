// verifyCallbackSignature: valid / invalid + why / unsigned / no credentials. When the signature does not
// match, each common mistake is tried for real (strip the `TSA id:` prefix, use the undecoded key, sign a
// re-serialised body, another profile's key) and the first one that reproduces the signature is the reason.
import { headerValue } from './parse';
import { aspectsChanged, serialisations } from './reserialise';
import type { Aspect } from './reserialise';
import { hmacBytes, parseTsaHeader, signatureMatches } from './signature';
import type { CallbackCredentials } from './signature';

export type MismatchReason =
  | 'whole-header'
  | 'key-not-decoded'
  | 'body-reserialised'
  | 'other-customer-id'
  | 'other-profile-key'
  | 'headers-disagree'
  | 'malformed-header'
  | 'no-match';

export type SignatureVerdict =
  | { readonly kind: 'valid'; readonly customerId: string; readonly message: string }
  | {
      readonly kind: 'invalid';
      readonly reason: MismatchReason;
      readonly message: string;
      /** The customer ID the header names, when it has one. */
      readonly customerId?: string;
      /** The other profile whose key reproduces the signature. */
      readonly matchedProfile?: string;
      /** For body-reserialised: the serialisation that was signed, and what differs from the raw body. */
      readonly serialisation?: string;
      readonly aspects?: readonly Aspect[];
    }
  | { readonly kind: 'unsigned'; readonly message: string }
  | { readonly kind: 'no-credentials'; readonly message: string; readonly customerId?: string; readonly matchedProfile?: string };

export interface VerifyCallbackInput {
  /** The body exactly as received: bytes, or the string decoded from them. */
  readonly rawBody: Buffer | string;
  /** The callback's headers (Authorization and/or X-TS-Authorization are read, case-insensitively). */
  readonly headers?: Readonly<Record<string, string | string[] | undefined>>;
  /** Instead of headers: the value the app compared (e.g. what it passed to an SDK helper). */
  readonly signature?: string;
  /** The active profile's credentials; undefined when it has none. */
  readonly credentials?: CallbackCredentials;
  /** Other profiles' credentials, tried to explain a mismatch. */
  readonly otherCredentials?: readonly CallbackCredentials[];
}

interface Presented {
  readonly source: string;
  readonly customerId?: string;
  readonly signature: string;
  /** The presented value was a whole `TSA id:sig` header where a bare signature belongs. */
  readonly wholeHeader: boolean;
}

const decoded = (c: CallbackCredentials): Buffer => Buffer.from(c.apiKey, 'base64');
const named = (c: CallbackCredentials): string => (c.profile ? `profile "${c.profile}"` : `customer ${c.customerId}`);

function presentedFrom(input: VerifyCallbackInput): Presented | { error: SignatureVerdict } {
  if (input.signature !== undefined) {
    const tsa = parseTsaHeader(input.signature);
    return tsa
      ? { source: 'the signature given', customerId: tsa.customerId, signature: tsa.signature, wholeHeader: true }
      : { source: 'the signature given', signature: input.signature.trim(), wholeHeader: false };
  }
  const headers = input.headers ?? {};
  const auth = headerValue(headers, 'authorization');
  const xts = headerValue(headers, 'x-ts-authorization');
  if (auth === undefined && xts === undefined) {
    return {
      error: {
        kind: 'unsigned',
        message: 'No Authorization or X-TS-Authorization header: the callback is unsigned (Telesign signs every callback with both).',
      },
    };
  }
  const name = auth !== undefined ? 'Authorization' : 'X-TS-Authorization';
  const value = (auth ?? xts) as string;
  const tsa = parseTsaHeader(value);
  if (auth !== undefined && xts !== undefined && auth.trim() !== xts.trim()) {
    return {
      error: {
        kind: 'invalid',
        reason: 'headers-disagree',
        customerId: tsa?.customerId,
        message:
          'Authorization and X-TS-Authorization differ; Telesign sends the same `TSA customer_id:signature` in both, so one was changed on the way.',
      },
    };
  }
  if (!tsa) return { source: name, signature: value.replace(/^\s*TSA\s+/i, '').trim(), wholeHeader: false, customerId: undefined };
  return { source: name, customerId: tsa.customerId, signature: tsa.signature, wholeHeader: false };
}

function matchesAny(sig: string, body: Buffer, creds: readonly CallbackCredentials[]): CallbackCredentials | undefined {
  return creds.find((c) => signatureMatches(sig, hmacBytes(decoded(c), body)));
}

/** Why the signature does not match `creds`, found by trying each alternative. */
function explainMismatch(p: Presented, body: Buffer, creds: CallbackCredentials, others: readonly CallbackCredentials[]): SignatureVerdict {
  const base = { kind: 'invalid' as const, customerId: p.customerId };
  const other = matchesAny(p.signature, body, others);
  if (other) {
    return {
      ...base,
      reason: 'other-profile-key',
      matchedProfile: other.profile,
      message: `Signed with the key of ${named(other)}, not the active profile's: select that profile, or register this profile's key with the sender.`,
    };
  }
  if (signatureMatches(p.signature, hmacBytes(Buffer.from(creds.apiKey, 'utf8'), body))) {
    return {
      ...base,
      reason: 'key-not-decoded',
      message:
        'The signature was computed with the API key text itself as the HMAC key; base64-decode the API key first and use those bytes.',
    };
  }
  const raw = body.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  if (parsed !== undefined) {
    for (const variant of serialisations(parsed, raw)) {
      for (const c of [creds, ...others]) {
        if (!signatureMatches(p.signature, hmacBytes(decoded(c), variant.text))) continue;
        const aspects = aspectsChanged(raw, parsed, variant);
        return {
          ...base,
          reason: 'body-reserialised',
          serialisation: variant.label,
          aspects,
          matchedProfile: c === creds ? undefined : c.profile,
          message: `The signature is over a re-serialised copy of this JSON (${variant.label}), not these bytes: ${aspects.join(', ') || 'formatting'} changed. Verify the raw request body, before any JSON parsing.`,
        };
      }
    }
  }
  const tried = `Tried this profile's key, the undecoded key, ${parsed === undefined ? 'no re-serialisations (the body is not JSON)' : `${serialisations(parsed, raw).length} re-serialisations of the body`} and ${others.length} other profile key(s).`;
  return {
    ...base,
    reason: 'no-match',
    message: `The signature does not match this body. The body was changed after signing, or it was signed with a key we do not have. ${tried}`,
  };
}

export function verifyCallbackSignature(input: VerifyCallbackInput): SignatureVerdict {
  const body = typeof input.rawBody === 'string' ? Buffer.from(input.rawBody, 'utf8') : input.rawBody;
  const got = presentedFrom(input);
  if ('error' in got) return got.error;
  const others = input.otherCredentials ?? [];
  if (!input.credentials) {
    const other = matchesAny(got.signature, body, others);
    return {
      kind: 'no-credentials',
      customerId: got.customerId,
      matchedProfile: other?.profile,
      message: `The active profile has no API key, so the signature cannot be checked${other ? `; it verifies with the key of ${named(other)}` : ''}.`,
    };
  }
  const creds = input.credentials;
  const ok = signatureMatches(got.signature, hmacBytes(decoded(creds), body));
  if (got.wholeHeader) {
    // Passing `TSA id:sig` where a bare signature belongs is the classic SDK-helper mistake.
    const message = ok
      ? 'Compare only the part after `TSA customer_id:`; the whole header value never equals the signature (the signature itself is valid).'
      : 'Compare only the part after `TSA customer_id:`; the whole header value never equals the signature.';
    if (ok || matchesAny(got.signature, body, others)) {
      return { kind: 'invalid', reason: 'whole-header', customerId: got.customerId, message };
    }
  }
  if (got.customerId === undefined && input.signature === undefined) {
    const message = ok
      ? `${got.source} holds a bare signature; Telesign sends \`TSA customer_id:signature\` (the signature itself is valid).`
      : `${got.source} is not \`TSA customer_id:signature\`.`;
    return { kind: 'invalid', reason: 'malformed-header', message };
  }
  if (ok) {
    if (got.customerId !== undefined && got.customerId.toLowerCase() !== creds.customerId.toLowerCase()) {
      return {
        kind: 'invalid',
        reason: 'other-customer-id',
        customerId: got.customerId,
        message: `The signature matches this profile's key, but the header names customer ID ${got.customerId}, not ${creds.customerId}: the sender is configured with another customer ID.`,
      };
    }
    return { kind: 'valid', customerId: got.customerId ?? creds.customerId, message: `Valid: signed with the key of ${named(creds)}.` };
  }
  return explainMismatch(got, body, creds, others);
}
