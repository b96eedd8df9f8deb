// The one home of secrets: API keys live in VS Code's SecretStorage, one JSON entry per profile. When the
// platform's keyring is unusable (common on Linux without gnome-keyring/KWallet) the user may keep a key in
// memory for this session instead; nothing ever falls back to settings or globalState.
import * as vscode from 'vscode';
import { DEMO_CREDENTIALS } from '../../core/telesign/demo';
import type { Credentials } from '../../core/telesign/types';
import { demoHonoured } from '../../core/telesign/credentials';
import type { Profile } from '../settings';
import type { Logger } from '../logger';

const SECRET_PREFIX = 'telesign.credentials/';

/** SecretStorage entry holding a profile's credentials as JSON `{ customerId, apiKey }`. */
export function secretKey(profileName: string): string {
  return SECRET_PREFIX + profileName;
}

/** The part of vscode.SecretStorage used here (so a failing keyring can be reproduced in tests). */
export interface SecretStore {
  get(key: string): Thenable<string | undefined>;
  store(key: string, value: string): Thenable<void>;
  delete(key: string): Thenable<void>;
}

export type CredentialSource = 'stored' | 'session' | 'demo';

export interface ResolvedCredentials {
  readonly credentials: Credentials;
  readonly source: CredentialSource;
}

export type SaveResult = 'stored' | 'session' | 'not-saved';

/** The part of the Logger the store uses: it registers every key it reads so no log line can show it. */
export type SecretLogger = Pick<Logger, 'addSecret' | 'redact' | 'error'>;

function parse(json: string | undefined): Credentials | undefined {
  if (!json) return undefined;
  try {
    const v = JSON.parse(json) as Record<string, unknown>;
    if (typeof v.customerId === 'string' && typeof v.apiKey === 'string' && v.customerId && v.apiKey) {
      return { customerId: v.customerId, apiKey: v.apiKey };
    }
  } catch {
    // A corrupt entry reads as "not set"; Set Credentials overwrites it.
  }
  return undefined;
}

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class CredentialStore implements vscode.Disposable {
  /** Keys the user chose to keep for this session only, after SecretStorage failed. */
  private readonly session = new Map<string, Credentials>();
  private readonly changed = new vscode.EventEmitter<string>();
  private readFailureShown = false;
  /** Fires with the profile name whose credentials were set or cleared. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly secrets: SecretStore,
    private readonly logger: SecretLogger,
  ) {}

  dispose(): void {
    this.changed.dispose();
  }

  /** The stored (or session) credentials of a profile; undefined when none. Never throws. */
  async get(profileName: string): Promise<{ credentials: Credentials; source: 'stored' | 'session' } | undefined> {
    const inMemory = this.session.get(profileName);
    if (inMemory) {
      this.logger.addSecret(inMemory.apiKey, inMemory.customerId);
      return { credentials: inMemory, source: 'session' };
    }
    let json: string | undefined;
    try {
      json = await this.secrets.get(secretKey(profileName));
    } catch (err) {
      this.reportReadFailure(err);
      return undefined;
    }
    const credentials = parse(json);
    if (!credentials) return undefined;
    this.logger.addSecret(credentials.apiKey, credentials.customerId);
    return { credentials, source: 'stored' };
  }

  /** What a lookup with `profile` authenticates with: demo, session or stored credentials. */
  async resolve(profile: Profile): Promise<ResolvedCredentials | undefined> {
    if (demoHonoured(profile)) return { credentials: DEMO_CREDENTIALS, source: 'demo' };
    return this.get(profile.name);
  }

  /**
   * Saves credentials for a profile. If SecretStorage refuses, says why and how to fix it, and offers to keep
   * them in memory for this session only.
   */
  async save(profileName: string, credentials: Credentials): Promise<SaveResult> {
    this.logger.addSecret(credentials.apiKey, credentials.customerId);
    const value = JSON.stringify({ customerId: credentials.customerId, apiKey: credentials.apiKey });
    try {
      await this.secrets.store(secretKey(profileName), value);
    } catch (err) {
      this.logger.error(`Secret storage refused the credentials of profile "${profileName}"`, err);
      const keep = vscode.l10n.t('Keep for This Session');
      const choice = await vscode.window.showErrorMessage(
        vscode.l10n.t('VS Code could not save the API key in its secret storage ({0}).', this.logger.redact(reason(err))),
        {
          modal: true,
          detail:
            keyringHelp() +
            '\n\n' +
            vscode.l10n.t('You can keep the key in memory until VS Code closes instead; it is never written to settings or disk.'),
        },
        keep,
      );
      if (choice !== keep) return 'not-saved';
      this.session.set(profileName, credentials);
      this.changed.fire(profileName);
      return 'session';
    }
    // A stored key replaces any session copy, so the next read sees the new one.
    this.session.delete(profileName);
    this.changed.fire(profileName);
    return 'stored';
  }

  /** Forgets a profile's credentials, stored and in memory. Never throws; false when storage failed. */
  async clear(profileName: string): Promise<boolean> {
    const hadSession = this.session.delete(profileName);
    try {
      await this.secrets.delete(secretKey(profileName));
    } catch (err) {
      this.logger.error(`Secret storage could not delete the credentials of profile "${profileName}"`, err);
      if (hadSession) this.changed.fire(profileName);
      return false;
    }
    this.changed.fire(profileName);
    return true;
  }

  private reportReadFailure(err: unknown): void {
    this.logger.error('Secret storage could not be read', err);
    if (this.readFailureShown) return;
    this.readFailureShown = true;
    void vscode.window.showErrorMessage(
      vscode.l10n.t('VS Code could not read its secret storage ({0}). {1}', this.logger.redact(reason(err)), keyringHelp()),
    );
  }
}

function keyringHelp(): string {
  return vscode.l10n.t(
    'VS Code keeps secrets in your operating system’s keyring. On Linux, install and unlock one (GNOME Keyring or KWallet), or start VS Code with --password-store="basic"; then run “Telesign: Set Credentials…” again.',
  );
}
