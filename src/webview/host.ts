// The webview's one handle on VS Code: messages to the host and the state VS Code persists.
import type { WebviewMessage } from '../shared/resultPanelMessages';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export const vscode = acquireVsCodeApi();
export const send = (m: WebviewMessage): void => vscode.postMessage(m);
