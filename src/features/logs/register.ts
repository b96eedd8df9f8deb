// Log intelligence wired in one place: hovers (and their Copy explanation), reference-ID links (editor and
// terminal), Copy Reference ID, and the log summary command.
import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog';
import { registerForLogs } from './documents';
import { COMMANDS } from '../commandIds';
import { copyExplanation, LogHoverProvider } from './hover';
import { registerLogSummary } from './summary';
import type { Logger } from '../logger';
import { ReferenceLinkProvider, registerCopyReferenceId } from './referenceLinks';

export function registerLogFeatures(context: vscode.ExtensionContext, logger: Logger, catalog: () => Promise<Catalog>): void {
  const hovers = new LogHoverProvider(catalog);
  const links = new ReferenceLinkProvider();
  registerForLogs(context, (selector) => vscode.languages.registerHoverProvider(selector, hovers));
  registerForLogs(context, (selector) => vscode.languages.registerDocumentLinkProvider(selector, links));
  registerCopyReferenceId(context);
  context.subscriptions.push(vscode.commands.registerCommand(COMMANDS.copyExplanation, copyExplanation));
  registerLogSummary(context, catalog, logger);
}
