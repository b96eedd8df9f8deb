// The language-model tools in the real extension host: listed by vscode.lm.tools with the manifest's schemas,
// invoked through vscode.lm.invokeTool on fixtures and the simulator, masked, and never carrying the key.
// On a VS Code without the tool API (1.85, the oldest we run) nothing is registered and nothing breaks.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { callbackAuthorization } from '../../src/core/callbacks';
import { assertNoSecret, CUSTOMER_ID, SENTINEL_KEY } from '../support/sentinel';
import { activateExtension, workspaceFile } from '../support/extensionHost';
import { exec, SIM, startWorld, type World } from '../support/lookupHarness';
import { assistantTools } from '../../src/features/assistant/tools';
import { assistantBackends } from '../../src/features/assistant/backends';

interface Lm {
  tools?: readonly { name: string; inputSchema: unknown; tags: readonly string[] }[];
  invokeTool?(
    name: string,
    options: { input: object; toolInvocationToken: undefined },
    token?: vscode.CancellationToken,
  ): Thenable<{ content: unknown[] }>;
}
const lm = (vscode as unknown as { lm?: Lm }).lm;
const hasTools = typeof lm?.invokeTool === 'function' && Array.isArray(lm?.tools);
const manifestTools = (
  vscode.extensions.getExtension('telesign-inspector-oss.telesign-inspector')?.packageJSON as {
    contributes: { languageModelTools: { name: string; inputSchema: unknown }[] };
  }
).contributes.languageModelTools;

const REF = '364C81F5F3D0020C91E7A731DE93A777';

/** The text parts of a tool result, and its JSON part (a DataPart where VS Code has one, else fenced JSON). */
function parts(result: { content: unknown[] }): { text: string; data: unknown } {
  let text = '';
  let data: unknown;
  for (const p of result.content) {
    const part = p as { value?: unknown; mimeType?: string; data?: Uint8Array };
    // a data part: application/json, or text/x-json on 1.139
    if (/json/.test(part.mimeType ?? '') && part.data) data = JSON.parse(Buffer.from(part.data).toString('utf8'));
    else if (typeof part.value === 'string') {
      const fenced = /^```json\n([\s\S]*)\n```$/.exec(part.value);
      if (fenced) data = JSON.parse(fenced[1]);
      else text += part.value;
    }
  }
  return { text, data };
}

const invoke = async (name: string, input: object) => parts(await lm!.invokeTool!(name, { input, toolInvocationToken: undefined }));

describe('assistant: language-model tools', function () {
  this.timeout(60_000);
  before(() => activateExtension());

  it('where VS Code has no tool API, registers none and the extension works', async function () {
    if (hasTools) this.skip();
    assert.ok(manifestTools.length >= 3, 'the manifest still declares them for editors that have the API');
    const matches = await exec<unknown[]>('telesign.explainCode', { code: 3204, context: '"status":{"code":3204' });
    assert.ok(matches.length > 0);
  });

  it('vscode.lm.tools lists every tool the manifest declares, with its input schema', function () {
    if (!hasTools) this.skip();
    const ours = lm.tools!.filter((t) => t.name.startsWith('telesign_'));
    assert.deepStrictEqual(ours.map((t) => t.name).sort(), manifestTools.map((t) => t.name).sort());
    for (const t of manifestTools) assert.deepStrictEqual(ours.find((o) => o.name === t.name)!.inputSchema, t.inputSchema, t.name);
  });

  it('explain: ranked meanings for a code in its context, as text and data', async function () {
    if (!hasTools) this.skip();
    const r = await invoke('telesign_explain_code', {
      code: '3204',
      context: 'GET /v1/omnichannel/... -> 429 {"status":{"code":3204,"description":"Rate limit exceeded"}}',
    });
    assert.match(r.text, /^3204 — most likely: "Rate limit exceeded"/);
    assert.match(r.text, /What to do: /);
    const data = r.data as { known: boolean; meanings: { code: string; retryable: boolean }[] };
    assert.strictEqual(data.known, true);
    assert.strictEqual(data.meanings[0].code, '3204');
    assert.strictEqual(data.meanings[0].retryable, true);
    const unknown = await invoke('telesign_explain_code', { code: '987654' });
    assert.match(unknown.text, /not a code in Telesign Inspector's catalog/);
  });

  it('summarize: codes with meanings and reference IDs of a workspace log, by relative path', async function () {
    if (!hasTools) this.skip();
    const r = await invoke('telesign_summarize_log', { file: 'sample.log' });
    const direct = await exec<{ codes: { code: string; count: number }[]; references: { referenceId: string }[] }>(
      'telesign.summarizeLog',
      { file: workspaceFile('sample.log') },
    );
    const data = r.data as { codes: { code: string; count: number; meaning: string | null }[]; references: { referenceId: string }[] };
    assert.deepStrictEqual(
      data.codes.map((c) => [c.code, c.count]),
      direct.codes.map((c) => [c.code, c.count]),
      'the same counts as the command',
    );
    assert.deepStrictEqual(
      data.references.map((x) => x.referenceId),
      direct.references.map((x) => x.referenceId),
    );
    assert.match(r.text, /- 3204 ×\d+ \(lines \d+–\d+\): "Rate limit exceeded"/);
    assert.match(r.text, new RegExp(REF));
    await assert.rejects(invoke('telesign_summarize_log', { file: 'no-such.log' }), /no-such\.log|not found|does not exist/i);
  });

  it('trace: the timeline of a transaction across the logs, without the lines’ text (no OTP from the log)', async function () {
    if (!hasTools) this.skip();
    const r = await invoke('telesign_trace_reference_id', { referenceId: REF });
    assert.match(r.text, new RegExp(`^${REF}: \\d+ log lines in \\d+ of \\d+ files`));
    assert.match(r.text, /- 2026-11-23T09:14:05\.002Z sample\.log:3: 3204 "Rate limit exceeded"/);
    assert.match(r.text, /sample\.log:5/, 'the line where the user typed the code is listed…');
    assert.ok(!(r.text + JSON.stringify(r.data)).includes('50361'), '…but not the code itself');
    const data = r.data as { hits: { source: string; line: number }[] };
    assert.ok(data.hits.some((h) => h.source === 'sample.log' && h.line === 3));
  });

  describe('get transaction status (simulator)', () => {
    let world: World;
    before(async function () {
      if (!hasTools) this.skip();
      world = await startWorld();
      world.sim.addCustomer({ customerId: CUSTOMER_ID, apiKey: SENTINEL_KEY });
      assert.strictEqual(await exec('telesign.setCredentials', { profile: SIM, customerId: CUSTOMER_ID, apiKey: SENTINEL_KEY }), true);
    });
    after(async () => {
      await exec('telesign.clearCredentials', { profile: SIM, confirm: false });
      await world?.restore();
    });

    it("the lookup tool's confirmation names the host, the endpoint and the profile; the local tools ask nothing", async () => {
      const tools = assistantTools(
        assistantBackends(() => Promise.reject(new Error('unused'))),
        { result: (text, data) => ({ text, data }) },
      );
      const token = new vscode.CancellationTokenSource().token;
      const prepared = await tools.telesign_get_transaction_status.prepareInvocation!(
        { input: { referenceId: REF, profile: SIM } as never },
        token,
      );
      const message = prepared?.confirmationMessages?.message;
      const body = typeof message === 'string' ? message : (message?.value ?? '');
      assert.match(prepared?.confirmationMessages?.title ?? '', /Look up a Telesign transaction\?/);
      assert.ok(body.includes(`**${new URL(world.sim.url).origin}**`) && body.includes(`**${SIM}**`) && body.includes('omnichannel'), body);
      assert.match(body, /may be billed/);
      const wrong = await tools.telesign_get_transaction_status.prepareInvocation!(
        { input: { referenceId: REF, profile: 'Nope' } as never },
        token,
      );
      assert.strictEqual(wrong?.confirmationMessages, undefined, 'nothing to confirm when it cannot run');
      await assert.rejects(
        Promise.resolve(tools.telesign_get_transaction_status.invoke({ input: { referenceId: REF, profile: 'Nope' } as never }, token)),
        /no Telesign profile named “Nope”/,
      );
      assert.ok(!('prepareInvocation' in tools.telesign_explain_code), 'explaining a code asks nothing');
      const summary = await tools.telesign_summarize_log.prepareInvocation!({ input: { file: 'sample.log' } as never }, token);
      assert.strictEqual(summary?.confirmationMessages, undefined);
    });

    it('verify callback signature: valid with the profile key, the reason when not, and never the key', async () => {
      const body = '{"reference_id":"' + REF + '","status":{"code":3000,"description":"Delivered"},"channel_status":[]}';
      const header = callbackAuthorization(CUSTOMER_ID, SENTINEL_KEY, body);
      await vscode.workspace.getConfiguration('telesign').update('activeProfile', SIM, vscode.ConfigurationTarget.Global);
      const ok = await invoke('telesign_verify_callback_signature', { body, authorization: header });
      assert.match(ok.text, /^Callback signature: valid\./);
      assert.strictEqual((ok.data as { verdict: string }).verdict, 'valid');
      const reformatted = await invoke('telesign_verify_callback_signature', { body: body.replace('3000', '3003'), authorization: header });
      assert.deepStrictEqual(
        [(reformatted.data as { verdict: string }).verdict, (reformatted.data as { reason: string }).reason],
        ['invalid', 'no-match'],
      );
      const resigned = await invoke('telesign_verify_callback_signature', {
        body,
        authorization: callbackAuthorization(CUSTOMER_ID, SENTINEL_KEY, JSON.stringify(JSON.parse(body), null, 2)),
      });
      assert.strictEqual((resigned.data as { reason: string }).reason, 'body-reserialised');
      assert.match(resigned.text, /raw request body/);
      const whole = await invoke('telesign_verify_callback_signature', { body, signature: header });
      assert.strictEqual((whole.data as { reason: string }).reason, 'whole-header');
      for (const r of [ok, reformatted, resigned, whole]) {
        assertNoSecret(r.text, 'tool text');
        assertNoSecret(r.data, 'tool data');
      }
    });

    it('asks first, naming the host and the profile, then answers with the status, masked and without the key', async () => {
      const r = await invoke('telesign_get_transaction_status', { referenceId: REF, profile: SIM });
      assert.match(r.text, new RegExp(`Transaction ${REF}, omnichannel endpoint, profile "${SIM.replace(/[()]/g, '\\$&')}"`));
      assert.match(r.text, /Status \d+ "/);
      assertNoSecret(r.text, 'tool text');
      assertNoSecret(r.data, 'tool data');
      assert.strictEqual(world.sim.requests.filter((q) => JSON.stringify(q).includes(REF)).length > 0, true, 'the simulator answered it');
    });
  });
});
