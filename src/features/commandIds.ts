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
  copyExplanation: 'telesign.copyExplanation',
  openStored: 'telesign.transactions.open',
  refreshStored: 'telesign.transactions.refresh',
  verifyStored: 'telesign.transactions.verify',
  pinStored: 'telesign.transactions.pin',
  unpinStored: 'telesign.transactions.unpin',
  compareStored: 'telesign.transactions.compare',
  copyStoredId: 'telesign.transactions.copyId',
  removeStored: 'telesign.transactions.remove',
  clearStored: 'telesign.transactions.clear',
  showRequestSent: 'telesign.transactions.showRequest',
  openStatusPage: 'telesign.openStatusPage',
  useProfile: 'telesign.profiles.use',
  setProfileCredentials: 'telesign.profiles.setCredentials',
  clearProfileCredentials: 'telesign.profiles.clearCredentials',
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
