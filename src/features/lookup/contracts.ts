// The seams between shell features that are built separately: the lookup runner (features/lookup/)
// and the result view (features/resultPanel/). Plain interfaces, so each side is testable alone.
import type * as vscode from 'vscode';
import type { AuthMethod, EndpointId, LookupOutcome, Shell } from '../../core/telesign/types';

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
}

/** Implemented by features/resultPanel/panels.ts. */
export interface ResultView {
  /** Shows `shown` in the panel for its reference ID (creates or reveals it). */
  show(shown: ShownLookup): void;
}
