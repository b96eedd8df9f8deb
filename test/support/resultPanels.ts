// The result panels a test can see: the extension's own (reached through its exports' `testHooks`, which only
// development and test builds carry) and those a test built itself from its own bundled copy of the code.
import * as vscode from 'vscode';
import type { TestHooks } from '../../src/extension';
import { resultPanelTestHooks } from '../../src/features/resultPanel/testHooks';
import type { OpenResultPanel, ResultPanelTestHooks } from '../../src/features/resultPanel/testHooks';

export type { OpenResultPanel } from '../../src/features/resultPanel/testHooks';

const EXTENSION_ID = 'telesign-inspector-oss.telesign-inspector';

function hooks(): ResultPanelTestHooks[] {
  const exports = vscode.extensions.getExtension<{ testHooks?: TestHooks }>(EXTENSION_ID)?.exports;
  const extension = exports?.testHooks?.resultPanels;
  return extension && extension !== resultPanelTestHooks ? [extension, resultPanelTestHooks] : [resultPanelTestHooks];
}

export function openResultPanels(): OpenResultPanel[] {
  return hooks().flatMap((h) => h.openResultPanels());
}

export function liveResultPanelListeners(): number {
  return hooks().reduce((n, h) => n + h.liveResultPanelListeners(), 0);
}
