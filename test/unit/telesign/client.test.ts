import * as assert from 'assert';
import { digestSignature, digestStringToSign } from '../../../src/core/telesign/auth';
import { getTransactionStatus } from '../../../src/core/telesign/client';
import type {
  AttemptLog,
  ClientOptions,
  LookupFailure,
  LookupOutcome,
  LookupRequest,
  LookupSuccess,
  Target,
} from '../../../src/core/telesign/types';
import { FakeClock as BaseClock } from '../../support/fakeClock';
import { fixtureText } from '../../support/responseFixtures';
import { assertNoSecret, CUSTOMER_ID, SENTINEL_KEY } from '../../support/sentinel';
import { closedPort, sendJson, serve, type TestServer } from '../../support/recordingServer';

const REF = '364C81F5F3D0020C91E7A731DE93A777';
const creds = { customerId: CUSTOMER_ID, apiKey: SENTINEL_KEY };
const NOW = Date.UTC(2024, 0, 31, 19, 36, 42);

/** Injected time starting at NOW: sleeps return at once and move the clock. */
class FakeClock extends BaseClock {
  constructor() {
    super(NOW);
  }
}

/** A back-off that only ends when the lookup is cancelled. */
class StuckClock extends FakeClock {
  onSleep: () => void = () => undefined;
  override sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    return new Promise((resolve) => {
      signal?.addEventListener('abort', () => resolve(), { once: true });
      this.onSleep();
    });
  }
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function options(extra: Partial<ClientOptions> = {}): ClientOptions & { logs: AttemptLog[] } {
  const logs: AttemptLog[] = [];
  return {
    userAgent: 'TelesignInspector/test',
    timeoutMs: 2000,
    maxRetries: 3,
    clock: new FakeClock(),
    random: () => 0.5,
    onAttempt: (l) => logs.push(l),
    logs,
    ...extra,
  };
}

async function lookup(
  target: Target,
  request: Partial<LookupRequest> = {},
  opts = options(),
  signal?: AbortSignal,
): Promise<LookupOutcome> {
  const outcome = await getTransactionStatus(target, creds, { endpoint: 'omnichannel', referenceId: REF, ...request }, opts, signal);
  assertNoSecret(outcome, 'outcome');
  assertNoSecret(opts.logs, 'attempt log');
  return outcome;
}

function success(o: LookupOutcome): LookupSuccess {
  if (!o.ok) assert.fail(`expected success, got ${o.error.kind}: ${o.error.message}`);
  return o;
}
function failure(o: LookupOutcome): LookupFailure {
  if (o.ok) assert.fail('expected a failure');
  return o;
}

describe('telesign/client (real HTTP on 127.0.0.1)', function () {
  this.timeout(8000);

  it('looks up a status with Basic auth and sends what it should', async () => {
    server = await serve((_req, res) => sendJson(res, 200, fixtureText('omnichannel-200-auto-otp.json')));
    const opts = options();
    const o = success(await lookup({ baseUrl: server.baseUrl, auth: 'basic' }, { verifyCode: '50361' }, opts));
    assert.strictEqual(o.status.code, 3000);
    assert.deepStrictEqual(o.verify, { state: 'VALID', codeEntered: '50361' });
    assert.strictEqual(o.attempts, 1);
    assert.strictEqual(o.verifyCode, '50361');
    assert.strictEqual(o.request.url, `${server.baseUrl}/v1/omnichannel/${REF}?verify_code=50361`);
    assert.strictEqual(o.timing.startedAt, new Date(NOW).toISOString());
    const [r] = server.received;
    assert.strictEqual(r.method, 'GET');
    assert.strictEqual(r.url, `/v1/omnichannel/${REF}?verify_code=50361`);
    assert.strictEqual(r.headers.authorization, 'Basic ' + Buffer.from(`${CUSTOMER_ID}:${SENTINEL_KEY}`).toString('base64'));
    assert.strictEqual(r.headers.accept, 'application/json');
    assert.strictEqual(r.headers['user-agent'], 'TelesignInspector/test');
    assert.deepStrictEqual(
      opts.logs.map((l) => [l.attempt, l.status, l.error, l.retryInMs]),
      [[1, 200, undefined, undefined]],
    );
  });

  it('signs Digest requests the server can verify, fresh per attempt', async () => {
    server = await serve((req, res, i) => {
      const h = req.headers;
      const expected = digestSignature(
        SENTINEL_KEY,
        digestStringToSign({
          method: 'GET',
          contentType: '',
          date: String(h.date),
          nonce: String(h['x-ts-nonce']),
          path: (req.url ?? '').split('?')[0],
        }),
      );
      if (h.authorization !== `TSA ${CUSTOMER_ID}:${expected}`) {
        return sendJson(res, 401, { status: { code: 3400, description: 'Not authorized' } });
      }
      if (i === 0) return sendJson(res, 503, fixtureText('omnichannel-503.json'));
      sendJson(res, 200, fixtureText('omnichannel-200-no-auto-otp.json'));
    });
    const opts = options();
    const o = success(await lookup({ baseUrl: server.baseUrl, auth: 'digest' }, { verifyCode: '1234' }, opts));
    assert.strictEqual(o.attempts, 2);
    assert.strictEqual(o.request.auth, 'digest');
    const [a, b] = server.received;
    assert.notStrictEqual(a.headers['x-ts-nonce'], b.headers['x-ts-nonce']);
    assert.strictEqual(a.headers.date, 'Wed, 31 Jan 2024 19:36:42 GMT');
  });

  const errorCases: [string, number, string, LookupRequest['endpoint']][] = [
    ['omnichannel-400.json', 400, 'bad-request', 'omnichannel'],
    ['omnichannel-401.json', 401, 'auth', 'omnichannel'],
    ['omnichannel-404.json', 404, 'expired', 'omnichannel'],
    ['omnichannel-429.json', 429, 'rate-limited', 'omnichannel'],
    ['omnichannel-503.json', 503, 'unavailable', 'omnichannel'],
    ['verify-401.json', 401, 'auth', 'verify'],
    ['verify-429.json', 429, 'rate-limited', 'verify'],
    ['messaging-401-signature.json', 401, 'auth', 'messaging'],
  ];
  for (const [name, status, kind, endpoint] of errorCases) {
    it(`reports HTTP ${status} ${name} as ${kind}`, async () => {
      server = await serve((_req, res) => sendJson(res, status, fixtureText(name)));
      const o = failure(await lookup({ baseUrl: server.baseUrl, auth: 'basic' }, { endpoint }, options({ maxRetries: 0 })));
      assert.strictEqual(o.error.kind, kind);
      assert.strictEqual(o.error.httpStatus, status);
      assert.strictEqual(o.attempts, 1);
    });
  }

  it('retries a 429 and then succeeds, logging the wait', async () => {
    server = await serve((_req, res, i) =>
      i === 0 ? sendJson(res, 429, fixtureText('omnichannel-429.json')) : sendJson(res, 200, fixtureText('omnichannel-200-auto-otp.json')),
    );
    const opts = options();
    const o = success(await lookup({ baseUrl: server.baseUrl, auth: 'basic' }, {}, opts));
    assert.strictEqual(o.attempts, 2);
    const clock = opts.clock as FakeClock;
    assert.deepStrictEqual(clock.sleeps, [250]); // full jitter: 0.5 * 500 ms
    assert.deepStrictEqual(
      opts.logs.map((l) => [l.status, l.retryInMs]),
      [
        [429, 250],
        [200, undefined],
      ],
    );
    assert.match(opts.logs[0].error ?? '', /Rate limited/);
    assert.strictEqual(o.timing.durationMs, 250);
  });

  it('says how often it retried when the rate limit persists', async () => {
    server = await serve((_req, res) => sendJson(res, 429, fixtureText('omnichannel-429.json')));
    const o = failure(await lookup({ baseUrl: server.baseUrl, auth: 'basic' }, {}, options({ maxRetries: 2 })));
    assert.strictEqual(o.attempts, 3);
    assert.strictEqual(server.received.length, 3);
    assert.strictEqual(
      o.error.message,
      'Rate limited by Telesign (3204: Rate limit exceeded); retried 2 times. Wait a moment and try again.',
    );
  });

  it('honours Retry-After in seconds and as an HTTP date', async () => {
    server = await serve((_req, res, i) => {
      if (i === 0) return sendJson(res, 429, fixtureText('omnichannel-429.json'), { 'Retry-After': '2' });
      if (i === 1) {
        return sendJson(res, 503, fixtureText('omnichannel-503.json'), { 'Retry-After': new Date(NOW + 2000 + 3000).toUTCString() });
      }
      sendJson(res, 200, fixtureText('omnichannel-200-auto-otp.json'));
    });
    const opts = options();
    success(await lookup({ baseUrl: server.baseUrl, auth: 'basic' }, {}, opts));
    assert.deepStrictEqual((opts.clock as FakeClock).sleeps, [2000, 3000]);
  });

  it('does not wait for a Retry-After beyond the budget', async () => {
    server = await serve((_req, res) => sendJson(res, 429, fixtureText('omnichannel-429.json'), { 'Retry-After': '300' }));
    const o = failure(await lookup({ baseUrl: server.baseUrl, auth: 'basic' }));
    assert.strictEqual(o.attempts, 1);
    assert.match(o.error.message, /asked to wait 300 s/);
  });

  it('never retries a hard cap or an auth error', async () => {
    server = await serve((req, res) =>
      req.url?.includes('/v1/verify/')
        ? sendJson(res, 429, {
            errors: [{ code: -40008, description: 'SMS Verify exceeded transaction hard cap. Request denied.' }],
            status: { code: 500 },
          })
        : sendJson(res, 401, fixtureText('omnichannel-401.json')),
    );
    const quota = failure(await lookup({ baseUrl: server.baseUrl, auth: 'basic' }, { endpoint: 'verify' }));
    assert.strictEqual(quota.error.kind, 'quota');
    assert.strictEqual(quota.attempts, 1);
    const auth = failure(await lookup({ baseUrl: server.baseUrl, auth: 'basic' }));
    assert.strictEqual(auth.error.kind, 'auth');
    assert.strictEqual(auth.attempts, 1);
    assert.strictEqual(server.received.length, 2);
  });

  it('reports a refused connection without retrying', async () => {
    const port = await closedPort();
    const o = failure(await lookup({ baseUrl: `http://127.0.0.1:${port}`, auth: 'basic' }));
    assert.strictEqual(o.error.kind, 'network');
    assert.strictEqual(o.error.message, `Could not reach 127.0.0.1:${port}: connection refused.`);
    assert.strictEqual(o.attempts, 1);
  });

  it('retries a connection reset mid-body, but not when a code was sent', async () => {
    server = await serve((req, res, i) => {
      if (i === 1) return sendJson(res, 200, fixtureText('omnichannel-200-auto-otp.json'));
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 1000 });
      res.write('{"status": {"code": 30');
      setTimeout(() => req.socket.destroy(), 20);
    });
    const o = success(await lookup({ baseUrl: server.baseUrl, auth: 'basic' }));
    assert.strictEqual(o.attempts, 2);
    const withCode = failure(await lookup({ baseUrl: server.baseUrl, auth: 'basic' }, { verifyCode: '12345' }));
    assert.strictEqual(withCode.error.kind, 'network');
    assert.strictEqual(withCode.attempts, 1);
    assert.match(withCode.error.message, /broke off \(HTTP 200\)/);
  });

  it('times out an attempt that gets no answer', async () => {
    server = await serve(() => undefined);
    const started = Date.now();
    const o = failure(await lookup({ baseUrl: server.baseUrl, auth: 'basic' }, {}, options({ timeoutMs: 150 })));
    assert.strictEqual(o.error.kind, 'timeout');
    assert.strictEqual(o.attempts, 1);
    assert.match(o.error.message, /within 150 ms/);
    assert.ok(Date.now() - started < 3000);
  });

  it('cancels promptly mid-request', async () => {
    server = await serve(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const o = failure(await lookup({ baseUrl: server.baseUrl, auth: 'basic' }, {}, options({ timeoutMs: 5000 }), controller.signal));
    assert.strictEqual(o.error.kind, 'cancelled');
    assert.ok(Date.now() - started < 2000);
  });

  it('cancels promptly during a back-off wait', async () => {
    server = await serve((_req, res) => sendJson(res, 503, fixtureText('omnichannel-503.json')));
    const controller = new AbortController();
    const clock = new StuckClock();
    clock.onSleep = () => setTimeout(() => controller.abort(), 10);
    const o = failure(await lookup({ baseUrl: server.baseUrl, auth: 'basic' }, {}, options({ clock }), controller.signal));
    assert.strictEqual(o.error.kind, 'cancelled');
    assert.strictEqual(o.attempts, 1);
    assert.strictEqual(clock.sleeps.length, 1);
  });

  it('does not start when already cancelled', async () => {
    server = await serve((_req, res) => sendJson(res, 200, fixtureText('omnichannel-200-auto-otp.json')));
    const controller = new AbortController();
    controller.abort();
    const o = failure(await lookup({ baseUrl: server.baseUrl, auth: 'basic' }, {}, options(), controller.signal));
    assert.strictEqual(o.error.kind, 'cancelled');
    assert.strictEqual(server.received.length, 0);
  });

  const garbage: [string, number, string, string][] = [
    ['truncated JSON', 200, 'application/json', '{"status": {"code": 3000, "desc'],
    ['an HTML 502 page', 502, 'text/html', '<html><body>502 Bad Gateway</body></html>'],
    ['an empty 200', 200, 'application/json', ''],
  ];
  for (const [name, status, type, body] of garbage) {
    it(`turns ${name} into malformed-response`, async () => {
      server = await serve((_req, res) => {
        res.writeHead(status, { 'Content-Type': type });
        res.end(body);
      });
      const o = failure(await lookup({ baseUrl: server.baseUrl, auth: 'basic' }));
      assert.strictEqual(o.error.kind, 'malformed-response');
      assert.strictEqual(o.error.bodyPreview, body);
      assert.strictEqual(o.attempts, 1);
    });
  }

  it('refuses an oversized body, declared or streamed', async () => {
    const big = JSON.stringify({ status: { code: 3000 }, pad: 'x'.repeat(5000) });
    server = await serve((req, res) => {
      if (req.url?.includes('/v1/verify/')) {
        res.writeHead(200, { 'Content-Type': 'application/json' }); // chunked: no length to check up front
        res.write(big.slice(0, 2500));
        res.end(big.slice(2500));
      } else sendJson(res, 200, big);
    });
    for (const endpoint of ['omnichannel', 'verify'] as const) {
      const o = failure(await lookup({ baseUrl: server.baseUrl, auth: 'basic' }, { endpoint }, options({ maxBodyBytes: 1024 })));
      assert.strictEqual(o.error.kind, 'too-large', endpoint);
      assert.match(o.error.message, /larger than 1 KiB/);
    }
  });

  it('reports a redirect instead of following it with the key', async () => {
    server = await serve((_req, res) => {
      res.writeHead(302, { Location: `https://elsewhere.example/v1/omnichannel/${REF}` });
      res.end();
    });
    const o = failure(await lookup({ baseUrl: server.baseUrl, auth: 'basic' }));
    assert.strictEqual(o.error.kind, 'config');
    assert.strictEqual(o.error.httpStatus, 302);
    assert.match(o.error.message, /redirect to https:\/\/elsewhere\.example/);
    assert.strictEqual(server.received.length, 1);
  });

  it('sends nothing for invalid input or a bad base URL', async () => {
    server = await serve((_req, res) => sendJson(res, 200, fixtureText('omnichannel-200-auto-otp.json')));
    const t: Target = { baseUrl: server.baseUrl, auth: 'basic' };
    const cases: [Target, Partial<LookupRequest>, string][] = [
      [t, { referenceId: 'nope' }, 'invalid-input'],
      [t, { verifyCode: '12' }, 'invalid-input'],
      [t, { endpoint: 'messaging', verifyCode: '1234' }, 'invalid-input'],
      [t, { endpoint: 'bogus' as LookupRequest['endpoint'] }, 'invalid-input'],
      [{ baseUrl: 'http://rest-ww.telesign.com', auth: 'basic' }, {}, 'config'],
      [{ baseUrl: `https://${CUSTOMER_ID}:${SENTINEL_KEY}@rest-ww.telesign.com`, auth: 'basic' }, {}, 'config'],
      [{ baseUrl: 'not a url', auth: 'basic' }, {}, 'config'],
    ];
    for (const [target, request, kind] of cases) {
      const o = failure(await lookup(target, request));
      assert.strictEqual(o.error.kind, kind, JSON.stringify(request));
      assert.strictEqual(o.attempts, 0);
    }
    const noKey = failure(
      await getTransactionStatus(t, { customerId: CUSTOMER_ID, apiKey: '' }, { endpoint: 'omnichannel', referenceId: REF }, options()),
    );
    assert.strictEqual(noKey.error.kind, 'auth');
    assert.strictEqual(server.received.length, 0);
  });

  it('survives a logger that throws', async () => {
    server = await serve((_req, res) => sendJson(res, 200, fixtureText('omnichannel-200-auto-otp.json')));
    const o = await getTransactionStatus(
      { baseUrl: server.baseUrl, auth: 'basic' },
      creds,
      { endpoint: 'omnichannel', referenceId: REF },
      {
        ...options(),
        onAttempt: () => {
          throw new Error('logger broke');
        },
      },
    );
    assert.ok(o.ok);
  });

  it("queries the Verify API on the loopback base URL with the profile's auth (Digest stays Digest)", async () => {
    server = await serve((_req, res) => sendJson(res, 200, fixtureText('verification-200.json')));
    const o = success(await lookup({ baseUrl: server.baseUrl, auth: 'digest' }, { endpoint: 'verification' }));
    assert.strictEqual(o.state, 'VERIFIED');
    assert.strictEqual(o.request.auth, 'digest');
    assert.strictEqual(server.received[0].url, `/verification/${REF}`);
    assert.match(String(server.received[0].headers.authorization), new RegExp(`^TSA ${CUSTOMER_ID}:`));
  });

  it('refuses a Verify API lookup on a gateway profile without verifyBaseUrl, sending nothing anywhere', async () => {
    const opts = options();
    const o = failure(await lookup({ baseUrl: 'https://telesign-gw.corp.example', auth: 'digest' }, { endpoint: 'verification' }, opts));
    assert.strictEqual(o.error.kind, 'config');
    assert.match(o.error.message, /verifyBaseUrl/);
    assert.strictEqual(o.attempts, 0);
    assert.deepStrictEqual(opts.logs, [], 'no attempt was made');
    assert.ok(!o.request.url.includes('verify.telesign.com'), o.request.url);
  });
});
