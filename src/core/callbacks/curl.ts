// A received callback as a bash cURL command that re-sends it signed the way Telesign signs callbacks. The
// signature is computed in the snippet from TELESIGN_API_KEY (never the key inline, never on a command line:
// the HMAC runs through pipes and shell builtins, see core/telesign/curl.ts), and the body goes to curl from a
// process substitution byte-for-byte.
import { API_KEY_ENV, bashHmacLines, quoteBash } from '../telesign/curl';

export interface CallbackCurlInput {
  readonly url: string;
  readonly method?: string;
  readonly body: Buffer | string;
  /** The customer ID the `TSA id:signature` header names. */
  readonly customerId: string;
  /** A comment line, e.g. "SMS delivery report 0123…". */
  readonly title?: string;
}

export function renderCallbackCurl(input: CallbackCurlInput): string {
  const body = typeof input.body === 'string' ? input.body : input.body.toString('utf8');
  const title = (input.title ?? 'Telesign callback').replace(/\p{Cc}/gu, '?');
  const auth = `TSA ${input.customerId}:`;
  return [
    `# ${title}, signed like Telesign signs callbacks: HMAC-SHA256 of the raw body with the base64-decoded key.`,
    `# Needs ${API_KEY_ENV} in the environment (and openssl, od, sed); the key reaches no command line.`,
    `ts_msg=${quoteBash(body)}`,
    ...bashHmacLines(),
    `printf '%s%s\\n' ${quoteBash(`Authorization: ${auth}`)} "$ts_sig" ${quoteBash(`X-TS-Authorization: ${auth}`)} "$ts_sig" | curl --silent --show-error --include \\`,
    `  --request ${quoteBash(input.method ?? 'POST')} --header 'Content-Type: application/json' --header @- \\`,
    `  --data-binary @<(printf '%s' "$ts_msg") ${quoteBash(input.url)}`,
  ].join('\n');
}
