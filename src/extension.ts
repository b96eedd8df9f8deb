// The front door: wires the features together and returns the public API. No logic of its own.
import * as vscode from 'vscode';
import { Logger } from './features/output';
import { registerLookupFeatures } from './features/lookup';
import { registerResultPanel } from './features/resultPanel';
import { registerLogFeatures } from './features/logFeatures';
import { registerExplainCode } from './features/explainCode';
import { catalogLoader } from './features/catalogService';
import { registerAssistantTools } from './features/assistant/tools';
import { assistantBackends } from './features/assistant/backends';

/** Argument and result shapes are documented in README ("Commands and API"); keep them stable. */
export interface TelesignInspectorApi {
  /** Same as the command `telesign.getTransactionStatus` with an argument object. */
  getTransactionStatus(args: unknown): Thenable<unknown>;
  /** Same as `telesign.verifyCode` with an argument object. */
  verifyCode(args: unknown): Thenable<unknown>;
  /** Same as `telesign.explainCode` with `{ code, context? }`. */
  explainCode(args: unknown): Thenable<unknown>;
  /** Same as `telesign.summarizeLog` with `{ file }`. */
  summarizeLog(args: unknown): Thenable<unknown>;
}

export function activate(context: vscode.ExtensionContext): TelesignInspectorApi {
  const logger = new Logger();
  context.subscriptions.push(
    logger,
    vscode.commands.registerCommand('telesign.showOutput', () => logger.show()),
  );

  // Features register their commands, providers and disposables here (extension.ts -> features/* -> core/*).
  // One lazily loaded code catalog, shared by the panel, the explain command, hovers and the log summary.
  const catalog = catalogLoader(context);
  registerLookupFeatures(context, logger, (runner) => registerResultPanel(context, { runner, logger, catalog }));
  registerExplainCode(context, catalog);
  registerLogFeatures(context, logger, catalog);
  registerAssistantTools(context, assistantBackends(catalog));

  const run = (command: string) => (args: unknown) => vscode.commands.executeCommand(command, args);
  return {
    getTransactionStatus: run('telesign.getTransactionStatus'),
    verifyCode: run('telesign.verifyCode'),
    explainCode: run('telesign.explainCode'),
    summarizeLog: run('telesign.summarizeLog'),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
