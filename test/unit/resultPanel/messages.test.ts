// The webview is untrusted: only the allow-listed messages of features/resultPanel/messages.ts get through.
import * as assert from 'assert';
import { describeRejected, parseWebviewMessage } from '../../../src/features/resultPanel/messages';

describe('resultPanel/messages allow-list', () => {
  it('passes the plain commands through as typed messages', () => {
    for (const type of ['ready', 'refresh', 'stop-auto-refresh', 'verify', 'finalize', 'copy-json', 'open-docs', 'open-status-page']) {
      assert.deepStrictEqual(parseWebviewMessage({ type, extra: 'dropped' }), { type });
    }
  });

  it('checks each argument against its own list', () => {
    assert.deepStrictEqual(parseWebviewMessage({ type: 'copy-curl', shell: 'powershell' }), { type: 'copy-curl', shell: 'powershell' });
    assert.strictEqual(parseWebviewMessage({ type: 'copy-curl', shell: 'zsh' }), undefined);
    assert.deepStrictEqual(parseWebviewMessage({ type: 'error-action', action: 'retry' }), { type: 'error-action', action: 'retry' });
    assert.strictEqual(parseWebviewMessage({ type: 'error-action', action: 'delete-everything' }), undefined);
  });

  it('drops anything else: unknown types, arbitrary commands, non-objects', () => {
    for (const v of [{ type: 'run-command', command: 'workbench.action.closeWindow' }, 'refresh', null, [], { type: 7 }, {}]) {
      assert.strictEqual(parseWebviewMessage(v), undefined, JSON.stringify(v));
    }
  });

  it('accepts a bounded paint report (test builds) and refuses an oversized or malformed one', () => {
    const report = { referenceId: 'R', text: 'painted', sections: { header: 'h' }, imgCount: 0, scriptCount: 0, buttons: ['Refresh'] };
    assert.deepStrictEqual(parseWebviewMessage({ type: 'rendered', report }), { type: 'rendered', report });
    assert.strictEqual(parseWebviewMessage({ type: 'rendered', report: { ...report, text: 'x'.repeat(70 * 1024) } }), undefined);
    assert.strictEqual(parseWebviewMessage({ type: 'rendered', report: { ...report, imgCount: -1 } }), undefined);
  });

  it('describes a rejected message without echoing its content', () => {
    assert.strictEqual(describeRejected({ type: '<script>alert(1)</script>', payload: 'secret' }), 'type=?script?alert?1???script?');
    assert.strictEqual(describeRejected('text'), 'string');
  });
});
