// Every command ID the extension registers or runs, in one place: the manifest's `contributes.commands`
// must list exactly the `telesign.*` ones (test/integration/activation.test.ts checks both directions).
import * as vscode from 'vscode';

export const COMMANDS = {
  getTransactionStatus: 'telesign.getTransactionStatus',
  verifyCode: 'telesign.verifyCode',
  setCredentials: 'telesign.setCredentials',
  clearCredentials: 'telesign.clearCredentials',
  selectProfile: 'telesign.selectProfile',
  showHistory: 'telesign.showHistory',
  clearHistory: 'telesign.clearHistory',
  explainCode: 'telesign.explainCode',
  summarizeLog: 'telesign.summarizeLog',
  showOutput: 'telesign.showOutput',
  copyReferenceId: 'telesign.copyReferenceId',
  openStored: 'telesign.openStored',
  refreshStored: 'telesign.refreshStored',
  verifyStored: 'telesign.verifyStored',
  pinStored: 'telesign.pinStored',
  unpinStored: 'telesign.unpinStored',
  compareStored: 'telesign.compareStored',
  copyStoredId: 'telesign.copyStoredId',
  removeStored: 'telesign.removeStored',
  clearStored: 'telesign.clearStored',
  showRequestSent: 'telesign.showRequestSent',
  openStatusPage: 'telesign.openStatusPage',
  useProfile: 'telesign.useProfile',
  setProfileCredentials: 'telesign.setProfileCredentials',
  clearProfileCredentials: 'telesign.clearProfileCredentials',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** VS Code's own commands the extension runs. */
export const VSCODE_COMMANDS = {
  openSettings: 'workbench.action.openSettings',
  diff: 'vscode.diff',
  openWalkthrough: 'workbench.action.openWalkthrough',
} as const;

/** Command URI running `command` with one JSON argument (what hovers and document links execute). */
export function commandUri(command: CommandId, arg: unknown): vscode.Uri {
  return vscode.Uri.parse(`command:${command}?${encodeURIComponent(JSON.stringify(arg))}`);
}
