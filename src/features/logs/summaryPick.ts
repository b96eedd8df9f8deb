// The log summary as a QuickPick: each code with its likeliest meaning, each reference ID with its last
// status; choosing one opens its line or looks the ID up.
import * as vscode from 'vscode';
import type { Catalog, CodeMatch } from '../../core/catalog';
import type { CodeCount, LogSummary, ReferenceCount } from '../../core/logs/summarize';
import { COMMANDS } from '../commandIds';
import { lookupArgs } from './documents';

/** Files larger than this are not opened in an editor from the summary (VS Code's own comfort limit). */
const MAX_OPEN_BYTES = 50 * 1024 * 1024;

type Item = vscode.QuickPickItem & { readonly code?: CodeCount; readonly ref?: ReferenceCount };

export function formatBytes(n: number): string {
  if (n < 1024) return vscode.l10n.t('{0} B', String(n));
  if (n < 1024 * 1024) return vscode.l10n.t('{0} KB', (n / 1024).toFixed(1));
  if (n < 1024 * 1024 * 1024) return vscode.l10n.t('{0} MB', (n / 1048576).toFixed(1));
  return vscode.l10n.t('{0} GB', (n / 1073741824).toFixed(2));
}

function lineRange(first: number, last: number): string {
  return first === last
    ? vscode.l10n.t('line {0}', first.toLocaleString())
    : vscode.l10n.t('lines {0}–{1}', first.toLocaleString(), last.toLocaleString());
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

export async function showSummary(uri: vscode.Uri, s: LogSummary, catalog: () => Promise<Catalog>): Promise<void> {
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
  const gotoFirst: vscode.QuickInputButton = {
    iconPath: new vscode.ThemeIcon('go-to-file'),
    tooltip: vscode.l10n.t('Go to first occurrence'),
  };
  const gotoLast: vscode.QuickInputButton = {
    iconPath: new vscode.ThemeIcon('arrow-down'),
    tooltip: vscode.l10n.t('Go to last occurrence'),
  };
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
    items.push({
      label: vscode.l10n.t('Reference IDs ({0}) — choose one to look it up', String(s.references.length)),
      kind: vscode.QuickPickItemKind.Separator,
    });
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
    if (e.button === copy && e.item.ref) {
      void vscode.commands.executeCommand(COMMANDS.copyReferenceId, { referenceId: e.item.ref.referenceId });
    } else void openAt(uri, s.bytes, e.button === gotoLast ? at.lastLine : at.firstLine);
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
  if (s.notes.includes('references-capped')) {
    parts.push(vscode.l10n.t('only the first {0} distinct reference IDs are listed', s.references.length.toLocaleString()));
  }
  if (s.notes.includes('codes-capped')) {
    parts.push(vscode.l10n.t('only the first {0} distinct codes are listed', s.codes.length.toLocaleString()));
  }
  if (s.notes.includes('long-lines-windowed')) parts.push(vscode.l10n.t('very long lines were scanned in pieces'));
  return parts.join(' · ');
}

async function openAt(uri: vscode.Uri, bytes: number, line: number): Promise<void> {
  if (bytes > MAX_OPEN_BYTES) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('The file is too large to open in the editor; the occurrence is on line {0}.', line.toLocaleString()),
    );
    return;
  }
  const pos = new vscode.Position(Math.max(0, line - 1), 0);
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(pos, pos), preview: true });
}
