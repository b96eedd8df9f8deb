// Reference IDs printed in the integrated terminal become clickable and run a lookup.
import * as vscode from 'vscode';
import { endpointOf, scanReferences } from '../../core/logs/scanner';
import { lookupArgs } from './documents';
import { COMMANDS } from '../commandIds';

class ReferenceTerminalLink extends vscode.TerminalLink {
  constructor(
    startIndex: number,
    readonly args: ReturnType<typeof lookupArgs>,
  ) {
    super(startIndex, 32, vscode.l10n.t('Look up this Telesign transaction'));
  }
}

export class ReferenceTerminalLinkProvider implements vscode.TerminalLinkProvider<ReferenceTerminalLink> {
  provideTerminalLinks(context: vscode.TerminalLinkContext): ReferenceTerminalLink[] {
    const line = context.line;
    if (line.length < 32) return [];
    const endpoint = endpointOf(line);
    return scanReferences(line).map((r) => new ReferenceTerminalLink(r.start, lookupArgs(r.value, endpoint)));
  }

  async handleTerminalLink(link: ReferenceTerminalLink): Promise<void> {
    await vscode.commands.executeCommand(COMMANDS.getTransactionStatus, link.args);
  }
}
