// The active profile in the status bar, with a warning background when lookups go to a real (non-loopback)
// host, so nobody queries production thinking they are on the simulator.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import * as config from '../settings';
import { authLabel, isRemote } from './labels';

export class ProfileStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private readonly listener: vscode.Disposable;

  constructor() {
    this.item = vscode.window.createStatusBarItem('telesign.profile', vscode.StatusBarAlignment.Left, 50);
    this.item.name = vscode.l10n.t('Telesign profile');
    this.item.command = COMMANDS.selectProfile;
    this.listener = config.onDidChange(() => this.update());
    this.update();
    this.item.show();
  }

  update(): void {
    const profile = config.activeProfile();
    if (!profile) {
      this.item.text = vscode.l10n.t('$(shield) Telesign: no profile');
      this.item.tooltip = vscode.l10n.t('No profile in telesign.profiles (user settings). Click to choose or edit profiles.');
      this.item.backgroundColor = undefined;
      return;
    }
    this.item.text = vscode.l10n.t('$(shield) Telesign: {0}', profile.name);
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendText(vscode.l10n.t('Telesign profile “{0}”', profile.name) + '\n\n');
    tooltip.appendText(vscode.l10n.t('Base URL: {0}', profile.baseUrl) + '\n\n');
    tooltip.appendText(vscode.l10n.t('Auth: {0}', authLabel(profile)) + '\n\n');
    if (isRemote(profile)) tooltip.appendText(vscode.l10n.t('Lookups go to a real Telesign host.') + '\n\n');
    tooltip.appendText(vscode.l10n.t('Click to switch profiles.'));
    this.item.tooltip = tooltip;
    this.item.backgroundColor = isRemote(profile) ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    this.listener.dispose();
    this.item.dispose();
  }
}
