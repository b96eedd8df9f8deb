// Turns what came back (status, content type, body text) into the fields of a LookupSuccess, or a
// LookupError. Telesign's published examples disagree with its schemas, so everything is read
// defensively and nothing here throws: garbage becomes `malformed-response` with a redacted preview.
import type { ApiErrorEntry, ChannelStatus, EndpointId, LookupError, LookupSuccess, StatusInfo, VerifyState } from './types';
import { httpError, malformedResponseError } from './errors';
import { redact, redactDeep, redactSecrets } from './redact';

export type SuccessFields = Omit<LookupSuccess, 'ok' | 'referenceId' | 'verifyCode' | 'request' | 'timing' | 'attempts'>;

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

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** Telesign codes are integers; tolerate them sent as numeric strings. */
function asCode(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v);
  return null;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.:,](\d{1,9}))?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * ISO 8601 (UTC, millisecond precision) for the timestamp shapes Telesign sends, or undefined when
 * the value cannot be read without guessing (the spec's own `2022-31-03…` has no month 31; we do not
 * swap day and month). `2020-05-04 22:07:01:226` has no zone: Telesign reports UTC everywhere else,
 * so it is read as UTC.
 */
export function parseTelesignTimestamp(raw: string): string | undefined {
  const m = TIMESTAMP.exec(raw.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const ms = m[7] ? Number(m[7].padEnd(3, '0').slice(0, 3)) : 0;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(utc);
  // Rejects 31 April, 29 February in a common year, and so on.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  let offsetMinutes = 0;
  const zone = m[8];
  if (zone && zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    const hours = Number(digits.slice(1, 3));
    const minutes = Number(digits.slice(3, 5));
    if (hours > 23 || minutes > 59) return undefined;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
  return new Date(utc - offsetMinutes * 60_000).toISOString();
}

function timestampFields(v: unknown): { updatedOn?: string; updatedOnRaw?: string } {
  const raw = asString(v);
  if (raw === undefined) return {};
  const iso = parseTelesignTimestamp(raw);
  return iso !== undefined ? { updatedOn: iso, updatedOnRaw: raw } : { updatedOnRaw: raw };
}

function statusInfo(v: unknown): StatusInfo {
  const s = isObject(v) ? v : {};
  const lastChannel = asString(s.last_channel);
  return {
    code: asCode(s.code),
    description: asString(s.description) ?? '',
    ...(lastChannel !== undefined ? { lastChannel } : {}),
    ...timestampFields(s.updated_on),
  };
}

function channelEntry(channel: string, v: unknown): ChannelStatus {
  const c = isObject(v) ? v : {};
  const referenceId = asString(c.reference_id);
  return {
    channel,
    code: asCode(c.code),
    description: asString(c.description) ?? '',
    ...(referenceId !== undefined ? { referenceId } : {}),
    ...timestampFields(c.updated_on),
  };
}

/** `channel_status` is documented as an array of single-key objects; also accept a plain map. */
function channels(v: unknown): ChannelStatus[] {
  if (isObject(v)) return Object.entries(v).map(([k, entry]) => channelEntry(k, entry));
  if (!Array.isArray(v)) return [];
  return v.flatMap((item): ChannelStatus[] => {
    if (!isObject(item)) return [];
    if (typeof item.channel === 'string') return [channelEntry(item.channel, item)];
    return Object.entries(item).map(([k, entry]) => channelEntry(k, entry));
  });
}

function errorEntries(v: unknown): ApiErrorEntry[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((e): ApiErrorEntry[] => {
    if (!isObject(e)) return [];
    const code = asCode(e.code);
    return code === null ? [] : [{ code, description: asString(e.description) ?? '' }];
  });
}

const VERIFY_STATES: readonly VerifyState[] = ['VALID', 'INVALID', 'UNKNOWN', 'EXPIRED', 'MAX_ATTEMPTS_EXCEEDED'];

function verifyInfo(v: unknown): SuccessFields['verify'] {
  if (!isObject(v)) return undefined;
  const state = asString(v.code_state)?.toUpperCase();
  const entered = asString(v.code_entered);
  return {
    // An unlisted state is shown as UNKNOWN; the raw body keeps the original.
    state: VERIFY_STATES.find((s) => s === state) ?? 'UNKNOWN',
    // `""` (SIM swap example) and null both mean no code was entered.
    codeEntered: entered === undefined || entered === '' ? null : entered,
  };
}

const MODELLED = new Set(['reference_id', 'status', 'verify', 'channel_status', 'price', 'currency', 'external_id', 'sub_resource', 'errors', 'state', 'additional_info']);
const MODELLED_ADDITIONAL = new Set(['price', 'currency', 'mcc', 'mnc']);

function successFields(body: Json, endpoint: EndpointId): SuccessFields {
  const additional = isObject(body.additional_info) ? body.additional_info : {};
  const pick = (key: string): string | undefined => asString(body[key]) ?? asString(additional[key]);
  // From entries, not by assignment: a body's `__proto__` key must stay a key, not become the prototype.
  const extra: Record<string, unknown> = Object.fromEntries(Object.entries(body).filter(([k]) => !MODELLED.has(k)));
  const otherAdditional = Object.entries(additional).filter(([k]) => !MODELLED_ADDITIONAL.has(k));
  if (otherAdditional.length > 0) extra.additional_info = Object.fromEntries(otherAdditional);
  else if (body.additional_info !== undefined && !isObject(body.additional_info)) extra.additional_info = body.additional_info;

  const state = asString(body.state);
  let status = statusInfo(body.status);
  // The Verify API has no status object: its process state and top-level updated_on stand in.
  if (!isObject(body.status) && endpoint === 'verification') {
    status = { code: null, description: state ?? '', ...timestampFields(body.updated_on) };
  }
  const verify = verifyInfo(body.verify);
  const price = pick('price');
  const currency = pick('currency');
  const mcc = pick('mcc');
  const mnc = pick('mnc');
  const externalId = body.external_id === null ? null : asString(body.external_id);
  const subResource = body.sub_resource === null ? null : asString(body.sub_resource);
  return {
    httpStatus: 0,
    status,
    ...(verify !== undefined ? { verify } : {}),
    channels: channels(body.channel_status),
    ...(price !== undefined ? { price } : {}),
    ...(currency !== undefined ? { currency } : {}),
    ...(mcc !== undefined ? { mcc } : {}),
    ...(mnc !== undefined ? { mnc } : {}),
    ...(externalId !== undefined ? { externalId } : {}),
    ...(subResource !== undefined ? { subResource } : {}),
    ...(state !== undefined ? { state } : {}),
    errors: errorEntries(body.errors),
    extra,
    raw: body,
  };
}

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
