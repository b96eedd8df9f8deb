// What one attempt put on the wire, safe to show and store: the headers with the Authorization value
// redacted (the Digest customer ID is kept: it is not secret and helps debugging), and for Digest the
// string that was signed, rebuilt from the same inputs (method, date, nonce, path), none of them secret.
import { digestStringToSign } from './auth';
import { REDACTED } from './redact';

export interface SentHeaders {
  readonly headers: Readonly<Record<string, string>>;
  readonly stringToSign?: string;
}

export function redactedAuthorization(value: string): string {
  const tsa = /^TSA\s+([^\s:]+):/.exec(value);
  if (tsa) return `TSA ${tsa[1]}:${REDACTED}`;
  const scheme = /^(\S+)\s/.exec(value);
  return scheme ? `${scheme[1]} ${REDACTED}` : REDACTED;
}

function header(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

export function describeSent(method: string, url: string, headers: Readonly<Record<string, string>>): SentHeaders {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k] = k.toLowerCase() === 'authorization' ? redactedAuthorization(v) : v;
  const auth = header(headers, 'authorization') ?? '';
  const nonce = header(headers, 'x-ts-nonce');
  const xTsDate = header(headers, 'x-ts-date');
  const date = xTsDate ?? header(headers, 'date');
  if (!auth.startsWith('TSA ') || nonce === undefined || date === undefined) return { headers: out };
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return { headers: out };
  }
  const stringToSign = digestStringToSign({
    method,
    contentType: header(headers, 'content-type') ?? '',
    date,
    nonce,
    path,
    useXTsDate: xTsDate !== undefined,
  });
  return { headers: out, stringToSign };
}
