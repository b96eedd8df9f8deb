// The pieces of a callback body readCallback (parse.ts) assembles: channels, inner methods, policy steps,
// inbound messages, the newest timestamp and every code with where it sits.
import { FAMILY_CONTEXT } from './family';
import { arr, int, num, obj, text, time } from './read';
import type { Json } from './read';
import type {
  CallbackChannel,
  CallbackCode,
  CallbackFamily,
  CallbackTime,
  InboundInfo,
  InnerMethod,
  ParsedCallback,
  PolicyStep,
} from './types';

export function codeLine(family: CallbackFamily, path: string, json: string): string {
  return `${FAMILY_CONTEXT[family]} ${path}: ${json}`;
}

export function channels(body: Json, notes: string[]): CallbackChannel[] {
  const out: CallbackChannel[] = [];
  arr(body.channel_status).forEach((entry, i) => {
    const o = obj(entry);
    const name = o ? Object.keys(o)[0] : undefined;
    const c = name !== undefined ? obj(o?.[name]) : undefined;
    if (!name || !c) return void notes.push(`channel_status[${i}] is not a {"<channel>": {...}} object; skipped`);
    out.push({
      channel: name,
      code: int(c.code),
      description: text(c.description),
      referenceId: text(c.reference_id),
      updatedOn: time(c.updated_on, `channel_status[${i}].${name}.updated_on`, notes),
    });
  });
  return out;
}

export function innerMethods(body: Json, notes: string[]): InnerMethod[] {
  return arr(body.inner_methods).flatMap((m, i): InnerMethod[] => {
    const o = obj(m);
    if (!o) return [];
    const at = `inner_methods[${i}]`;
    return [
      {
        method: text(o.method) ?? '?',
        state: text(o.state),
        errCode: int(o.err_code),
        errMsg: text(o.err_msg),
        triedOn: time(o.tried_on, `${at}.tried_on`, notes),
        updatedOn: time(o.updated_on, `${at}.updated_on`, notes),
        expiresOn: time(o.expires_on, `${at}.expires_on`, notes),
      },
    ];
  });
}

export function policy(body: Json): PolicyStep[] {
  return arr(body.verification_policy).flatMap((p) => {
    const o = obj(p);
    const method = o && text(o.method);
    return method ? [{ method, fallbackTimeS: num(o.fallback_time) }] : [];
  });
}

export function inbound(body: Json, sub: string | undefined): InboundInfo {
  const ur = obj(body.user_response) ?? {};
  const content = obj(body.content) ?? {};
  const action = obj(content.end_user_action) ?? {};
  return {
    channel: sub?.startsWith('mo_') ? sub.slice(3) : 'sms',
    action: text(ur.action) ?? text(action.action),
    keyword: text(ur.keyword) ?? text(action.keyword),
    senderId: text(ur.sender_id) ?? text(body.rcs_sender_id),
    isoCountryCode: text(ur.iso_country_code) ?? text(action.iso_country_code),
    originalReferenceId: text(action.original_reference_id) ?? text(content.original_reference_id),
    contentType: text(content.type),
  };
}

export function inboundText(body: Json): string | undefined {
  const ur = obj(body.user_response) ?? {};
  const content = obj(body.content) ?? {};
  const inner = obj(content.content) ?? {};
  return text(ur.mo_message) ?? text(content.text) ?? text(inner.body) ?? text(content.text_1) ?? text(obj(content.end_user_action)?.text);
}

export function newest(times: readonly (CallbackTime | undefined)[]): CallbackTime | undefined {
  let best: CallbackTime | undefined;
  for (const t of times) if (t?.iso && (!best?.iso || t.iso > best.iso)) best = t;
  return best ?? times.find((t) => t !== undefined);
}

export function collectCodes(
  family: CallbackFamily,
  cb: Omit<ParsedCallback, 'codes' | 'phone' | 'email' | 'text' | 'maskedBody'>,
  simSwapCode: number | null,
): CallbackCode[] {
  const codes: CallbackCode[] = [];
  const s = cb.status;
  if (s.code !== null) {
    codes.push({
      path: 'status.code',
      code: s.code,
      description: s.description,
      context: codeLine(family, 'status.code', `{"status":{"code":${s.code}}}`),
    });
  }
  cb.channels.forEach((c, i) => {
    if (c.code === null) return;
    const path = `channel_status[${i}].${c.channel}.code`;
    codes.push({
      path,
      code: c.code,
      description: c.description,
      context: codeLine(family, path, `{"channel_status":[{"${c.channel}":{"code":${c.code}}}]}`),
    });
  });
  cb.errors.forEach((e, i) => {
    if (e.code === null) return;
    const path = `errors[${i}].code`;
    codes.push({ path, code: e.code, description: e.description, context: codeLine(family, path, `{"errors":[{"code":${e.code}}]}`) });
  });
  cb.innerMethods.forEach((m, i) => {
    if (m.errCode === null) return;
    const path = `inner_methods[${i}].err_code`;
    codes.push({
      path,
      code: m.errCode,
      description: m.errMsg,
      context: codeLine(family, path, `{"inner_methods":[{"method":"${m.method}","err_code":${m.errCode}}]}`),
    });
  });
  if (simSwapCode !== null) {
    codes.push({
      path: 'sim_swap.status.code',
      code: simSwapCode,
      context: codeLine(family, 'sim_swap.status.code', `{"sim_swap":{"status":{"code":${simSwapCode}}}}`),
    });
  }
  return codes;
}

/** Reads an already-decoded JSON value as a callback. */
