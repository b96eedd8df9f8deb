// The typed messages between the result panel's host (features/resultPanel/) and its webview
// (src/webview/resultPanel.ts), and the view model the host sends. Plain data, no 'vscode' import: the webview
// bundle compiles this file too. Every user-visible string arrives already localised by the host.

export type Badge = 'delivered' | 'in-progress' | 'failed' | 'error' | 'unknown';

export type VerifyView = 'valid' | 'invalid' | 'expired' | 'max-attempts' | 'unknown' | 'absent';

export type PanelShell = 'bash' | 'powershell' | 'cmd';

export type PanelErrorAction = 'set-credentials' | 'retry' | 'open-docs' | 'select-profile';

/** A time the webview shows as local text plus a live relative phrase. */
export interface TimeView {
  readonly iso: string;
  readonly local: string;
}

export interface DetailRow {
  /** Stable key for tests and CSS, e.g. `price`, `http`. */
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly time?: TimeView;
  readonly mono?: boolean;
}

export interface ExplanationView {
  readonly text: string;
  readonly action?: string;
  /** "Final status" / "Intermediate status" / "Finality not documented". */
  readonly finality: string;
  readonly family?: string;
  /** How many other meanings the catalog knows for the same number. */
  readonly otherMeanings: number;
}

export interface ChannelView {
  readonly channel: string;
  readonly code: string;
  readonly description: string;
  readonly time?: TimeView;
  readonly timeRaw?: string;
  readonly badge: Badge;
}

export interface ErrorView {
  readonly kind: string;
  readonly message: string;
  readonly code?: string;
  readonly description?: string;
  readonly explanation?: ExplanationView;
  readonly actions: readonly { readonly action: PanelErrorAction; readonly label: string }[];
  readonly hint?: string;
  readonly signatureString?: string;
  readonly bodyPreview?: string;
}

/** The keys of the panel's words (features/resultPanel/labels.ts fills them; the webview reads them). */
export type PanelLabelKey =
  | 'verification'
  | 'channels'
  | 'noChannels'
  | 'details'
  | 'error'
  | 'raw'
  | 'actions'
  | 'refresh'
  | 'verify'
  | 'finalize'
  | 'copyCurl'
  | 'copyJson'
  | 'openDocs'
  | 'statusPage'
  | 'stop'
  | 'whatNext'
  | 'codeEntered'
  | 'nextRefresh'
  | 'refreshing'
  | 'refreshStopped'
  | 'signature'
  | 'bodyPreview'
  | 'windowLeft'
  | 'windowClosed'
  | 'channel'
  | 'code'
  | 'description'
  | 'time'
  | 'family'
  | 'otherMeanings'
  | 'bash'
  | 'powershell'
  | 'cmd';

export type PanelLabels = Readonly<Record<PanelLabelKey, string>>;

export interface PanelModel {
  readonly referenceId: string;
  readonly code: string;
  readonly description: string;
  readonly badge: Badge;
  readonly badgeLabel: string;
  readonly explanation?: ExplanationView;
  readonly verify: { readonly view: VerifyView; readonly label: string; readonly reason?: string; readonly codeEntered?: string };
  readonly channels: readonly ChannelView[];
  readonly details: readonly DetailRow[];
  /** End of the 12-hour status window, when the earliest timestamp is known. */
  readonly windowEndsAt?: string;
  readonly error?: ErrorView;
  readonly rawJson: string;
  readonly canVerify: boolean;
  /** A Verify API process still CREATED/ONGOING: the panel offers to finalize it. */
  readonly canFinalize: boolean;
  /** Why Telesign's status page may help (503 / 3041, or in progress long past normal); absent otherwise. */
  readonly statusPage?: string;
  /** BCP 47 tag for relative-time phrases. */
  readonly locale: string;
  readonly labels: PanelLabels;
}

/**
 * What the webview saves with setState, which VS Code writes to workspace storage for revival: only what
 * re-running the lookup needs. Never the result: it holds the OTP (`verifyCode`, `?verify_code=`, `raw`).
 */
export interface PanelState {
  readonly version: 2;
  readonly referenceId: string;
  readonly endpoint: string;
  /** Profile name; resolved against the user's own profiles when the lookup re-runs. */
  readonly profile: string;
}

export type AutoRefreshView =
  | { readonly state: 'off' }
  | { readonly state: 'scheduled'; readonly delayMs: number; readonly attempt: number }
  | { readonly state: 'running' }
  | { readonly state: 'stopped' };

// Host → webview.
export type HostMessage =
  | { readonly type: 'render'; readonly model: PanelModel; readonly state: PanelState }
  | { readonly type: 'auto-refresh'; readonly view: AutoRefreshView }
  | { readonly type: 'busy'; readonly busy: boolean }
  | { readonly type: 'notice'; readonly text: string };

/** What the webview actually painted, reported back so tests read real DOM output. */
export interface RenderReport {
  readonly referenceId: string;
  readonly text: string;
  readonly sections: Readonly<Record<string, string>>;
  readonly imgCount: number;
  /** `<script>` elements inside the painted area (#app); must stay 0. */
  readonly scriptCount: number;
  readonly buttons: readonly string[];
  /** JSON of what the webview's getState() returns: what VS Code persists and hands the serializer. */
  readonly savedState?: string;
}

// Webview → host. The host validates each one against this allow-list (see features/resultPanel/messages.ts).
export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'rendered'; readonly report: RenderReport }
  | { readonly type: 'refresh' }
  | { readonly type: 'stop-auto-refresh' }
  | { readonly type: 'verify' }
  | { readonly type: 'finalize' }
  | { readonly type: 'copy-curl'; readonly shell: PanelShell }
  | { readonly type: 'copy-json' }
  | { readonly type: 'open-docs' }
  | { readonly type: 'open-status-page' }
  | { readonly type: 'error-action'; readonly action: PanelErrorAction };
