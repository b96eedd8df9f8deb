// "Telesign: Summarize Telesign Codes in Log File…": streams a log of any size from disk with progress and
// cancellation, then lists each code (with its likeliest meaning) and each reference ID in a QuickPick.
// The scan runs in a worker thread (dist/summaryWorker.js). With `{ file }` it shows nothing and returns the summary (public API), or `{ error: { kind, message } }`.
import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog';
import { summarizeInWorker } from '../../core/logs/summarizeInWorker';
import { LogSummaryError, type LogSummary, type SummaryErrorKind } from '../../core/logs/summarize';
import { logSelector } from './documents';
import { COMMANDS } from '../commandIds';
import type { Logger } from '../logger';
import { formatBytes, showSummary } from './summaryPick';

export type SummarizeErrorKind = SummaryErrorKind | 'bad-argument' | 'not-a-local-file';

/** What `telesign.summarizeLog` with `{ file }` returns when the file cannot be summarized. */
export interface SummarizeFailure {
  readonly error: { readonly kind: SummarizeErrorKind; readonly message: string };
}

export function registerLogSummary(context: vscode.ExtensionContext, catalog: () => Promise<Catalog>, logger: Logger): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.summarizeLog, (arg?: unknown) =>
      summarizeCommand(arg, context.asAbsolutePath('dist/summaryWorker.js'), catalog, logger),
    ),
  );
}

/** `worker`: the bundled summary worker; the scan runs there so the extension host never blocks. */
async function summarizeCommand(
  arg: unknown,
  worker: string,
  catalog: () => Promise<Catalog>,
  logger: Logger,
): Promise<LogSummary | SummarizeFailure | undefined> {
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

async function summarizeQuietly(
  worker: string,
  file: string | vscode.Uri,
  signal?: AbortSignal,
  onProgress?: (read: number, total: number) => void,
): Promise<LogSummary | SummarizeFailure> {
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
          progress.report({
            increment: pct - reported,
            message: vscode.l10n.t('{0} of {1} ({2}%)', formatBytes(read), formatBytes(total), pct.toFixed(0)),
          });
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
      return vscode.l10n.t(
        '{0} is not a regular file (a pipe, device or pseudo-file); save its output to a file and summarize that.',
        name,
      );
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
