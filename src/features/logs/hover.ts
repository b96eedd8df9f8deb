// Hovers on Telesign codes and reference IDs in log files. Work per hover is bounded by the scanner's
// window around the cursor; the catalog loads on the first hover that needs it.
import * as vscode from 'vscode';
import type { Catalog, CatalogEntry, CodeMatch } from '../../core/catalog';
import { endpointOf, findingAt, scanRange, type CodeFinding, type ReferenceFinding } from '../../core/logs/scanner';
import * as config from '../settings';
import { COMMANDS, commandUri } from '../commandIds';
import { lookupArgs } from './documents';
import { completeStep } from '../walkthrough/steps';

/** Characters of the line either side of a code handed to the catalog as context. */
const CONTEXT_CHARS = 400;
/** How far either side of a code we look for a reference ID to offer a lookup. */
const REFERENCE_REACH = 2048;
const OTHER_MEANINGS = 4;

// Everything that Markdown could read as syntax, so log text shows as typed.
const MD_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~&]/g;
export function escapeMarkdown(text: string): string {
  return text.replace(MD_SPECIAL, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

export class LogHoverProvider implements vscode.HoverProvider {
  constructor(private readonly catalog: () => Promise<Catalog>) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    if (!config.hoverEnabled()) return undefined;
    const line = document.lineAt(position.line).text;
    const finding = findingAt(line, position.character);
    if (!finding) return undefined;
    const range = new vscode.Range(position.line, finding.start, position.line, finding.end);
    if (finding.kind === 'reference') {
      const around = line.slice(Math.max(0, finding.start - REFERENCE_REACH), finding.end + REFERENCE_REACH);
      return new vscode.Hover(referenceMarkdown(finding, endpointOf(around)), range);
    }

    let matches: CodeMatch[] = [];
    try {
      const catalog = await this.catalog();
      if (token.isCancellationRequested) return undefined;
      const from = Math.max(0, finding.start - CONTEXT_CHARS);
      matches = catalog.explain(finding.code, line.slice(from, finding.end + CONTEXT_CHARS));
    } catch {
      // No catalog: still say what was found and offer the lookup.
    }
    const ref = nearestReference(line, finding);
    completeStep('hover');
    return new vscode.Hover(codeMarkdown(finding, matches, ref), range);
  }
}

function trustedMarkdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = {
    enabledCommands: [
      COMMANDS.getTransactionStatus,
      COMMANDS.traceReferenceId,
      COMMANDS.copyReferenceId,
      COMMANDS.copyExplanation,
      COMMANDS.explainCode,
    ],
  };
  md.supportHtml = false;
  return md;
}

function finalWord(entry: CatalogEntry): string {
  if (entry.final === true) return vscode.l10n.t('final');
  if (entry.final === false) return vscode.l10n.t('intermediate (may still change)');
  return vscode.l10n.t('final or intermediate: not documented');
}

function facts(e: CatalogEntry): string[] {
  const out = [e.familyLabel, finalWord(e), e.retryable ? vscode.l10n.t('retryable') : vscode.l10n.t('not retryable')];
  if (e.httpStatus !== null) out.push(vscode.l10n.t('HTTP {0}', String(e.httpStatus)));
  return out;
}

/** The hover's explanation as plain text (what "Copy explanation" puts on the clipboard): no Markdown. */
export function plainExplanation(e: CatalogEntry): string {
  const lines = [
    `${vscode.l10n.t('Telesign {0}', e.code)}: ${e.text}`,
    facts(e).join(' · '),
    e.explanation,
    `${vscode.l10n.t('What to do:')} ${e.action}`,
  ];
  if (/^https:\/\//.test(e.docsUrl)) lines.push(e.docsUrl);
  return lines.join('\n');
}

export function codeMarkdown(
  finding: CodeFinding,
  matches: readonly CodeMatch[],
  ref: ReferenceFinding | undefined,
): vscode.MarkdownString {
  const md = trustedMarkdown();
  const best = matches[0];
  // What the reader can do next sits right under the explanation, above the fold of a long hover.
  const links: string[] = [];
  if (ref) {
    links.push(
      `[${escapeMarkdown(vscode.l10n.t('Look up this transaction'))}](${commandUri(COMMANDS.getTransactionStatus, lookupArgs(ref.value, finding.endpoint)).toString()})`,
    );
  }
  if (!best) {
    md.appendMarkdown(`**${escapeMarkdown(vscode.l10n.t('Telesign code {0}', finding.code))}**\n\n`);
    md.appendMarkdown(escapeMarkdown(vscode.l10n.t('This code is not in the catalog of documented Telesign codes.')) + '\n\n');
    if (links.length > 0) md.appendMarkdown(links.join(' · '));
    return md;
  }
  const e = best.entry;
  md.appendMarkdown(`**${escapeMarkdown(vscode.l10n.t('Telesign {0}', e.code))}**: ${escapeMarkdown(e.text)}\n\n`);
  md.appendMarkdown(`*${facts(e).map(escapeMarkdown).join(' · ')}*\n\n`);
  md.appendMarkdown(`${escapeMarkdown(e.explanation)}\n\n`);
  md.appendMarkdown(`**${escapeMarkdown(vscode.l10n.t('What to do:'))}** ${escapeMarkdown(e.action)}\n\n`);
  links.push(
    `[${escapeMarkdown(vscode.l10n.t('Copy explanation'))}](${commandUri(COMMANDS.copyExplanation, { text: plainExplanation(e) }).toString()})`,
  );
  if (/^https:\/\//.test(e.docsUrl)) links.push(`[${escapeMarkdown(vscode.l10n.t('Telesign documentation'))}](${e.docsUrl})`);
  if (links.length > 0) md.appendMarkdown(`${links.join(' · ')}\n\n`);
  if (best.reasons.length > 0 && matches.length > 1) {
    md.appendMarkdown(`${escapeMarkdown(vscode.l10n.t('Chosen because: {0}', best.reasons.join('; ')))}\n\n`);
  }
  const others = matches.slice(1, 1 + OTHER_MEANINGS);
  if (others.length > 0) {
    md.appendMarkdown(`${escapeMarkdown(vscode.l10n.t('Other meanings of {0}:', finding.code))}\n\n`);
    for (const o of others) md.appendMarkdown(`- *${escapeMarkdown(o.entry.familyLabel)}*: ${escapeMarkdown(o.entry.text)}\n`);
    if (matches.length > others.length + 1) {
      md.appendMarkdown(`- ${escapeMarkdown(vscode.l10n.t('and {0} more', String(matches.length - others.length - 1)))}\n`);
    }
  }
  return md;
}

export function referenceMarkdown(ref: ReferenceFinding, endpoint?: string): vscode.MarkdownString {
  const md = trustedMarkdown();
  md.appendMarkdown(`**${escapeMarkdown(vscode.l10n.t('Telesign reference ID'))}** \`${ref.value}\`\n\n`);
  md.appendMarkdown(
    `[${escapeMarkdown(vscode.l10n.t('Look up this transaction'))}](${commandUri(COMMANDS.getTransactionStatus, lookupArgs(ref.value, endpoint)).toString()})`,
  );
  md.appendMarkdown(' · ');
  md.appendMarkdown(
    `[${escapeMarkdown(vscode.l10n.t('Trace in logs'))}](${commandUri(COMMANDS.traceReferenceId, { referenceId: ref.value, show: true }).toString()})`,
  );
  md.appendMarkdown(' · ');
  md.appendMarkdown(
    `[${escapeMarkdown(vscode.l10n.t('Copy'))}](${commandUri(COMMANDS.copyReferenceId, { referenceId: ref.value }).toString()})`,
  );
  return md;
}

/** The reference ID closest to the code, looking a bounded distance either side. */
function nearestReference(line: string, finding: CodeFinding): ReferenceFinding | undefined {
  const from = Math.max(0, finding.start - REFERENCE_REACH);
  const refs = scanRange(line, from, Math.min(line.length, finding.end + REFERENCE_REACH)).filter(
    (f): f is ReferenceFinding => f.kind === 'reference',
  );
  let best: ReferenceFinding | undefined;
  for (const r of refs) {
    if (!best || Math.abs(r.start - finding.start) < Math.abs(best.start - finding.start)) best = r;
  }
  return best;
}

/** Longest text "Copy explanation" accepts (a catalog explanation is far shorter). */
const MAX_COPY_CHARS = 8000;

/** `telesign.copyExplanation` with `{ text }` (from a code hover): copies it as plain text and says so. */
export async function copyExplanation(arg: unknown): Promise<string | undefined> {
  const text = typeof arg === 'object' && arg !== null ? (arg as { text?: unknown }).text : undefined;
  if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_COPY_CHARS) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Copy Code Explanation is offered by a Telesign code’s hover in a log file.'));
    return undefined;
  }
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the explanation of {0}', text.split('\n')[0]), 4000);
  return text;
}
