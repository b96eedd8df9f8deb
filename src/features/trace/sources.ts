// What a trace reads: the workspace's log files (telesign.logFiles) from disk, however big (VS Code hands
// files over 50 MB to no extension), and open editors whose text is not on disk as it stands (unsaved
// changes, untitled logs, the Output panel).
import * as vscode from 'vscode';
import type { TraceSource } from '../../core/logs/trace';
import * as config from '../settings';
import { logSelector } from '../logs/documents';

/** Enough for any workspace a person reads logs in; a trace says when it stopped there. */
export const MAX_FILES = 5000;

export interface Sources {
  readonly sources: TraceSource[];
  /** Where each source's lines are, by source name. */
  readonly uris: ReadonlyMap<string, vscode.Uri>;
  /** More files matched than MAX_FILES. */
  readonly capped: boolean;
}

export async function traceSources(token?: vscode.CancellationToken): Promise<Sources> {
  const globs = config.logFileGlobs();
  const found = globs.length
    ? await vscode.workspace.findFiles(`{${globs.join(',')}}`, '**/{node_modules,.git}/**', MAX_FILES + 1, token)
    : [];
  const files = found.slice(0, MAX_FILES).filter((u) => u.scheme === 'file');
  const onDisk = new Set(files.map((u) => u.fsPath));
  const sources: TraceSource[] = [];
  const uris = new Map<string, vscode.Uri>();
  const add = (source: TraceSource, uri: vscode.Uri) => {
    sources.push(source);
    uris.set(source.name, uri);
  };
  for (const u of files) add({ name: vscode.workspace.asRelativePath(u), file: u.fsPath }, u);
  const selector = logSelector();
  for (const doc of vscode.workspace.textDocuments) {
    if (vscode.languages.match(selector, doc) === 0) continue;
    const saved = doc.uri.scheme === 'file' && !doc.isDirty;
    if (saved && onDisk.has(doc.uri.fsPath)) continue;
    if (saved) add({ name: vscode.workspace.asRelativePath(doc.uri), file: doc.uri.fsPath }, doc.uri);
    else {
      add(
        {
          name: doc.uri.scheme === 'file' ? `${vscode.workspace.asRelativePath(doc.uri)} (unsaved)` : doc.uri.toString(true),
          text: doc.getText(),
        },
        doc.uri,
      );
    }
  }
  return { sources, uris, capped: found.length > MAX_FILES };
}
