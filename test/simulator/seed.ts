// The seeded world: customers and transactions with stable, documented reference IDs. The first two
// transactions reproduce Telesign's published example bodies; the rest each demonstrate one behaviour.
// Times are relative to the sim clock when the simulator starts (or is reset).
import { DEMO_CREDENTIALS } from '../../src/core/telesign/demo';
import type { EndpointId } from '../../src/core/telesign/types';
import type { TransactionSpec } from './transactions';

export interface CustomerSpec {
  readonly customerId: string;
  readonly apiKey: string;
  /** Products this customer may query. Default: all four. */
  readonly products?: readonly EndpointId[];
  /** Overrides the simulator-wide rate limit for this customer. */
  readonly rateLimit?: RateLimit | null;
}

export interface RateLimit {
  /** Requests allowed per window, per customer. */
  readonly requests: number;
  /** Fixed window length on the sim clock. */
  readonly windowMs: number;
  /** Send `Retry-After` (seconds until the window ends) with the 429. Telesign documents none; default false. */
  readonly retryAfter?: boolean;
}

export const ALL_PRODUCTS: readonly EndpointId[] = ['omnichannel', 'verify', 'messaging', 'verification'];

/** A simulator-only customer without the Messaging and Verify API products: demonstrates 3206 / 3906. */
export const NO_OMNICHANNEL_CUSTOMER: CustomerSpec = Object.freeze({
  customerId: '00000000-0000-4000-8000-000000003206',
  // base64("simulator customer without omnichannel"): a fixed value that unlocks only this simulator.
  apiKey: 'c2ltdWxhdG9yIGN1c3RvbWVyIHdpdGhvdXQgb21uaWNoYW5uZWw=',
  products: ['verify', 'messaging'] as const,
});

export const SEEDED_CUSTOMERS: readonly CustomerSpec[] = [
  { customerId: DEMO_CREDENTIALS.customerId, apiKey: DEMO_CREDENTIALS.apiKey },
  NO_OMNICHANNEL_CUSTOMER,
];

function simRef(prefix: string, suffix: string): string {
  return prefix + '0'.repeat(32 - prefix.length - suffix.length) + suffix;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Stable reference IDs, by what they demonstrate. */
export const SEEDED = {
  /** Published example: auto-generated OTP 50361; viber 3112 → whatsapp 3000 Delivered. */
  autoOtp: '364C81F5F3D0020C91E7A731DE93A777',
  /** Published example: OTP not auto-generated (no `verify`); rcs 3112 → viber 3000 Delivered. */
  notAutoOtp: '364C82042F68010C91E2B8633BE34860',
  /** Omnichannel: sms 3001 in progress for 60 s of sim time, then 3000 Delivered. */
  inProgress: simRef('A', '3001'),
  /** Omnichannel: viber in progress 10 s → 3112; then whatsapp in progress 20 s → 3000. Auto OTP 1234567. */
  fallback: simRef('A', '3112'),
  /** Omnichannel: sms fails after 5 s; overall 3003 Delivery error. */
  failed: simRef('A', '3003'),
  /** Omnichannel: created 13 h before start → 404 -10004. */
  expired: simRef('A', '10004'),
  /** Omnichannel: always 429 3204. */
  alwaysRateLimited: simRef('A', '3204'),
  /** Omnichannel: always 503 3041. */
  alwaysUnavailable: simRef('A', '3041'),
  /** Verify (SMS Verify), published example ID: OTP 45558, valid for 11 h; 200 Delivered to handset. */
  verifySmsValid: '0123456789ABCDEF0123456789ABCDEF',
  /** Verify (SMS): OTP 11111, validity 10 min, created 30 min before start → EXPIRED when a code is asserted. */
  verifySmsExpired: simRef('B', '0001'),
  /** Verify (SMS): OTP 22222, 3 wrong attempts already made of 3 → MAX_ATTEMPTS_EXCEEDED. */
  verifySmsMaxAttempts: simRef('B', '0002'),
  /** Verify (Voice Verify, sub_resource call): OTP 12345; 103 Call in progress → 100 Call answered. */
  verifyCall: simRef('B', '0100'),
  /** SMS API (/v1/messaging): 290 Message in progress for 30 s, then 200 Delivered to handset. */
  messaging: simRef('C', '0290'),
  /** Verify API (/verification): ONGOING for 30 s, then VERIFIED. */
  verification: simRef('D', '3900'),
  /** Verify API: ONGOING until finalized (PATCH …/state) with security factor 572443. */
  verificationFinalize: simRef('D', '0001'),
} as const;

export const SEEDED_TRANSACTIONS: readonly TransactionSpec[] = [
  {
    referenceId: SEEDED.autoOtp,
    label: 'Published example: auto-generated OTP (viber 3112 → whatsapp 3000)',
    createdAgoMs: 5 * MINUTE,
    otp: '50361',
    autoOtp: true,
    channels: [
      { channel: 'viber', code: 3112, afterMs: 1_212, referenceId: '364C81F5F40C0120923096EEAF73053E' },
      { channel: 'whatsapp', code: 3000, afterMs: 1_788, referenceId: '364C81F5F46402189211BDE408330A86' },
    ],
    currency: 'USD',
    price: '0.0050',
    mcc: '310',
    mnc: '012',
  },
  {
    referenceId: SEEDED.notAutoOtp,
    label: 'Published example: OTP not auto-generated (rcs 3112 → viber 3000)',
    createdAgoMs: 5 * MINUTE,
    autoOtp: false,
    channels: [
      { channel: 'rcs', code: 3112, afterMs: 1_000, referenceId: '364C82042FB0020C91F68825B573C43D' },
      { channel: 'viber', code: 3000, afterMs: 1_551, referenceId: '364C820430640120923096E4E213053F' },
    ],
    currency: 'USD',
    price: '0.0050',
    mcc: '310',
    mnc: '012',
  },
  {
    referenceId: SEEDED.inProgress,
    label: 'In progress (3001) for 60 s, then Delivered (3000)',
    channels: [{ channel: 'sms', code: 3000, afterMs: 60_000 }],
  },
  {
    referenceId: SEEDED.fallback,
    label: 'Channel fallback: viber 3112 after 10 s, whatsapp 3000 20 s later (auto OTP)',
    otp: '1234567',
    autoOtp: true,
    channels: [
      { channel: 'viber', code: 3112, afterMs: 10_000 },
      { channel: 'whatsapp', code: 3000, afterMs: 20_000 },
    ],
  },
  {
    referenceId: SEEDED.failed,
    label: 'Failed delivery: sms 3003 after 5 s',
    channels: [{ channel: 'sms', code: 3003, afterMs: 5_000 }],
  },
  {
    referenceId: SEEDED.expired,
    label: 'Older than 12 hours: 404 -10004',
    createdAgoMs: 13 * HOUR,
    channels: [{ channel: 'sms', code: 3000, afterMs: 1_000 }],
  },
  { referenceId: SEEDED.alwaysRateLimited, label: 'Always 429 (3204)', answer: 'rate-limited' },
  { referenceId: SEEDED.alwaysUnavailable, label: 'Always 503 (3041)', answer: 'unavailable' },
  {
    referenceId: SEEDED.verifySmsValid,
    endpoint: 'verify',
    subResource: 'sms',
    label: 'SMS Verify: OTP 45558 → VALID, anything else INVALID (3 tries)',
    createdAgoMs: MINUTE,
    otp: '45558',
    validityMs: 11 * HOUR,
    maxAttempts: 3,
    progression: [
      { afterMs: 0, code: 290 },
      { afterMs: 2_000, code: 200 },
    ],
  },
  {
    referenceId: SEEDED.verifySmsExpired,
    endpoint: 'verify',
    subResource: 'sms',
    label: 'SMS Verify: validity (10 min) passed → EXPIRED',
    createdAgoMs: 30 * MINUTE,
    otp: '11111',
    validityMs: 10 * MINUTE,
    progression: [{ afterMs: 0, code: 200 }],
  },
  {
    referenceId: SEEDED.verifySmsMaxAttempts,
    endpoint: 'verify',
    subResource: 'sms',
    label: 'SMS Verify: 3 wrong codes already entered → MAX_ATTEMPTS_EXCEEDED',
    createdAgoMs: 2 * MINUTE,
    otp: '22222',
    validityMs: 11 * HOUR,
    maxAttempts: 3,
    wrongAttempts: 3,
    progression: [{ afterMs: 0, code: 200 }],
  },
  {
    referenceId: SEEDED.verifyCall,
    endpoint: 'verify',
    subResource: 'call',
    label: 'Voice Verify: OTP 12345; 103 Call in progress → 100 Call answered after 20 s',
    otp: '12345',
    validityMs: 11 * HOUR,
    progression: [
      { afterMs: 0, code: 103 },
      { afterMs: 20_000, code: 100 },
    ],
  },
  {
    referenceId: SEEDED.messaging,
    endpoint: 'messaging',
    label: 'SMS API: 290 in progress for 30 s, then 200 Delivered to handset',
    externalId: 'CustomExternalID7349',
    progression: [
      { afterMs: 0, code: 290 },
      { afterMs: 30_000, code: 200 },
    ],
  },
  {
    referenceId: SEEDED.verification,
    endpoint: 'verification',
    label: 'Verify API: ONGOING for 30 s, then VERIFIED',
    phoneNumber: '11234567890',
    progression: [
      { afterMs: 0, state: 'ONGOING' },
      { afterMs: 30_000, state: 'VERIFIED' },
    ],
  },
  {
    referenceId: SEEDED.verificationFinalize,
    endpoint: 'verification',
    label: 'Verify API: ONGOING until finalized with 572443',
    phoneNumber: '11234567890',
    otp: '572443',
    progression: [{ afterMs: 0, state: 'ONGOING' }],
  },
];
