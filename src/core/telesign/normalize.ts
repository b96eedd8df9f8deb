// Turns what came back (status, content type, body text) into the fields of a LookupSuccess (read by
// normalizeFields.ts), or a LookupError. Telesign's published examples disagree with its schemas, so everything is read
// defensively and nothing here throws: garbage becomes `malformed-response` with a redacted preview.
import type { EndpointId, LookupError } from './types';
import { asCode, asString, errorEntries, isObject, successFields } from './normalizeFields';
import type { Json, SuccessFields } from './normalizeFields';
import { httpError, malformedResponseError } from './errors';
import { redact, redactDeep, redactSecrets } from './redact';

export type { SuccessFields } from './normalizeFields';
export { parseTelesignTimestamp } from './normalizeFields';

export type Normalized = { readonly ok: true; readonly value: SuccessFields } | { readonly ok: false; readonly error: LookupError };

export interface NormalizeInput {
  readonly endpoint: EndpointId;
  readonly httpStatus: number;
  readonly bodyText: string;
  /** The Content-Type header, when there was one. */
  readonly contentType?: string | null;
  /** Automatic retries already made, for the error message. */
  readonly retries?: number;
  /** Seconds a Retry-After asked for, when it was more than we would wait. */
  readonly retryAfterSeconds?: number;
  /** Extra strings to scrub from previews (the API key). */
  readonly secrets?: readonly string[];
}

const PREVIEW_CHARS = 2048;

/** The most specific Telesign code in an error body: `errors[0]` (verify family), else `status.code`. */
export function errorCodeOf(body: Json): { code?: number; description?: string } {
  const first = errorEntries(body.errors)[0];
  if (first) return { code: first.code, description: first.description };
  if (isObject(body.status)) {
    const code = asCode(body.status.code);
    const description = asString(body.status.description);
    return { ...(code !== null ? { code } : {}), ...(description !== undefined ? { description } : {}) };
  }
  return {};
}

function signatureStringOf(body: Json): string | undefined {
  const candidates: unknown[] = [body.signature_string, isObject(body.status) ? body.status.signature_string : undefined];
  if (Array.isArray(body.errors)) for (const e of body.errors) if (isObject(e)) candidates.push(e.signature_string);
  return candidates.find((c): c is string => typeof c === 'string');
}

function isJsonContentType(contentType: string): boolean {
  const mime = contentType.split(';')[0].trim().toLowerCase();
  return mime === 'application/json' || mime.endsWith('+json') || mime === 'text/json';
}

function describeJson(v: unknown): string {
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  return `a ${typeof v}`;
}

const MAX_JSON_DEPTH = 64;

/** Iterative, so a hostile body cannot overflow the stack while being measured. */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** Never throws; every input gives success fields or a LookupError. */
export function normalizeResponse(input: NormalizeInput): Normalized {
  const { httpStatus } = input;
  // A misbehaving server could echo our headers back, in any spelling: the raw text is scrubbed for the
  // preview, and every parsed string (keys too) before anything keeps the body, since parsing undoes escapes.
  const secrets = input.secrets ?? [];
  const bodyText = input.bodyText;
  const preview = (): string => redact(redactSecrets(bodyText, secrets).slice(0, PREVIEW_CHARS), secrets);
  const malformed = (reason: string, raw?: unknown): Normalized => ({
    ok: false,
    error: malformedResponseError(httpStatus, reason, preview(), raw),
  });

  const contentType = input.contentType?.trim() ?? '';
  if (bodyText.trim() === '') return malformed(httpStatus >= 200 && httpStatus < 300 ? 'the body is empty' : 'an empty body');
  if (contentType !== '' && !isJsonContentType(contentType)) {
    const what = /html/i.test(contentType) ? 'an HTML page' : `content type ${contentType.split(';')[0]}`;
    return malformed(`${what} instead of JSON`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    return malformed('the JSON is invalid or cut short');
  }
  if (!isObject(parsed)) return malformed(`the JSON is ${describeJson(parsed)}, not an object`, redactDeep(parsed, secrets));
  // Outcomes must stay plain, serialisable data (history, webview messages, the API); JSON.stringify
  // overflows the stack on very deep nesting, and no Telesign body is more than a few levels deep.
  if (nestedDeeperThan(parsed, MAX_JSON_DEPTH)) return malformed(`the JSON is nested more than ${MAX_JSON_DEPTH} levels deep`);
  const body = redactDeep(parsed, secrets) as Json;

  if (httpStatus >= 200 && httpStatus < 300) {
    if (!isObject(body.status) && typeof body.state !== 'string' && body.reference_id === undefined) {
      return malformed('no status, state or reference_id in the body', body);
    }
    return { ok: true, value: { ...successFields(body, input.endpoint), httpStatus } };
  }

  const { code, description } = errorCodeOf(body);
  const signatureString = signatureStringOf(body);
  return {
    ok: false,
    error: httpError({
      httpStatus,
      endpoint: input.endpoint,
      ...(code !== undefined ? { code } : {}),
      ...(description !== undefined ? { description: redact(description, secrets) } : {}),
      ...(input.retries !== undefined ? { retries: input.retries } : {}),
      ...(input.retryAfterSeconds !== undefined ? { retryAfterSeconds: input.retryAfterSeconds } : {}),
      ...(signatureString !== undefined ? { signatureString: redact(signatureString, secrets) } : {}),
      raw: body,
    }),
  };
}
