// Transactions the simulator knows: their specs (seeded or created through the admin API), their mutable
// state (wrong OTP attempts), and how each endpoint family renders them at a given sim time.
import type { EndpointId } from '../../src/core/telesign/types';
import { telesignTimestamp } from './clock';
import { statusText } from './codes';

/** Telesign keeps status for 12 hours (§5). */
export const STATUS_WINDOW_MS = 12 * 60 * 60 * 1000;

export const REFERENCE_ID = /^[0-9A-Fa-f]{32}$/;

/** One channel attempt of a Messaging transaction: in progress (3001) for `afterMs`, then `code`. */
export interface ChannelStepSpec {
  readonly channel: string;
  readonly code: number;
  readonly description?: string;
  /** How long this channel is in progress; starts when the previous channel finished. */
  readonly afterMs: number;
  /** The channel's own reference ID; derived from the transaction's when absent. */
  readonly referenceId?: string;
}

/** A point on a Verify / SMS / Verify API status timeline, in effect from `afterMs` after creation. */
export interface ProgressionStep {
  readonly afterMs: number;
  readonly code?: number;
  readonly description?: string;
  /** Verify API process state (CREATED, ONGOING, VERIFIED, ...). */
  readonly state?: string;
}

export interface TransactionSpec {
  /** 32 hex characters; generated when absent. */
  readonly referenceId?: string;
  /** Which status endpoint serves it. Default omnichannel. */
  readonly endpoint?: EndpointId;
  /** What it demonstrates (shown by the CLI and GET /_sim/transactions). */
  readonly label?: string;
  /** Created this long before the sim clock's "now" (at seeding or creation). Default 0. */
  readonly createdAgoMs?: number;
  readonly otp?: string;
  /** Messaging: Telesign generated the OTP, so lookups carry `verify`. Default: true when `otp` is set. */
  readonly autoOtp?: boolean;
  /** Messaging channels in fallback order; a channel ending 3000/3005 stops the fallback. */
  readonly channels?: readonly ChannelStepSpec[];
  /** Messaging overall status once every channel failed. Default 3003 Delivery error. */
  readonly failedStatus?: { readonly code: number; readonly description?: string };
  /** Verify, SMS and Verify API status timeline. */
  readonly progression?: readonly ProgressionStep[];
  /** Verify endpoint: `sms` (SMS Verify) or `call` (Voice Verify). */
  readonly subResource?: 'sms' | 'call';
  /** Verify endpoint: codes entered later than this after creation answer EXPIRED. */
  readonly validityMs?: number;
  /** Verify endpoint: wrong codes allowed before MAX_ATTEMPTS_EXCEEDED. */
  readonly maxAttempts?: number;
  /** Verify endpoint: wrong attempts already made when the transaction appears. */
  readonly wrongAttempts?: number;
  readonly externalId?: string | null;
  readonly price?: string;
  readonly currency?: string;
  readonly mcc?: string;
  readonly mnc?: string;
  /** Messaging: where price/currency go. The published examples use the top level; the schema says additional_info. */
  readonly pricePlacement?: 'top-level' | 'additional_info';
  /** Verify API recipient. */
  readonly phoneNumber?: string;
  /** POST signed callbacks here as the transaction progresses (overrides the simulator's callback URL). */
  readonly callbackUrl?: string;
  /** Messaging: a read notification (3005) this long after delivery (3000). None by default. */
  readonly readAfterMs?: number;
  /** Always answer this error instead of a status (e.g. the seeded always-429 reference). */
  readonly answer?: 'rate-limited' | 'unavailable';
}

export interface Transaction {
  readonly spec: TransactionSpec;
  readonly referenceId: string;
  readonly endpoint: EndpointId;
  readonly createdAt: number;
  wrongAttempts: number;
  /** Verify API: the state a finalize (PATCH …/state) left the process in; overrides the progression. */
  finalState?: string;
}

export function createTransaction(spec: TransactionSpec, now: number, randomId: () => string): Transaction {
  const referenceId = (spec.referenceId ?? randomId()).toUpperCase();
  if (!REFERENCE_ID.test(referenceId)) throw new Error(`referenceId must be 32 hex characters: ${referenceId}`);
  return {
    spec,
    referenceId,
    endpoint: spec.endpoint ?? 'omnichannel',
    createdAt: now - (spec.createdAgoMs ?? 0),
    wrongAttempts: spec.wrongAttempts ?? 0,
  };
}

export function isExpired(tx: Transaction, now: number): boolean {
  return tx.endpoint !== 'verification' && now - tx.createdAt > STATUS_WINDOW_MS;
}

const SUCCESS_CODES = new Set([3000, 3005]);

/** A stable per-channel reference ID derived from the transaction's, for channels that don't set one. */
function channelRef(txRef: string, index: number): string {
  return txRef.slice(0, 28) + (0xc000 + index).toString(16).toUpperCase();
}

/** The body of GET /v1/omnichannel/{ref} at `now`. */
export function renderOmnichannel(tx: Transaction, now: number, verifyCode: string | undefined): Record<string, unknown> {
  const spec = tx.spec;
  const elapsed = Math.max(0, now - tx.createdAt);
  const channelStatus: Record<string, unknown>[] = [];
  let overall: { code: number; description: string } = { code: 3001, description: statusText(3001) };
  let lastChannel = spec.channels?.[0]?.channel ?? 'sms';
  let lastUpdate = tx.createdAt;
  let cursor = 0;
  const steps = spec.channels ?? [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    const end = cursor + step.afterMs;
    if (elapsed < cursor) break;
    lastChannel = step.channel;
    if (elapsed < end) {
      // Telesign omits the channel's reference_id while it is still 3001.
      channelStatus.push({
        [step.channel]: { code: 3001, description: statusText(3001), updated_on: telesignTimestamp(tx.createdAt + cursor) },
      });
      lastUpdate = tx.createdAt + cursor;
      break;
    }
    const description = step.description ?? statusText(step.code);
    lastUpdate = tx.createdAt + end;
    channelStatus.push({
      [step.channel]: {
        code: step.code,
        description,
        reference_id: step.referenceId ?? channelRef(tx.referenceId, i),
        updated_on: telesignTimestamp(lastUpdate),
      },
    });
    cursor = end;
    if (SUCCESS_CODES.has(step.code)) {
      overall = { code: step.code, description };
      break;
    }
    if (i === steps.length - 1) {
      const failed = spec.failedStatus ?? { code: 3003 };
      overall = { code: failed.code, description: failed.description ?? statusText(failed.code) };
    }
  }
  const body: Record<string, unknown> = {
    status: { updated_on: telesignTimestamp(lastUpdate), code: overall.code, description: overall.description, last_channel: lastChannel },
    reference_id: tx.referenceId,
  };
  if (spec.externalId !== undefined) body.external_id = spec.externalId;
  const additional: Record<string, unknown> = {};
  const priceTop = (spec.pricePlacement ?? 'top-level') === 'top-level';
  if (spec.currency !== undefined) (priceTop ? body : additional).currency = spec.currency;
  if (spec.price !== undefined) (priceTop ? body : additional).price = spec.price;
  if (spec.mcc !== undefined) additional.mcc = spec.mcc;
  if (spec.mnc !== undefined) additional.mnc = spec.mnc;
  body.additional_info = additional;
  body.channel_status = channelStatus;
  const auto = spec.autoOtp ?? spec.otp !== undefined;
  if (auto && spec.otp !== undefined) {
    // Messaging answers VALID/INVALID only when the code is asserted; a plain lookup is UNKNOWN with null.
    body.verify =
      verifyCode === undefined
        ? { code_entered: null, code_state: 'UNKNOWN' }
        : { code_entered: verifyCode, code_state: verifyCode === spec.otp ? 'VALID' : 'INVALID' };
  }
  return body;
}

function currentStep(tx: Transaction, now: number, fallback: ProgressionStep[]): { step: ProgressionStep; at: number } {
  const steps = tx.spec.progression && tx.spec.progression.length > 0 ? tx.spec.progression : fallback;
  const elapsed = Math.max(0, now - tx.createdAt);
  let found = steps[0];
  for (const s of steps) if (s.afterMs <= elapsed) found = s;
  return { step: found, at: tx.createdAt + found.afterMs };
}

const VERIFY_DEFAULTS: Record<'sms' | 'call', ProgressionStep[]> = {
  sms: [
    { afterMs: 0, code: 290 },
    { afterMs: 5_000, code: 200 },
  ],
  call: [
    { afterMs: 0, code: 103 },
    { afterMs: 20_000, code: 100 },
  ],
};

/**
 * The body of GET /v1/verify/{ref} at `now`. Asserting a code is an attempt: wrong ones are counted, and
 * once the count reaches maxAttempts (or the validity period has passed) the state is final.
 */
export function renderVerify(tx: Transaction, now: number, verifyCode: string | undefined): Record<string, unknown> {
  const spec = tx.spec;
  const sub = spec.subResource ?? 'sms';
  const { step, at } = currentStep(tx, now, VERIFY_DEFAULTS[sub]);
  const code = step.code ?? 200;
  let verify: { code_state: string; code_entered: string } = { code_state: 'UNKNOWN', code_entered: '' };
  if (verifyCode !== undefined && spec.otp !== undefined) {
    const maxAttempts = spec.maxAttempts ?? 3;
    if (spec.validityMs !== undefined && now - tx.createdAt > spec.validityMs) {
      verify = { code_state: 'EXPIRED', code_entered: verifyCode };
    } else if (tx.wrongAttempts >= maxAttempts) {
      verify = { code_state: 'MAX_ATTEMPTS_EXCEEDED', code_entered: verifyCode };
    } else if (verifyCode === spec.otp) {
      verify = { code_state: 'VALID', code_entered: verifyCode };
    } else {
      tx.wrongAttempts += 1;
      verify = { code_state: 'INVALID', code_entered: verifyCode };
    }
  }
  const body: Record<string, unknown> = {
    reference_id: tx.referenceId,
    sub_resource: sub,
    errors: [],
    status: { code, description: step.description ?? statusText(code), updated_on: telesignTimestamp(at) },
    verify,
  };
  if (spec.externalId !== undefined) body.external_id = spec.externalId;
  return body;
}

/** The body of GET /v1/messaging/{ref} (SMS API) at `now`. */
export function renderMessaging(tx: Transaction, now: number): Record<string, unknown> {
  const { step, at } = currentStep(tx, now, [
    { afterMs: 0, code: 290 },
    { afterMs: 5_000, code: 200 },
  ]);
  const code = step.code ?? 200;
  const body: Record<string, unknown> = {
    reference_id: tx.referenceId,
    status: { code, description: step.description ?? statusText(code), updated_on: telesignTimestamp(at) },
    additional_info: { message_part_sequence_number: 1, message_parts_count: 1, message_parts_reference_ids: tx.referenceId },
  };
  if (tx.spec.externalId !== undefined) body.external_id = tx.spec.externalId;
  return body;
}

/** The body of GET /verification/{ref} (Verify API) at `now`. */
export function renderVerification(tx: Transaction, now: number): Record<string, unknown> {
  const { step, at } = currentStep(tx, now, [
    { afterMs: 0, state: 'ONGOING' },
    { afterMs: 30_000, state: 'VERIFIED' },
  ]);
  const body: Record<string, unknown> = {
    reference_id: tx.referenceId,
    recipient: { phone_number: tx.spec.phoneNumber ?? '11234567890' },
    state: tx.finalState ?? step.state ?? 'ONGOING',
    verification_policy: [{ method: 'sms' }],
    updated_on: telesignTimestamp(at),
    created_on: telesignTimestamp(tx.createdAt),
  };
  if (tx.spec.externalId !== undefined) body.external_id = tx.spec.externalId;
  return body;
}
