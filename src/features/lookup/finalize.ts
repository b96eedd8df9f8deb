// Runs a Verify API finalize for a shown lookup: resolves the profile and its credentials, sends the one PATCH
// (core/telesign/finalize.ts) and logs what happened. The code is never logged, recorded or stored.
import { finalizeVerification, type FinalizeOutcome } from '../../core/telesign/finalize';
import { configError } from '../../core/telesign/errors';
import * as config from '../settings';
import type { ShownLookup } from './contracts';
import type { LookupRunnerDeps } from './service';

export async function runFinalize(deps: LookupRunnerDeps, shown: ShownLookup, code: string): Promise<FinalizeOutcome> {
  const profile = config.profileByName(shown.profile.name);
  if (!profile) return { ok: false, host: '', error: configError(`The profile "${shown.profile.name}" no longer exists.`) };
  const resolved = await deps.credentials.resolve(profile);
  if (!resolved) {
    return {
      ok: false,
      host: '',
      error: configError(`No credentials are set for profile "${profile.name}"; run “Telesign: Set Credentials…”.`),
    };
  }
  deps.logger.addSecret(resolved.credentials.apiKey, resolved.credentials.customerId);
  const outcome = await finalizeVerification(
    config.targetOf(profile),
    resolved.credentials,
    { referenceId: shown.outcome.referenceId, securityFactor: code },
    {
      userAgent: deps.userAgent,
      timeoutMs: config.requestTimeoutMs(),
      // A PATCH that changes state is sent once, whatever the retry setting says.
      maxRetries: 0,
      onAttempt: (a) =>
        deps.logger.debug(
          `finalize: ${a.method} ${a.url} → ${a.status !== undefined ? `HTTP ${a.status}` : (a.error ?? 'no answer')} in ${a.durationMs} ms`,
        ),
    },
  );
  const line = `Finalize ${shown.outcome.referenceId} [${profile.name}] on ${outcome.host}: `;
  if (outcome.ok) deps.logger.info(`${line}${outcome.code ?? '-'} ${outcome.description} → ${outcome.state}`);
  else {
    deps.logger.warn(
      `${line}${outcome.error.kind}${outcome.error.code !== undefined ? ` (code ${outcome.error.code})` : ''}: ${outcome.error.message}`,
    );
  }
  return outcome;
}
