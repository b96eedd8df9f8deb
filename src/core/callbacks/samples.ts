// Realistic test callbacks for "Send Test Callback" (the `trigger` half): one body per kind in the shapes
// Telesign publishes (test/fixtures/callbacks), for a chosen reference ID and time. The phone number is a
// reserved example number; nothing here is a real end user.
import { randomBytes } from 'crypto';
import type { CallbackFamily } from './types';

export type TestCallbackKind = Exclude<CallbackFamily, 'unknown' | 'voice-verify-delivery'>;

export const TEST_CALLBACK_KINDS: readonly TestCallbackKind[] = [
  'messaging-delivery',
  'messaging-read',
  'sms-delivery',
  'sms-verify-delivery',
  'verify-api',
  'inbound',
  'template-review',
  'bulk-sms',
];

export function isTestCallbackKind(v: unknown): v is TestCallbackKind {
  return typeof v === 'string' && (TEST_CALLBACK_KINDS as readonly string[]).includes(v);
}

/** A fresh reference ID (32 hex characters), for when the user picks none. */
export function newReferenceId(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}

const PHONE = '15555550123';

/** The callback body for `kind`, as Telesign would POST it for `referenceId` at `now`. */
export function testCallbackBody(kind: TestCallbackKind, referenceId: string, now: Date = new Date()): Record<string, unknown> {
  const at = now.toISOString().replace(/Z$/, '000Z');
  const earlier = new Date(now.getTime() - 30_000).toISOString().replace(/Z$/, '000Z');
  const child = (n: number) => referenceId.slice(0, 30) + n.toString(16).toUpperCase().padStart(2, '0');
  switch (kind) {
    case 'messaging-delivery':
      return {
        reference_id: referenceId,
        external_id: null,
        status: { code: 3000, description: 'Delivered', last_channel: 'sms', updated_on: at },
        channel_status: [
          {
            whatsapp: {
              code: 3056,
              description: 'Message failed to deliver in specified fallback time',
              reference_id: child(1),
              updated_on: earlier,
            },
          },
          { sms: { code: 3000, description: 'Delivered', reference_id: child(2), updated_on: at } },
        ],
      };
    case 'messaging-read':
      return {
        reference_id: referenceId,
        external_id: null,
        status: { code: 3005, description: 'Message is read', last_channel: 'whatsapp', updated_on: at },
      };
    case 'sms-delivery':
      return {
        reference_id: referenceId,
        status: { code: 200, description: 'Delivered to handset', updated_on: at },
        sub_resource: 'sms',
        errors: [],
        submit_timestamp: earlier,
        additional_info: {
          mcc: '310',
          mnc: '004',
          price: '0.0075',
          currency: 'USD',
          message_parts_count: 1,
          message_parts_reference_ids: child(1),
        },
      };
    case 'sms-verify-delivery':
      return {
        reference_id: referenceId,
        status: { code: 200, description: 'Delivered to handset', updated_on: at },
        submit_timestamp: earlier,
        errors: [],
        verify: { code_state: 'UNKNOWN', code_entered: null },
        sub_resource: 'sms',
        additional_info: { message_parts_count: 1, price: '0.0250', mnc: '004', mcc: '310', currency: 'USD' },
      };
    case 'verify-api':
      return {
        reference_id: referenceId,
        created_on: earlier,
        updated_on: at,
        state: 'VERIFIED',
        recipient: { phone_number: PHONE },
        verification_policy: [{ method: 'sms', fallback_time: 30 }],
        inner_methods: [{ method: 'sms', state: 'VERIFIED', err_code: 3900, err_msg: 'Verified', tried_on: earlier, updated_on: at }],
      };
    case 'inbound':
      return {
        reference_id: referenceId,
        status: { updated_on: at, description: 'Delivered to customer', code: 1500 },
        sub_resource: 'mo_sms',
        user_response: {
          sender_id: '4442',
          iso_country_code: 'US',
          action: 'stop',
          keyword: 'STOP',
          phone_number: PHONE,
          mo_message: 'STOP',
          price: '0.0075',
        },
        errors: {},
        submit_timestamp: at,
      };
    case 'template-review':
      return {
        reference_id: referenceId,
        name: 'order_update',
        channel: 'whatsapp',
        language: ['en_US'],
        status: { code: 3851, description: 'Template approved by provider', updated_on: at },
      };
    case 'bulk-sms':
      return {
        reference_id: referenceId,
        status: { code: 200, description: 'Delivered to handset', updated_on: at },
        errors: [],
        sub_resource: 'bulk_sms',
        session_id: child(0),
      };
  }
}
