// How a profile is described to the user (status bar, picker, Profiles view).
import * as vscode from 'vscode';
import { isLoopbackUrl } from '../../core/telesign/validate';
import type { Profile } from '../settings';

/** Requests of this profile leave the machine (a real Telesign host, or anything not loopback). */
export function isRemote(profile: Profile): boolean {
  return !isLoopbackUrl(profile.baseUrl);
}

export function authLabel(profile: Profile): string {
  return profile.auth === 'digest' ? vscode.l10n.t('Digest (HMAC-SHA256)') : vscode.l10n.t('Basic');
}
