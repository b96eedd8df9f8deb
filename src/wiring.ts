// The features, loaded on first use (the front door, src/extension.ts, loads this bundle, dist/wiring.js, when
// a command, view, panel, document, deep link or tool is first asked for, or a log is open): builds the
// few shared services (logger, credentials, history, catalog, the lookup service, the result panels) and hands
// each feature what it needs. No logic of its own.
import * as vscode from 'vscode';
import { COMMANDS } from './features/commandIds';
import { Logger } from './features/logger';
import { catalogLoader } from './features/catalogLoader';
import { CredentialStore } from './features/credentials/store';
import { registerCredentials } from './features/credentials/commands';
import { History } from './features/history/store';
import { registerHistory } from './features/history/commands';
import type { LookupDeps } from './features/lookup/command';
import { createLookupService, panelActions, registerLookup } from './features/lookup/register';
import { registerProfiles } from './features/profiles/selectProfile';
import type { LateBindings } from './features/frontDoor/door';
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
import { createRecorder, registerTransactions } from './features/transactions/register';
import { registerProfilesView } from './features/profiles/view';
import * as settings from './features/settings';
import { completedSteps, registerWalkthrough } from './features/walkthrough/steps';
import type { Transactions } from './features/transactions/register';
import type { DeepLinkResult } from './features/deepLink/uriHandler';
import { registerUriHandler } from './features/deepLink/uriHandler';

/** Development and test builds only (see features/resultPanel/testHooks.ts): what tests observe. */
export interface TestHooks {
  readonly resultPanels: ResultPanelTestHooks;
  readonly transactions: Transactions;
  readonly handleUri: (uri: vscode.Uri) => Promise<DeepLinkResult>;
  readonly walkthroughSteps: () => string[];
}

export interface Features {
  /** Development and test builds only. */
  readonly hooks?: TestHooks;
  /** A line in the Telesign output channel (the front door has none of its own). */
  log(message: string): void;
}

export function activateFeatures(context: vscode.ExtensionContext, late: LateBindings): Features {
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
  const panels = registerResultPanel(context, late, { runner: service, logger, catalog, actions: panelActions(lookup) });
  context.subscriptions.push(
    logger,
    credentials,
    vscode.commands.registerCommand(COMMANDS.showOutput, () => logger.show()),
  );

  // One register… per feature (wiring.ts -> features/* -> core/*).
  registerLookup(context, lookup);
  registerCredentials(context, credentials);
  registerProfiles(context, credentials);
  registerHistory(context, lookup);
  const sidebar = registerTransactions(context, late, transactions, panels, catalog);
  registerProfilesView(context, late, credentials);
  const handleUri = registerUriHandler(context, late);
  registerExplainCode(context, catalog);
  registerLogFeatures(context, logger, catalog);
  registerTrace(context, catalog);
  registerBatch(context, { service, view: () => panels, catalog, extensionUri: context.extensionUri });
  registerCallbacks(context, late, { credentials, history, logger, catalog });
  registerAssistantTools(context, late, assistantBackends(catalog));

  const features: Features = { log: (message) => logger.info(message) };
  if (__TEST_HOOKS__) {
    return {
      ...features,
      hooks: { resultPanels: resultPanelTestHooks, transactions: sidebar, handleUri, walkthroughSteps: completedSteps },
    };
  }
  return features;
}
