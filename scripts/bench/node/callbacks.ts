// The callback listener in Node: (1) forwarding latency added by the listener vs a bare Node forwarder
// (collect body, http.request with a keep-alive agent, pipe the answer back), same app, same run, requests
// interleaved (direct, bare, listener, …); (2) 1 000 callbacks/s for `seconds` through the listener to the
// app, counting lost and reordered ones. Prints one JSON line.
import { Agent, createServer, request } from 'http';
import type { IncomingMessage, Server } from 'http';
import type { AddressInfo } from 'net';
import { CallbackListener, parseCallback, signCallback, testCallbackBody, verifyCallbackSignature } from '../../../src/core/callbacks';
import { DEMO_CREDENTIALS } from '../../../src/core/telesign/demo';

const rounds = Number(process.argv[2] ?? 2000);
const seconds = Number(process.argv[3] ?? 10);
const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;
const client = new Agent({ keepAlive: true, maxSockets: 16 });

function collect(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

function post(port: number, body: Buffer, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/cb', agent: client, headers: { ...headers, 'Content-Length': String(body.length) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function main(): Promise<void> {
  const appSeen: number[] = [];
  const app = createServer((req, res) => {
    void collect(req).then((b) => {
      const i = (JSON.parse(b.toString('utf8')) as { i?: number }).i;
      if (typeof i === 'number') appSeen.push(i);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  const appPort = await listen(app);
  const appUrl = `http://127.0.0.1:${appPort}/hook`;
  const bareAgent = new Agent({ keepAlive: true, maxSockets: 64 });
  const bare = createServer((req, res) => {
    void collect(req).then((body) => {
      const out = request({ host: '127.0.0.1', port: appPort, method: req.method, path: '/hook', agent: bareAgent, headers: { ...req.headers, host: `127.0.0.1:${appPort}` } }, (a) => {
        res.writeHead(a.statusCode ?? 502, a.headers);
        a.pipe(res);
      });
      out.end(body);
    });
  });
  const barePort = await listen(bare);
  let received: number[] = [];
  const listener = new CallbackListener({ port: 0, forwardTo: appUrl, onCallback: (cb) => received.push((JSON.parse(cb.body.toString('utf8')) as { i?: number }).i ?? -1) });
  await listener.start();

  const body = Buffer.from(JSON.stringify(testCallbackBody('messaging-delivery', '0123456789ABCDEF0123456789ABCDEF')));
  const headers = signCallback(DEMO_CREDENTIALS, body);
  const lat = { direct: [] as number[], bare: [] as number[], listener: [] as number[] };
  const targets = [['direct', appPort], ['bare', barePort], ['listener', listener.port]] as const;
  for (let r = 0; r < rounds + 200; r++) {
    for (const [name, port] of r % 2 ? targets : [...targets].reverse()) {
      const t0 = process.hrtime.bigint();
      await post(port, body, headers);
      if (r >= 200) lat[name].push(ms(t0));
    }
  }

  // Per-arrival work the extension does on top: parse the body and verify its signature.
  const perArrival: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t0 = process.hrtime.bigint();
    parseCallback(body, headers);
    verifyCallbackSignature({ rawBody: body, headers, credentials: DEMO_CREDENTIALS });
    perArrival.push(ms(t0));
  }

  // 1 000/s: one callback each millisecond (paced by the clock, not by answers), each numbered.
  received = [];
  appSeen.length = 0;
  const total = 1000 * seconds;
  const started = Date.now();
  const sent: Promise<number>[] = [];
  const statuses: number[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + i;
    while (Date.now() < due) await new Promise((r) => setImmediate(r));
    const b = Buffer.from(JSON.stringify({ ...testCallbackBody('sms-delivery', '0123456789ABCDEF0123456789ABCDEF'), i }));
    sent.push(post(listener.port, b, signCallback(DEMO_CREDENTIALS, b)).then((s) => (statuses.push(s), s), () => 0));
  }
  await Promise.all(sent);
  const elapsed = (Date.now() - started) / 1000;
  let reorderedAtListener = 0;
  for (let k = 1; k < received.length; k++) if (received[k] < received[k - 1]) reorderedAtListener++;
  let reordered = 0;
  for (let k = 1; k < appSeen.length; k++) if (appSeen[k] < appSeen[k - 1]) reordered++;
  await listener.stop();
  app.close();
  bare.close();
  client.destroy();
  bareAgent.destroy();
  process.stdout.write(JSON.stringify({
    rounds, lat, perArrival,
    load: { sent: total, seconds: elapsed, receivedByListener: received.length, receivedByApp: appSeen.length, non200: statuses.filter((s) => s !== 200).length, distinctAtApp: new Set(appSeen).size, reorderedAtListener, reorderedAtApp: reordered },
  }) + '\n');
}

void main();
