// Misbehaving servers below HTTP: a raw TCP listener on 127.0.0.1:0 that writes whatever a row scripts,
// for faults the simulator (a well-formed HTTP server) cannot produce.
import * as net from 'net';
import type { AddressInfo } from 'net';

export interface RawServer {
  readonly baseUrl: string;
  /** Connections accepted so far. */
  readonly connections: () => number;
  close(): Promise<void>;
}

/** `onRequest` runs once the request head has arrived (up to the blank line). */
export async function rawServer(onRequest: (socket: net.Socket, head: string, index: number) => void): Promise<RawServer> {
  const sockets = new Set<net.Socket>();
  let count = 0;
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const index = count++;
    let head = '';
    let handled = false;
    socket.on('data', (d: Buffer) => {
      if (handled) return;
      head += d.toString('latin1');
      if (head.includes('\r\n\r\n')) {
        handled = true;
        onRequest(socket, head, index);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    connections: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A complete HTTP/1.1 response as bytes. */
export function httpResponse(status: string, headers: readonly (readonly [string, string])[], body: Buffer | string = ''): Buffer {
  const b = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const lines = [`HTTP/1.1 ${status}`, ...headers.map(([k, v]) => `${k}: ${v}`), 'Connection: close', '', ''];
  return Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), b]);
}
