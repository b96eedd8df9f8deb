// Runs one status lookup with no prompts: resolves the profile and its credentials, calls the core client,
// logs what happened (never a secret) and records it in history. Bad input or a missing profile become
// failure outcomes here, so nothing malformed reaches the network and callers never see a throw.
import type * as vscode from 'vscode';
import { getTransactionStatus } from '../../core/telesign/client';
import { renderCurl } from '../../core/telesign/curl';
import { DEMO_CREDENTIALS } from '../../core/telesign/demo';
import { effectiveAuth, ENDPOINTS } from '../../core/telesign/endpoints';
import { configError, invalidInputError } from '../../core/telesign/errors';
import { argumentTypeProblem, noOtpMessage, noProfileError, requestOf, requestProblem } from '../../core/telesign/lookupInput';
import type { RawLookupArgs } from '../../core/telesign/lookupInput';
import { buildRequestUrl } from '../../core/telesign/request';
import type { LookupError, LookupFailure, LookupRequest, Shell, Target } from '../../core/telesign/types';
import * as config from '../settings';
import type { Profile } from '../settings';
import type { LookupArgs, LookupMode, LookupRecorder, LookupRunner, ProfileSummary, ShownLookup } from './contracts';
import type { AttemptLog } from '../../core/telesign/types';
import type { CredentialStore } from '../credentials/store';
import { demoHonoured } from '../../core/telesign/credentials';
import type { History } from '../history/store';
import type { Logger } from '../logger';
import { summaryOf } from '../profiles/selectProfile';
import type { FinalizeOutcome } from '../../core/telesign/finalize';
import { runFinalize } from './finalize';

export interface LookupRunnerDeps {
  readonly credentials: CredentialStore;
  readonly history: History;
  readonly logger: Logger;
  readonly userAgent: string;
  /** Told once per profile that its demo flag is ignored (non-loopback URL). */
  readonly warnDemoIgnored?: (profile: Profile) => void;
  /** Stores each sent lookup and shows it in flight (features/transactions/). */
  readonly recorder?: LookupRecorder;
}

/** What `run` accepts from untyped callers (commands, the public API). */
export type RunArgs = LookupArgs & { readonly referenceId: string };

/** How a caller that runs many lookups (the batch) wants each run. */
export interface RunOptions {
  /** Retries after the first attempt; the batch passes 0 and paces rate-limited retries itself. */
  readonly maxRetries?: number;
  /** Record in history (default true); a batch of hundreds would push everything else out. */
  readonly record?: boolean;
}

export class LookupService implements LookupRunner {
  constructor(private readonly deps: LookupRunnerDeps) {}

  /** `mode` 'verify' is Verify OTP Code's run: an endpoint that takes no code is refused with that reason. */
  async run(args: RunArgs, token?: vscode.CancellationToken, mode: LookupMode = 'status', options: RunOptions = {}): Promise<ShownLookup> {
    const checked = checkArgs(args, mode);
    if ('error' in checked) return this.refused(checked.request, checked.profile, checked.error);
    const { request, profile } = checked;

    if (profile.demo && !demoHonoured(profile)) {
      this.deps.logger.warn(
        `Profile "${profile.name}" has demo: true but a non-loopback base URL (${profile.baseUrl}); the demo flag is ignored.`,
      );
      this.deps.warnDemoIgnored?.(profile);
    }
    const resolved = await this.deps.credentials.resolve(profile);
    if (!resolved) {
      return this.refused(request, summaryOf(profile), {
        ...configError(`No credentials are set for profile "${profile.name}"; run “Telesign: Set Credentials…”.`),
        actions: ['set-credentials', 'select-profile'],
      });
    }
    this.deps.logger.addSecret(resolved.credentials.apiKey, resolved.credentials.customerId);

    const controller = new AbortController();
    const subscription = token?.onCancellationRequested(() => controller.abort());
    if (token?.isCancellationRequested) controller.abort();
    const { logger } = this.deps;
    const attempts: AttemptLog[] = [];
    const ended = this.deps.recorder?.started({ referenceId: request.referenceId, endpoint: request.endpoint, profile: profile.name });
    let outcome;
    try {
      outcome = await getTransactionStatus(
        config.targetOf(profile),
        resolved.credentials,
        request,
        {
          userAgent: this.deps.userAgent,
          timeoutMs: config.requestTimeoutMs(),
          maxRetries: options.maxRetries ?? config.maxRetries(),
          onAttempt: (a) => {
            attempts.push(a);
            const result = a.status !== undefined ? `HTTP ${a.status}` : (a.error ?? 'no answer');
            const retry = a.retryInMs !== undefined ? `, retrying in ${a.retryInMs} ms` : '';
            logger.debug(`attempt ${a.attempt}: ${a.method} ${maskCode(a.url)} → ${result} in ${a.durationMs} ms${retry}`);
          },
        },
        controller.signal,
      );
    } finally {
      subscription?.dispose();
      ended?.();
    }

    const result = outcome.ok
      ? `HTTP ${outcome.httpStatus}, status ${outcome.status.code ?? '-'} ${outcome.status.description}${outcome.verify ? `, verify ${outcome.verify.state}` : ''}`
      : `${outcome.error.kind}${outcome.error.httpStatus !== undefined ? ` (HTTP ${outcome.error.httpStatus}` + (outcome.error.code !== undefined ? `, code ${outcome.error.code})` : ')') : ''}: ${outcome.error.message}`;
    const line = `${outcome.request.method} ${maskCode(outcome.request.url)} [${profile.name}, ${outcome.request.auth}${resolved.source === 'demo' ? ', demo' : ''}] → ${result} in ${outcome.timing.durationMs} ms, ${outcome.attempts} attempt(s)`;
    if (outcome.ok) logger.info(line);
    else if (outcome.error.kind === 'cancelled') logger.info(line);
    else logger.warn(line);

    const shown: ShownLookup = { outcome, profile: summaryOf(profile) };
    // Not awaited: globalState updates its in-memory value at once (later reads see it) and persists over
    // IPC, which in a browser-hosted workbench is a round trip the caller should not wait for.
    if (options.record !== false) {
      this.deps.history.record(shown).catch((err: unknown) => logger.error('Could not record the lookup in history', err));
      const { apiKey, customerId } = resolved.credentials;
      this.deps.recorder?.finished(shown, attempts, [apiKey, Buffer.from(`${customerId}:${apiKey}`).toString('base64')]);
    }
    return shown;
  }

  async curl(shown: ShownLookup, shell: Shell): Promise<string> {
    const profile = config.profileByName(shown.profile.name);
    const target: Target = profile ? config.targetOf(profile) : { baseUrl: shown.profile.baseUrl, auth: shown.profile.auth };
    const request: LookupRequest = {
      endpoint: shown.outcome.request.endpoint,
      referenceId: shown.outcome.referenceId,
      ...(shown.outcome.verifyCode !== undefined ? { verifyCode: shown.outcome.verifyCode } : {}),
    };
    let customerId: string | undefined;
    if (profile && demoHonoured(profile)) customerId = DEMO_CREDENTIALS.customerId;
    else customerId = (await this.deps.credentials.get(shown.profile.name))?.credentials.customerId;
    return renderCurl(target, request, customerId ?? 'YOUR_CUSTOMER_ID', shell);
  }

  finalize(shown: ShownLookup, code: string): Promise<FinalizeOutcome> {
    return runFinalize(this.deps, shown, code);
  }

  /** A failure outcome for a lookup that was never sent. */
  private refused(request: LookupRequest, profile: ProfileSummary, error: LookupError): ShownLookup {
    const target: Target = { baseUrl: profile.baseUrl, auth: profile.auth };
    const failure: LookupFailure = {
      ok: false,
      referenceId: request.referenceId,
      ...(request.verifyCode !== undefined ? { verifyCode: request.verifyCode } : {}),
      request: { method: 'GET', url: safeUrl(target, request), endpoint: request.endpoint, auth: effectiveAuth(target, request.endpoint) },
      timing: { startedAt: new Date().toISOString(), durationMs: 0 },
      attempts: 0,
      error,
    };
    this.deps.logger.info(`Lookup not sent (${error.kind}): ${error.message}`);
    return { outcome: failure, profile };
  }
}

/** The OTP an end user typed is not for the log: whether one was sent is enough to debug with. */
export function maskCode(url: string): string {
  return url.replace(/([?&]verify_code=)[^&#]*/g, '$1***');
}

function safeUrl(target: Target, request: LookupRequest): string {
  try {
    return buildRequestUrl(target, request);
  } catch {
    return '';
  }
}

type Checked =
  | { readonly request: LookupRequest; readonly profile: Profile }
  | { readonly request: LookupRequest; readonly profile: ProfileSummary; readonly error: LookupError };

/**
 * Resolves the profile once and asks core for the one check of the input (lookupInput.ts). Untyped
 * arguments are not trusted (they may come from the public API).
 */
function checkArgs(args: unknown, mode: LookupMode): Checked {
  const a: RawLookupArgs = typeof args === 'object' && args !== null ? args : {};
  const request = requestOf(a, config.defaultEndpoint());
  const profile = typeof a.profile === 'string' ? config.profileByName(a.profile) : config.activeProfile();
  const placeholder: ProfileSummary = { name: typeof a.profile === 'string' ? a.profile : '', baseUrl: '', auth: 'basic', demo: false };
  const refuse = (error: LookupError): Checked => ({ request, profile: profile ? summaryOf(profile) : placeholder, error });

  // Verify OTP Code on an endpoint that takes no code says so first, whatever else is wrong with the input.
  const verifyOnNoCodeEndpoint = mode === 'verify' && !ENDPOINTS[request.endpoint].acceptsVerifyCode;
  if (verifyOnNoCodeEndpoint && profile && !argumentTypeProblem({ endpoint: a.endpoint, profile: a.profile })) {
    return refuse(invalidInputError(noOtpMessage(request.endpoint)));
  }
  const typeProblem = argumentTypeProblem(a);
  if (typeProblem) return refuse(typeProblem);
  // A wrong profile name is the clearer message even when the rest is wrong too.
  if (!profile) return refuse(noProfileError(typeof a.profile === 'string' ? a.profile : undefined));
  const problem = requestProblem(request);
  return problem ? refuse(problem) : { request, profile };
}
