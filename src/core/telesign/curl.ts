// The lookup as a copy-paste cURL command for bash, PowerShell or cmd. The API key is always an
// environment-variable placeholder; Digest signatures are computed in the snippet itself (openssl in
// bash, .NET in PowerShell). cmd has no HMAC, so it falls back to Basic and says so.
import { effectiveAuth, ENDPOINTS } from './endpoints';
import { buildRequestUrl } from './request';
import type { LookupRequest, Shell, Target } from './types';

export const API_KEY_ENV = 'TELESIGN_API_KEY';
export const CUSTOMER_ID_ENV = 'TELESIGN_CUSTOMER_ID';

/** bash: single quotes, with `'` written as `'\''`. */
export function quoteBash(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** PowerShell: single quotes; PowerShell also treats the typographic single quotes as quotes. */
export function quotePowerShell(s: string): string {
  return `'${s.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}

/** Characters a customer ID may hold for cmd to pass it through untouched. */
function cmdSafeCustomerId(s: string): boolean {
  return /^[A-Za-z0-9._-]+$/.test(s);
}

/** Comment text: control characters would end the comment line, so they are replaced. */
function title(request: LookupRequest): string {
  return `Telesign ${ENDPOINTS[request.endpoint].label}: status of ${request.referenceId}`.replace(/\p{Cc}/gu, '?');
}

function renderBash(url: string, path: string, customerId: string, digest: boolean, request: LookupRequest): string {
  const lines = [`# ${title(request)}. Needs ${API_KEY_ENV} in the environment.`];
  const headers = [`--header ${quoteBash('Accept: application/json')}`];
  if (digest) {
    lines.push(
      '# Digest (TSA) auth: signs method, date, nonce and path with the base64-decoded key (needs openssl, od).',
      `ts_date="$(LC_ALL=C date -u '+%a, %d %b %Y %H:%M:%S GMT')"`,
      'ts_nonce="$(openssl rand -hex 16)"',
      `ts_key_hex="$(printf '%s' "$${API_KEY_ENV}" | openssl base64 -d -A | od -An -v -tx1 | tr -d ' \\n')"`,
      `ts_sig="$(printf 'GET\\n\\n%s\\nx-ts-auth-method:HMAC-SHA256\\nx-ts-nonce:%s\\n%s' "$ts_date" "$ts_nonce" ${quoteBash(path)} | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$ts_key_hex" -binary | openssl base64 -A)"`,
    );
    headers.push(
      '--header "Date: $ts_date"',
      `--header ${quoteBash('x-ts-auth-method: HMAC-SHA256')}`,
      '--header "x-ts-nonce: $ts_nonce"',
      `--header ${quoteBash(`Authorization: TSA ${customerId}:`)}"$ts_sig"`,
    );
  } else {
    headers.push(`--user ${quoteBash(`${customerId}:`)}"$${API_KEY_ENV}"`);
  }
  const args = ['curl --silent --show-error --include', ...headers, quoteBash(url)];
  lines.push(args.join(' \\\n  '));
  return lines.join('\n');
}

function renderPowerShell(url: string, path: string, customerId: string, digest: boolean, request: LookupRequest): string {
  const lines = [`# ${title(request)}. Needs $env:${API_KEY_ENV}.`];
  const headers = [`--header ${quotePowerShell('Accept: application/json')}`];
  if (digest) {
    lines.push(
      '# Digest (TSA) auth: signs method, date, nonce and path with the base64-decoded key.',
      "$tsDate = [DateTime]::UtcNow.ToString('r', [Globalization.CultureInfo]::InvariantCulture)",
      '$tsNonce = [guid]::NewGuid().ToString()',
      `$tsToSign = "GET\`n\`n$tsDate\`nx-ts-auth-method:HMAC-SHA256\`nx-ts-nonce:$tsNonce\`n" + ${quotePowerShell(path)}`,
      `$tsHmac = [System.Security.Cryptography.HMACSHA256]::new([Convert]::FromBase64String($env:${API_KEY_ENV}))`,
      '$tsSig = [Convert]::ToBase64String($tsHmac.ComputeHash([Text.Encoding]::UTF8.GetBytes($tsToSign)))',
    );
    headers.push(
      '--header "Date: $tsDate"',
      `--header ${quotePowerShell('x-ts-auth-method: HMAC-SHA256')}`,
      '--header "x-ts-nonce: $tsNonce"',
      `--header (${quotePowerShell(`Authorization: TSA ${customerId}:`)} + $tsSig)`,
    );
  } else {
    headers.push(`--user (${quotePowerShell(`${customerId}:`)} + $env:${API_KEY_ENV})`);
  }
  // curl.exe: in Windows PowerShell, `curl` is an alias of Invoke-WebRequest.
  const args = ['curl.exe --silent --show-error --include', ...headers, quotePowerShell(url)];
  lines.push(args.join(' `\n  '));
  return lines.join('\n');
}

function renderCmd(url: string, customerId: string, digest: boolean, request: LookupRequest): string {
  const lines = [`REM ${title(request)}. Needs ${API_KEY_ENV}: set ${API_KEY_ENV}=your-key`];
  if (digest) lines.push('REM cmd cannot compute the Digest (HMAC) signature, so this uses Basic auth; use bash or PowerShell for Digest.');
  let user = customerId;
  if (!cmdSafeCustomerId(customerId)) {
    user = `%${CUSTOMER_ID_ENV}%`;
    lines.push(`REM Set ${CUSTOMER_ID_ENV} to your customer ID first.`);
  }
  // Valid input never puts `%` or `"` in the URL; encode a stray quote so it cannot end the argument.
  const args = [
    'curl.exe --silent --show-error --include',
    '--header "Accept: application/json"',
    `--user "${user}:%${API_KEY_ENV}%"`,
    `"${url.replace(/"/g, '%22')}"`,
  ];
  lines.push(args.join(' ^\n  '));
  return lines.join('\n');
}

/**
 * The exact request as a cURL command for `shell`. The API key never appears: it is read from
 * TELESIGN_API_KEY ($TELESIGN_API_KEY, $env:TELESIGN_API_KEY, %TELESIGN_API_KEY%).
 */
export function renderCurl(target: Target, request: LookupRequest, customerId: string, shell: Shell): string {
  let url: string;
  try {
    url = buildRequestUrl(target, request);
  } catch {
    const comment = shell === 'cmd' ? 'REM' : '#';
    return `${comment} The profile's base URL is not valid (${target.baseUrl.replace(/\/\/[^/@]*@/, '//')}); fix it to get a cURL command.`;
  }
  const path = new URL(url).pathname;
  const digest = effectiveAuth(target, request.endpoint) === 'digest';
  switch (shell) {
    case 'bash':
      return renderBash(url, path, customerId, digest, request);
    case 'powershell':
      return renderPowerShell(url, path, customerId, digest, request);
    case 'cmd':
      return renderCmd(url, customerId, digest, request);
  }
}
