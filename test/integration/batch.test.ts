// Look Up All Reference IDs in the real host against a simulator with a rate limit: under the limit it sends
// no request over it (the simulator's request log proves it); told a rate above the server's it adapts to the
// 429s and still ends with every row right; Stop (closing the table) keeps what finished.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { startSimulator, type Simulator } from '../simulator/server';
import { SEEDED } from '../simulator/seed';
import { activateExtension } from '../support/extensionHost';
import type { LookUpAllResult } from '../../src/features/batch/command';

const PROFILE = 'Batch sim (demo)';
const cfg = () => vscode.workspace.getConfiguration('telesign');
const KEYS = ['profiles', 'activeProfile', 'batch.requestsPerSecond', 'batch.concurrency', 'request.maxRetries'] as const;
const unknown = (i: number) => `FEED${String(i).padStart(28, '0')}`;
const IDS = [
  SEEDED.autoOtp,
  SEEDED.notAutoOtp,
  SEEDED.inProgress,
  SEEDED.failed,
  SEEDED.expired,
  SEEDED.alwaysUnavailable,
  ...Array.from({ length: 8 }, (_, i) => unknown(i)),
];

/** The most requests in one of the windows the simulator counts in (fixed, each opened by the first request after
 *  the last one closed), from the times it logged them. */
function fixedWindowPeak(times: readonly number[], windowMs: number): number {
  let start = -Infinity;
  let count = 0;
  let best = 0;
  for (const t of [...times].sort((x, y) => x - y)) {
    if (t >= start + windowMs) {
      start = t;
      count = 0;
    }
    best = Math.max(best, ++count);
  }
  return best;
}

describe('batch: look up many reference IDs at once', function () {
  this.timeout(120_000);
  let sim: Simulator;
  let saved: (readonly [string, unknown])[];

  before(async () => {
    await activateExtension();
    sim = await startSimulator({ port: 0, rateLimit: { requests: 5, windowMs: 1000, retryAfter: true } });
    saved = KEYS.map((k) => [k, cfg().inspect(k)?.globalValue] as const);
    await cfg().update('profiles', [{ name: PROFILE, baseUrl: sim.url, auth: 'basic', demo: true }], vscode.ConfigurationTarget.Global);
    await cfg().update('activeProfile', PROFILE, vscode.ConfigurationTarget.Global);
    await cfg().update('request.maxRetries', 3, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    for (const [k, v] of saved) await cfg().update(k, v, vscode.ConfigurationTarget.Global);
    await sim.close();
  });
  beforeEach(() => sim.reset());

  const run = (args: object) => vscode.commands.executeCommand<LookUpAllResult>('telesign.lookUpAll', args);

  it('under the rate it is given: every row right, no request over the limit', async () => {
    await cfg().update('batch.requestsPerSecond', 5, vscode.ConfigurationTarget.Global);
    await cfg().update('batch.concurrency', 4, vscode.ConfigurationTarget.Global);
    const r = await run({ referenceIds: [...IDS, IDS[0].toLowerCase()], profile: PROFILE });
    assert.strictEqual(r.total, IDS.length, 'duplicates (any case) are looked up once');
    assert.strictEqual(r.rateLimited, 0);
    assert.strictEqual(r.cancelled, false);
    const by = new Map(r.rows.map((x) => [x.referenceId, x]));
    assert.strictEqual(by.get(SEEDED.autoOtp)?.statusCode, 3000);
    assert.strictEqual(by.get(SEEDED.autoOtp)?.final, true);
    assert.strictEqual(by.get(SEEDED.inProgress)?.final, false);
    assert.strictEqual(by.get(SEEDED.expired)?.errorKind, 'expired');
    assert.strictEqual(by.get(SEEDED.alwaysUnavailable)?.errorKind, 'unavailable');
    // Telesign answers 404 -10004 for an ID it does not know as for an expired one
    assert.ok(IDS.slice(6).every((id) => by.get(id)?.statusCode === -10004 && by.get(id)?.ok === false));
    assert.ok(r.rows.every((x) => x.errorKind !== 'rate-limited'));
    // failures first, then not final, then final
    const ranks = r.rows.map((x) => (!x.ok ? 0 : x.final === true ? 2 : 1));
    assert.deepStrictEqual(ranks, [...ranks].sort());
    const api = sim.requests.filter((q) => q.endpoint === 'omnichannel');
    assert.strictEqual(api.length, IDS.length, 'one request per ID: no retry was needed');
    const peak = fixedWindowPeak(
      api.map((q) => q.at),
      1000,
    );
    assert.ok(peak <= 5, `at most 5 in each of the simulator's 1 s windows (peak ${peak})`);
  });

  it('told a rate above the server’s, waits out the 429s (Retry-After), slows down, and every row still ends right', async () => {
    await cfg().update('batch.requestsPerSecond', 50, vscode.ConfigurationTarget.Global);
    await cfg().update('batch.concurrency', 8, vscode.ConfigurationTarget.Global);
    const r = await run({ referenceIds: IDS, profile: PROFILE });
    assert.strictEqual(r.rows.length, IDS.length);
    assert.ok(r.rateLimited > 0, 'the server did rate-limit');
    assert.ok(
      r.rows.every((x) => x.errorKind !== 'rate-limited'),
      JSON.stringify(r.rows.filter((x) => x.errorKind === 'rate-limited')),
    );
    assert.strictEqual(new Map(r.rows.map((x) => [x.referenceId, x])).get(SEEDED.autoOtp)?.statusCode, 3000);
  });

  it('closing the table stops the batch and keeps the rows that finished', async () => {
    await cfg().update('batch.requestsPerSecond', 3, vscode.ConfigurationTarget.Global);
    await cfg().update('batch.concurrency', 1, vscode.ConfigurationTarget.Global);
    const many = Array.from({ length: 30 }, (_, i) => unknown(100 + i));
    const pending = run({ referenceIds: many, profile: PROFILE, show: true });
    await new Promise((res) => setTimeout(res, 1500));
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.includes('30 lookups'));
    assert.ok(tab, 'the batch table is open');
    await vscode.window.tabGroups.close(tab);
    const r = await pending;
    assert.strictEqual(r.cancelled, true);
    assert.ok(r.rows.length >= 1 && r.rows.length < 30, `${r.rows.length} rows kept`);
    assert.ok(
      r.rows.every((x) => x.statusCode === -10004),
      'only finished lookups are kept (no cancelled rows)',
    );
    const sent = sim.requests.filter((q) => q.endpoint === 'omnichannel').length;
    assert.ok(sent <= r.rows.length + 1, `no new request after Stop (${sent} sent, ${r.rows.length} kept)`);
  });

  it('refuses what is not a reference ID, and a profile that does not exist, before sending anything', async () => {
    const bad = await vscode.commands.executeCommand<{ error: { kind: string; message: string } }>('telesign.lookUpAll', {
      referenceIds: ['nope'],
    });
    assert.strictEqual(bad.error.kind, 'invalid-input');
    const noProfile = await vscode.commands.executeCommand<{ error: { kind: string; message: string } }>('telesign.lookUpAll', {
      referenceIds: IDS,
      profile: 'Nope',
    });
    assert.strictEqual(noProfile.error.kind, 'config');
    assert.match(noProfile.error.message, /Nope/);
    const fromText = await run({ text: `x ${SEEDED.autoOtp} y ${SEEDED.autoOtp.toLowerCase()} z`, profile: PROFILE });
    assert.strictEqual(fromText.total, 1);
    assert.strictEqual(sim.requests.filter((q) => q.endpoint === 'omnichannel').length, 1);
  });
});
