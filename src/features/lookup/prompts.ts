// The prompts of a lookup: reference ID (pre-filled from the editor, recent IDs offered) and the OTP.
// Validation is inline, so a malformed value can never be submitted; Escape returns undefined.
import * as vscode from 'vscode';
import type { EndpointId } from '../../core/telesign/types';
import { validateReferenceId, validateVerifyCode } from '../../core/telesign/validate';
import type { HistoryEntry } from '../history/store';
import { relativeTime, statusLabel } from '../history/store';

const REFERENCE_ID_IN_TEXT = /[0-9A-Fa-f]{32}/;

/** The selection, or the word under the cursor, when it is a reference ID. */
export function referenceIdFromEditor(editor: vscode.TextEditor | undefined = vscode.window.activeTextEditor): string | undefined {
  if (!editor) return undefined;
  const selected = editor.document.getText(editor.selection).trim();
  if (selected !== '') return validateReferenceId(selected) === undefined ? selected : undefined;
  const range = editor.document.getWordRangeAtPosition(editor.selection.active, REFERENCE_ID_IN_TEXT);
  if (!range) return undefined;
  // The pattern matches inside longer hex runs too; only a run of exactly 32 counts.
  const line = editor.document.lineAt(range.start.line).text;
  const before = line.charAt(range.start.character - 1);
  const after = line.charAt(range.end.character);
  if (/[0-9A-Fa-f]/.test(before) || /[0-9A-Fa-f]/.test(after)) return undefined;
  return editor.document.getText(range);
}

export interface PickedReference {
  readonly referenceId: string;
  /** Set when a recent lookup was picked: re-run it the same way. */
  readonly recent?: HistoryEntry;
}

interface RecentItem extends vscode.QuickPickItem {
  readonly entry?: HistoryEntry;
}

/**
 * Asks for a reference ID. With recent lookups and nothing pre-filled, offers them first (one pick re-runs
 * one); "Enter a reference ID…" leads to the validated input box.
 */
export async function promptReferenceId(
  title: string,
  recent: readonly HistoryEntry[],
  prefill?: string,
): Promise<PickedReference | undefined> {
  if (prefill === undefined && recent.length > 0) {
    const seen = new Set<string>();
    const items: RecentItem[] = [{ label: vscode.l10n.t('$(edit) Enter a reference ID…'), alwaysShow: true }];
    items.push({ label: vscode.l10n.t('recent'), kind: vscode.QuickPickItemKind.Separator });
    for (const e of recent) {
      const key = e.referenceId.toUpperCase();
      if (seen.has(key)) continue;
      seen.add(key);
      items.push({
        label: e.referenceId,
        description: `${e.endpoint} · ${e.profile}`,
        detail: `${statusLabel(e)} · ${relativeTime(e.at)}`,
        entry: e,
      });
    }
    const pick = await vscode.window.showQuickPick(items, {
      title,
      placeHolder: vscode.l10n.t('Pick a recent reference ID, or enter a new one'),
      matchOnDescription: true,
    });
    if (!pick) return undefined;
    if (pick.entry) return { referenceId: pick.entry.referenceId, recent: pick.entry };
  }
  const value = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Reference ID of the transaction (32 hex characters)'),
    placeHolder: '0123456789ABCDEF0123456789ABCDEF',
    value: prefill,
    ignoreFocusOut: true,
    validateInput: (s) => validateReferenceId(s.trim()),
  });
  if (value === undefined) return undefined;
  return { referenceId: value.trim() };
}

/** The optional OTP of a status lookup: '' means "status only". */
export async function promptOptionalCode(title: string, endpoint: EndpointId): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('OTP the end user entered, to check it ({0}); leave empty for status only', endpoint),
    placeHolder: vscode.l10n.t('leave empty for status only'),
    ignoreFocusOut: true,
    validateInput: (s) => validateVerifyCode(s.trim()),
  });
  return value?.trim();
}

/** The OTP of Verify OTP Code…: required. */
export async function promptRequiredCode(title: string): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('OTP the end user entered (digits)'),
    placeHolder: '1234567',
    ignoreFocusOut: true,
    validateInput: (s) =>
      s.trim() === '' ? vscode.l10n.t('Enter the code the end user typed (3–10 digits).') : validateVerifyCode(s.trim()),
  });
  return value?.trim();
}
