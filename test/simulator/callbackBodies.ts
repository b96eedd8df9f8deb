// What the simulator POSTs: each transaction's callbacks over time (the real body shapes, §2.7 and
// test/fixtures/callbacks), and the on-demand ones (inbound messages, template reviews, bulk SMS).
import type { CallbackFamily } from '../../src/core/callbacks';
import { telesignTimestamp } from './clock';
import { statusText } from './codes';
import { renderMessaging, renderOmnichannel, renderVerification, renderVerify } from './transactions';
import type { Transaction } from './transactions';

export interface CallbackEvent {
  /** Sim time the state change happened. */
  readonly at: number;
  readonly family: CallbackFamily;
  readonly body: Record<string, unknown>;
}

const FINAL_MESSAGING = new Set([3000, 3005, 3003]);

function omnichannelEvents(tx: Transaction): CallbackEvent[] {
  const times = new Set<number>([tx.createdAt]);
  let cursor = 0;
  for (const step of tx.spec.channels ?? []) {
    times.add(tx.createdAt + cursor);
    cursor += step.afterMs;
    times.add(tx.createdAt + cursor);
  }
  const events: CallbackEvent[] = [];
  let last = '';
  for (const at of [...times].sort((a, b) => a - b)) {
    const body = renderOmnichannel(tx, at, undefined);
    delete body.verify;
    const key = JSON.stringify([body.status, body.channel_status]);
    if (key === last) continue;
    last = key;
    events.push({ at, family: 'messaging-delivery', body });
  }
  const final = events[events.length - 1];
  const status = final?.body.status as { code: number; last_channel: string } | undefined;
  if (final && status?.code === 3000 && tx.spec.readAfterMs !== undefined) {
    const at = final.at + tx.spec.readAfterMs;
    const read: Record<string, unknown> = {
      reference_id: tx.referenceId,
      status: { code: 3005, description: statusText(3005), last_channel: status.last_channel, updated_on: telesignTimestamp(at) },
    };
    if (tx.spec.externalId !== undefined) read.external_id = tx.spec.externalId;
    events.push({ at, family: 'messaging-read', body: read });
  }
  return events.filter(
    (e, i) => i === 0 || !FINAL_MESSAGING.has((events[i - 1].body.status as { code: number }).code) || e.family === 'messaging-read',
  );
}

function stepTimes(tx: Transaction, fallback: number[]): number[] {
  const steps = tx.spec.progression?.map((s) => s.afterMs) ?? fallback;
  return [...new Set(steps)].sort((a, b) => a - b).map((ms) => tx.createdAt + ms);
}

function verifyEvents(tx: Transaction): CallbackEvent[] {
  const call = (tx.spec.subResource ?? 'sms') === 'call';
  return stepTimes(tx, call ? [0, 20_000] : [0, 5_000]).map((at) => {
    const body = renderVerify(tx, at, undefined);
    // A report is not a code check: code_state is always UNKNOWN and nothing was entered.
    body.verify = { code_state: 'UNKNOWN', code_entered: null };
    body.submit_timestamp = telesignTimestamp(tx.createdAt);
    return { at, family: call ? 'voice-verify-delivery' : 'sms-verify-delivery', body };
  });
}

function smsEvents(tx: Transaction): CallbackEvent[] {
  return stepTimes(tx, [0, 5_000]).map((at) => {
    const body = renderMessaging(tx, at);
    return {
      at,
      family: 'sms-delivery',
      body: { ...body, errors: [], sub_resource: 'sms', submit_timestamp: telesignTimestamp(tx.createdAt) },
    };
  });
}

const INNER_RESULT: Readonly<Record<string, [number, string]>> = { VERIFIED: [3900, 'Verified'] };

function verificationEvents(tx: Transaction): CallbackEvent[] {
  return stepTimes(tx, [0, 30_000]).map((at) => {
    const body = renderVerification(tx, at);
    const state = String(body.state);
    const inner: Record<string, unknown> = {
      method: 'sms',
      state,
      tried_on: telesignTimestamp(tx.createdAt),
      updated_on: telesignTimestamp(at),
    };
    const result = INNER_RESULT[state];
    if (result) [inner.err_code, inner.err_msg] = result;
    return { at, family: 'verify-api', body: { ...body, inner_methods: [inner] } };
  });
}

/** Every callback the transaction produces over its life, oldest first. Error-only references send none. */
export function transactionEvents(tx: Transaction): CallbackEvent[] {
  if (tx.spec.answer) return [];
  switch (tx.endpoint) {
    case 'omnichannel':
      return omnichannelEvents(tx);
    case 'verify':
      return verifyEvents(tx);
    case 'messaging':
      return smsEvents(tx);
    case 'verification':
      return verificationEvents(tx);
  }
}

export const INBOUND_CHANNELS = ['sms', 'rcs', 'whatsapp', 'viber', 'mms', 'email'] as const;
export type InboundChannel = (typeof INBOUND_CHANNELS)[number];

export interface InboundSpec {
  readonly channel?: InboundChannel;
  readonly text?: string;
  readonly phoneNumber?: string;
  readonly email?: string;
  readonly keyword?: string;
  readonly action?: string;
  readonly senderId?: string;
  readonly originalReferenceId?: string;
}

/** An inbound (MO) message callback: 1500 "Delivered to customer", shaped per channel. */
export function inboundBody(spec: InboundSpec, referenceId: string, now: number): Record<string, unknown> {
  const channel = spec.channel ?? 'sms';
  const text = spec.text ?? 'Hello';
  const phone = spec.phoneNumber ?? '11234567890';
  const body: Record<string, unknown> = {
    reference_id: referenceId,
    status: { updated_on: telesignTimestamp(now), description: 'Delivered to customer', code: 1500 },
    sub_resource: `mo_${channel}`,
  };
  const action = spec.keyword || spec.action ? { action: spec.action ?? 'generic', keyword: spec.keyword ?? '' } : undefined;
  if (channel === 'sms') {
    body.user_response = {
      sender_id: spec.senderId ?? '4442',
      iso_country_code: 'US',
      action: action?.action ?? 'generic',
      keyword: action?.keyword ?? '',
      phone_number: phone,
      mo_message: text,
      price: '0.0075',
    };
    body.errors = {};
    body.submit_timestamp = telesignTimestamp(now);
    return body;
  }
  if (channel === 'email') {
    return { ...body, email: spec.email ?? 'name@example.com', content: { end_user_action: { template: 'text', event: 'unsubscribe' } } };
  }
  body.phone_number = phone;
  const reply = spec.originalReferenceId
    ? {
        original_reference_id: spec.originalReferenceId,
        text,
        ...(action ? { action: action.action.toUpperCase(), keyword: action.keyword } : {}),
      }
    : undefined;
  if (channel === 'whatsapp') {
    return {
      ...body,
      waba_phone_number: spec.senderId ?? '15558675310',
      content: { type: 'text', content: { body: text }, ...(reply ? { end_user_action: reply } : {}) },
    };
  }
  if (channel === 'rcs') {
    return {
      ...body,
      rcs_sender_id: spec.senderId ?? 'inspector_agent',
      content: { text, ...(reply ? { end_user_action: { postback_data: 'sim', ...reply } } : {}) },
    };
  }
  if (channel === 'viber') {
    return {
      ...body,
      content: { original_reference_id: spec.originalReferenceId ?? '', text, tracking_data: '', media: '', file_name: '' },
    };
  }
  return { ...body, content: { text_1: text } };
}

export const TEMPLATE_TEXTS: Readonly<Record<number, string>> = {
  3850: 'Template successfully created',
  3851: 'Template approved by provider',
  3852: 'Template rejected by provider',
  3853: 'Template successfully removed',
  3854: 'Template flagged by provider',
  3855: 'Template disabled by provider',
  3857: 'Removal unsuccessful - provider temporary problem',
};

export interface TemplateSpec {
  readonly name?: string;
  readonly channel?: 'whatsapp' | 'sms';
  readonly code?: number;
  readonly languages?: readonly string[];
}

export function templateBody(spec: TemplateSpec, referenceId: string, now: number): Record<string, unknown> {
  const code = spec.code ?? 3851;
  return {
    reference_id: referenceId,
    name: spec.name ?? 'WAMarketingTemplate1',
    channel: spec.channel ?? 'whatsapp',
    language: spec.languages ?? ['en_US'],
    status: { code, description: TEMPLATE_TEXTS[code], updated_on: telesignTimestamp(now) },
  };
}

export interface BulkSpec {
  readonly code?: number;
  readonly sessionId?: string;
}

export function bulkBody(spec: BulkSpec, referenceId: string, now: number): Record<string, unknown> {
  const code = spec.code ?? 200;
  const description = code === 286 ? 'Transaction not attempted' : statusText(code);
  return {
    reference_id: referenceId,
    status: { code, description, updated_on: telesignTimestamp(now) },
    errors: [],
    sub_resource: 'bulk_sms',
    session_id: spec.sessionId ?? referenceId,
  };
}
