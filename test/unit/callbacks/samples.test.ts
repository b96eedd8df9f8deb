// Every test callback kind parses back as its own family, with the chosen reference ID and a known code.
import * as assert from 'assert';
import { parseCallback, TEST_CALLBACK_KINDS, testCallbackBody } from '../../../src/core/callbacks';

describe('callbacks/samples', () => {
  for (const kind of TEST_CALLBACK_KINDS) {
    it(`${kind}: parses as ${kind} with the reference ID and codes`, () => {
      const r = parseCallback(JSON.stringify(testCallbackBody(kind, '0123456789ABCDEF0123456789ABCDEF', new Date('2025-01-02T03:04:05Z'))));
      assert.ok(r.ok);
      assert.strictEqual(r.callback.family, kind);
      assert.strictEqual(r.callback.referenceId, '0123456789ABCDEF0123456789ABCDEF');
      assert.ok(r.callback.codes.length > 0);
      assert.deepStrictEqual(r.callback.notes, []);
    });
  }
});
