// The lookup as a copy-paste cURL command for bash, PowerShell or cmd. The API key is read from the
// environment and never put on a command line (other local users can read those in the process list):
// bash and PowerShell pipe the Authorization header to curl's stdin, cmd lets curl read the variable.
// Digest signatures are computed in the snippet itself (openssl in bash, .NET in PowerShell); cmd has no
// HMAC, so it falls back to Basic and says so.
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

/**
 * HMAC-SHA256 for bash of "$ts_msg" with the base64-decoded "$TELESIGN_API_KEY", into "$ts_sig": written out
 * with `openssl dgst` as a plain hash (RFC 2104), because `openssl … -macopt hexkey:…` would put the key on a
 * command line that any local user can read in the process list. The key only ever passes through pipes and
 * unexported shell variables.
 */
export function bashHmacLines(): string[] {
  return [
    `ts_key="$(printf '%s' "$${API_KEY_ENV}" | openssl base64 -d -A | od -An -v -tx1 | tr -d ' \\n')"`,
    `ts_bin() { printf "$(sed 's/../\\\\x&/g')"; }`,
    `if [ \${#ts_key} -gt 128 ]; then ts_key="$(printf '%s' "$ts_key" | ts_bin | openssl dgst -sha256 -binary | od -An -v -tx1 | tr -d ' \\n')"; fi`,
    'while [ ${#ts_key} -lt 128 ]; do ts_key="${ts_key}00"; done',
    "ts_ipad='' ts_opad=''",
    `for ((ts_i = 0; ts_i < 128; ts_i += 2)); do printf -v ts_x '%02x%02x' $((16#\${ts_key:ts_i:2} ^ 0x36)) $((16#\${ts_key:ts_i:2} ^ 0x5c)); ts_ipad+=\${ts_x:0:2}; ts_opad+=\${ts_x:2:2}; done`,
    `ts_inner="$({ printf '%s' "$ts_ipad" | ts_bin; printf '%s' "$ts_msg"; } | openssl dgst -sha256 -binary | od -An -v -tx1 | tr -d ' \\n')"`,
    `ts_sig="$(printf '%s%s' "$ts_opad" "$ts_inner" | ts_bin | openssl dgst -sha256 -binary | openssl base64 -A)"`,
  ];
}

/** Digest for bash: the request's string to sign, then bashHmacLines. */
function bashDigestLines(path: string): string[] {
  return [
    '# Digest (TSA) auth: HMAC-SHA256 of method, date, nonce and path with the base64-decoded key (needs openssl, od, sed).',
    `ts_date="$(LC_ALL=C date -u '+%a, %d %b %Y %H:%M:%S GMT')"`,
    'ts_nonce="$(openssl rand -hex 16)"',
    `ts_msg="$(printf 'GET\\n\\n%s\\nx-ts-auth-method:HMAC-SHA256\\nx-ts-nonce:%s\\n%s' "$ts_date" "$ts_nonce" ${quoteBash(path)})"`,
    ...bashHmacLines(),
  ];
}

function renderBash(url: string, path: string, customerId: string, digest: boolean, request: LookupRequest): string {
  const lines = [`# ${title(request)}. Needs ${API_KEY_ENV} in the environment; it reaches curl on stdin, never on a command line.`];
  let auth: string;
  if (digest) {
    lines.push(...bashDigestLines(path));
    auth = `printf '%s\\n' ${quoteBash(`Authorization: TSA ${customerId}:`)}"$ts_sig"`;
  } else {
    auth = `printf 'Authorization: Basic %s\\n' "$(printf '%s' ${quoteBash(`${customerId}:`)}"$${API_KEY_ENV}" | base64 | tr -d '\\r\\n')"`;
  }
  const headers = [`--header ${quoteBash('Accept: application/json')}`];
  if (digest) {
    headers.push('--header "Date: $ts_date"', `--header ${quoteBash('x-ts-auth-method: HMAC-SHA256')}`, '--header "x-ts-nonce: $ts_nonce"');
  }
  headers.push('--header @-');
  const args = [`${auth} | curl --silent --show-error --include`, ...headers, quoteBash(url)];
  lines.push(args.join(' \\\n  '));
  return lines.join('\n');
}

function renderPowerShell(url: string, path: string, customerId: string, digest: boolean, request: LookupRequest): string {
  const lines = [`# ${title(request)}. Needs $env:${API_KEY_ENV}; it reaches curl.exe on stdin, never on a command line.`];
  const headers = [`--header ${quotePowerShell('Accept: application/json')}`];
  let auth: string;
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
    );
    auth = `(${quotePowerShell(`Authorization: TSA ${customerId}:`)} + $tsSig)`;
  } else {
    auth = `('Authorization: Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes(${quotePowerShell(`${customerId}:`)} + $env:${API_KEY_ENV})))`;
  }
  headers.push("--header '@-'");
  // curl.exe: in Windows PowerShell, `curl` is an alias of Invoke-WebRequest.
  const args = [`${auth} | curl.exe --silent --show-error --include`, ...headers, quotePowerShell(url)];
  lines.push(args.join(' `\n  '));
  return lines.join('\n');
}

/**
 * A URL as one unquoted cmd argument. cmd expands `%NAME%` even inside quotes (`%CD%` is the current
 * directory), so every `%` is followed by a caret: no variable name starts with one, and cmd removes the
 * caret afterwards, which it does only outside quotes. The characters cmd treats specially get a caret too.
 */
export function cmdUrl(url: string): string {
  return url.replace(/"/g, '%22').replace(/[\^&|<>()%]/g, (c) => (c === '%' ? '%^' : `^${c}`));
}

function renderCmd(url: string, customerId: string, digest: boolean, request: LookupRequest): string {
  const lines = [
    `REM ${title(request)}. Needs ${API_KEY_ENV}: set ${API_KEY_ENV}=your-key`,
    'REM curl.exe 8.3 or later reads the key from the environment itself, so it is on no command line. For a cmd prompt; in a batch file write each %^ as %%.',
  ];
  if (digest) lines.push('REM cmd cannot compute the Digest (HMAC) signature, so this uses Basic auth; use bash or PowerShell for Digest.');
  let user = `${customerId}:{{${API_KEY_ENV}}}`;
  const variables = [`--variable %^${API_KEY_ENV}`];
  if (!cmdSafeCustomerId(customerId)) {
    user = `{{${CUSTOMER_ID_ENV}}}:{{${API_KEY_ENV}}}`;
    variables.unshift(`--variable %^${CUSTOMER_ID_ENV}`);
    lines.push(`REM Set ${CUSTOMER_ID_ENV} to your customer ID first.`);
  }
  const args = [
    'curl.exe --silent --show-error --include',
    '--header "Accept: application/json"',
    ...variables,
    `--expand-user "${user}"`,
    cmdUrl(url),
  ];
  lines.push(args.join(' ^\n  '));
  return lines.join('\n');
}

/**
 * The exact request as a cURL command for `shell`. The API key never appears, in the text or in any
 * process's arguments: it is read from TELESIGN_API_KEY.
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
