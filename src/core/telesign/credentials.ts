// Checks of what the user types as credentials, and when the demo credentials apply. Pure: the Set
// Credentials prompts validate inline with these, the store decides with demoHonoured.
import { isLoopbackUrl } from './validate';

/** The part of a profile that decides whether its demo flag is honoured. */
export interface DemoProfile {
  readonly demo: boolean;
  readonly baseUrl: string;
  readonly verifyBaseUrl?: string;
}

const CUSTOMER_ID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

/** Telesign customer IDs are UUID-shaped hex: XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX. */
export function validateCustomerId(raw: string): string | undefined {
  const s = raw.trim();
  if (s === '') return 'Enter your Telesign customer ID (shown in the Telesign portal).';
  if (CUSTOMER_ID.test(s)) return undefined;
  const bad = [...s].find((c) => !/[0-9A-Fa-f-]/.test(c));
  if (bad !== undefined) {
    return `A customer ID holds only hex digits (0–9, A–F) and dashes; remove “${/\s/.test(bad) ? ' ' : bad}”.`;
  }
  return 'A customer ID looks like XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX (groups of 8-4-4-4-12 hex digits).';
}

/** An API key as Telesign issues it: standard base64 text. */
export function validateApiKey(raw: string): string | undefined {
  const s = raw.trim();
  if (s === '') return 'Enter the API key (base64 text from the Telesign portal).';
  if (/\s/.test(s)) return 'The API key has no spaces or line breaks inside; paste it again.';
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(s)) return 'The API key is base64: letters, digits, “+”, “/” and “=” padding at the end only.';
  const padded = s.includes('=');
  if ((padded && s.length % 4 !== 0) || (!padded && s.length % 4 === 1)) {
    return 'This is not complete base64 (wrong length); copy the whole key again.';
  }
  if (s.length < 16) return 'This is too short for a Telesign API key; copy the whole key.';
  return undefined;
}

/** Demo credentials are honoured only where every request of the profile stays on this machine. */
export function demoHonoured(profile: DemoProfile): boolean {
  return profile.demo && isLoopbackUrl(profile.baseUrl) && (profile.verifyBaseUrl === undefined || isLoopbackUrl(profile.verifyBaseUrl));
}
