// "Telesign: Trace Reference ID…": every line that mentions a transaction or its child IDs, across the
// workspace's logs and open editors, as a timeline (time, file:line, codes with their meaning); choosing a line
// opens it, its button looks the ID on it up. With an argument object it returns the trace as data.
import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog';
import { traceReferenceId, type TraceHit, type TraceResult } from '../../core/logs/trace';
import { validateReferenceId } from '../../core/telesign/validate';
import { COMMANDS } from '../commandIds';
import { referenceIdFromEditor } from '../lookup/prompts';
import { traceSources } from './sources';

/** The argument of `telesign.traceReferenceId` (public API; README). */
export interface TraceArgs {
  readonly referenceId: string;
  /** Show the timeline (default: true without an argument object, false with one). */
  readonly show?: boolean;
}

export interface TraceHitView extends TraceHit {
  /** The file or document the line is in. */
  readonly uri: string;
  /** The codes on the line with their most likely meaning. */
  readonly meanings: readonly { readonly code: string; readonly meaning: string }[];
}

/** What the command returns: the trace, each hit with the meaning of its codes, and what could not be read. */
export interface TraceView extends Omit<TraceResult, 'hits'> {
  readonly hits: readonly TraceHitView[];
  /** More log files matched than a trace reads (MAX_FILES). */
  readonly filesCapped: boolean;
}

type Failure = { readonly error: { readonly kind: 'invalid-input'; readonly message: string } };

export function registerTrace(context: vscode.ExtensionContext, catalog: () => Promise<Catalog>): void {
  context.subscriptions.push(vscode.commands.registerCommand(COMMANDS.traceReferenceId, (arg?: unknown) => traceCommand(arg, catalog)));
}

async function traceCommand(arg: unknown, catalog: () => Promise<Catalog>): Promise<TraceView | Failure | undefined> {
  const given =
    typeof arg === 'object' && arg !== null && 'referenceId' in arg ? (arg as { referenceId: unknown; show?: unknown }) : undefined;
  let referenceId: string | undefined;
  if (given) {
    const problem =
      typeof given.referenceId === 'string'
        ? validateReferenceId(given.referenceId.trim())
        : 'The reference ID must be a string of 32 hex characters.';
    if (problem) return { error: { kind: 'invalid-input', message: problem } };
    referenceId = (given.referenceId as string).trim();
  } else {
    referenceId = await vscode.window.showInputBox({
      title: vscode.l10n.t('Trace a Telesign transaction through the logs'),
      prompt: vscode.l10n.t('Reference ID (32 hex characters): every line mentioning it or its child IDs, in time order'),
      value: referenceIdFromEditor() ?? '',
      validateInput: (v) => validateReferenceId(v.trim()),
      ignoreFocusOut: true,
    });
    if (referenceId === undefined) return undefined;
    referenceId = referenceId.trim();
  }
  const show = given ? given.show === true : true;
  const id = referenceId;
  const trace = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Tracing {0}', id), cancellable: true },
    (progress, token) => runTrace(id, catalog, progress, token),
  );
  if (show) await showTimeline(trace);
  return trace;
}

async function runTrace(
  referenceId: string,
  catalog: () => Promise<Catalog>,
  progress: vscode.Progress<{ message?: string }>,
  token: vscode.CancellationToken,
): Promise<TraceView> {
  const abort = new AbortController();
  const sub = token.onCancellationRequested(() => abort.abort());
  try {
    const { sources, uris, capped } = await traceSources(token);
    let last = 0;
    const result = await traceReferenceId(referenceId, sources, {
      signal: abort.signal,
      onProgress: (bytes, source) => {
        if (bytes - last < 4 * 1048576) return;
        last = bytes;
        progress.report({ message: vscode.l10n.t('{0} MB read, now {1}', (bytes / 1048576).toFixed(0), source) });
      },
    });
    const cat = await catalog().catch(() => undefined);
    const hits = result.hits.map((h) => ({
      ...h,
      uri: uris.get(h.source)?.toString() ?? '',
      meanings: h.codes.map((c) => ({
        code: c.code,
        meaning: cat?.explain(c.code, `${c.keyPath ?? ''} ${c.endpoint ?? ''} ${h.text}`)[0]?.entry.text ?? '',
      })),
    }));
    return { ...result, hits, filesCapped: capped };
  } finally {
    sub.dispose();
  }
}

interface HitItem extends vscode.QuickPickItem {
  readonly hit?: TraceHitView;
  readonly lookUp?: string;
}

const LOOK_UP: vscode.QuickInputButton = {
  iconPath: new vscode.ThemeIcon('search'),
  tooltip: vscode.l10n.t('Look up the transaction on this line'),
};

function timeLabel(iso: string | undefined): string {
  return iso ? iso.replace('T', ' ').replace('Z', '') : '—';
}

function itemOf(h: TraceHitView, parent: string): HitItem {
  const codes = h.meanings.map((m) => (m.meaning ? `${m.code} ${m.meaning}` : m.code)).join(' · ');
  const child = h.ids.filter((i) => i !== parent);
  return {
    label: `${timeLabel(h.time)}  ${codes || vscode.l10n.t('mentioned')}`,
    description: `${h.source}:${h.line}${child.length && !h.ids.includes(parent) ? `  ${vscode.l10n.t('child {0}…', child[0].slice(0, 8))}` : ''}`,
    detail: h.text.trim(),
    buttons: [LOOK_UP],
    hit: h,
  };
}

async function showTimeline(trace: TraceView): Promise<void> {
  const qp = vscode.window.createQuickPick<HitItem>();
  qp.title = vscode.l10n.t(
    'Trace {0}: {1} lines in {2} sources, {3} child IDs{4}',
    trace.referenceId,
    trace.hits.length,
    trace.sources,
    trace.children.length,
    trace.cancelled ? vscode.l10n.t(' (stopped early)') : '',
  );
  qp.placeholder = trace.hits.length
    ? vscode.l10n.t('Pick a line to open it; the search button looks its transaction up')
    : vscode.l10n.t('No log line mentions it (telesign.logFiles decides which files are read)');
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  const notes: HitItem[] = trace.errors.map((e) => ({ label: `$(warning) ${e.source}`, description: e.message, alwaysShow: true }));
  qp.items = [
    { label: `$(search) ${vscode.l10n.t('Look up {0} now', trace.referenceId)}`, alwaysShow: true, lookUp: trace.referenceId },
    ...trace.hits.map((h) => itemOf(h, trace.referenceId)),
    ...notes,
  ];
  const done = new Promise<void>((resolve) => qp.onDidHide(() => resolve()));
  qp.onDidTriggerItemButton((e) => {
    const id = e.item.hit?.ids[0];
    qp.hide();
    if (id) void vscode.commands.executeCommand(COMMANDS.getTransactionStatus, { referenceId: id });
  });
  qp.onDidAccept(() => {
    const item = qp.selectedItems[0];
    qp.hide();
    if (item?.lookUp) void vscode.commands.executeCommand(COMMANDS.getTransactionStatus, { referenceId: item.lookUp });
    else if (item?.hit) void openHit(item.hit);
  });
  qp.show();
  await done;
  qp.dispose();
}

async function openHit(hit: TraceHitView): Promise<void> {
  if (!hit.uri) return;
  const at = new vscode.Position(hit.line - 1, 0);
  await vscode.window.showTextDocument(vscode.Uri.parse(hit.uri), { selection: new vscode.Range(at, at), preview: true });
}
