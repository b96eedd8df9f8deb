// parseCallback: one lenient reader for every callback family. It never throws on odd shapes; what it had
// to tolerate is listed in `notes`.
import { classify, FAMILY_LABELS } from './family';
import { maskBody, maskEmail, maskPhone, maskText } from './mask';
import { arr, idList, int, isObject, num, obj, str, text, time } from './read';
import { channels, collectCodes, inbound, inboundText, innerMethods, newest, policy } from './parts';
import type { ParseCallbackResult, ParsedCallback } from './types';

/** Callback bodies are small; anything larger is refused before parsing. */
export const MAX_CALLBACK_BYTES = 1024 * 1024;

export function readCallback(body: unknown): ParseCallbackResult {
  if (!isObject(body)) {
    return {
      ok: false,
      error:
        'A Telesign callback body is a JSON object; this is ' +
        (Array.isArray(body) ? 'an array.' : `a ${body === null ? 'null' : typeof body}.`),
    };
  }
  const notes: string[] = [];
  const family = classify(body);
  const sub = text(body.sub_resource);
  const st = obj(body.status) ?? {};
  if (typeof st.code === 'string') notes.push('status.code was sent as a string');
  const info = obj(body.additional_info) ?? {};
  if (typeof info.message_parts_count === 'string') notes.push('additional_info.message_parts_count was sent as a string');
  const verify = obj(body.verify);
  const score = obj(obj(body.score_status)?.risk);
  const swap = obj(body.sim_swap);
  const chans = channels(body, notes);
  const inner = innerMethods(body, notes);
  const status = { code: int(st.code), description: text(st.description), updatedOn: time(st.updated_on, 'status.updated_on', notes) };
  const updatedOn = time(body.updated_on, 'updated_on', notes);
  const parts = idList(info.message_parts_reference_ids);
  const isInbound = family === 'inbound';
  const inb = isInbound ? inbound(body, sub) : undefined;
  const children = new Set<string>();
  for (const id of [...chans.map((c) => c.referenceId), ...parts, inb?.originalReferenceId]) if (id) children.add(id.toUpperCase());
  const referenceId = text(body.reference_id);
  if (referenceId) children.delete(referenceId.toUpperCase());
  const price = text(info.price) ?? text(body.price);
  const currency = text(info.currency) ?? text(body.currency);
  const base = {
    family,
    label: FAMILY_LABELS[family],
    referenceId,
    childReferenceIds: [...children],
    externalId: body.external_id === null ? null : text(body.external_id),
    sessionId: text(body.session_id),
    subResource: sub,
    status,
    state: text(body.state),
    lastChannel: text(st.last_channel),
    channels: chans,
    errors: arr(body.errors).flatMap((e) => (isObject(e) ? [{ code: int(e.code), description: text(e.description) }] : [])),
    innerMethods: inner,
    verificationPolicy: policy(body),
    submittedAt: time(body.submit_timestamp, 'submit_timestamp', notes),
    createdOn: time(body.created_on, 'created_on', notes),
    latestTime: newest([status.updatedOn, updatedOn, ...chans.map((c) => c.updatedOn), ...inner.map((m) => m.updatedOn)]),
    verify: verify ? { codeState: text(verify.code_state), codeEnteredPresent: text(verify.code_entered) !== undefined } : undefined,
    risk: score ? { recommendation: text(score.recommendation), score: num(score.score), level: text(score.level) } : undefined,
    simSwap: swap
      ? {
          riskIndicator: num(swap.risk_indicator),
          swapDate: text(swap.swap_date),
          swapTime: text(swap.swap_time),
          statusCode: int(obj(swap.status)?.code),
        }
      : undefined,
    messageParts:
      info.message_parts_count !== undefined || parts.length > 0
        ? { count: num(info.message_parts_count), sequence: num(info.message_part_sequence_number), referenceIds: parts }
        : undefined,
    price: price !== undefined || currency !== undefined ? { amount: price, currency } : undefined,
    mcc: text(info.mcc),
    mnc: text(info.mnc),
    inbound: inb,
    template:
      family === 'template-review'
        ? {
            name: text(body.name),
            channel: text(body.channel),
            languages: arr(body.language)
              .map(str)
              .filter((x): x is string => x !== undefined),
          }
        : undefined,
    notes,
  };
  if (family === 'unknown') {
    notes.push('no field identifies the family (status.code, channel_status, inner_methods, sub_resource, user_response …)');
  }
  const codes = collectCodes(family, base, swap ? int(obj(swap.status)?.code) : null);
  const ur = obj(body.user_response) ?? {};
  const phone =
    text(ur.phone_number) ?? text(body.phone_number) ?? text(obj(body.recipient)?.phone_number) ?? text(info.cleansed_phone_number);
  const email = text(body.email) ?? text(obj(body.recipient)?.email);
  const msg = isInbound ? inboundText(body) : undefined;
  // Accessors, not fields: spreading or serialising the callback never carries the raw values.
  const callback: ParsedCallback = {
    ...base,
    codes,
    phone: (reveal = false) => (phone === undefined ? undefined : reveal ? phone : maskPhone(phone)),
    email: (reveal = false) => (email === undefined ? undefined : reveal ? email : maskEmail(email)),
    text: (reveal = false) => (msg === undefined ? undefined : reveal ? msg : maskText(msg)),
    maskedBody: () => maskBody(body),
  };
  return { ok: true, callback, body };
}

/**
 * Parses a callback as received: raw body bytes (UTF-8 JSON) and, optionally, its headers (a JSON
 * content type is expected but not required: a wrong one becomes a note).
 */
export function parseCallback(
  rawBody: Buffer | string,
  headers: Readonly<Record<string, string | string[] | undefined>> = {},
): ParseCallbackResult {
  const bytes = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  if (bytes.length === 0) return { ok: false, error: 'The callback has an empty body; Telesign always sends a JSON object.' };
  if (bytes.length > MAX_CALLBACK_BYTES) {
    return { ok: false, error: `The callback body is ${bytes.length} bytes, over the ${MAX_CALLBACK_BYTES}-byte limit for callbacks.` };
  }
  let body: unknown;
  try {
    body = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: `The callback body is not valid JSON (${e instanceof Error ? e.message : String(e)}).` };
  }
  const result = readCallback(body);
  const type = headerValue(headers, 'content-type');
  if (result.ok && type !== undefined && !/^application\/json\b/i.test(type)) {
    (result.callback.notes as string[]).push(`Content-Type is "${type}"; Telesign sends application/json`);
  }
  return result;
}

/** A header by case-insensitive name; the first value when repeated. */
export function headerValue(headers: Readonly<Record<string, string | string[] | undefined>>, name: string): string | undefined {
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() === name) return Array.isArray(v) ? v[0] : v;
  }
  return undefined;
}
