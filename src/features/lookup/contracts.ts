// The seams between shell features that are built separately: the lookup runner (features/lookup/)
// and the result view (features/resultPanel/). Plain interfaces, so each side is testable alone.
import type * as vscode from 'vscode';
import type { FinalizeOutcome } from '../../core/telesign/finalize';
import type { AttemptLog, AuthMethod, EndpointId, LookupOutcome, Shell } from '../../core/telesign/types';

/** Get Transaction Status (a code is optional) or Verify OTP Code (a code is required). */
export type LookupMode = 'status' | 'verify';

/** The argument object of `telesign.getTransactionStatus` / `telesign.verifyCode` (public API; README). */
export interface LookupArgs {
  readonly referenceId?: string;
  readonly verifyCode?: string;
  /** Profile name; defaults to the active profile. */
  readonly profile?: string;
  readonly endpoint?: EndpointId;
  /** Show the result panel (default true). */
  readonly show?: boolean;
}

/** The profile a lookup ran with, as safe to show and store (no secrets). */
export interface ProfileSummary {
  readonly name: string;
  readonly baseUrl: string;
  readonly auth: AuthMethod;
  readonly demo: boolean;
}

/** One finished lookup as the panel, history and API see it. */
export interface ShownLookup {
  readonly outcome: LookupOutcome;
  readonly profile: ProfileSummary;
}

/** Implemented by features/lookup/service.ts. */
export interface LookupRunner {
  /** Runs a lookup with no prompts (credentials must exist or be demo); records history and logs. */
  run(args: LookupArgs & { readonly referenceId: string }, token?: vscode.CancellationToken): Promise<ShownLookup>;
  /** The request of `shown` as a cURL command for `shell`; the API key is an environment-variable placeholder. */
  curl(shown: ShownLookup, shell: Shell): Promise<string>;
  /** Finalizes the Verify API process of `shown` with `code` (one PATCH, never retried); the code is not kept. */
  finalize?(shown: ShownLookup, code: string): Promise<FinalizeOutcome>;
}

/** What the result panel's buttons ask of the lookup feature (implemented in features/lookup/register.ts). */
export interface PanelActions {
  /** Verify a Code for the panel's lookup: asks for the OTP, runs and shows the result. */
  verify(args: { readonly referenceId: string; readonly endpoint: EndpointId; readonly profile: string }): Promise<unknown>;
  /** Asks for the credentials of `profile`; true when they are now set. */
  setCredentials(profile: string): Promise<boolean>;
  /** The profile picker; `changed` is false when the user picked the profile that was already active. */
  selectProfile(): Promise<{ readonly profile: string; readonly changed: boolean } | undefined>;
}

/** Implemented by features/resultPanel/panels.ts. */
export interface ResultView {
  /** Shows `shown` in the panel for its reference ID (creates or reveals it). */
  show(shown: ShownLookup): void;
  /** Shows a stored lookup: no network call, no auto-refresh until the user refreshes. */
  showStored(shown: ShownLookup, storedAt: string): void;
  /** Panels whose auto-refresh is scheduled, and an event when that changes. */
  scheduledRefreshes(): ScheduledRefresh[];
  readonly onDidChangeSchedule: vscode.Event<void>;
}

/** Told about each lookup that goes to the network (features/transactions/ stores them and shows them in flight). */
export interface LookupRecorder {
  /** A lookup is about to be sent; call the returned function when it is over. */
  started(lookup: { readonly referenceId: string; readonly endpoint: EndpointId; readonly profile: string }): () => void;
  /** It finished; `secrets` are the key and its encodings, to scrub from what is kept. */
  finished(shown: ShownLookup, attempts: readonly AttemptLog[], secrets: readonly string[]): void;
}

/** Implemented by features/resultPanel/panels.ts: what the Transactions view shows of open panels. */
export interface ScheduledRefresh {
  readonly referenceId: string;
  readonly endpoint: EndpointId;
  readonly profile: string;
  /** Epoch ms the next auto-refresh runs. */
  readonly dueAt: number;
}
