// What tests (integration, E2E, benchmarks) can observe of the result panels. Only development and test
// builds carry it: every entry point is behind `__TEST_HOOKS__`, which the production build defines false,
// so the shipped bundle has no registry, no listener counter and no DOM report (test/unit/build checks).
// The extension's panels reach the separately bundled tests through the extension's exports
// (`testHooks`, added by extension.ts in those builds), not through globalThis.
import type * as vscode from 'vscode';
import type { ShownLookup } from '../lookup/contracts';
import type { AutoRefreshView, RenderReport } from '../../shared/resultPanelMessages';

/** What a test can observe about an open panel. */
export interface OpenResultPanel {
  readonly referenceId: string;
  readonly visible: boolean;
  readonly lastRendered: ShownLookup;
  /** What the webview reported it painted, last time. */
  readonly report?: RenderReport;
  readonly autoRefresh: AutoRefreshView;
  /** Messages from the webview that were not on the allow-list. */
  readonly rejectedMessages: number;
  readonly panel: vscode.WebviewPanel;
  /** Feeds a message through the same handler the webview's messages go through. */
  receive(message: unknown): void;
}

/** The hooks of one bundle's copy of the result panel code. */
export interface ResultPanelTestHooks {
  openResultPanels(): OpenResultPanel[];
  /** Event listeners the panels hold right now (leak tests). */
  liveResultPanelListeners(): number;
}

const open = new Set<() => OpenResultPanel>();
let liveListeners = 0;

export const resultPanelTestHooks: ResultPanelTestHooks = {
  openResultPanels: () => [...open].map((snapshot) => snapshot()),
  liveResultPanelListeners: () => liveListeners,
};

/** Makes a panel visible to tests until the returned function is called. */
export function trackPanel(snapshot: () => OpenResultPanel): () => void {
  if (!__TEST_HOOKS__) return () => undefined;
  open.add(snapshot);
  return () => open.delete(snapshot);
}

/** Wraps a panel's listener so the count above follows its lifetime exactly. */
export function counted(listener: vscode.Disposable): vscode.Disposable {
  if (!__TEST_HOOKS__) return listener;
  liveListeners++;
  let disposed = false;
  return {
    dispose: () => {
      if (disposed) return;
      disposed = true;
      liveListeners--;
      listener.dispose();
    },
  };
}
