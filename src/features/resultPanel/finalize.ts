// The result panel's "Finalize verification…": for a Verify API process still CREATED/ONGOING, asks for the code
// the end user received, confirms in a modal that names the host and the profile (a real call that may be
// billed), sends one PATCH …/state and shows the new state. The code is held only for the call.
import * as vscode from 'vscode';
import { endpointBaseUrl } from '../../core/telesign/endpoints';
import { securityFactorProblem } from '../../core/telesign/finalize';
import * as config from '../settings';
import type { ButtonContext } from './buttons';
import { canFinalize } from './status';

/** `host[:port]` of the Verify API for the panel's profile, or undefined when it has none. */
function verifyHost(c: ButtonContext): string | undefined {
  const profile = config.profileByName(c.shown.profile.name);
  const target = profile ? config.targetOf(profile) : { baseUrl: c.shown.profile.baseUrl, auth: c.shown.profile.auth };
  const base = endpointBaseUrl(target, 'verification');
  try {
    return base === undefined ? undefined : new URL(base).host;
  } catch {
    return undefined;
  }
}

export async function finalize(c: ButtonContext): Promise<void> {
  const runner = c.host.runner;
  if (!canFinalize(c.shown.outcome) || !runner.finalize) {
    c.host.logger.debug('result panel: ignored finalize not offered by the current result');
    return;
  }
  const code = await vscode.window.showInputBox({
    title: vscode.l10n.t('Finalize verification {0}', c.referenceId),
    prompt: vscode.l10n.t('The code the end user received (3 to 10 digits)'),
    placeHolder: '123456',
    ignoreFocusOut: true,
    validateInput: (v) =>
      securityFactorProblem(v.trim()) ? vscode.l10n.t('Enter the code the user received: 3 to 10 digits.') : undefined,
  });
  if (code === undefined) return;
  const host = verifyHost(c) ?? vscode.l10n.t('(no Verify API host)');
  const send = vscode.l10n.t('Finalize');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Finalize verification {0} on {1} with profile "{2}"?', c.referenceId, host, c.shown.profile.name),
    {
      modal: true,
      detail: vscode.l10n.t('This is a real call to the Verify API (PATCH …/state). It changes the process for good and may be billed.'),
    },
    send,
  );
  if (answer !== send) return;
  const outcome = await runner.finalize(c.shown, code.trim());
  if (outcome.ok) {
    c.post({
      type: 'notice',
      text: vscode.l10n.t(
        'Finalize answered {0} {1}: the process is now {2}.',
        String(outcome.code ?? '—'),
        outcome.description,
        outcome.state,
      ),
    });
    await c.refresh();
  } else {
    c.post({ type: 'notice', text: vscode.l10n.t('Finalize failed: {0}', outcome.error.message) });
  }
}
