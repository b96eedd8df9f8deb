import * as assert from 'assert';
import { normalizeCode } from '../../../src/core/catalog';

describe('normalizeCode', () => {
  it('keeps the sign and trims', () => {
    assert.strictEqual(normalizeCode(' 3204 '), '3204');
    assert.strictEqual(normalizeCode(-10004), '-10004');
    assert.strictEqual(normalizeCode('-10004'), '-10004');
    assert.strictEqual(normalizeCode(3041), '3041');
  });

  it('reads minus signs pasted from rich text', () => {
    assert.strictEqual(normalizeCode('\u221210004'), '-10004');
    assert.strictEqual(normalizeCode('\u201310004'), '-10004');
    assert.strictEqual(normalizeCode('\uFF0D10004'), '-10004');
    assert.strictEqual(normalizeCode('- 10004'), '-10004');
  });

  it('drops a plus sign and leading zeros, keeps zero unsigned', () => {
    assert.strictEqual(normalizeCode('+3204'), '3204');
    assert.strictEqual(normalizeCode('0200'), '200');
    assert.strictEqual(normalizeCode('-0'), '0');
  });

  it('rejects anything that is not an integer code', () => {
    for (const bad of ['', '  ', '-', '3.5', '12a', '0x10', '1e3', '--5', '1234567890123', Number.NaN, 1.5, Number.MAX_VALUE]) {
      assert.strictEqual(normalizeCode(bad), undefined, String(bad));
    }
  });
});
