// The front door, loaded in every window: the active profile in the status bar, reference-ID links in the
// terminal, and a stand-in for everything else the manifest contributes. The features (src/wiring.ts, its own
// bundle dist/wiring.js) load on first use: a command, a view, a restored panel, a read-only document, a deep
// link, a tool call, or a log document open. A window that never uses Telesign never loads them. No logic of
// its own: the stand-ins are features/frontDoor/door.ts.
import * as vscode from 'vscode';
import { COMMANDS } from './features/commandIds';
import type { CommandId } from './features/commandIds';
import { FrontDoor } from './features/frontDoor/door';
import { lmToolsApi } from './features/assistant/lmApi';
import { logSelector } from './features/logs/documents';
import { ReferenceTerminalLinkProvider } from './features/logs/terminalLinks';
import { ProfileStatusBar } from './features/profiles/statusBar';
import { restoreStepContexts } from './features/walkthrough/steps';
import type * as Wiring from './wiring';
import type { Features, TestHooks } from './wiring';

export type { TestHooks } from './wiring';

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

/** Development and test builds only: whether and why the features loaded, without loading them. */
export interface FrontDoorHooks {
  readonly loadedBy: () => string | undefined;
  readonly loadMs: () => number | undefined;
}

function manifestTools(context: vscode.ExtensionContext): string[] {
  const tools = (context.extension.packageJSON as { contributes?: { languageModelTools?: { name?: unknown }[] } }).contributes
    ?.languageModelTools;
  return (tools ?? []).map((t) => t.name).filter((n): n is string => typeof n === 'string');
}

export function activate(context: vscode.ExtensionContext): TelesignInspectorApi {
  let features: Features | undefined;
  const door = new FrontDoor({
    tools: manifestTools(context),
    lm: lmToolsApi(),
    loadFeatures: (bindings) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the second bundle, required on first use
      const wiring = require('./wiring.js') as typeof Wiring;
      features = wiring.activateFeatures(context, bindings);
      features.log(`Features loaded on first use: ${door.loadedBy ?? '?'}.`);
    },
  });
  restoreStepContexts(context);
  context.subscriptions.push(door, new ProfileStatusBar(), vscode.window.registerTerminalLinkProvider(new ReferenceTerminalLinkProvider()));
  // Hovers and reference-ID links in logs are the features' own providers.
  door.loadFor((doc) => vscode.languages.match(logSelector(), doc) > 0, 'log document', 'telesign.logFiles');

  const run = (command: CommandId) => (args: unknown) => vscode.commands.executeCommand(command, args);
  const api: TelesignInspectorApi = {
    getTransactionStatus: run(COMMANDS.getTransactionStatus),
    verifyCode: run(COMMANDS.verifyCode),
    explainCode: run(COMMANDS.explainCode),
    summarizeLog: run(COMMANDS.summarizeLog),
  };
  if (__TEST_HOOKS__) {
    const frontDoor: FrontDoorHooks = { loadedBy: () => door.loadedBy, loadMs: () => door.loadMs };
    Object.defineProperty(api, 'testHooks', {
      enumerable: true,
      get: (): TestHooks | undefined => {
        door.load('test hooks');
        return features?.hooks;
      },
    });
    Object.defineProperty(api, 'frontDoor', { enumerable: true, value: frontDoor });
  }
  return api;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
