// Callback reliability: the simulator posts signed callbacks to the real listener, which forwards them to an
// app on 127.0.0.1 that hangs, resets, answers 500 or is down (and once the listener itself is down). Each
// row checks the listener's answer to the sender, what it recorded, and the simulator's retries on its
// documented schedule (frozen sim clock: time moves only when the test says). RELIABILITY_REPORT=1 writes
// the rows into RELIABILITY.md's callbacks table.
import * as assert from 'assert';
import { CallbackListener } from '../../../src/core/callbacks';
import type { ForwardResult } from '../../../src/core/callbacks';
import { RETRY_DELAYS_MS } from '../../simulator/callbacks';
import { startSimulator } from '../../simulator/server';
import { ok, receiver, type Behaviour } from '../../support/callbackReceiver';
import { writeCallbackRows, type CallbackRow } from '../../support/reliabilityReport';
import { closedPort } from '../../support/recordingServer';

const START = Date.parse('2025-01-01T00:00:00Z');
const FORWARD_TIMEOUT_MS = 300;
const SIM_TIMEOUT_MS = 1500;

interface Case {
  readonly fault: string;
  /** The app's behaviour per request (index from 0); undefined: no app, nothing listening there. */
  readonly app?: Behaviour;
  /** The listener is not running at all. */
  readonly listenerDown?: boolean;
  /** Attempts the simulator makes (advancing the sim clock through the schedule between them). */
  readonly attempts: number;
  readonly expected: {
    readonly answers: readonly (number | string)[];
    readonly forwards: readonly (number | string)[];
    readonly state: string;
  };
}

/** "502, 502, 502" → "502 ×3": a row stays readable. */
function runs(xs: readonly (number | string)[]): string {
  const out: string[] = [];
  for (let i = 0; i < xs.length;) {
    let j = i;
    while (j < xs.length && xs[j] === xs[i]) j++;
    out.push(j - i > 1 ? `${xs[i]} ×${j - i}` : String(xs[i]));
    i = j;
  }
  return out.join(', ');
}

const hang: Behaviour = () => undefined;
const CASES: Case[] = [
  {
    fault: 'App hangs, then answers',
    app: (res, s, i) => (i === 0 ? hang(res, s, i) : ok(res, s, i)),
    attempts: 2,
    expected: { answers: [504, 200], forwards: ['timeout', 200], state: 'delivered' },
  },
  {
    fault: 'App resets the connection, then answers',
    app: (res, s, i) => (i === 0 ? s.resetAndDestroy() : ok(res, s, i)),
    attempts: 2,
    expected: { answers: [502, 200], forwards: ['connection-reset', 200], state: 'delivered' },
  },
  {
    fault: 'App answers 500 twice, then 200',
    app: (res, s, i) => {
      if (i >= 2) return ok(res, s, i);
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('boom');
    },
    attempts: 3,
    expected: { answers: [500, 500, 200], forwards: [500, 500, 200], state: 'delivered' },
  },
  {
    fault: 'App is down (nothing on its port)',
    attempts: 6,
    expected: { answers: Array(6).fill(502), forwards: Array(6).fill('connection-refused'), state: 'failed' },
  },
  {
    fault: 'Listener is down',
    listenerDown: true,
    attempts: 6,
    expected: { answers: Array(6).fill('connection-refused'), forwards: [], state: 'failed' },
  },
];

describe('reliability: callbacks through the listener to a misbehaving app', function () {
  this.timeout(30000);
  const rows: CallbackRow[] = [];
  after(() => {
    if (process.env.RELIABILITY_REPORT === '1') writeCallbackRows(rows);
  });

  for (const c of CASES) {
    it(c.fault, async () => {
      const app = c.app ? await receiver() : undefined;
      if (app && c.app) app.behave(c.app);
      const appUrl = app?.url ?? `http://127.0.0.1:${await closedPort()}/telesign/callbacks`;
      const forwards: ForwardResult[] = [];
      const listener = new CallbackListener({
        port: 0,
        forwardTo: appUrl,
        forwardTimeoutMs: FORWARD_TIMEOUT_MS,
        onCallback: () => undefined,
        onForwarded: (_cb, r) => forwards.push(r),
      });
      await listener.start();
      const target = listener.url;
      if (c.listenerDown) await listener.stop();
      const sim = await startSimulator({
        clock: { startMs: START, frozen: true },
        seed: false,
        callbacks: { url: target, timeoutMs: SIM_TIMEOUT_MS },
      });
      const t0 = Date.now();
      try {
        sim.callbacks.send('inbound', { reference_id: 'F0000000000000000000000000000001', status: { code: 1500 } });
        await sim.callbacks.settle();
        for (const delay of RETRY_DELAYS_MS.slice(0, c.attempts - 1)) {
          sim.clock.advance(delay);
          await sim.callbacks.settle();
        }
        const [d] = sim.callbacks.list();
        const answers = d.attempts.map((a) => a.status ?? a.error ?? '?');
        const fwd = forwards.map((r) => r.status ?? r.error ?? '?');
        const row: CallbackRow = {
          fault: c.fault,
          expected: `${runs(c.expected.answers)} → ${c.expected.state}`,
          answers: runs(answers),
          forwards: runs(fwd) || '—',
          schedule: d.attempts.map((a) => a.at.slice(11, 19)).join(', '),
          state: d.state,
          wallMs: Date.now() - t0,
        };
        rows.push(row);
        assert.deepStrictEqual(answers, c.expected.answers, 'the listener’s answers the simulator recorded');
        assert.deepStrictEqual(fwd, c.expected.forwards, 'what the listener recorded from the app');
        assert.strictEqual(d.state, c.expected.state);
        // The attempts follow the documented schedule: 0, +10 s, +30 s, +1 min, +5 min, +15 min.
        let at = START;
        const expectedAt = [START, ...RETRY_DELAYS_MS.slice(0, c.attempts - 1).map((ms) => (at += ms))];
        assert.deepStrictEqual(
          d.attempts.map((a) => Date.parse(a.at)),
          expectedAt,
        );
        // A hanging app costs the sender the listener's forward timeout, not the sender's own.
        for (const a of d.attempts) assert.ok(a.realMs < SIM_TIMEOUT_MS, `attempt ${a.n} took ${a.realMs} ms`);
      } finally {
        await sim.close();
        await listener.stop();
        await app?.close();
      }
    });
  }
});
