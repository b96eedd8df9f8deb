// Telesign: Select Profile… and the safe-to-show summary of a profile. Profiles themselves are user
// settings read by features/settings.ts; this file only presents and switches them.
import * as vscode from 'vscode';
import { noProfileMessage } from '../../core/telesign/lookupInput';
import { COMMANDS, VSCODE_COMMANDS } from '../commandIds';
import * as config from '../settings';
import type { Profile } from '../settings';
import type { ProfileSummary } from '../lookup/contracts';
import type { CredentialStore } from '../credentials/store';
import { demoHonoured } from '../../core/telesign/credentials';
import { authLabel } from './labels';

export function summaryOf(profile: Profile): ProfileSummary {
  return { name: profile.name, baseUrl: profile.baseUrl, auth: profile.auth, demo: demoHonoured(profile) };
}

interface ProfileItem extends vscode.QuickPickItem {
  readonly profile?: Profile;
  readonly editSettings?: boolean;
}

async function credentialHint(store: CredentialStore, profile: Profile): Promise<string> {
  if (demoHonoured(profile)) return vscode.l10n.t('$(beaker) demo');
  return (await store.get(profile.name)) ? vscode.l10n.t('$(key) credentials set') : vscode.l10n.t('not set');
}

/** `telesign.selectProfile`: switches the active profile; returns its name, or undefined when none was chosen. */
export async function selectProfileCommand(store: CredentialStore, args: unknown): Promise<string | undefined> {
  const wanted = typeof args === 'object' && args !== null ? (args as Record<string, unknown>).profile : undefined;
  if (typeof wanted === 'string') {
    if (!config.profileByName(wanted)) {
      void vscode.window.showErrorMessage(noProfileMessage(wanted));
      return undefined;
    }
    await config.setActiveProfile(wanted);
    return wanted;
  }
  return (await pickProfile(store))?.profile;
}

/**
 * The profile picker: makes the chosen profile active. `changed` is false when it already was, so a caller
 * knows whether anything is different without reading the setting before and after.
 */
export async function pickProfile(store: CredentialStore): Promise<{ profile: string; changed: boolean } | undefined> {
  const active = config.activeProfile();
  const activeName = config.activeProfileName();
  const items: ProfileItem[] = [];
  for (const profile of config.profiles()) {
    items.push({
      label: profile.name,
      description: profile.baseUrl,
      detail: `${authLabel(profile)} · ${await credentialHint(store, profile)}`,
      picked: profile.name === active?.name,
      ...(profile.name === active?.name ? { iconPath: new vscode.ThemeIcon('check') } : {}),
      profile,
    });
  }
  items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
  items.push({ label: vscode.l10n.t('$(gear) Edit profiles in settings…'), editSettings: true });

  const pick = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Telesign profile'),
    placeHolder: vscode.l10n.t('Where lookups go, and how they sign in'),
    matchOnDescription: true,
  });
  if (!pick) return undefined;
  if (pick.editSettings) {
    await vscode.commands.executeCommand(VSCODE_COMMANDS.openSettings, 'telesign.profiles');
    return undefined;
  }
  if (!pick.profile) return undefined;
  await config.setActiveProfile(pick.profile.name);
  return { profile: pick.profile.name, changed: pick.profile.name !== activeName };
}

/** Telesign: Select Profile… (the status bar item that runs it is the front door's: features/profiles/statusBar.ts). */
export function registerProfiles(context: vscode.ExtensionContext, store: CredentialStore): void {
  context.subscriptions.push(vscode.commands.registerCommand(COMMANDS.selectProfile, (args: unknown) => selectProfileCommand(store, args)));
}
