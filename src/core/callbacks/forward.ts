// Forwarding a received callback to the developer's app: the method, the headers (name case and order kept)
// and the body bytes exactly as received. Only what HTTP itself owns is rewritten: `Host` names the app, and
// hop-by-hop headers (Connection, Keep-Alive, Transfer-Encoding, …) belong to one connection, not the message.
import { Agent as HttpAgent, request as httpRequest } from 'http';
import { Agent as HttpsAgent, request as httpsRequest } from 'https';

export const DEFAULT_FORWARD_TIMEOUT_MS = 10_000;
/** How much of the app's answer is kept and passed back to the sender. */
export const MAX_ANSWER_BYTES = 64 * 1024;

const HOP_BY_HOP = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'content-length',
]);

// Kept-alive sockets: a forward costs no new TCP handshake (the benchmark's ≤ 1 ms budget).
const agents = { http: new HttpAgent({ keepAlive: true, maxSockets: 64 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 64 }) };

export interface ForwardRequest {
  readonly method: string;
  /** Path and query as received; appended to the target URL's path. */
  readonly path: string;
  /** Node's rawHeaders: [name, value, name, value, …]. */
  readonly rawHeaders: readonly string[];
  readonly body: Buffer;
}

export interface ForwardResult {
  readonly url: string;
  /** The app's HTTP status; absent when it gave none. */
  readonly status?: number;
  /** timeout, connection-refused, connection-reset, or another socket error code. */
  readonly error?: string;
  /** Real time from sending to the app's complete answer (or the failure), in ms. */
  readonly ms: number;
  readonly answer?: Buffer;
  readonly answerType?: string;
}

/** The URL a request for `path` goes to under `target` (the target's own path is a prefix). */
export function forwardUrl(target: string, path: string): URL {
  const url = new URL(target);
  const [p, q] = path.split('?', 2);
  if (p !== '/' && p !== '') url.pathname = url.pathname.replace(/\/+$/, '') + p;
  if (q !== undefined) url.search = q;
  return url;
}

/** The headers to send: rawHeaders minus host and hop-by-hop ones, as [name, value] pairs in order. */
export function forwardHeaders(rawHeaders: readonly string[], host: string, length: number): string[] {
  const out: string[] = ['Host', host];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (!HOP_BY_HOP.has(rawHeaders[i].toLowerCase())) out.push(rawHeaders[i], rawHeaders[i + 1]);
  }
  out.push('Content-Length', String(length));
  return out;
}

function errorName(e: NodeJS.ErrnoException): string {
  if (e.code === 'ECONNREFUSED') return 'connection-refused';
  if (e.code === 'ECONNRESET' || e.message === 'socket hang up') return 'connection-reset';
  return e.code ?? e.message;
}

/** Sends `req` to `target`; never rejects (a failure is a result with `error`). */
export function forwardCallback(target: string, req: ForwardRequest, timeoutMs = DEFAULT_FORWARD_TIMEOUT_MS): Promise<ForwardResult> {
  const started = process.hrtime.bigint();
  const ms = () => Number(process.hrtime.bigint() - started) / 1e6;
  let url: URL;
  try {
    url = forwardUrl(target, req.path);
  } catch {
    return Promise.resolve({ url: target, error: 'invalid-url', ms: 0 });
  }
  const https = url.protocol === 'https:';
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: Omit<ForwardResult, 'url' | 'ms'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ url: url.toString(), ms: ms(), ...r });
    };
    const out = (https ? httpsRequest : httpRequest)(url, {
      method: req.method,
      agent: https ? agents.https : agents.http,
      headers: forwardHeaders(req.rawHeaders, url.host, req.body.length),
    });
    const timer = setTimeout(() => {
      done({ error: 'timeout' });
      out.destroy();
    }, timeoutMs);
    out.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        if (size < MAX_ANSWER_BYTES) chunks.push(c.subarray(0, MAX_ANSWER_BYTES - size));
        size += c.length;
      });
      res.on('end', () => done({ status: res.statusCode, answer: Buffer.concat(chunks), answerType: res.headers['content-type'] }));
      res.on('error', (e) => done({ status: res.statusCode, error: errorName(e) }));
    });
    out.on('error', (e) => done({ error: errorName(e) }));
    out.end(req.body);
  });
}
