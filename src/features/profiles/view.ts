// The Profiles view in the Telesign container: each profile, which one is active, whether credentials
// are set for it; switch, set and clear from the context menu. Settings and secrets stay where they live
// (features/settings.ts, features/credentials/); this only shows them.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { CredentialStore } from '../credentials/store';
import { demoHonoured } from '../../core/telesign/credentials';
import * as config from '../settings';
import type { Profile } from '../settings';
import { completeStep } from '../walkthrough/steps';
import { authLabel, isRemote } from './labels';
import { selectProfileCommand } from './selectProfile';
import type { LateBindings } from '../frontDoor/door';
import { VIEWS } from '../contributions';

interface ProfileNode {
  readonly profile: Profile;
  readonly active: boolean;
  readonly credentials: 'demo' | 'set' | 'missing';
}

export class ProfilesTree implements vscode.TreeDataProvider<ProfileNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly store: CredentialStore) {}

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(node?: ProfileNode): Promise<ProfileNode[]> {
    if (node) return [];
    const active = config.activeProfile()?.name;
    const out: ProfileNode[] = [];
    for (const profile of config.profiles()) {
      const credentials = demoHonoured(profile) ? 'demo' : (await this.store.get(profile.name)) ? 'set' : 'missing';
      out.push({ profile, active: profile.name === active, credentials });
    }
    return out;
  }

  getTreeItem(n: ProfileNode): vscode.TreeItem {
    const item = new vscode.TreeItem(n.profile.name, vscode.TreeItemCollapsibleState.None);
    item.id = `profile:${n.profile.name}`;
    const creds = {
      demo: vscode.l10n.t('demo credentials'),
      set: vscode.l10n.t('credentials set'),
      missing: vscode.l10n.t('no credentials'),
    }[n.credentials];
    item.description = n.active ? `${vscode.l10n.t('active')} · ${creds}` : creds;
    item.iconPath = new vscode.ThemeIcon(n.active ? 'pass-filled' : n.credentials === 'missing' ? 'circle-slash' : 'circle-large-outline');
    item.tooltip = `${n.profile.baseUrl}\n${authLabel(n.profile)}${isRemote(n.profile) ? '\n' + vscode.l10n.t('Lookups go to a real Telesign host.') : ''}`;
    item.contextValue = `telesign.profile.${n.active ? 'active' : 'inactive'}.${n.credentials}`;
    if (!n.active) item.command = { command: COMMANDS.useProfile, title: vscode.l10n.t('Use This Profile'), arguments: [n] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function nameOf(arg: unknown): string | undefined {
  const o = typeof arg === 'object' && arg !== null ? (arg as { profile?: unknown }) : {};
  const p = o.profile;
  if (typeof p === 'string') return p;
  return typeof p === 'object' && p !== null && typeof (p as { name?: unknown }).name === 'string'
    ? (p as { name: string }).name
    : undefined;
}

export function registerProfilesView(context: vscode.ExtensionContext, late: LateBindings, store: CredentialStore): ProfilesTree {
  const tree = new ProfilesTree(store);
  const markCredentials = async (): Promise<void> => {
    const active = config.activeProfile();
    if (active && !demoHonoured(active) && (await store.get(active.name))) completeStep('credentials');
  };
  context.subscriptions.push(
    tree,
    late.treeView(VIEWS.profiles, tree),
    config.onDidChange(() => tree.refresh()),
    store.onDidChange(() => {
      tree.refresh();
      void markCredentials();
    }),
    vscode.commands.registerCommand(COMMANDS.useProfile, (a: unknown) => selectProfileCommand(store, { profile: nameOf(a) })),
    vscode.commands.registerCommand(COMMANDS.setProfileCredentials, (a: unknown) =>
      vscode.commands.executeCommand(COMMANDS.setCredentials, { profile: nameOf(a) }),
    ),
    vscode.commands.registerCommand(COMMANDS.clearProfileCredentials, (a: unknown) =>
      vscode.commands.executeCommand(COMMANDS.clearCredentials, { profile: nameOf(a) }),
    ),
  );
  void markCredentials();
  return tree;
}
