// Which family a callback body belongs to, from the fields each family alone carries (§2.7).
import { int, isObject, obj, text } from './read';
import type { Json } from './read';
import type { CallbackFamily } from './types';

export const FAMILY_LABELS: Readonly<Record<CallbackFamily, string>> = {
  'messaging-delivery': 'Messaging delivery report',
  'messaging-read': 'Messaging read notification',
  'sms-delivery': 'SMS delivery report',
  'sms-verify-delivery': 'SMS Verify delivery report',
  'voice-verify-delivery': 'Voice Verify report',
  'bulk-sms': 'Bulk SMS delivery report',
  'verify-api': 'Verify API state change',
  inbound: 'Inbound message',
  'template-review': 'Template review',
  unknown: 'Unrecognised callback',
};

/** The code-context words each family puts in front of its codes so the catalog ranks them by context. */
export const FAMILY_CONTEXT: Readonly<Record<CallbackFamily, string>> = {
  'messaging-delivery': 'omnichannel callback',
  'messaging-read': 'omnichannel callback read',
  'sms-delivery': 'callback /v1/messaging',
  'sms-verify-delivery': 'SMS Verify callback /v1/verify',
  'voice-verify-delivery': 'voice verify callback /v1/verify',
  'bulk-sms': 'bulk_sms callback /v1/verify/bulk_sms',
  'verify-api': 'callback verify.telesign.com /verification',
  inbound: 'inbound callback',
  'template-review': 'templates callback /v1/omnichannel/templates',
  unknown: 'callback',
};

const TEMPLATE_CODES = new Set([3850, 3851, 3852, 3853, 3854, 3855, 3856, 3857]);
const READ_CODE = 3005;

export function classify(body: Json): CallbackFamily {
  const sub = text(body.sub_resource)?.toLowerCase();
  const status = obj(body.status);
  const code = status ? int(status.code) : null;
  if ((sub && sub.startsWith('mo_')) || isObject(body.user_response)) return 'inbound';
  if (sub === 'bulk_sms' || text(body.session_id) !== undefined) return 'bulk-sms';
  if (Array.isArray(body.inner_methods) || Array.isArray(body.verification_policy) || (typeof body.state === 'string' && !status)) {
    return 'verify-api';
  }
  if (
    (code !== null && TEMPLATE_CODES.has(code)) ||
    (text(body.name) !== undefined && text(body.channel) !== undefined && !Array.isArray(body.channel_status))
  ) {
    return 'template-review';
  }
  if (Array.isArray(body.channel_status) || (status && text(status.last_channel) !== undefined)) {
    return code === READ_CODE ? 'messaging-read' : 'messaging-delivery';
  }
  if (code === READ_CODE) return 'messaging-read';
  if (sub === 'call') return 'voice-verify-delivery';
  if (isObject(body.verify) || isObject(body.score_status) || isObject(body.sim_swap)) return 'sms-verify-delivery';
  if (sub === 'sms' || isObject(body.additional_info) || text(body.submit_timestamp) !== undefined || code !== null) return 'sms-delivery';
  return 'unknown';
}
