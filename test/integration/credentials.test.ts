// Set / Clear Credentials, the "no credentials" offer that continues the same lookup, demo profiles,
// a failing keyring, and the sentinel key never reaching settings, history, the Output log or the panel.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { DEMO_CREDENTIALS } from '../../src/core/telesign/demo';
import type { ShownLookup } from '../../src/features/lookup/contracts';
import { CredentialStore, secretKey } from '../../src/features/credentials/store';
import { validateApiKey, validateCustomerId } from '../../src/core/telesign/credentials';
import type { SecretLogger, SecretStore } from '../../src/features/credentials/store';
import { redact } from '../../src/core/telesign/redact';
import { openResultPanels } from '../support/resultPanels';
import { NO_OMNICHANNEL_CUSTOMER, SEEDED } from '../simulator/seed';
import { CUSTOMER_ID, SENTINEL_KEY, assertNoSecret } from '../support/sentinel';
import { waitFor } from '../support/extensionHost';
import { DEMO, SIM, exec, inputBoxes, messages, quickPick, readOutputLog, startWorld, withStubs } from '../support/lookupHarness';
import type { World } from '../support/lookupHarness';

const status = (args: unknown) => exec<ShownLookup | undefined>('telesign.getTransactionStatus', args);
const setCredentials = (args: unknown) => exec<boolean>('telesign.setCredentials', args);
const clearCredentials = (args: unknown) => exec<boolean>('telesign.clearCredentials', args);
const quietly = <R>(body: () => Promise<R>) => withStubs({ showInformationMessage: messages().fn }, body);

describe('credentials', () => {
  let world: World;
  before(async () => {
    world = await startWorld();
    world.sim.addCustomer({ customerId: CUSTOMER_ID, apiKey: SENTINEL_KEY });
  });
  after(async () => {
    await quietly(() => clearCredentials({ profile: SIM, confirm: false }));
    await world.restore();
  });
  beforeEach(async () => {
    world.sim.reset();
    world.sim.addCustomer({ customerId: CUSTOMER_ID, apiKey: SENTINEL_KEY });
    await quietly(() => clearCredentials({ profile: SIM, confirm: false }));
  });

  it('validates the customer ID shape and the base64 API key, saying what is wrong', () => {
    assert.strictEqual(validateCustomerId(CUSTOMER_ID), undefined);
    assert.strictEqual(validateCustomerId(DEMO_CREDENTIALS.customerId), undefined);
    assert.match(validateCustomerId('0A1B2C3D-4E5F-6789-ABCD-EF012345678') ?? '', /8-4-4-4-12/);
    assert.match(validateCustomerId('0A1B2C3D-4E5F-6789-ABCD-EF012345678Z') ?? '', /“Z”/);
    assert.ok(validateCustomerId(''));
    assert.strictEqual(validateApiKey(SENTINEL_KEY), undefined);
    assert.strictEqual(validateApiKey(DEMO_CREDENTIALS.apiKey), undefined);
    assert.ok(validateApiKey('not base64!'));
    assert.ok(validateApiKey('QUJDREVGR0hJSktMTU5PUA=')); // padded but wrong length
    assert.ok(validateApiKey('QUJD')); // too short to be a key
  });

  it('with arguments: stores per profile, the lookup then authenticates with them', async () => {
    assert.strictEqual(await quietly(() => setCredentials({ profile: SIM, customerId: CUSTOMER_ID, apiKey: SENTINEL_KEY })), true);
    const shown = await status({ referenceId: SEEDED.notAutoOtp, profile: SIM, show: false });
    assert.ok(shown?.outcome.ok, JSON.stringify(shown?.outcome));
    const auth = String(world.sim.requests.at(-1)?.headers.authorization);
    assert.strictEqual(auth, 'Basic ' + Buffer.from(`${CUSTOMER_ID}:${SENTINEL_KEY}`).toString('base64'));
    assertNoSecret(shown, 'the ShownLookup');
  });

  it('with prompts: customer ID then a password box for the key, both validated inline', async () => {
    const boxes = inputBoxes([CUSTOMER_ID, SENTINEL_KEY], [['1234'], ['has spaces in it']]);
    const saved = await withStubs({ showInputBox: boxes.fn, showInformationMessage: messages().fn }, () =>
      setCredentials({ profile: SIM }),
    );
    assert.strictEqual(saved, true);
    assert.strictEqual(boxes.calls[1].password, true);
    assert.strictEqual(boxes.calls[1].ignoreFocusOut, true);
    assert.ok(boxes.messages.flat().every((m) => typeof m === 'string' && m.length > 0));
    assert.ok((await status({ referenceId: SEEDED.notAutoOtp, profile: SIM, show: false }))?.outcome.ok);
  });

  it('invalid arguments are refused and nothing is stored', async () => {
    const errors = messages();
    const saved = await withStubs({ showErrorMessage: errors.fn }, () =>
      setCredentials({ profile: SIM, customerId: 'nope', apiKey: SENTINEL_KEY }),
    );
    assert.strictEqual(saved, false);
    assert.strictEqual(errors.seen.length, 1);
    const shown = await withStubs({ showWarningMessage: messages(() => undefined).fn }, () =>
      status({ referenceId: SEEDED.notAutoOtp, profile: SIM, show: false }),
    );
    assert.strictEqual(shown?.outcome.ok, false);
  });

  it('a lookup without credentials offers Set Credentials, then continues the same lookup', async () => {
    const warnings = messages((_m, buttons) => buttons.find((b) => b === 'Set Credentials'));
    const boxes = inputBoxes([CUSTOMER_ID, SENTINEL_KEY]);
    const before = world.sim.requests.length;
    const shown = await withStubs({ showWarningMessage: warnings.fn, showInputBox: boxes.fn, showInformationMessage: messages().fn }, () =>
      status({ referenceId: SEEDED.autoOtp, verifyCode: '50361', profile: SIM, show: false }),
    );
    assert.match(warnings.seen[0], new RegExp(`No Telesign credentials.*${SIM.replace(/[()]/g, '\\$&')}`));
    assert.ok(shown?.outcome.ok, JSON.stringify(shown?.outcome));
    assert.strictEqual(shown.outcome.referenceId, SEEDED.autoOtp);
    assert.strictEqual(shown.outcome.verify?.state, 'VALID', 'the same lookup, OTP included');
    assert.strictEqual(world.sim.requests.length - before, 1);
  });

  it('declining the offer sends nothing and returns a set-credentials failure', async () => {
    const before = world.sim.requests.length;
    const shown = await withStubs({ showWarningMessage: messages(() => undefined).fn }, () =>
      status({ referenceId: SEEDED.autoOtp, profile: SIM, show: false }),
    );
    assert.strictEqual(shown?.outcome.ok, false);
    assert.ok(!shown.outcome.ok && shown.outcome.error.actions.includes('set-credentials'));
    assert.strictEqual(world.sim.requests.length, before);
  });

  it('wrong input is refused before credentials are asked for', async () => {
    const warnings = messages(() => undefined);
    const shown = await withStubs({ showWarningMessage: warnings.fn, showErrorMessage: messages().fn }, () =>
      status({ referenceId: 'ZZZ', profile: SIM, show: false }),
    );
    assert.ok(shown && !shown.outcome.ok);
    assert.strictEqual(shown.outcome.error.kind, 'invalid-input');
    assert.deepStrictEqual(warnings.seen, [], 'no credentials offer');
  });

  it('a wrong key gives 401 3411 (auth), and a customer without the product 3206', async () => {
    await quietly(() =>
      setCredentials({ profile: SIM, customerId: CUSTOMER_ID, apiKey: Buffer.from('a different key, not known').toString('base64') }),
    );
    const bad = await status({ referenceId: SEEDED.autoOtp, profile: SIM, show: false });
    assert.ok(bad && !bad.outcome.ok);
    assert.strictEqual(bad.outcome.error.code, 3411);
    assert.strictEqual(bad.outcome.error.kind, 'auth');

    await quietly(() =>
      setCredentials({ profile: SIM, customerId: NO_OMNICHANNEL_CUSTOMER.customerId, apiKey: NO_OMNICHANNEL_CUSTOMER.apiKey }),
    );
    const off = await status({ referenceId: SEEDED.autoOtp, profile: SIM, show: false });
    assert.ok(off && !off.outcome.ok);
    assert.strictEqual(off.outcome.error.code, 3206);
    assert.strictEqual(off.outcome.error.kind, 'not-enabled');
  });

  it('Clear Credentials asks first (modal) unless confirm is false', async () => {
    await quietly(() => setCredentials({ profile: SIM, customerId: CUSTOMER_ID, apiKey: SENTINEL_KEY }));
    const no = await withStubs({ showWarningMessage: messages(() => undefined).fn }, () => clearCredentials({ profile: SIM }));
    assert.strictEqual(no, false);
    assert.ok((await status({ referenceId: SEEDED.notAutoOtp, profile: SIM, show: false }))?.outcome.ok, 'still set');
    const yes = await withStubs({ showWarningMessage: messages((_m, b) => b[0]).fn, showInformationMessage: messages().fn }, () =>
      clearCredentials({ profile: SIM }),
    );
    assert.strictEqual(yes, true);
    const after = await withStubs({ showWarningMessage: messages(() => undefined).fn }, () =>
      status({ referenceId: SEEDED.notAutoOtp, profile: SIM, show: false }),
    );
    assert.strictEqual(after?.outcome.ok, false);
  });

  it('a demo profile on a loopback URL needs nothing stored and uses the published example credentials', async () => {
    const shown = await status({ referenceId: SEEDED.notAutoOtp, profile: DEMO, show: false });
    assert.ok(shown?.outcome.ok);
    assert.strictEqual(shown.profile.demo, true);
    assert.strictEqual(
      String(world.sim.requests.at(-1)?.headers.authorization),
      'Basic ' + Buffer.from(`${DEMO_CREDENTIALS.customerId}:${DEMO_CREDENTIALS.apiKey}`).toString('base64'),
    );
  });

  it('a demo flag on a non-loopback URL is ignored, with a warning (and nothing is sent without credentials)', async () => {
    const cfg = vscode.workspace.getConfiguration('telesign');
    const profiles = cfg.inspect<unknown[]>('profiles')!.globalValue!;
    await cfg.update(
      'profiles',
      [...profiles, { name: 'Remote demo', baseUrl: 'https://rest-ww.telesign.com', demo: true }],
      vscode.ConfigurationTarget.Global,
    );
    try {
      const warnings = messages(() => undefined);
      const shown = await withStubs({ showWarningMessage: warnings.fn }, () =>
        status({ referenceId: SEEDED.notAutoOtp, profile: 'Remote demo', show: false }),
      );
      assert.ok(shown && !shown.outcome.ok);
      assert.strictEqual(shown.profile.demo, false);
      assert.ok(shown.outcome.error.actions.includes('set-credentials'), 'asks for real credentials instead');
      assert.ok(warnings.seen.some((m) => /No Telesign credentials/.test(m)));
      assert.ok(
        warnings.seen.some((m) => /marked demo/.test(m)),
        'warned that the demo flag is ignored',
      );
      assert.strictEqual(shown.outcome.attempts, 0);
    } finally {
      await cfg.update('profiles', profiles, vscode.ConfigurationTarget.Global);
    }
  });

  describe('when SecretStorage fails', () => {
    /** Records what the store would log, redacted as the real Logger does (a second "Telesign" channel would replace the extension's). */
    const recordingLogger = () => {
      const secrets: string[] = [];
      const lines: string[] = [];
      const logger: SecretLogger = {
        addSecret: (s) => void (s && secrets.push(s)),
        redact: (t) => redact(t, secrets),
        error: (m, e) => void lines.push(redact(`${m}: ${e instanceof Error ? e.message : String(e)}`, secrets)),
      };
      return { logger, lines };
    };
    const broken: SecretStore = {
      get: () => Promise.reject(new Error('no keyring available')),
      store: () => Promise.reject(new Error('no keyring available')),
      delete: () => Promise.reject(new Error('no keyring available')),
    };

    it('says so, explains the fix, and can keep the key for this session only', async () => {
      const { logger, lines } = recordingLogger();
      const store = new CredentialStore(broken, logger);
      try {
        const errors = messages((_m, buttons) => buttons.find((b) => /Session/.test(b)));
        const details: string[] = [];
        const showErrorMessage = async (m: string, ...rest: unknown[]) => {
          const opts = rest[0] as vscode.MessageOptions | undefined;
          if (opts?.detail) details.push(opts.detail);
          return errors.fn(m, ...rest);
        };
        const result = await withStubs({ showErrorMessage }, () => store.save(SIM, { customerId: CUSTOMER_ID, apiKey: SENTINEL_KEY }));
        assert.strictEqual(result, 'session');
        assert.match(errors.seen[0], /secret storage/);
        assert.match(details.join('\n'), /keyring|password-store/);
        const got = await withStubs({ showErrorMessage: messages().fn }, () => store.get(SIM));
        assert.strictEqual(got?.source, 'session');
        assert.strictEqual(got?.credentials.apiKey, SENTINEL_KEY);
        for (const m of [...errors.seen, ...details, ...lines]) assertNoSecret(m, 'the error message or log line');
        assert.ok(
          lines.some((l) => /refused/.test(l)),
          'the failure is logged',
        );
      } finally {
        store.dispose();
      }
    });

    it('declining keeps nothing, and a failing read is "not set" with one plain message, not a crash', async () => {
      const { logger } = recordingLogger();
      const store = new CredentialStore(broken, logger);
      try {
        const declined = await withStubs({ showErrorMessage: messages(() => undefined).fn }, () =>
          store.save(SIM, { customerId: CUSTOMER_ID, apiKey: SENTINEL_KEY }),
        );
        assert.strictEqual(declined, 'not-saved');
        const errors = messages();
        const first = await withStubs({ showErrorMessage: errors.fn }, () => store.get(SIM));
        const second = await withStubs({ showErrorMessage: errors.fn }, () => store.get(SIM));
        assert.strictEqual(first, undefined);
        assert.strictEqual(second, undefined);
        assert.strictEqual(errors.seen.length, 1, 'told once');
        assert.match(errors.seen[0], /could not read/);
        assert.strictEqual(await store.clear(SIM), false);
      } finally {
        store.dispose();
      }
    });
  });

  it('the key never reaches settings, history, the Output log, the panel or the secret-storage key name', async () => {
    await quietly(() => setCredentials({ profile: SIM, customerId: CUSTOMER_ID, apiKey: SENTINEL_KEY }));
    // A success, a verify with an OTP, and a failure that echoes headers are all logged.
    await status({ referenceId: SEEDED.autoOtp, profile: SIM, verifyCode: '50361' });
    world.sim.faults.next({ kind: 'error', error: 'invalid-key' });
    await status({ referenceId: SEEDED.notAutoOtp, profile: SIM, show: false });

    const cfg = vscode.workspace.getConfiguration('telesign');
    for (const key of ['profiles', 'activeProfile', 'defaultEndpoint', 'history.maxItems']) {
      assertNoSecret(cfg.inspect(key), `setting ${key}`);
    }
    assertNoSecret(vscode.workspace.getConfiguration().inspect('telesign'), 'telesign.* settings');

    const history = quickPick<vscode.QuickPickItem>(() => undefined);
    await withStubs({ showQuickPick: history.fn }, () => exec('telesign.showHistory'));
    assert.ok(history.seen[0]?.length > 0, 'history has items');
    assertNoSecret(history.seen[0], 'history');
    assert.ok(!JSON.stringify(history.seen[0]).includes('50361'), 'the OTP itself is not in history');

    const panel = await waitFor(() => openResultPanels().find((p) => p.referenceId === SEEDED.autoOtp), 10000, 'the panel');
    assertNoSecret(panel.panel.webview.html, 'the panel html');
    assertNoSecret(panel.lastRendered, 'the panel data');
    panel.panel.dispose();

    const log = await waitFor(
      () => {
        const text = readOutputLog();
        return text.includes(SEEDED.notAutoOtp) ? text : undefined;
      },
      10000,
      'the lookup in the Output log',
    );
    assert.match(log, new RegExp(`GET \\S+/v1/omnichannel/${SEEDED.autoOtp}`));
    assertNoSecret(log, 'the Output log');
    assert.ok(!log.includes('50361'), 'the OTP is masked in the log');
    assert.match(log, /verify_code=\*\*\*/);
    assertNoSecret(secretKey(SIM), 'the secret name');
  });
});
