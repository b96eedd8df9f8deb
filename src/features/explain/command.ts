// "Telesign: Explain Status Code…": a searchable list of every code, opened on the code under the cursor
// with the meaning that fits the line ranked first; or, given { code, context }, the ranked meanings as data.
import * as vscode from 'vscode';
import { normalizeCode } from '../../core/catalog';
import { unknownCodeHelp } from '../../core/catalog/unknown';
import type { Catalog, CatalogEntry, CodeMatch } from '../../core/catalog';

import { COMMANDS } from '../commandIds';

/** The argument of `telesign.explainCode` for programmatic use (public API; README). */
export interface ExplainCodeArgs {
  readonly code: string | number;
  /** The log line and nearby text; it decides which meaning ranks first. */
  readonly context?: string;
  /** Open the picker on this code (e.g. from a hover link) instead of returning the matches. */
  readonly show?: boolean;
}

interface EntryItem extends vscode.QuickPickItem {
  readonly entry?: CatalogEntry;
  readonly match?: CodeMatch;
  /** The "search Telesign's docs" row offered for a code the catalog does not know. */
  readonly search?: string;
}

/** For a typed code the catalog does not know: a row that searches Telesign's docs for it (the number only). */
function searchItem(catalog: Catalog, value: string): EntryItem | undefined {
  const code = normalizeCode(value.trim());
  if (code === undefined || catalog.entries().some((e) => e.code === code)) return undefined;
  const help = unknownCodeHelp(code);
  if (!help) return undefined;
  return {
    label: `$(search) ${vscode.l10n.t("{0} is not in the catalog: search Telesign's docs for it", help.code)}`,
    alwaysShow: true,
    search: help.searchUrl,
  };
}

// A status/error code as it appears in logs: 3–6 digits with an optional minus (ASCII or typographic).
const CODE_AT_CURSOR = /[-\u2212\u2013]?\d{3,6}/;
const CONTEXT_LINES_BEFORE = 6;
const MAX_FILTER = 120;

export function registerExplainCode(context: vscode.ExtensionContext, catalog: () => Promise<Catalog>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.explainCode, async (arg?: unknown): Promise<CodeMatch[] | undefined> => {
      const args = isExplainArgs(arg) ? arg : undefined;
      if (args && !args.show) return (await catalog()).explain(args.code, args.context ?? '');
      // show: true, no argument, or a URI from the editor context menu: interactive use.
      let loaded: Catalog;
      try {
        loaded = await catalog();
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not load the Telesign code catalog: {0}', reason));
        return undefined;
      }
      const code = args ? normalizeCode(args.code) : undefined;
      const target = args
        ? { filter: code ?? String(args.code), code, context: args.context ?? '' }
        : readEditor(vscode.window.activeTextEditor);
      await pickAndShow(loaded, target);
      return undefined;
    }),
  );
}

function isExplainArgs(arg: unknown): arg is ExplainCodeArgs {
  if (typeof arg !== 'object' || arg === null || !('code' in arg)) return false;
  const { code, context, show } = arg as { code: unknown; context?: unknown; show?: unknown };
  if (typeof code !== 'string' && typeof code !== 'number') {
    throw new TypeError('telesign.explainCode: "code" must be a string or a number');
  }
  if (context !== undefined && typeof context !== 'string') {
    throw new TypeError('telesign.explainCode: "context" must be a string');
  }
  if (show !== undefined && typeof show !== 'boolean') {
    throw new TypeError('telesign.explainCode: "show" must be a boolean');
  }
  return true;
}

/** What the editor offers: the code (if any) and the surrounding text, or a free-text filter. */
interface Target {
  readonly filter: string;
  readonly code?: string;
  readonly context: string;
}

function readEditor(editor: vscode.TextEditor | undefined): Target {
  if (!editor) return { filter: '', context: '' };
  const { document, selection } = editor;
  const line = document.lineAt(selection.active.line);
  const from = Math.max(0, selection.active.line - CONTEXT_LINES_BEFORE);
  const nearby = document.getText(new vscode.Range(from, 0, line.range.end.line, line.range.end.character));
  if (!selection.isEmpty) {
    const selected = document.getText(selection).trim();
    const code = normalizeCode(selected);
    if (code !== undefined) return { filter: code, code, context: nearby };
    const firstLine = selected.split(/\r?\n/, 1)[0] ?? '';
    return { filter: firstLine.slice(0, MAX_FILTER), context: nearby };
  }
  const range = document.getWordRangeAtPosition(selection.active, CODE_AT_CURSOR);
  const code = range ? normalizeCode(document.getText(range)) : undefined;
  return code === undefined ? { filter: '', context: '' } : { filter: code, code, context: nearby };
}

function itemFor(entry: CatalogEntry, match?: CodeMatch, best = false): EntryItem {
  const family = best ? vscode.l10n.t('$(star-full) best match for this line · {0}', entry.familyLabel) : entry.familyLabel;
  return { label: `${entry.code} — ${entry.text}`, description: family, detail: entry.explanation, entry, match };
}

async function pickAndShow(catalog: Catalog, { filter, code, context }: Target): Promise<void> {
  const ranked = code !== undefined ? catalog.explain(code, context) : [];
  const first = new Set<CatalogEntry>(ranked.map((m) => m.entry));
  const items: EntryItem[] = [
    ...ranked.map((m, i) => itemFor(m.entry, m, i === 0 && ranked.length > 1)),
    ...catalog
      .entries()
      .filter((e) => !first.has(e))
      .map((e) => itemFor(e)),
  ];

  const pick = vscode.window.createQuickPick<EntryItem>();
  pick.title = vscode.l10n.t('Explain a Telesign status or error code');
  pick.placeholder = vscode.l10n.t('Type a code (e.g. -10004) or words from its meaning');
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  let offered: string | undefined;
  const withSearch = (value: string): EntryItem[] => {
    const search = searchItem(catalog, value);
    offered = search?.search;
    return search ? [search, ...items] : items;
  };
  pick.items = withSearch(filter);
  pick.value = filter;
  if (ranked.length > 0) pick.activeItems = [items[0]];

  const chosen = await new Promise<EntryItem | undefined>((resolve) => {
    const subscriptions: vscode.Disposable[] = [
      pick.onDidChangeValue((value) => {
        // Codes pasted from rich text often carry a typographic minus; the labels use ASCII.
        const fixed = value.replace(/^(\s*)[\u2212\u2013]/, '$1-');
        if (fixed !== value) pick.value = fixed;
        if (searchItem(catalog, fixed)?.search !== offered) pick.items = withSearch(fixed);
      }),
      pick.onDidAccept(() => {
        resolve(pick.selectedItems[0]);
        pick.hide();
      }),
      pick.onDidHide(() => {
        resolve(undefined);
        for (const s of subscriptions) s.dispose();
        pick.dispose();
      }),
    ];
    pick.show();
  });
  if (chosen?.search) await vscode.env.openExternal(vscode.Uri.parse(chosen.search));
  else if (chosen?.entry) await showEntry(chosen.entry, chosen.match, ranked.length);
}

function finality(entry: CatalogEntry): string {
  if (entry.final === true) return vscode.l10n.t('Final: this transaction will not change status again.');
  if (entry.final === false) return vscode.l10n.t('Intermediate: the status can still change.');
  return vscode.l10n.t('Telesign does not say whether this status is final.');
}

/** The explanation as plain text: the modal's body and what "Copy" puts on the clipboard. */
export function describeEntry(entry: CatalogEntry, reasons: readonly string[] = []): string {
  const lines = [
    entry.explanation,
    '',
    vscode.l10n.t('What to do: {0}', entry.action),
    '',
    vscode.l10n.t('Family: {0}', entry.familyLabel),
  ];
  if (entry.httpStatus !== null) lines.push(vscode.l10n.t('Documented with HTTP {0}.', entry.httpStatus));
  lines.push(finality(entry));
  lines.push(
    entry.retryable ? vscode.l10n.t('Retrying later can succeed.') : vscode.l10n.t('Sending the same request again will not fix this.'),
  );
  if (reasons.length > 0) lines.push('', vscode.l10n.t('Why this meaning: {0}', reasons.join('; ')));
  lines.push('', vscode.l10n.t('Docs: {0}', entry.docsUrl));
  return lines.join('\n');
}

async function showEntry(entry: CatalogEntry, match: CodeMatch | undefined, candidates: number): Promise<void> {
  const openDocs = vscode.l10n.t('Open Docs');
  const copy = vscode.l10n.t('Copy');
  // Reasons only help when the code had several meanings to choose from.
  const reasons = match && candidates > 1 ? match.reasons : [];
  const detail = describeEntry(entry, reasons);
  const title = `${entry.code} — ${entry.text}`;
  const answer = await vscode.window.showInformationMessage(title, { modal: true, detail }, openDocs, copy);
  if (answer === openDocs) {
    await vscode.env.openExternal(vscode.Uri.parse(entry.docsUrl));
  } else if (answer === copy) {
    await vscode.env.clipboard.writeText(`${title}\n\n${detail}`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Copied the explanation of {0}.', entry.code));
  }
}
