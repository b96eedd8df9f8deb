// The fields of a successful answer, read defensively from whatever JSON came back: timestamps as Telesign
// writes them, status, channels, errors, verification, and what is left over (`extra`). Nothing here throws.
import { ENDPOINTS } from './endpoints';
import type { ApiErrorEntry, ChannelStatus, EndpointId, LookupSuccess, StatusInfo, VerifyState } from './types';

export type SuccessFields = Omit<LookupSuccess, 'ok' | 'referenceId' | 'verifyCode' | 'request' | 'timing' | 'attempts'>;

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function asString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** Telesign codes are integers; tolerate them sent as numeric strings. */
export function asCode(v: unknown): number | null {
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

export function errorEntries(v: unknown): ApiErrorEntry[] {
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

const MODELLED = new Set([
  'reference_id',
  'status',
  'verify',
  'channel_status',
  'price',
  'currency',
  'external_id',
  'sub_resource',
  'errors',
  'state',
  'additional_info',
]);
const MODELLED_ADDITIONAL = new Set(['price', 'currency', 'mcc', 'mnc']);

export function successFields(body: Json, endpoint: EndpointId): SuccessFields {
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
  if (!isObject(body.status) && ENDPOINTS[endpoint].reportsProcessState) {
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
