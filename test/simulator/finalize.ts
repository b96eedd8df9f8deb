// PATCH /verification/{ref}/state (Verify API finalize): the answer and its effect on the process.
// Telesign documents 3900 Verified, 3904 no match (retries left) and 3909 no match three times (process
// ended); which HTTP status and code a finalize of a finished process gets is not documented: ours is 400 3110.
import type { Transaction } from './transactions';
import { renderVerification } from './transactions';

/** Wrong codes a process takes before it FAILS (3909). Telesign: "three times". */
export const FINALIZE_MAX_ATTEMPTS = 3;
/** Bodies larger than this are refused (400 3110) without being parsed. */
export const FINALIZE_MAX_BODY_BYTES = 16 * 1024;

export interface FinalizeAnswer {
  readonly http: number;
  readonly body: Record<string, unknown>;
}

const invalid = (description: string): FinalizeAnswer => ({ http: 400, body: { status: { code: 3110, description } } });

/** Applies one finalize request to `tx` at `now`. */
export function finalizeProcess(tx: Transaction, bodyText: string, now: number): FinalizeAnswer {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return invalid('Invalid request: the body is not JSON');
  }
  const b = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (b.action !== 'finalize') return invalid('Invalid request: action must be "finalize"');
  const code = b.security_factor;
  if (typeof code !== 'string' || code.length < 3 || code.length > 10) {
    return invalid('Invalid request: security_factor must be 3 to 10 characters');
  }
  const state = String(renderVerification(tx, now).state);
  if (state !== 'ONGOING' && state !== 'CREATED') return invalid(`Invalid request: the verification process is ${state}`);
  if (tx.spec.otp !== undefined && code === tx.spec.otp) {
    tx.finalState = 'VERIFIED';
    return { http: 200, body: { status: { code: 3900, description: 'Verified' } } };
  }
  tx.wrongAttempts += 1;
  if (tx.wrongAttempts >= FINALIZE_MAX_ATTEMPTS) {
    tx.finalState = 'FAILED';
    return { http: 200, body: { status: { code: 3909, description: 'Security factor does not match; maximum attempts reached' } } };
  }
  return { http: 200, body: { status: { code: 3904, description: 'Security factor does not match' } } };
}
