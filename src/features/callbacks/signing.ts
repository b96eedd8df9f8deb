// The keys a callback's signature is checked with: the active profile's (stored, session or demo), and every
// other profile's, to say "signed with profile X's key". They are read from the credential store per check and
// never kept here; verdicts hold only messages, customer IDs and profile names.
import type { CallbackCredentials, SignatureVerdict, VerifyCallbackInput } from '../../core/callbacks';
import { verifyCallbackSignature } from '../../core/callbacks';
import type { CredentialStore } from '../credentials/store';
import * as settings from '../settings';

export interface KeyRing {
  readonly active?: CallbackCredentials;
  readonly others: readonly CallbackCredentials[];
  readonly profile?: string;
}

export async function keyRing(credentials: CredentialStore, profileName?: string): Promise<KeyRing> {
  const all = settings.profiles();
  const chosen = profileName !== undefined ? all.find((p) => p.name === profileName) : settings.activeProfile();
  let active: CallbackCredentials | undefined;
  const others: CallbackCredentials[] = [];
  for (const p of all) {
    const r = await credentials.resolve(p);
    if (!r) continue;
    const c = { customerId: r.credentials.customerId, apiKey: r.credentials.apiKey, profile: p.name };
    if (p.name === chosen?.name) active = c;
    else others.push(c);
  }
  return { active, others, profile: chosen?.name };
}

export function verifyWith(ring: KeyRing, input: Omit<VerifyCallbackInput, 'credentials' | 'otherCredentials'>): SignatureVerdict {
  return verifyCallbackSignature({ ...input, credentials: ring.active, otherCredentials: ring.others });
}

/** One line for a tree row or a result: "valid", "invalid: body re-serialised", "unsigned", "no credentials". */
export function verdictLabel(v: SignatureVerdict): string {
  switch (v.kind) {
    case 'valid':
      return 'signature valid';
    case 'invalid':
      return `signature invalid: ${v.reason.replace(/-/g, ' ')}`;
    case 'unsigned':
      return 'unsigned';
    case 'no-credentials':
      return 'no credentials for the active profile';
  }
}
