// A callback receiver on 127.0.0.1 whose behaviour per request a test sets: answer, hang, reset. It records
// each request's headers and body. Used by the simulator's callback tests and the callback reliability rows.
import { createServer } from 'http';
import type { IncomingHttpHeaders, Server, ServerResponse } from 'http';
import type { AddressInfo, Socket } from 'net';

export interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export type Behaviour = (res: ServerResponse, socket: Socket, index: number) => void;

export interface Receiver {
  readonly url: string;
  readonly received: Received[];
  behave(b: Behaviour): void;
  close(): Promise<void>;
}

export const ok: Behaviour = (res) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end('{"ok":true}');
};

export async function receiver(): Promise<Receiver> {
  const received: Received[] = [];
  const sockets = new Set<Socket>();
  let behaviour = ok;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks) });
      behaviour(res, req.socket, received.length - 1);
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/telesign/callbacks`,
    received,
    behave: (b) => (behaviour = b),
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
