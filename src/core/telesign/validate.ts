// Input checks shared by the UI's inline validation and the client (which refuses to send bad input).
// Each returns a short, actionable message, or undefined when the value is fine.

const REFERENCE_ID = /^[0-9A-Fa-f]{32}$/;

/** A Telesign reference ID: 32 hex characters. Case is kept as typed; callers trim whitespace. */
export function validateReferenceId(s: string): string | undefined {
  if (s.length === 0) return 'Enter a reference ID (32 hex characters).';
  if (REFERENCE_ID.test(s)) return undefined;
  const bad = [...s].find((c) => !/[0-9A-Fa-f]/.test(c));
  if (bad !== undefined) {
    const shown = /\s/.test(bad) ? 'a space' : `“${bad}”`;
    return `A reference ID is hex only (0–9, A–F); remove ${shown}.`;
  }
  return `A reference ID is 32 hex characters; this one has ${s.length}.`;
}

/**
 * The OTP the end user typed: 3–10 digits (SMS Verify custom codes start at 3 digits, Verify API
 * security factors go up to 10). An empty string means "no code" and is valid.
 */
export function validateVerifyCode(s: string): string | undefined {
  if (s.length === 0) return undefined;
  if (!/^[0-9]+$/.test(s)) return 'The code is digits only (3–10 digits).';
  if (s.length < 3 || s.length > 10) return `The code is 3–10 digits; this one has ${s.length}.`;
  return undefined;
}

function parseUrl(url: string | URL): URL | undefined {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** 127.0.0.0/8, ::1 (also as IPv4-mapped 127.x) or `localhost`. */
export function isLoopbackUrl(url: string | URL): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  const host = parsed.hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
  // WHATWG URL writes ::ffff:127.0.0.1 as [::ffff:7f00:1]; 7f00::/8 of the mapped range is loopback.
  return /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host);
}

/** A profile's base URL: https (http only for loopback), no credentials, query or fragment. */
export function validateBaseUrl(url: string): string | undefined {
  const trimmed = url.trim();
  if (trimmed.length === 0) return 'Enter a base URL, e.g. https://rest-ww.telesign.com.';
  const parsed = parseUrl(trimmed);
  if (!parsed) return 'Not a URL; use e.g. https://rest-ww.telesign.com.';
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'Use an https:// URL.';
  if (parsed.protocol === 'http:' && !isLoopbackUrl(parsed)) {
    return 'Use https://; plain http is allowed only for 127.0.0.1, ::1 or localhost.';
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return 'Remove the user name/password from the URL; run “Telesign: Set Credentials” instead.';
  }
  if (parsed.search !== '' || parsed.hash !== '' || /[?#]/.test(trimmed)) {
    return 'Remove the query string or fragment (?…, #…) from the base URL.';
  }
  return undefined;
}
