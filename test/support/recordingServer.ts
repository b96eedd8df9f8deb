// A throwaway HTTP server on 127.0.0.1:0 that records what it received; each test scripts its answers.
import * as http from 'http';
import type { AddressInfo } from 'net';

export interface Received {
  readonly method: string;
  /** Path and query as sent. */
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, index: number) => void;

export interface TestServer {
  readonly baseUrl: string;
  readonly received: Received[];
  close(): Promise<void>;
}

export async function serve(handler: Handler): Promise<TestServer> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    handler(req, res, received.length - 1);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port that was just listening and no longer is: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const s = await serve(() => undefined);
  const port = Number(new URL(s.baseUrl).port);
  await s.close();
  return port;
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
