// The front door: wires the features together and returns the public API. No logic of its own.
import * as vscode from 'vscode';
import { COMMANDS } from './features/commandIds';
import type { CommandId } from './features/commandIds';
import { Logger } from './features/logger';
import { registerLookupFeatures } from './features/lookup/command';
import { registerResultPanel } from './features/resultPanel/panels';
import { registerLogFeatures } from './features/logs/register';
import { registerExplainCode } from './features/explain/command';
import { catalogLoader } from './features/catalogLoader';
import { registerAssistantTools } from './features/assistant/tools';
import { assistantBackends } from './features/assistant/backends';
import { createRecorder, registerTransactions } from './features/transactions/register';
import { registerProfilesView } from './features/profiles/view';
import { registerWalkthrough } from './features/walkthrough/steps';
import { registerUriHandler } from './features/deepLink/uriHandler';
import type { ResultView } from './features/lookup/contracts';

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
    vscode.commands.registerCommand(COMMANDS.showOutput, () => logger.show()),
  );

  // Features register their commands, providers and disposables here (extension.ts -> features/* -> core/*).
  // One lazily loaded code catalog, shared by the panel, the explain command, hovers and the log summary.
  const catalog = catalogLoader(context);
  registerWalkthrough(context);
  // The Telesign activity-bar container (viewsContainers id `telesign`): Transactions and Profiles.
  const transactions = createRecorder(context, logger);
  let view: ResultView | undefined;
  const lookup = registerLookupFeatures(context, logger, (runner) => (view = registerResultPanel(context, { runner, logger, catalog })), transactions.recorder);
  if (view) registerTransactions(context, transactions, view, catalog);
  registerProfilesView(context, lookup.credentials);
  registerUriHandler(context);
  registerExplainCode(context, catalog);
  registerLogFeatures(context, logger, catalog);
  registerAssistantTools(context, assistantBackends(catalog));

  const run = (command: CommandId) => (args: unknown) => vscode.commands.executeCommand(command, args);
  return {
    getTransactionStatus: run(COMMANDS.getTransactionStatus),
    verifyCode: run(COMMANDS.verifyCode),
    explainCode: run(COMMANDS.explainCode),
    summarizeLog: run(COMMANDS.summarizeLog),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
