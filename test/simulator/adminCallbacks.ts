// Admin routes for callbacks (/_sim/callbacks…): the target URL, on-demand callbacks and the delivery log.
import { randomBytes } from 'crypto';
import { bulkBody, INBOUND_CHANNELS, inboundBody, TEMPLATE_TEXTS, templateBody } from './callbackBodies';
import type { TemplateSpec } from './callbackBodies';
import { RETRY_DELAYS_MS } from './callbacks';
import type { CallbackDispatcher } from './callbacks';

export const CALLBACK_HELP = {
  'GET /_sim/callbacks': "the callback URL, retry schedule and every delivery with its attempts and the receiver's answers",
  'POST /_sim/callbacks/url': '{"url":"http://127.0.0.1:9000/cb"} (loopback http only) or {"url":null}',
  'POST /_sim/callbacks':
    '{"kind":"inbound","channel":"whatsapp","text":"hi"} | {"kind":"template","code":3852} | {"kind":"bulk-sms","code":286}; optional "url", "referenceId"',
  'DELETE /_sim/callbacks': 'clear the delivery log',
};

function record(x: unknown): Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new Error('body must be a JSON object');
  return x as Record<string, unknown>;
}

function optString(o: Record<string, unknown>, k: string): string | undefined {
  if (o[k] === undefined) return undefined;
  if (typeof o[k] !== 'string') throw new Error(`"${k}" must be a string`);
  return o[k];
}

/** Handles a callbacks route; undefined when the path is not one. */
export function callbackRoute(
  method: string,
  path: string,
  body: unknown,
  d: CallbackDispatcher,
  now: number,
): { status: number; body: unknown } | undefined {
  if (path === '/_sim/callbacks' && method === 'GET') {
    return { status: 200, body: { url: d.url ?? null, timeoutMs: d.timeoutMs, retryDelaysMs: RETRY_DELAYS_MS, deliveries: d.list() } };
  }
  if (path === '/_sim/callbacks' && method === 'DELETE') {
    d.clear();
    return { status: 200, body: { deliveries: [] } };
  }
  if (path === '/_sim/callbacks/url' && method === 'POST') {
    const o = record(body);
    if (o.url !== null && typeof o.url !== 'string') throw new Error('send {"url": "http://127.0.0.1:PORT/path"} or {"url": null}');
    d.setUrl(o.url);
    return { status: 200, body: { url: d.url ?? null } };
  }
  if (path !== '/_sim/callbacks' || method !== 'POST') return undefined;
  const o = record(body);
  const ref = optString(o, 'referenceId') ?? randomBytes(16).toString('hex').toUpperCase();
  if (!/^[0-9A-Fa-f]{32}$/.test(ref)) throw new Error('"referenceId" must be 32 hex characters');
  const url = optString(o, 'url');
  switch (o.kind) {
    case 'inbound': {
      const channel = o.channel ?? 'sms';
      if (!INBOUND_CHANNELS.includes(channel as never)) throw new Error(`"channel" must be one of ${INBOUND_CHANNELS.join(', ')}`);
      for (const k of ['text', 'phoneNumber', 'email', 'keyword', 'action', 'senderId', 'originalReferenceId']) optString(o, k);
      return { status: 201, body: d.send('inbound', inboundBody(o, ref.toUpperCase(), now), url) };
    }
    case 'template': {
      if (o.code !== undefined && !(Number(o.code) in TEMPLATE_TEXTS)) {
        throw new Error(`"code" must be one of ${Object.keys(TEMPLATE_TEXTS).join(', ')}`);
      }
      if (o.channel !== undefined && o.channel !== 'whatsapp' && o.channel !== 'sms') throw new Error('"channel" must be whatsapp or sms');
      return {
        status: 201,
        body: d.send(
          'template-review',
          templateBody({ ...(o as TemplateSpec), code: o.code === undefined ? undefined : Number(o.code) }, ref.toUpperCase(), now),
          url,
        ),
      };
    }
    case 'bulk-sms': {
      if (o.code !== undefined && typeof o.code !== 'number') throw new Error('"code" must be a number, e.g. 200 or 286');
      return { status: 201, body: d.send('bulk-sms', bulkBody(o, ref.toUpperCase(), now), url) };
    }
    default:
      throw new Error('"kind" must be inbound, template or bulk-sms (transaction callbacks follow their transactions)');
  }
}
