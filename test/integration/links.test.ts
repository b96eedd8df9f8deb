// The reference-ID link provider stays cheap on big logs: it works in slices and yields between them, so
// VS Code's cancellation lands, and it stops at MAX_LINES (Trace and Summarize read such files from disk).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { MAX_LINES, ReferenceLinkProvider } from '../../src/features/logs/referenceLinks';

// not an ID other suites trace: this document stays open for the rest of the run
const ID = 'B16D0C0000000000000000000000B16D';

describe('links: the reference-ID provider on big logs', function () {
  this.timeout(60_000);
  let doc: vscode.TextDocument;
  before(async () => {
    const lines = Array.from({ length: MAX_LINES + 10_000 }, (_, i) =>
      i === 10 || i === 5000 || i === MAX_LINES + 5 ? `2026-11-23 ref ${ID}` : `2026-11-23 line ${i}`,
    );
    doc = await vscode.workspace.openTextDocument({ language: 'log', content: lines.join('\n') });
  });

  it('links every ID up to MAX_LINES and none after', async () => {
    const links = await new ReferenceLinkProvider().provideDocumentLinks(doc, new vscode.CancellationTokenSource().token);
    assert.deepStrictEqual(
      links.map((l) => l.range.start.line),
      [10, 5000],
    );
  });

  it('gives way to cancellation between slices: a cancelled request ends after its first slice', async () => {
    const source = new vscode.CancellationTokenSource();
    const pending = new ReferenceLinkProvider().provideDocumentLinks(doc, source.token);
    source.cancel();
    assert.deepStrictEqual(
      (await pending).map((l) => l.range.start.line),
      [10],
    );
  });
});
