// The fault matrix: the real client against server and network misbehaviour, as data. Each row must end
// with the expected kind (or success) within the timeout and retry budget, leak no key, cause no unhandled
// rejection, and leave the client able to do a normal lookup right after. RELIABILITY_REPORT=1 writes
// RELIABILITY.md from the run (scripts/reliability/report.mjs).
import * as assert from 'assert';
import type * as http from 'http';
import { getTransactionStatus } from '../../../src/core/telesign/client';
import type { ClientOptions, ErrorKind, LookupOutcome, LookupRequest } from '../../../src/core/telesign/types';
import { startSimulator, type Simulator } from '../../simulator/server';
import { SEEDED } from '../../simulator/seed';
import { fixtureText } from '../../support/responseFixtures';
import { ALL_ECHOES, jsonLiteral } from '../../support/echoes';
import { assertNoSecret, CUSTOMER_ID, SENTINEL_KEY } from '../../support/sentinel';
import { closedPort, serve } from '../../support/recordingServer';
import { FakeClock, NOW } from '../../support/reliabilityClock';
import { httpResponse, rawServer } from '../../support/rawServers';
import { writeReport, type ObservedRow } from '../../support/reliabilityReport';

const REF = SEEDED.notAutoOtp;
const creds = { customerId: CUSTOMER_ID, apiKey: SENTINEL_KEY };
const OK_BODY = fixtureText('omnichannel-200-no-auto-otp.json');
const BASIC = 'Basic ' + Buffer.from(`${CUSTOMER_ID}:${SENTINEL_KEY}`).toString('base64');

interface Env {
  readonly sim: Simulator;
}

interface Arranged {
  readonly baseUrl: string;
  close?(): Promise<void>;
  /** Extra assertions once the lookup has ended (e.g. nothing reached the redirect target). */
  after?(outcome: LookupOutcome): void;
}

interface Row {
  readonly fault: string;
  readonly injected: string;
  readonly expect: ErrorKind | 'ok';
  readonly attempts: number;
  /** Back-off waits expected on the injected clock, in order. */
  readonly waits?: readonly number[];
  readonly request?: Partial<LookupRequest>;
  readonly options?: Partial<ClientOptions>;
  /** Generous real-time bound for the whole lookup. */
  readonly wallMs: number;
  readonly arrange: (env: Env) => Promise<Arranged> | Arranged;
  readonly check?: (outcome: LookupOutcome) => void;
  /** A bug this row shows in code this suite does not own: pending unless RELIABILITY_KNOWN_BUGS=1 or
   *  RELIABILITY_REPORT=1, so the shared suite stays green while the owner fixes it. */
  readonly knownBug?: string;
}

const viaSim =
  (queue: (sim: Simulator) => void) =>
  (env: Env): Arranged => {
    queue(env.sim);
    return { baseUrl: env.sim.url };
  };

const rawHttp = (status: number, headers: http.OutgoingHttpHeaders, body: string | Buffer) => async (): Promise<Arranged> => {
  const s = await serve((_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  });
  return { baseUrl: s.baseUrl, close: () => s.close() };
};

/** A raw TCP server that writes `bytes` for every request, then optionally closes. */
const rawTcp = (write: (index: number) => { bytes: Buffer | string; end: 'close' | 'reset' | 'hold' }) => async (): Promise<Arranged> => {
  const s = await rawServer((socket, _head, index) => {
    const { bytes, end } = write(index);
    socket.write(bytes);
    if (end === 'close') socket.end();
    else if (end === 'reset') socket.resetAndDestroy();
  });
  return { baseUrl: s.baseUrl, close: () => s.close() };
};

/** Serves a redirect to an "attacker" listener that must never be contacted. */
const redirectTo = (scheme: 'http' | 'https', status: number) => async (): Promise<Arranged> => {
  const attacker = await rawServer((socket) => socket.destroy());
  const port = new URL(attacker.baseUrl).port;
  const location = `${scheme}://127.0.0.1:${port}/v1/omnichannel/${REF}`;
  const s = await serve((_req, res) => {
    res.writeHead(status, { Location: location, 'Content-Length': 0 });
    res.end();
  });
  return {
    baseUrl: s.baseUrl,
    close: async () => {
      await s.close();
      await attacker.close();
    },
    after: (o) => {
      assert.strictEqual(attacker.connections(), 0, 'the redirect target received no connection');
      assert.ok(!o.ok && o.error.message.includes(`127.0.0.1:${port}`), 'the message names where it tried to send us');
    },
  };
};

/** A 302 whose body never ends: the client must hang up at once, not drain it after the lookup returned. */
const redirectThenStream = async (): Promise<Arranged> => {
  let written = 0;
  let hungUp = false;
  let writer: ReturnType<typeof setInterval> | undefined;
  const s = await rawServer((socket) => {
    socket.on('close', () => (hungUp = true));
    socket.write(
      httpResponse('302 Found', [
        ['Location', `http://127.0.0.1:1/v1/omnichannel/${REF}`],
        ['Transfer-Encoding', 'chunked'],
      ]),
    );
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const frame = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
    writer = setInterval(() => {
      if (socket.destroyed) return clearInterval(writer);
      // Only while the client reads: a client that stopped reading leaves the kernel buffers full.
      while (socket.writableLength < 1024 * 1024 && !socket.destroyed) {
        socket.write(frame);
        written += frame.length;
      }
    }, 5);
  });
  return {
    baseUrl: s.baseUrl,
    close: async () => {
      // A short grace for the client's hang-up to arrive; then whatever is still open is cut.
      const until = Date.now() + 500;
      while (!hungUp && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      clearInterval(writer);
      await s.close();
    },
    after: () => {
      assert.ok(hungUp, `the client hung up on the redirect (the server had written ${written} bytes)`);
      assert.ok(written < 8 * 1024 * 1024, `the server could write only ${written} bytes before the client hung up`);
    },
  };
};

const okStatusBody = (extra: string): string => `{"status":{"code":3000,"description":"Delivered"},"reference_id":"${REF}"${extra}}`;

// Backoff with random() = 0.5 and the default policy: 250, 500, 1000 ms.
const ROWS: readonly Row[] = [
  {
    fault: 'Connection refused',
    injected: 'port that just closed',
    expect: 'network',
    attempts: 1,
    wallMs: 3000,
    arrange: async () => ({ baseUrl: `http://127.0.0.1:${await closedPort()}` }),
    check: (o) => assert.match(!o.ok ? o.error.message : '', /refused/),
  },
  {
    fault: 'Reset before headers, every attempt',
    injected: 'sim fault reset-before-body ×4',
    expect: 'network',
    attempts: 4,
    waits: [250, 500, 1000],
    wallMs: 4000,
    arrange: viaSim((sim) => sim.faults.next({ kind: 'reset-before-body' }, 4)),
  },
  {
    fault: 'Reset before headers, once',
    injected: 'sim fault reset-before-body ×1',
    expect: 'ok',
    attempts: 2,
    waits: [250],
    wallMs: 3000,
    arrange: viaSim((sim) => sim.faults.next({ kind: 'reset-before-body' }, 1)),
  },
  {
    fault: 'Reset before headers with verify_code (never re-sent)',
    injected: 'sim fault reset-before-body ×1, OTP in request',
    expect: 'network',
    attempts: 1,
    wallMs: 3000,
    request: { referenceId: SEEDED.autoOtp, verifyCode: '50361' },
    arrange: viaSim((sim) => sim.faults.next({ kind: 'reset-before-body' }, 1)),
  },
  {
    fault: 'Reset mid-body, once',
    injected: 'sim fault reset-mid-body ×1',
    expect: 'ok',
    attempts: 2,
    waits: [250],
    wallMs: 3000,
    arrange: viaSim((sim) => sim.faults.next({ kind: 'reset-mid-body' }, 1)),
  },
  {
    fault: 'Reset mid-body, every attempt',
    injected: 'sim fault reset-mid-body ×4',
    expect: 'network',
    attempts: 4,
    waits: [250, 500, 1000],
    wallMs: 4000,
    arrange: viaSim((sim) => sim.faults.next({ kind: 'reset-mid-body' }, 4)),
    check: (o) => assert.ok(!o.ok && o.error.httpStatus === 200, 'says the server answered 200 before breaking off'),
  },
  {
    fault: 'No answer at all (timeout)',
    injected: 'TCP server reads the request, never writes',
    expect: 'timeout',
    attempts: 1,
    wallMs: 3000,
    options: { timeoutMs: 300 },
    arrange: rawTcp(() => ({ bytes: '', end: 'hold' })),
  },
  {
    fault: 'Slow drip beyond the timeout',
    injected: 'sim fault slow-drip 1 B / 50 ms, timeout 300 ms',
    expect: 'timeout',
    attempts: 1,
    wallMs: 3000,
    options: { timeoutMs: 300 },
    arrange: viaSim((sim) => sim.faults.next({ kind: 'slow-drip', chunkBytes: 1, intervalMs: 50 }, 1)),
  },
  {
    fault: 'Latency below the timeout',
    injected: 'sim fault latency 100 ms, timeout 1 s',
    expect: 'ok',
    attempts: 1,
    wallMs: 3000,
    arrange: viaSim((sim) => sim.faults.next({ kind: 'latency', ms: 100 }, 1)),
  },
  {
    fault: 'Truncated JSON',
    injected: 'sim fault truncated-json (Content-Length matches the cut)',
    expect: 'malformed-response',
    attempts: 1,
    wallMs: 3000,
    arrange: viaSim((sim) => sim.faults.next({ kind: 'truncated-json' }, 1)),
    check: (o) => assert.ok(!o.ok && (o.error.bodyPreview ?? '').length > 0, 'a preview of what came back'),
  },
  {
    fault: 'HTML 502 page from a proxy',
    injected: 'sim fault html-502',
    expect: 'malformed-response',
    attempts: 1,
    wallMs: 3000,
    arrange: viaSim((sim) => sim.faults.next({ kind: 'html-502' }, 1)),
    check: (o) => assert.ok(!o.ok && o.error.httpStatus === 502 && /HTML/.test(o.error.message)),
  },
  {
    fault: 'Empty 200',
    injected: 'sim fault empty-200',
    expect: 'malformed-response',
    attempts: 1,
    wallMs: 3000,
    arrange: viaSim((sim) => sim.faults.next({ kind: 'empty-200' }, 1)),
  },
  {
    fault: 'JSON labelled text/plain',
    injected: 'sim fault wrong-content-type text/plain',
    expect: 'malformed-response',
    attempts: 1,
    wallMs: 3000,
    arrange: viaSim((sim) => sim.faults.next({ kind: 'wrong-content-type', contentType: 'text/plain; charset=utf-8' }, 1)),
  },
  {
    fault: 'JSON labelled text/html',
    injected: 'sim fault wrong-content-type (text/html)',
    expect: 'malformed-response',
    attempts: 1,
    wallMs: 3000,
    arrange: viaSim((sim) => sim.faults.next({ kind: 'wrong-content-type' }, 1)),
  },
  {
    fault: '200 carrying an error body',
    injected: 'sim fault error-body-200 (rate-limited: 3204)',
    expect: 'ok',
    attempts: 1,
    wallMs: 3000,
    arrange: viaSim((sim) => sim.faults.next({ kind: 'error-body-200', error: 'rate-limited' }, 1)),
    // A 200 is a status answer; the body's own code is what the panel explains.
    check: (o) => assert.ok(o.ok && o.status.code === 3204, `the body's code is kept: ${JSON.stringify(o.ok ? o.status : o.error)}`),
  },
  {
    fault: 'Huge body with Content-Length over the cap',
    injected: 'sim fault oversized 2 MiB',
    expect: 'too-large',
    attempts: 1,
    wallMs: 3000,
    arrange: viaSim((sim) => sim.faults.next({ kind: 'oversized', megabytes: 2 }, 1)),
  },
  {
    fault: 'Huge chunked body over the cap',
    injected: 'sim fault oversized 2 MiB, chunked',
    expect: 'too-large',
    attempts: 1,
    wallMs: 3000,
    arrange: viaSim((sim) => sim.faults.next({ kind: 'oversized', megabytes: 2, chunked: true }, 1)),
  },
  {
    fault: 'Redirect to another host',
    injected: 'sim fault redirect 302 → http://localhost:{port}',
    expect: 'config',
    attempts: 1,
    wallMs: 3000,
    arrange: (env) => {
      env.sim.faults.next({ kind: 'redirect' }, 1);
      const followed = () => env.sim.requests.filter((r) => String(r.headers.host).startsWith('localhost')).length;
      return { baseUrl: env.sim.url, after: () => assert.strictEqual(followed(), 0, 'the redirect was not followed') };
    },
  },
  {
    fault: 'Redirect to https on another port',
    injected: '301 → https://127.0.0.1:{attacker}',
    expect: 'config',
    attempts: 1,
    wallMs: 3000,
    arrange: redirectTo('https', 301),
  },
  {
    fault: 'Redirect to plain http (downgrade) elsewhere',
    injected: '308 → http://127.0.0.1:{attacker}',
    expect: 'config',
    attempts: 1,
    wallMs: 3000,
    arrange: redirectTo('http', 308),
  },
  {
    fault: 'Redirect whose body streams forever',
    injected: 'raw TCP: 302, then 64 KiB chunks every 5 ms without end',
    expect: 'config',
    attempts: 1,
    wallMs: 3000,
    arrange: redirectThenStream,
  },
  {
    fault: '429 with Retry-After seconds, then success',
    injected: 'sim fault error rate-limited, Retry-After: 2',
    expect: 'ok',
    attempts: 2,
    waits: [2000],
    wallMs: 3000,
    arrange: viaSim((sim) => sim.faults.next({ kind: 'error', error: 'rate-limited', retryAfter: 2 }, 1)),
  },
  {
    fault: '429 with Retry-After HTTP date, then success',
    injected: 'sim fault error rate-limited, Retry-After: now+3 s as a date',
    expect: 'ok',
    attempts: 2,
    waits: [3000],
    wallMs: 3000,
    arrange: viaSim((sim) => sim.faults.next({ kind: 'error', error: 'rate-limited', retryAfter: new Date(NOW + 3000).toUTCString() }, 1)),
  },
  {
    fault: '429 without Retry-After, then success',
    injected: 'sim fault error rate-limited',
    expect: 'ok',
    attempts: 2,
    waits: [250],
    wallMs: 3000,
    arrange: viaSim((sim) => sim.faults.next({ kind: 'error', error: 'rate-limited' }, 1)),
  },
  {
    fault: '429 asking to wait beyond the budget',
    injected: 'sim fault error rate-limited, Retry-After: 120',
    expect: 'rate-limited',
    attempts: 1,
    waits: [],
    wallMs: 3000,
    arrange: viaSim((sim) => sim.faults.next({ kind: 'error', error: 'rate-limited', retryAfter: 120 }, 1)),
    check: (o) => assert.match(!o.ok ? o.error.message : '', /120 s/),
  },
  {
    fault: '503 storm, then success',
    injected: 'sim fault error unavailable ×3',
    expect: 'ok',
    attempts: 4,
    waits: [250, 500, 1000],
    wallMs: 3000,
    arrange: viaSim((sim) => sim.faults.next({ kind: 'error', error: 'unavailable' }, 3)),
  },
  {
    fault: '503 storm beyond the retry budget',
    injected: 'sim fault error unavailable ×4',
    expect: 'unavailable',
    attempts: 4,
    waits: [250, 500, 1000],
    wallMs: 3000,
    arrange: viaSim((sim) => sim.faults.next({ kind: 'error', error: 'unavailable' }, 4)),
    check: (o) => assert.match(!o.ok ? o.error.message : '', /retried 3 times/),
  },
  {
    fault: '401 (not retried)',
    injected: 'sim fault error invalid-key',
    expect: 'auth',
    attempts: 1,
    waits: [],
    wallMs: 3000,
    arrange: viaSim((sim) => sim.faults.next({ kind: 'error', error: 'invalid-key' }, 1)),
  },
  {
    fault: 'Two Content-Type headers',
    injected: 'sim fault duplicate-headers (Content-Type twice)',
    expect: 'malformed-response',
    attempts: 1,
    wallMs: 3000,
    arrange: viaSim((sim) => sim.faults.next({ kind: 'duplicate-headers' }, 1)),
  },
  {
    fault: 'Two different Content-Length headers',
    injected: 'raw TCP: Content-Length 10 and 20',
    expect: 'network',
    attempts: 1,
    wallMs: 3000,
    arrange: rawTcp(() => ({
      bytes: httpResponse(
        '200 OK',
        [
          ['Content-Type', 'application/json'],
          ['Content-Length', '10'],
          ['Content-Length', '20'],
        ],
        '{"a":1}',
      ),
      end: 'close',
    })),
  },
  {
    fault: 'Invalid UTF-8 in the body',
    injected: 'sim fault invalid-utf8 (0xFF 0xFE in a description)',
    expect: 'ok',
    attempts: 1,
    wallMs: 3000,
    arrange: viaSim((sim) => sim.faults.next({ kind: 'invalid-utf8' }, 1)),
    check: (o) => assert.ok(o.ok && JSON.stringify(o.raw).includes('\uFFFD'), 'bad bytes become U+FFFD, the rest is read'),
  },
  {
    fault: 'JSON array body',
    injected: 'raw HTTP 200 `[{…}]`',
    expect: 'malformed-response',
    attempts: 1,
    wallMs: 3000,
    arrange: rawHttp(200, { 'Content-Type': 'application/json' }, `[${OK_BODY}]`),
  },
  {
    fault: 'Deeply nested JSON (100 000 levels)',
    injected: 'raw HTTP 200, valid status plus `"deep":[[[…]]]`',
    expect: 'malformed-response',
    attempts: 1,
    wallMs: 3000,
    arrange: rawHttp(200, { 'Content-Type': 'application/json' }, okStatusBody(`,"deep":${'['.repeat(100_000)}${']'.repeat(100_000)}`)),
  },
  {
    fault: 'Error body echoing the API key',
    injected: 'raw HTTP 401 whose description and fields repeat the key and Authorization',
    expect: 'auth',
    attempts: 1,
    wallMs: 3000,
    arrange: async () => {
      const s = await serve((req, res) => {
        const body = JSON.stringify({
          status: {
            code: 3411,
            description: `Invalid key ${SENTINEL_KEY} from ${String(req.headers.authorization)}`,
            signature_string: `GET\n${SENTINEL_KEY}`,
          },
          echo: {
            authorization: req.headers.authorization,
            key: SENTINEL_KEY,
            url: `https://x/?api_key=${encodeURIComponent(SENTINEL_KEY)}`,
          },
        });
        res.writeHead(401, { 'Content-Type': 'application/json' });
        res.end(body);
      });
      return { baseUrl: s.baseUrl, close: () => s.close() };
    },
  },
  {
    fault: 'Success body echoing the API key',
    injected: 'raw HTTP 200 with the key and the Authorization value in extra fields',
    expect: 'ok',
    attempts: 1,
    wallMs: 3000,
    arrange: rawHttp(
      200,
      { 'Content-Type': 'application/json' },
      okStatusBody(`,"debug":{"auth":"${BASIC}","key":"${SENTINEL_KEY}"},"external_id":"${SENTINEL_KEY}"`),
    ),
  },
  {
    fault: 'Success body echoing the key in 21 spellings',
    injected:
      'raw HTTP 200: key JSON-escaped (\\/, \\u002B), percent, HTML entities, hex, lower-cased, base64 at offsets, as values and keys',
    expect: 'ok',
    attempts: 1,
    wallMs: 3000,
    arrange: rawHttp(
      200,
      { 'Content-Type': 'application/json' },
      okStatusBody(
        `,"echo":{${ALL_ECHOES.map((n) => `${jsonLiteral(n)}:${jsonLiteral(n)}`).join(',')}},"external_id":${jsonLiteral(ALL_ECHOES[0])}`,
      ),
    ),
  },
  {
    fault: 'Error body echoing the key in 21 spellings',
    injected: 'raw HTTP 401: the same spellings in description, signature_string and fields',
    expect: 'auth',
    attempts: 1,
    wallMs: 3000,
    arrange: rawHttp(
      401,
      { 'Content-Type': 'application/json' },
      `{"status":{"code":3411,"description":${jsonLiteral(ALL_ECHOES[1])},"signature_string":${jsonLiteral(ALL_ECHOES[0])}},"echo":[${ALL_ECHOES.map(jsonLiteral).join(',')}]}`,
    ),
  },
  {
    fault: 'HTML page echoing the API key',
    injected: 'raw HTTP 502 text/html with the key and Authorization in the page',
    expect: 'malformed-response',
    attempts: 1,
    wallMs: 3000,
    arrange: rawHttp(
      502,
      { 'Content-Type': 'text/html' },
      `<html><body>upstream said Authorization: ${BASIC} key=${SENTINEL_KEY}</body></html>`,
    ),
  },
  {
    fault: 'Headers only, then close',
    injected: 'raw TCP: 200 with Content-Length 500, no body, FIN (every attempt)',
    expect: 'network',
    attempts: 4,
    waits: [250, 500, 1000],
    wallMs: 4000,
    arrange: rawTcp(() => ({
      bytes: httpResponse('200 OK', [
        ['Content-Type', 'application/json'],
        ['Content-Length', '500'],
      ]),
      end: 'close',
    })),
  },
  {
    fault: 'Not HTTP at all',
    injected: 'raw TCP: `SSH-2.0-OpenSSH` banner, close',
    expect: 'network',
    attempts: 1,
    wallMs: 3000,
    arrange: rawTcp(() => ({ bytes: 'SSH-2.0-OpenSSH_9.6\r\n', end: 'close' })),
  },
  {
    fault: 'Unsolicited 100 Continue before the answer',
    injected: 'raw TCP: `100 Continue`, then a normal 200',
    expect: 'ok',
    attempts: 1,
    wallMs: 3000,
    arrange: rawTcp(() => ({
      bytes: Buffer.concat([
        Buffer.from('HTTP/1.1 100 Continue\r\n\r\n'),
        httpResponse(
          '200 OK',
          [
            ['Content-Type', 'application/json'],
            ['Content-Length', String(Buffer.byteLength(OK_BODY))],
          ],
          OK_BODY,
        ),
      ]),
      end: 'close',
    })),
  },
  {
    fault: '204 No Content',
    injected: 'raw HTTP 204',
    expect: 'malformed-response',
    attempts: 1,
    wallMs: 3000,
    arrange: rawHttp(204, {}, ''),
  },
];

describe('reliability: fault matrix (real client, real sockets on 127.0.0.1)', function () {
  this.timeout(15000);
  let sim: Simulator;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
  const observed: ObservedRow[] = [];

  before(async () => {
    process.on('unhandledRejection', onUnhandled);
    sim = await startSimulator({ port: 0 });
  });
  after(async () => {
    process.removeListener('unhandledRejection', onUnhandled);
    await sim.close();
    if (process.env.RELIABILITY_REPORT === '1') writeReport(observed);
  });
  beforeEach(() => {
    sim.reset();
    sim.addCustomer({ customerId: CUSTOMER_ID, apiKey: SENTINEL_KEY });
  });
  afterEach(async () => {
    // Give stray promises a turn to reject before looking.
    await new Promise((r) => setImmediate(r));
    assert.deepStrictEqual(unhandled.map(String), [], 'no unhandled rejection');
  });

  it('has at least 20 distinct faults', () => {
    assert.ok(ROWS.length >= 20);
    assert.strictEqual(new Set(ROWS.map((r) => r.fault)).size, ROWS.length);
  });

  const runKnownBugs = process.env.RELIABILITY_KNOWN_BUGS === '1' || process.env.RELIABILITY_REPORT === '1';
  for (const row of ROWS) {
    const test = row.knownBug && !runKnownBugs ? it.skip : it;
    test(`${row.fault} → ${row.expect}${row.knownBug ? ' (KNOWN BUG, see RELIABILITY.md)' : ''}`, async () => {
      const arranged = await row.arrange({ sim });
      const clock = new FakeClock();
      const logs: string[] = [];
      const options: ClientOptions = {
        userAgent: 'TelesignInspector/reliability',
        timeoutMs: 1000,
        maxRetries: 3,
        clock,
        random: () => 0.5,
        onAttempt: (l) => logs.push(JSON.stringify(l)),
        ...row.options,
      };
      const request: LookupRequest = { endpoint: 'omnichannel', referenceId: REF, ...row.request };
      let outcome: LookupOutcome;
      const started = Date.now();
      try {
        outcome = await getTransactionStatus({ baseUrl: arranged.baseUrl, auth: 'basic' }, creds, request, options);
      } finally {
        await arranged.close?.();
      }
      const wallMs = Date.now() - started;
      const kind = outcome.ok ? 'ok' : outcome.error.kind;

      // The next lookup, same module state, against a healthy simulator.
      const next = await getTransactionStatus(
        { baseUrl: sim.url, auth: 'basic' },
        creds,
        { endpoint: 'omnichannel', referenceId: SEEDED.notAutoOtp },
        { userAgent: options.userAgent, timeoutMs: 2000, maxRetries: 0 },
      );
      const waitedMs = clock.sleeps.reduce((a, b) => a + b, 0);
      const record = {
        fault: row.fault,
        injected: row.injected,
        expected: row.expect,
        observed: kind,
        attempts: outcome.attempts,
        waitedMs,
        wallMs,
        wallBoundMs: row.wallMs,
        nextLookupOk: next.ok,
      };
      try {
        checkRow(row, outcome, clock, wallMs, logs, request);
        arranged.after?.(outcome);
        assert.ok(next.ok, `the next lookup succeeds: ${next.ok ? '' : next.error.message}`);
        observed.push(record);
      } catch (e) {
        observed.push({ ...record, problem: e instanceof Error ? e.message.split('\n')[0] : String(e), knownBug: row.knownBug });
        throw e;
      }
    });
  }
});

function checkRow(
  row: Row,
  outcome: LookupOutcome,
  clock: FakeClock,
  wallMs: number,
  logs: readonly string[],
  request: LookupRequest,
): void {
  const kind = outcome.ok ? 'ok' : outcome.error.kind;
  const waitedMs = clock.sleeps.reduce((a, b) => a + b, 0);
  assert.strictEqual(kind, row.expect, `kind (${outcome.ok ? 'success' : outcome.error.message})`);
  assert.strictEqual(outcome.attempts, row.attempts, 'attempts');
  if (row.waits) assert.deepStrictEqual(clock.sleeps, row.waits, 'back-off waits on the injected clock');
  assert.ok(waitedMs <= 30_000, 'within the wait budget');
  assert.ok(wallMs < row.wallMs, `took ${wallMs} ms, bound ${row.wallMs} ms`);
  assert.strictEqual(logs.length, outcome.attempts, 'one log line per attempt');
  assert.strictEqual(outcome.referenceId, request.referenceId);
  assert.doesNotThrow(() => JSON.stringify(outcome), 'the outcome is JSON-serialisable');
  assertNoSecret(outcome, 'the outcome');
  assertNoSecret(logs, 'the attempt log');
  row.check?.(outcome);
}
