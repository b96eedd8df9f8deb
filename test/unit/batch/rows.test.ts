import * as assert from 'assert';
import { attentionOrder, referenceIdsIn, rowsToCsv, type BatchRow } from '../../../src/core/batch/rows';

const row = (id: string, ok: boolean, final: boolean | null, extra: Partial<BatchRow> = {}): BatchRow => ({
  referenceId: id,
  endpoint: 'omnichannel',
  ok,
  httpStatus: ok ? 200 : 404,
  statusCode: ok ? 3000 : -10004,
  description: ok ? 'Delivered' : '',
  meaning: '',
  final,
  verifyState: null,
  errorKind: ok ? null : 'expired',
  errorMessage: ok ? null : 'Reference ID expired',
  attempts: 1,
  durationMs: 12,
  updatedOn: null,
  ...extra,
});
const A = 'A'.repeat(32);
const B = 'B'.repeat(32);
const C = 'C'.repeat(32);
const D = 'D'.repeat(32);

describe('batch/rows', () => {
  it('takes each distinct reference ID once, any case, in order of first appearance; not hex runs inside longer tokens', () => {
    assert.deepStrictEqual(referenceIdsIn(`${B.toLowerCase()} x ${A} y ${B} z ${'E'.repeat(33)} ${A}q`), [B, A]);
  });

  it('puts failures first, then not final (or unknown), then final, keeping the asked order within each', () => {
    const rows = [row(A, true, true), row(B, false, null), row(C, true, false), row(D, true, null)];
    assert.deepStrictEqual(
      attentionOrder(rows, [A, B, C, D]).map((r) => r.referenceId),
      [B, C, D, A],
    );
  });

  it('writes RFC 4180 CSV with no formula a spreadsheet would run, and no body or code', () => {
    const csv = rowsToCsv([row(A, false, null, { errorMessage: '=HYPERLINK("http://x","y"), "quoted"\nnext' })]);
    const [head, line] = csv.split('\r\n');
    assert.strictEqual(
      head,
      'referenceId,endpoint,ok,httpStatus,statusCode,description,meaning,final,verifyState,errorKind,errorMessage,attempts,durationMs,updatedOn',
    );
    assert.ok(line.startsWith(`${A},omnichannel,false,404,-10004,,,,,expired,"'=HYPERLINK(""http://x"",""y""), ""quoted""`), line);
    assert.ok(csv.endsWith('\r\n'));
  });
});
