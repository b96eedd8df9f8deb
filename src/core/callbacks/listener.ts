// The callback listener: an HTTP receiver on 127.0.0.1 standing in for the customer's callback URL. It keeps
// every callback exactly as received and, given a forward-to URL, passes it on byte-exact and answers the
// sender with the app's answer (so a sender's retries see the app's failures). It refuses what only an attack
// would send: a Host that is not this machine (DNS rebinding), a browser's cross-origin request (Origin,
// Sec-Fetch-Site) and bodies over the cap. It holds no key and its answers carry none.
import { createServer } from 'http';
import type { IncomingMessage, Server, ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { DEFAULT_FORWARD_TIMEOUT_MS, forwardCallback } from './forward';
import type { ForwardResult } from './forward';
import { MAX_CALLBACK_BYTES } from './parse';

/** The documented default port (the simulator's API is on 8787). */
export const DEFAULT_LISTENER_PORT = 8788;
export const LISTENER_HOST = '127.0.0.1';

export interface ReceivedCallback {
  /** 1, 2, 3 … in the order bodies completed. */
  readonly seq: number;
  readonly receivedAt: string;
  readonly method: string;
  readonly path: string;
  readonly rawHeaders: readonly string[];
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

export type Refusal = 'foreign-host' | 'cross-origin' | 'too-large' | 'preflight';

export interface ListenerOptions {
  readonly port: number;
  readonly forwardTo?: string;
  readonly forwardTimeoutMs?: number;
  readonly maxBodyBytes?: number;
  /** A callback arrived (called in arrival order, before it is forwarded). */
  onCallback(cb: ReceivedCallback): void;
  /** The app answered (or did not) for `cb`. */
  onForwarded?(cb: ReceivedCallback, result: ForwardResult): void;
  onRefused?(reason: Refusal, detail: string): void;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A Host header naming this listener: a loopback name, with our port or none. */
export function isOwnHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host.trim().toLowerCase());
  return !!m && LOOPBACK_HOSTS.has(m[1]) && (m[2] === undefined || Number(m[2]) === port);
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

export class CallbackListener {
  private server: Server | undefined;
  private seq = 0;
  private readonly maxBody: number;

  constructor(private readonly options: ListenerOptions) {
    this.maxBody = options.maxBodyBytes ?? MAX_CALLBACK_BYTES;
  }

  get port(): number {
    return (this.server?.address() as AddressInfo | null)?.port ?? this.options.port;
  }

  get url(): string {
    return `http://${LISTENER_HOST}:${this.port}/`;
  }

  get forwardTo(): string | undefined {
    return this.options.forwardTo;
  }

  /** Rejects with an error whose `code` is EADDRINUSE when the port is taken. */
  start(): Promise<void> {
    const server = createServer((req, res) => this.handle(req, res));
    server.keepAliveTimeout = 5_000;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, LISTENER_HOST, () => {
        server.off('error', reject);
        this.server = server;
        resolve();
      });
    });
  }

  stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private refuse(res: ServerResponse, req: IncomingMessage, reason: Refusal, status: number, message: string): void {
    this.options.onRefused?.(reason, message);
    res.setHeader('Connection', 'close');
    answer(res, status, { error: reason, message });
    req.resume();
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    if (!isOwnHost(req.headers.host, this.port)) {
      return this.refuse(
        res,
        req,
        'foreign-host',
        421,
        `Host "${String(req.headers.host ?? '')}" is not this listener; only 127.0.0.1 and localhost are answered (DNS rebinding protection).`,
      );
    }
    if (req.method === 'OPTIONS') {
      return this.refuse(
        res,
        req,
        'preflight',
        403,
        'Browser preflight requests are refused: the listener takes server-to-server callbacks only.',
      );
    }
    const site = req.headers['sec-fetch-site'];
    if (req.headers.origin !== undefined || (site !== undefined && site !== 'none')) {
      return this.refuse(
        res,
        req,
        'cross-origin',
        403,
        'Browser requests (Origin / Sec-Fetch-Site) are refused: the listener takes server-to-server callbacks only.',
      );
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    const tooLarge = () => this.refuse(res, req, 'too-large', 413, `The body is over the ${this.maxBody}-byte limit for callbacks.`);
    if (declared > this.maxBody) return tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > this.maxBody) over = true;
      else chunks.push(c);
    });
    req.on('end', () => {
      if (over) return tooLarge();
      const cb: ReceivedCallback = {
        seq: ++this.seq,
        receivedAt: new Date().toISOString(),
        method: req.method ?? 'POST',
        path: req.url ?? '/',
        rawHeaders: req.rawHeaders,
        headers: req.headers,
        body: Buffer.concat(chunks, size),
      };
      this.options.onCallback(cb);
      void this.forward(cb, res);
    });
  }

  private async forward(cb: ReceivedCallback, res: ServerResponse): Promise<void> {
    const target = this.options.forwardTo;
    if (!target) return answer(res, 200, { received: true, seq: cb.seq });
    const result = await forwardCallback(target, cb, this.options.forwardTimeoutMs ?? DEFAULT_FORWARD_TIMEOUT_MS);
    this.options.onForwarded?.(cb, result);
    if (res.destroyed) return;
    if (result.status === undefined) {
      return answer(res, result.error === 'timeout' ? 504 : 502, {
        error: result.error,
        message: `The app at ${result.url} gave no answer (${result.error}).`,
      });
    }
    const headers: Record<string, string | number> = { 'Content-Length': result.answer?.length ?? 0 };
    if (result.answerType) headers['Content-Type'] = result.answerType;
    res.writeHead(result.status, headers);
    res.end(result.answer);
  }
}
