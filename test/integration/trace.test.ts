// Trace Reference ID in the real host: workspace logs found through telesign.logFiles, a file over 50 MB
// (which VS Code hands to no extension), an unsaved editor, child IDs from channel_status and the callbacks
// that carry only them, in time order with the codes' meanings.
import * as assert from 'assert';
import { rmSync, writeFileSync } from 'fs';
import * as vscode from 'vscode';
import { activateExtension, workspaceFile } from '../support/extensionHost';
import type { TraceView } from '../../src/features/trace/command';

const P = '364C81F5F3D0020C91E7A731DE93A777';
const C1 = '1A2B3C4D5E6F70819293A4B5C6D7E8F9';
const C2 = 'F9E8D7C6B5A4938291807F6E5D4C3B2A';

describe('trace: a reference ID across the logs', function () {
  this.timeout(120_000);
  const big = workspaceFile('trace', 'big-archive.log').fsPath;
  let untitled: vscode.TextDocument | undefined;
  const filler = `2026-11-23T08:00:00.000Z DEBUG gateway GET /healthz -> 200 ${'x'.repeat(180)}\n`;
  const fillerLines = Math.ceil((30 * 1048576) / filler.length);

  before(async () => {
    await activateExtension();
    // 60 MB of other traffic with two lines about the transaction, one in the middle, one at the end
    const block = filler.repeat(fillerLines);
    writeFileSync(
      big,
      `${block}2026-11-23T09:14:03.500Z WARN  gateway retry for ${P.toLowerCase()} after -40007\n${block}2026-11-23T09:15:00.000Z INFO  gateway archived ${P}\n`,
    );
    untitled = await vscode.workspace.openTextDocument({
      language: 'log',
      content: `draft note\n2026-11-23T09:14:07.000Z pasted from support: ${P} "status":{"code":3204}`,
    });
  });
  after(async () => {
    rmSync(big, { force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('returns every line in time order, child IDs and their callbacks included, with meanings', async () => {
    const t = await vscode.commands.executeCommand<TraceView>('telesign.traceReferenceId', { referenceId: P.toLowerCase() });
    assert.strictEqual(t.referenceId, P);
    assert.deepStrictEqual(t.children, [C1, C2]);
    assert.deepStrictEqual(t.errors, []);
    const rows = t.hits.map((h) => [h.time, h.source.replace(/\\/g, '/'), h.line]);
    assert.deepStrictEqual(
      rows.filter((r) => String(r[1]).startsWith('trace/') || String(r[1]).startsWith('Untitled') || String(r[1]).startsWith('untitled')),
      [
        ['2026-11-23T09:14:01.120Z', 'trace/api.log', 1],
        ['2026-11-23T09:14:03.500Z', 'trace/big-archive.log', fillerLines + 1],
        ['2026-11-23T09:14:05.412Z', 'trace/callbacks.out', 1],
        ['2026-11-23T09:14:07.000Z', untitled!.uri.toString(true), 2],
        ['2026-11-23T09:14:08.007Z', 'trace/callbacks.out', 2],
        ['2026-11-23T09:14:09.310Z', 'trace/api.log', 3],
        ['2026-11-23T09:15:00.000Z', 'trace/big-archive.log', 2 * fillerLines + 2],
      ],
    );
    assert.ok(t.bytes > 60 * 1048576);
    const cb = t.hits.find((h) => h.time === '2026-11-23T09:14:05.412Z')!;
    assert.deepStrictEqual(cb.ids, [C1]);
    assert.deepStrictEqual(
      cb.meanings.map((m) => m.code),
      ['3112'],
    );
    assert.ok(cb.meanings[0].meaning.length > 0, 'the callback code has its meaning');
    assert.ok(
      t.hits.every((h) => !h.ids.includes('AAAABBBBCCCCDDDDEEEEFFFF00001111')),
      'other transactions stay out',
    );
    const first = t.hits[0];
    assert.ok(first.uri.endsWith('/trace/api.log'));
  });

  it('refuses a malformed ID with a clear message, and finds nothing for an ID no log mentions', async () => {
    const bad = await vscode.commands.executeCommand<{ error: { kind: string; message: string } }>('telesign.traceReferenceId', {
      referenceId: 'not-an-id',
    });
    assert.strictEqual(bad.error.kind, 'invalid-input');
    assert.match(bad.error.message, /hex only/);
    const none = await vscode.commands.executeCommand<TraceView>('telesign.traceReferenceId', {
      referenceId: '00000000000000000000000000000042',
    });
    assert.deepStrictEqual(none.hits, []);
  });
});
