// The front door and the wiring diagram: activate() builds the few shared services (logger, credentials,
// history, catalog, the lookup service, the result panels), hands each feature what it needs, and returns
// the public API. No logic of its own.
import * as vscode from 'vscode';
import { COMMANDS } from './features/commandIds';
import type { CommandId } from './features/commandIds';
import { Logger } from './features/logger';
import { catalogLoader } from './features/catalogLoader';
import { CredentialStore } from './features/credentials/store';
import { registerCredentials } from './features/credentials/commands';
import { History } from './features/history/store';
import { registerHistory } from './features/history/commands';
import type { LookupDeps } from './features/lookup/command';
import { createLookupService, panelActions, registerLookup } from './features/lookup/register';
import { registerProfiles } from './features/profiles/selectProfile';
import { registerResultPanel } from './features/resultPanel/panels';
import { resultPanelTestHooks } from './features/resultPanel/testHooks';
import type { ResultPanelTestHooks } from './features/resultPanel/testHooks';
import { registerLogFeatures } from './features/logs/register';
import { registerExplainCode } from './features/explain/command';
import { registerAssistantTools } from './features/assistant/tools';
import { registerTrace } from './features/trace/command';
import { registerBatch } from './features/batch/command';
import { assistantBackends } from './features/assistant/backends';
import { registerCallbacks } from './features/callbacks/register';
import * as settings from './features/settings';
import { createRecorder, registerTransactions } from './features/transactions/register';
import { registerProfilesView } from './features/profiles/view';
import { completedSteps, registerWalkthrough } from './features/walkthrough/steps';
import type { Transactions } from './features/transactions/register';
import type { DeepLinkResult } from './features/deepLink/uriHandler';
import { registerUriHandler } from './features/deepLink/uriHandler';

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

/** Development and test builds only (see features/resultPanel/testHooks.ts): what tests observe. */
export interface TestHooks {
  readonly resultPanels: ResultPanelTestHooks;
  readonly transactions: Transactions;
  readonly handleUri: (uri: vscode.Uri) => Promise<DeepLinkResult>;
  readonly walkthroughSteps: () => string[];
}

export function activate(context: vscode.ExtensionContext): TelesignInspectorApi {
  // Services shared by several features.
  const logger = new Logger();
  const catalog = catalogLoader(context); // one lazily loaded code catalog for every feature that explains codes
  const credentials = new CredentialStore(context.secrets, logger);
  const history = new History(context.globalState, settings.historyMaxItems);
  registerWalkthrough(context);
  // Stored lookups for the Telesign activity-bar container (viewsContainers id `telesign`).
  const transactions = createRecorder(context, logger);
  const service = createLookupService(context, { credentials, history, logger, recorder: transactions.recorder });
  const lookup: LookupDeps = { service, credentials, history, view: () => panels };
  const panels = registerResultPanel(context, { runner: service, logger, catalog, actions: panelActions(lookup) });
  context.subscriptions.push(
    logger,
    credentials,
    vscode.commands.registerCommand(COMMANDS.showOutput, () => logger.show()),
  );

  // One register… per feature (extension.ts -> features/* -> core/*).
  registerLookup(context, lookup);
  registerCredentials(context, credentials);
  registerProfiles(context, credentials);
  registerHistory(context, lookup);
  const sidebar = registerTransactions(context, transactions, panels, catalog);
  registerProfilesView(context, credentials);
  const handleUri = registerUriHandler(context);
  registerExplainCode(context, catalog);
  registerLogFeatures(context, logger, catalog);
  registerTrace(context, catalog);
  registerBatch(context, { service, view: () => panels, catalog, extensionUri: context.extensionUri });
  registerCallbacks(context, { credentials, history, logger, catalog });
  registerAssistantTools(context, assistantBackends(catalog));

  const run = (command: CommandId) => (args: unknown) => vscode.commands.executeCommand(command, args);
  const api: TelesignInspectorApi = {
    getTransactionStatus: run(COMMANDS.getTransactionStatus),
    verifyCode: run(COMMANDS.verifyCode),
    explainCode: run(COMMANDS.explainCode),
    summarizeLog: run(COMMANDS.summarizeLog),
  };
  if (__TEST_HOOKS__) {
    return Object.assign(api, {
      testHooks: {
        resultPanels: resultPanelTestHooks,
        transactions: sidebar,
        handleUri,
        walkthroughSteps: completedSteps,
      } satisfies TestHooks,
    });
  }
  return api;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
