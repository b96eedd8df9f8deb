// "Telesign: Look Up All Reference IDs…": every distinct reference ID in the selection, the editor or a file,
// looked up with bounded concurrency under a rate ceiling that adapts to 429s (core/batch/scheduler.ts), with
// progress and Stop (what finished is kept). Results go to a sortable table (failures and not-final first);
// each row opens its stored answer; CSV / JSON export. With an argument object it returns the rows.
import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog';
import { attentionOrder, referenceIdsIn, type BatchRow } from '../../core/batch/rows';
import { batchRow } from './row';
import { runBatch } from '../../core/batch/scheduler';
import { systemClock } from '../../core/telesign/retry';
import type { EndpointId } from '../../core/telesign/types';
import { COMMANDS } from '../commandIds';
import type { ResultView, ShownLookup } from '../lookup/contracts';
import { planLookup } from '../lookup/plan';
import type { LookupService } from '../lookup/service';
import * as settings from '../settings';
import { BatchPanel } from './panel';

/** The argument of `telesign.lookUpAll` (public API; README): the IDs, or text / a file to take them from. */
export interface LookUpAllArgs {
  readonly referenceIds?: readonly string[];
  readonly text?: string;
  readonly file?: string;
  readonly endpoint?: EndpointId;
  readonly profile?: string;
  /** Open the results table (default: true without an argument object, false with one). */
  readonly show?: boolean;
}

export interface LookUpAllResult {
  /** Failures first, then not final, then final. */
  readonly rows: readonly BatchRow[];
  readonly total: number;
  readonly cancelled: boolean;
  readonly rateLimited: number;
}

type Failure = { readonly error: { readonly kind: 'invalid-input' | 'config' | 'too-large'; readonly message: string } };

export interface BatchDeps {
  readonly service: LookupService;
  readonly view: () => ResultView;
  readonly catalog: () => Promise<Catalog>;
  readonly extensionUri: vscode.Uri;
}

/** A file whose IDs are read in one go; bigger logs are for Trace and Summarize. */
const MAX_FILE_BYTES = 64 * 1048576;
export const MAX_IDS = 1000;

export function registerBatch(context: vscode.ExtensionContext, deps: BatchDeps): void {
  context.subscriptions.push(vscode.commands.registerCommand(COMMANDS.lookUpAll, (arg?: unknown) => lookUpAll(deps, arg)));
}

async function idsFrom(arg: unknown): Promise<string[] | Failure | undefined> {
  if (arg instanceof vscode.Uri) return readIds(arg);
  if (typeof arg === 'object' && arg !== null) {
    const a = arg as LookUpAllArgs;
    if (Array.isArray(a.referenceIds)) {
      if (!a.referenceIds.every((v): v is string => typeof v === 'string')) return fail('invalid-input', '"referenceIds" must be strings.');
      const bad = a.referenceIds.find((v) => !/^[0-9A-Fa-f]{32}$/.test(v.trim()));
      if (bad !== undefined) return fail('invalid-input', `"${bad.slice(0, 40)}" is not a reference ID (32 hex characters).`);
      return [...new Set(a.referenceIds.map((v) => v.trim().toUpperCase()))];
    }
    if (typeof a.text === 'string') return referenceIdsIn(a.text);
    if (typeof a.file === 'string') return readIds(vscode.Uri.file(a.file));
    return fail('invalid-input', 'telesign.lookUpAll takes { referenceIds }, { text } or { file }.');
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a log (or select the lines) whose reference IDs you want looked up.'));
    return undefined;
  }
  const selected = editor.selections.filter((s) => !s.isEmpty).map((s) => editor.document.getText(s));
  return referenceIdsIn(selected.length ? selected.join('\n') : editor.document.getText());
}

async function readIds(uri: vscode.Uri): Promise<string[] | Failure> {
  const stat = await vscode.workspace.fs.stat(uri).then(
    (s) => s,
    () => undefined,
  );
  if (!stat || stat.type !== vscode.FileType.File) return fail('invalid-input', `${uri.fsPath} is not a file.`);
  if (stat.size > MAX_FILE_BYTES) {
    return fail(
      'too-large',
      `${uri.fsPath} is ${Math.round(stat.size / 1048576)} MB; select the lines with the IDs, or use Trace Reference ID / Summarize for logs this big.`,
    );
  }
  return referenceIdsIn(Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8'));
}

const retryAfterMs = (s: ShownLookup): number | undefined =>
  !s.outcome.ok && s.outcome.error.retryAfterSeconds !== undefined ? s.outcome.error.retryAfterSeconds * 1000 : undefined;

const fail = (kind: Failure['error']['kind'], message: string): Failure => ({ error: { kind, message } });

async function lookUpAll(deps: BatchDeps, arg: unknown): Promise<LookUpAllResult | Failure | undefined> {
  const given = typeof arg === 'object' && arg !== null && !(arg instanceof vscode.Uri) ? (arg as LookUpAllArgs) : undefined;
  const interactive = !given;
  const ids = await idsFrom(arg);
  if (!ids || 'error' in ids) {
    if (ids && interactive) void vscode.window.showErrorMessage(ids.error.message);
    return ids;
  }
  if (ids.length === 0) {
    if (interactive) void vscode.window.showInformationMessage(vscode.l10n.t('No Telesign reference IDs (32 hex characters) found there.'));
    return { rows: [], total: 0, cancelled: false, rateLimited: 0 };
  }
  if (ids.length > MAX_IDS) {
    const f = fail('too-large', `${ids.length} reference IDs is more than ${MAX_IDS} at once; select part of them.`);
    if (interactive) void vscode.window.showErrorMessage(f.error.message);
    return f;
  }
  const plan = planLookup({ profile: given?.profile, endpoint: given?.endpoint });
  if (typeof plan === 'string') {
    if (interactive) void vscode.window.showErrorMessage(plan);
    return fail('config', plan);
  }
  const perSecond = settings.batchRequestsPerSecond();
  if (interactive) {
    const go = vscode.l10n.t('Look Up {0}', ids.length);
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t('Look up {0} reference IDs with the profile “{1}” ({2})?', ids.length, plan.profile, plan.host),
      {
        modal: true,
        detail: vscode.l10n.t(
          'That is {0} requests to the {1} endpoint, at most {2} per second.{3}',
          ids.length,
          plan.endpoint,
          perSecond,
          plan.demo ? '' : vscode.l10n.t(' They are real API calls and may be billed.'),
        ),
      },
      go,
    );
    if (answer !== go) return undefined;
  }

  const stop = new AbortController();
  const show = given ? given.show === true : true;
  const panel = show
    ? new BatchPanel(deps.extensionUri, ids.length, `${plan.profile} · ${plan.host}`, deps.view(), () => stop.abort())
    : undefined;
  const catalog = await deps.catalog().catch(() => undefined);
  const rows: BatchRow[] = [];
  const run = (id: string, signal: AbortSignal): Promise<ShownLookup> => {
    const source = new vscode.CancellationTokenSource();
    const onAbort = () => source.cancel();
    signal.addEventListener('abort', onAbort);
    return deps.service
      .run({ referenceId: id, endpoint: plan.endpoint, profile: plan.profile }, source.token, 'status', { maxRetries: 0, record: false })
      .finally(() => {
        signal.removeEventListener('abort', onAbort);
        source.dispose();
      });
  };
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Looking up {0} reference IDs', ids.length), cancellable: true },
    async (progress, token) => {
      const sub = token.onCancellationRequested(() => stop.abort());
      try {
        return await runBatch(ids, run, {
          concurrency: settings.batchConcurrency(),
          maxPerWindow: perSecond,
          windowMs: 1000,
          clock: systemClock,
          signal: stop.signal,
          rateLimited: (s) => (!s.outcome.ok && s.outcome.error.kind === 'rate-limited' ? { retryAfterMs: retryAfterMs(s) } : undefined),
          onResult: (_id, s) => {
            const row = batchRow(s.outcome, catalog);
            rows.push(row);
            panel?.add(row, s);
          },
          onProgress: (p) => {
            progress.report({
              message: vscode.l10n.t(
                '{0} of {1}{2}',
                p.done,
                p.total,
                p.rateLimited ? vscode.l10n.t(', {0} rate-limited answers waited out', p.rateLimited) : '',
              ),
            });
            panel?.update({ ...p, finished: false, cancelled: false });
          },
        });
      } finally {
        sub.dispose();
      }
    },
  );
  panel?.update({
    done: outcome.results.size,
    total: ids.length,
    inFlight: 0,
    rateLimited: outcome.rateLimited,
    finished: true,
    cancelled: outcome.cancelled,
  });
  return { rows: attentionOrder(rows, ids), total: ids.length, cancelled: outcome.cancelled, rateLimited: outcome.rateLimited };
}
