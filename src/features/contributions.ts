// The names the manifest contributes besides commands (those are in commandIds.ts): views, the result
// panel's webview type, the document schemes of read-only views. The front door registers each of them
// before the features load, so both halves take the names from here.
export const VIEWS = {
  transactions: 'telesign.transactions',
  profiles: 'telesign.profiles',
  callbacks: 'telesignCallbacks',
} as const;

/** Tree view options that must be fixed when the view is created (by the front door). */
export const VIEW_OPTIONS: Readonly<Record<string, { readonly showCollapseAll?: boolean }>> = {
  [VIEWS.transactions]: { showCollapseAll: true },
};

export const RESULT_VIEW_TYPE = 'telesignInspector.result';

export const SCHEMES = {
  /** Stored lookups (Transactions view): response and request documents. */
  stored: 'telesign-stored',
  /** Received callbacks (Callbacks view). */
  callback: 'telesign-callback',
} as const;
