// Reliability in a real VS Code: a failing SecretStorage (clear message, session-only fallback that then
// really authenticates), 50 concurrent lookups through the command opening their own panels, and 500
// panel open/close cycles leaving no panel or timer behind.
import * as assert from 'assert';
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { ShownLookup } from '../../src/features/lookup/contracts';
import { CredentialStore } from '../../src/features/credentials/store';
import type { SecretStore } from '../../src/features/credentials/store';
import { History } from '../../src/features/history/store';
import { LookupService } from '../../src/features/lookup/service';
import { ResultPanels } from '../../src/features/resultPanel/panels';
import { liveResultPanelListeners, openResultPanels } from '../support/resultPanels';
import { SEEDED } from '../simulator/seed';
import { CUSTOMER_ID, SENTINEL_KEY, assertNoSecret } from '../support/sentinel';
import { EXTENSION_ID, waitFor } from '../support/extensionHost';
import { DEMO, SIM, exec, messages, startWorld, withStubs } from '../support/lookupHarness';
import type { World } from '../support/lookupHarness';
import { memento, recordingLogger } from '../support/recordingLogger';
import { ManualScheduler, ScriptedRunner, inProgress, newRef } from '../support/panelFixtures';

describe('reliability: SecretStorage failure', function () {
  this.timeout(30000);
  let world: World;
  before(async () => {
    world = await startWorld();
    world.sim.addCustomer({ customerId: CUSTOMER_ID, apiKey: SENTINEL_KEY });
  });
  after(() => world.restore());

  it('store rejects and get throws synchronously: one clear message, session fallback offered, and the lookup then authenticates', async () => {
    const secrets: SecretStore = {
      get: () => {
        throw new Error('keyring locked');
      },
      store: () => Promise.reject(new Error(`keyring refused ${SENTINEL_KEY}`)),
      delete: () => Promise.reject(new Error('keyring locked')),
    };
    const { logger, lines } = recordingLogger();
    const store = new CredentialStore(secrets, logger);
    const runner = new LookupService({
      credentials: store,
      history: new History(memento(), () => 50),
      logger,
      userAgent: 'TelesignInspector/reliability',
    });
    try {
      const errors = messages((_m, buttons) => buttons.find((b) => /Session/.test(b)));
      const before = await withStubs({ showErrorMessage: errors.fn }, () => runner.run({ referenceId: SEEDED.notAutoOtp, profile: SIM }));
      assert.ok(
        !before.outcome.ok && before.outcome.error.actions.includes('set-credentials'),
        'an unreadable store reads as "not set", no throw',
      );
      assert.strictEqual(errors.seen.length, 1);
      assert.match(errors.seen[0], /could not read/);

      const saved = await withStubs({ showErrorMessage: errors.fn }, () =>
        store.save(SIM, { customerId: CUSTOMER_ID, apiKey: SENTINEL_KEY }),
      );
      assert.strictEqual(saved, 'session', 'the session-only fallback was offered and taken');
      assert.match(errors.seen[1], /could not save/);

      const shown = await withStubs({ showErrorMessage: errors.fn }, () => runner.run({ referenceId: SEEDED.notAutoOtp, profile: SIM }));
      assert.ok(shown.outcome.ok, JSON.stringify(shown.outcome));
      assert.strictEqual(
        String(world.sim.requests.at(-1)?.headers.authorization),
        'Basic ' + Buffer.from(`${CUSTOMER_ID}:${SENTINEL_KEY}`).toString('base64'),
      );
      assert.strictEqual(errors.seen.length, 2, 'no further messages once the session key is in use');
      assert.strictEqual(await store.clear(SIM), false, 'clearing reports the storage failure');
      const after = await withStubs({ showErrorMessage: errors.fn }, () => runner.run({ referenceId: SEEDED.notAutoOtp, profile: SIM }));
      assert.ok(!after.outcome.ok, 'the session key is gone after clear');
      assertNoSecret([errors.seen, lines, shown, after], 'messages, log lines and outcomes');
    } finally {
      store.dispose();
    }
  });
});

describe('reliability: load through the command and the panel', function () {
  this.timeout(90000);
  let world: World;
  before(async () => {
    world = await startWorld();
    world.sim.addCustomer({ customerId: CUSTOMER_ID, apiKey: SENTINEL_KEY });
  });
  after(async () => {
    for (const p of openResultPanels()) p.panel.dispose();
    await withStubs({ showInformationMessage: messages().fn }, () => exec('telesign.clearCredentials', { profile: SIM, confirm: false }));
    await world.restore();
  });

  it('50 concurrent lookups with { show: true }: each outcome and each panel holds its own reference ID', async () => {
    // SIM holds a key the simulator does not know: its lookups answer 401.
    const wrongKey = Buffer.from('a key the simulator does not know').toString('base64');
    await withStubs({ showInformationMessage: messages().fn }, () =>
      exec('telesign.setCredentials', { profile: SIM, customerId: CUSTOMER_ID, apiKey: wrongKey }),
    );
    const plans = ['success', 'rate-limited-then-ok', 'expired', 'unauthorized'] as const;
    const jobs = Array.from({ length: 50 }, (_, i) => {
      const plan = plans[i % plans.length];
      const referenceId = randomBytes(16).toString('hex').toUpperCase();
      if (plan !== 'expired') {
        world.sim.addTransaction({ referenceId, externalId: `job-${i}`, channels: [{ channel: 'sms', code: 3000, afterMs: 0 }] });
      }
      // Retry-After 0: the real clock, so no wait; maxRetries is 1 in this world.
      if (plan === 'rate-limited-then-ok') {
        world.sim.faults.rule({
          path: `/v1/omnichannel/${referenceId}`,
          fault: { kind: 'error', error: 'rate-limited', retryAfter: 0 },
          times: 1,
        });
      }
      return { i, plan, referenceId, profile: plan === 'unauthorized' ? SIM : DEMO };
    });
    const shown = await withStubs({ showWarningMessage: messages().fn, showErrorMessage: messages().fn }, () =>
      Promise.all(
        jobs.map((j) =>
          exec<ShownLookup | undefined>('telesign.getTransactionStatus', { referenceId: j.referenceId, profile: j.profile, show: true }),
        ),
      ),
    );
    shown.forEach((s, k) => {
      const j = jobs[k];
      const what = `job ${j.i} (${j.plan})`;
      assert.ok(s, what);
      assert.strictEqual(s.outcome.referenceId, j.referenceId, `${what}: reference ID`);
      if (j.plan === 'success' || j.plan === 'rate-limited-then-ok') {
        assert.ok(s.outcome.ok, `${what}: ${s.outcome.ok ? '' : s.outcome.error.message}`);
        assert.strictEqual(s.outcome.externalId, `job-${j.i}`, `${what}: its own body`);
        assert.strictEqual(s.outcome.attempts, j.plan === 'success' ? 1 : 2, `${what}: attempts`);
      } else {
        assert.ok(!s.outcome.ok, what);
        assert.strictEqual(s.outcome.error.kind, j.plan === 'expired' ? 'expired' : 'auth', what);
      }
      assertNoSecret(s, what);
    });
    // Every panel paints its own lookup. Hidden webviews do not run (no retainContextWhenHidden), so each
    // panel is brought to the front in turn and its webview reports what it painted.
    for (const j of jobs) {
      const p = openResultPanels().find((x) => x.referenceId === j.referenceId);
      assert.ok(p, `job ${j.i}: a panel is open`);
      assert.strictEqual(p.lastRendered.outcome.referenceId, j.referenceId);
      p.panel.reveal(undefined, false);
      const report = await waitFor(
        () => {
          const r = openResultPanels().find((x) => x.referenceId === j.referenceId)?.report;
          return r?.referenceId === j.referenceId ? r : undefined;
        },
        15000,
        `panel ${j.i} to paint`,
      );
      assert.ok(report.text.includes(j.referenceId), `panel ${j.i} shows its reference ID`);
      for (const other of [jobs[(j.i + 1) % 50], jobs[(j.i + 49) % 50]]) {
        assert.ok(!report.text.includes(other.referenceId), `panel ${j.i} shows no neighbour`);
      }
      p.panel.dispose();
    }
    for (const j of jobs) {
      openResultPanels()
        .find((p) => p.referenceId === j.referenceId)
        ?.panel.dispose();
    }
    assert.strictEqual(openResultPanels().filter((p) => jobs.some((j) => j.referenceId === p.referenceId)).length, 0);
  });

  it('500 open/close cycles leave no panel, no listener and no timer behind', async () => {
    const scheduler = new ManualScheduler();
    const { logger } = recordingLogger();
    const panels = new ResultPanels(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, {
      runner: new ScriptedRunner(),
      logger,
      scheduler,
      autoRefreshEnabled: () => true,
    });
    const before = openResultPanels().length;
    const listenersBefore = liveResultPanelListeners();
    let listenersPeak = listenersBefore;
    const refs: string[] = [];
    try {
      for (let i = 0; i < 500; i++) {
        const ref = newRef();
        refs.push(ref);
        // An in-progress status schedules an auto-refresh timer; every 25th cycle waits for it, so
        // closing is shown to clear a live timer and not only to win the race against it.
        panels.show(inProgress(ref));
        listenersPeak = Math.max(listenersPeak, liveResultPanelListeners());
        if (i % 25 === 0) await waitFor(() => scheduler.active > 0, 10000, 'the auto-refresh timer');
        openResultPanels()
          .find((p) => p.referenceId === ref)!
          .panel.dispose();
        if (i % 50 === 0) await new Promise((r) => setTimeout(r, 0));
      }
      await new Promise((r) => setTimeout(r, 200));
      assert.strictEqual(openResultPanels().length, before, 'no panel left open');
      assert.ok(!openResultPanels().some((p) => refs.includes(p.referenceId)));
      assert.strictEqual(panels.pendingTimers(), 0, 'no panel holds a timer');
      assert.ok(listenersPeak > listenersBefore, `an open panel holds listeners (peak ${listenersPeak})`);
      assert.strictEqual(liveResultPanelListeners(), listenersBefore, 'every panel listener was disposed');
      assert.strictEqual(scheduler.active, 0, 'every scheduled timer was cleared');
      assert.ok(scheduler.delays.length >= 20, `timers were really scheduled (${scheduler.delays.length})`);
    } finally {
      panels.dispose();
    }
  });
});
