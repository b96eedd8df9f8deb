// "Telesign: Summarize Telesign Codes in Log File…": streams a log of any size from disk with progress and
// cancellation, then lists each code (with its likeliest meaning) and each reference ID in a QuickPick.
// The scan runs in a worker thread (dist/summaryWorker.js). With `{ file }` it shows nothing and returns the summary (public API), or `{ error: { kind, message } }`.
import * as vscode from 'vscode';
import type { Catalog, CodeMatch } from '../../core/catalog';
import { summarizeInWorker } from '../../core/logs/summarizeInWorker';
import { LogSummaryError, type CodeCount, type LogSummary, type ReferenceCount, type SummaryErrorKind } from '../../core/logs/summarize';
import { lookupArgs, logSelector } from './documents';
import { COMMANDS } from '../commandIds';
import type { Logger } from '../logger';

/** Files larger than this are not opened in an editor from the summary (VS Code's own comfort limit). */
const MAX_OPEN_BYTES = 50 * 1024 * 1024;

export type SummarizeErrorKind = SummaryErrorKind | 'bad-argument' | 'not-a-local-file';

/** What `telesign.summarizeLog` with `{ file }` returns when the file cannot be summarized. */
export interface SummarizeFailure {
  readonly error: { readonly kind: SummarizeErrorKind; readonly message: string };
}

type Item = vscode.QuickPickItem & { readonly code?: CodeCount; readonly ref?: ReferenceCount };

export function registerLogSummary(context: vscode.ExtensionContext, catalog: () => Promise<Catalog>, logger: Logger): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.summarizeLog, (arg?: unknown) => summarizeCommand(arg, context.asAbsolutePath('dist/summaryWorker.js'), catalog, logger)),
  );
}

/** `worker`: the bundled summary worker; the scan runs there so the extension host never blocks. */
async function summarizeCommand(arg: unknown, worker: string, catalog: () => Promise<Catalog>, logger: Logger): Promise<LogSummary | SummarizeFailure | undefined> {
  if (isFileArg(arg)) return summarizeQuietly(worker, arg.file);
  if (arg !== undefined && !(arg instanceof vscode.Uri)) {
    return failure('bad-argument', 'telesign.summarizeLog takes a file Uri or { file: string | Uri }.');
  }
  const uri = arg ?? (await chooseFile());
  if (!uri) return undefined;
  if (uri.scheme !== 'file') {
    void vscode.window.showErrorMessage(vscode.l10n.t('Summarize works on files on disk; {0} is not one.', uri.toString(true)));
    return undefined;
  }
  const summary = await withProgress(worker, uri);
  if (!summary) return undefined;
  if ('error' in summary) {
    logger.warn(`summarize ${uri.fsPath}: ${summary.error.kind}`);
    void vscode.window.showErrorMessage(errorText(summary.error.kind, uri));
    return summary;
  }
  await showSummary(uri, summary, catalog);
  return summary;
}

function isFileArg(v: unknown): v is { file: string | vscode.Uri } {
  if (typeof v !== 'object' || v === null || v instanceof vscode.Uri) return false;
  const f = (v as { file?: unknown }).file;
  return typeof f === 'string' || f instanceof vscode.Uri;
}

function failure(kind: SummarizeErrorKind, message: string): SummarizeFailure {
  return { error: { kind, message } };
}

async function summarizeQuietly(worker: string, file: string | vscode.Uri, signal?: AbortSignal, onProgress?: (read: number, total: number) => void): Promise<LogSummary | SummarizeFailure> {
  let path: string;
  if (typeof file === 'string') path = file;
  else if (file.scheme === 'file') path = file.fsPath;
  else return failure('not-a-local-file', `${file.toString(true)} is not a file on disk.`);
  try {
    return await summarizeInWorker(worker, path, { signal, onProgress });
  } catch (e) {
    if (e instanceof LogSummaryError) return failure(e.kind, e.message);
    return failure('io', e instanceof Error ? e.message : String(e));
  }
}

/** The active editor's file when it is a log; otherwise an open dialog. */
async function chooseFile(): Promise<vscode.Uri | undefined> {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc && doc.uri.scheme === 'file' && vscode.languages.match(logSelector(), doc) > 0) return doc.uri;
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    canSelectFolders: false,
    openLabel: vscode.l10n.t('Summarize'),
    title: vscode.l10n.t('Choose a log file to summarize'),
    filters: { [vscode.l10n.t('Log files')]: ['log', 'txt', 'out', 'json', 'jsonl'], [vscode.l10n.t('All files')]: ['*'] },
  });
  return picked?.[0];
}

function formatBytes(n: number): string {
  if (n < 1024) return vscode.l10n.t('{0} B', String(n));
  if (n < 1024 * 1024) return vscode.l10n.t('{0} KB', (n / 1024).toFixed(1));
  if (n < 1024 * 1024 * 1024) return vscode.l10n.t('{0} MB', (n / 1048576).toFixed(1));
  return vscode.l10n.t('{0} GB', (n / 1073741824).toFixed(2));
}

function withProgress(worker: string, uri: vscode.Uri): Thenable<LogSummary | SummarizeFailure | undefined> {
  const name = vscode.workspace.asRelativePath(uri, false);
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Summarizing {0}', name), cancellable: true },
    async (progress, token) => {
      const ac = new AbortController();
      const sub = token.onCancellationRequested(() => ac.abort());
      let reported = 0;
      try {
        return await summarizeQuietly(worker, uri, ac.signal, (read, total) => {
          const pct = total > 0 ? (read / total) * 100 : 100;
          progress.report({ increment: pct - reported, message: vscode.l10n.t('{0} of {1} ({2}%)', formatBytes(read), formatBytes(total), pct.toFixed(0)) });
          reported = pct;
        });
      } finally {
        sub.dispose();
      }
    },
  );
}

function errorText(kind: SummarizeErrorKind, uri: vscode.Uri): string {
  const name = vscode.workspace.asRelativePath(uri, false);
  switch (kind) {
    case 'not-found':
      return vscode.l10n.t('{0} does not exist.', name);
    case 'is-directory':
      return vscode.l10n.t('{0} is a folder; choose a log file.', name);
    case 'not-regular-file':
      return vscode.l10n.t('{0} is not a regular file (a pipe, device or pseudo-file); save its output to a file and summarize that.', name);
    case 'permission-denied':
      return vscode.l10n.t('Permission denied reading {0}.', name);
    case 'binary':
      return vscode.l10n.t('{0} looks binary (it contains NUL bytes), not like a text log.', name);
    case 'deleted':
      return vscode.l10n.t('{0} was deleted or replaced while it was being read.', name);
    case 'truncated':
      return vscode.l10n.t('{0} got shorter while it was being read (rotated or truncated?). Try again.', name);
    default:
      return vscode.l10n.t('Could not read {0}.', name);
  }
}

function lineRange(first: number, last: number): string {
  return first === last ? vscode.l10n.t('line {0}', first.toLocaleString()) : vscode.l10n.t('lines {0}–{1}', first.toLocaleString(), last.toLocaleString());
}

async function bestMeanings(codes: readonly CodeCount[], catalog: () => Promise<Catalog>): Promise<Map<string, CodeMatch | undefined>> {
  const out = new Map<string, CodeMatch | undefined>();
  let loaded: Catalog | undefined;
  try {
    loaded = await catalog();
  } catch {
    return out;
  }
  for (const c of codes) out.set(c.code, loaded.explain(c.code, c.sampleLine ?? '')[0]);
  return out;
}

async function showSummary(uri: vscode.Uri, s: LogSummary, catalog: () => Promise<Catalog>): Promise<void> {
  const name = vscode.workspace.asRelativePath(uri, false);
  if (s.notes.includes('empty')) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} is empty.', name));
    return;
  }
  if (s.codes.length === 0 && s.references.length === 0) {
    const msg = s.cancelled
      ? vscode.l10n.t('Stopped after {0} of {1}: no Telesign codes or reference IDs so far.', formatBytes(s.bytes), name)
      : vscode.l10n.t('No Telesign codes or reference IDs in {0} ({1} lines).', name, s.lines.toLocaleString());
    void vscode.window.showInformationMessage(msg);
    return;
  }
  const meanings = await bestMeanings(s.codes, catalog);
  const gotoFirst: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: vscode.l10n.t('Go to first occurrence') };
  const gotoLast: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('arrow-down'), tooltip: vscode.l10n.t('Go to last occurrence') };
  const copy: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('copy'), tooltip: vscode.l10n.t('Copy reference ID') };

  const items: Item[] = [];
  items.push({ label: vscode.l10n.t('Codes ({0})', String(s.codes.length)), kind: vscode.QuickPickItemKind.Separator });
  for (const c of s.codes) {
    const m = meanings.get(c.code);
    items.push({
      code: c,
      label: `$(symbol-number) ${c.code}`,
      description: m ? `${m.entry.text} · ${m.entry.familyLabel}` : vscode.l10n.t('not in the code catalog'),
      detail: `${vscode.l10n.t('{0}×', c.count.toLocaleString())} · ${lineRange(c.firstLine, c.lastLine)}${m ? ` · ${m.entry.retryable ? vscode.l10n.t('retryable') : vscode.l10n.t('not retryable')}` : ''}`,
      buttons: [gotoFirst, gotoLast],
    });
  }
  if (s.references.length > 0) {
    items.push({ label: vscode.l10n.t('Reference IDs ({0}) — choose one to look it up', String(s.references.length)), kind: vscode.QuickPickItemKind.Separator });
    for (const r of s.references) {
      items.push({
        ref: r,
        label: `$(link) ${r.referenceId}`,
        description: r.lastStatusCode ? vscode.l10n.t('last status {0}', r.lastStatusCode) : '',
        detail: `${vscode.l10n.t('{0}×', r.count.toLocaleString())} · ${lineRange(r.firstLine, r.lastLine)}`,
        buttons: [gotoFirst, gotoLast, copy],
      });
    }
  }

  const qp = vscode.window.createQuickPick<Item>();
  qp.title = vscode.l10n.t('Telesign codes in {0}', name);
  qp.placeholder = summaryLine(s);
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.items = items;
  const done = new Promise<void>((resolve) => qp.onDidHide(() => resolve()));
  qp.onDidTriggerItemButton((e) => {
    const at = e.item.code ?? e.item.ref;
    if (!at) return;
    if (e.button === copy && e.item.ref) void vscode.commands.executeCommand(COMMANDS.copyReferenceId, { referenceId: e.item.ref.referenceId });
    else void openAt(uri, s.bytes, e.button === gotoLast ? at.lastLine : at.firstLine);
  });
  qp.onDidAccept(() => {
    const item = qp.selectedItems[0];
    qp.hide();
    if (item?.ref) void vscode.commands.executeCommand(COMMANDS.getTransactionStatus, lookupArgs(item.ref.referenceId));
    else if (item?.code) void openAt(uri, s.bytes, item.code.firstLine);
  });
  qp.show();
  await done;
  qp.dispose();
}

function summaryLine(s: LogSummary): string {
  const parts = [vscode.l10n.t('{0} lines, {1}', s.lines.toLocaleString(), formatBytes(s.bytes))];
  if (s.cancelled) parts.push(vscode.l10n.t('stopped early: counts cover what was read'));
  if (s.notes.includes('references-capped')) parts.push(vscode.l10n.t('only the first {0} distinct reference IDs are listed', s.references.length.toLocaleString()));
  if (s.notes.includes('codes-capped')) parts.push(vscode.l10n.t('only the first {0} distinct codes are listed', s.codes.length.toLocaleString()));
  if (s.notes.includes('long-lines-windowed')) parts.push(vscode.l10n.t('very long lines were scanned in pieces'));
  return parts.join(' · ');
}

async function openAt(uri: vscode.Uri, bytes: number, line: number): Promise<void> {
  if (bytes > MAX_OPEN_BYTES) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The file is too large to open in the editor; the occurrence is on line {0}.', line.toLocaleString()));
    return;
  }
  const pos = new vscode.Position(Math.max(0, line - 1), 0);
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(pos, pos), preview: true });
}
