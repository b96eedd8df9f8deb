// The callback model: what Telesign POSTs to a customer's callback URL, read tolerantly (API reference §2.7).

/** Which kind of notification a callback body is. */
export type CallbackFamily =
  | 'messaging-delivery'
  | 'messaging-read'
  | 'sms-delivery'
  | 'sms-verify-delivery'
  | 'voice-verify-delivery'
  | 'bulk-sms'
  | 'verify-api'
  | 'inbound'
  | 'template-review'
  | 'unknown';

/** A timestamp as sent, and as ISO 8601 UTC when it could be read without guessing. */
export interface CallbackTime {
  readonly raw: string;
  readonly iso?: string;
}

export interface CallbackStatus {
  readonly code: number | null;
  readonly description?: string;
  readonly updatedOn?: CallbackTime;
}

/** One entry of a Messaging report's `channel_status[]`. */
export interface CallbackChannel {
  readonly channel: string;
  readonly code: number | null;
  readonly description?: string;
  readonly referenceId?: string;
  readonly updatedOn?: CallbackTime;
}

/** One entry of a Verify API callback's `inner_methods[]`. */
export interface InnerMethod {
  readonly method: string;
  readonly state?: string;
  readonly errCode: number | null;
  readonly errMsg?: string;
  readonly triedOn?: CallbackTime;
  readonly updatedOn?: CallbackTime;
  readonly expiresOn?: CallbackTime;
}

export interface PolicyStep {
  readonly method: string;
  readonly fallbackTimeS?: number;
}

export interface CallbackError {
  readonly code: number | null;
  readonly description?: string;
}

/** A mobile-originated (inbound) message. Phone, email and text are reachable only through the masking accessors. */
export interface InboundInfo {
  /** sms, rcs, whatsapp, viber, mms, email: from `sub_resource` `mo_*`. */
  readonly channel: string;
  readonly action?: string;
  readonly keyword?: string;
  readonly senderId?: string;
  readonly isoCountryCode?: string;
  readonly originalReferenceId?: string;
  readonly contentType?: string;
}

export interface TemplateInfo {
  readonly name?: string;
  readonly channel?: string;
  readonly languages: readonly string[];
}

/** A status/error code found in the callback, with the context that ranks its meaning in the catalog. */
export interface CallbackCode {
  /** Where it sits, e.g. `status.code`, `channel_status[1].whatsapp.code`, `inner_methods[0].err_code`. */
  readonly path: string;
  readonly code: number;
  readonly description?: string;
  /** A short line shaped like the callback, for `Catalog.explain(code, context)`. */
  readonly context: string;
}

export interface ParsedCallback {
  readonly family: CallbackFamily;
  /** Human label of the family, e.g. "SMS delivery report". */
  readonly label: string;
  readonly referenceId?: string;
  /** Per-channel IDs, message-part IDs and the original message an inbound reply answers, deduplicated. */
  readonly childReferenceIds: readonly string[];
  readonly externalId?: string | null;
  readonly sessionId?: string;
  readonly subResource?: string;
  readonly status: CallbackStatus;
  /** Verify API process state (CREATED, ONGOING, VERIFIED, ...). */
  readonly state?: string;
  readonly lastChannel?: string;
  readonly channels: readonly CallbackChannel[];
  readonly errors: readonly CallbackError[];
  readonly innerMethods: readonly InnerMethod[];
  readonly verificationPolicy: readonly PolicyStep[];
  readonly submittedAt?: CallbackTime;
  readonly createdOn?: CallbackTime;
  /** The newest time the callback carries (status, process or channel), for sorting. */
  readonly latestTime?: CallbackTime;
  readonly verify?: { readonly codeState?: string; readonly codeEnteredPresent: boolean };
  readonly risk?: { readonly recommendation?: string; readonly score?: number; readonly level?: string };
  readonly simSwap?: {
    readonly riskIndicator?: number;
    readonly swapDate?: string;
    readonly swapTime?: string;
    readonly statusCode?: number | null;
  };
  readonly messageParts?: { readonly count?: number; readonly sequence?: number; readonly referenceIds: readonly string[] };
  readonly price?: { readonly amount?: string; readonly currency?: string };
  readonly mcc?: string;
  readonly mnc?: string;
  readonly inbound?: InboundInfo;
  readonly template?: TemplateInfo;
  /** Every code in the body, each with a catalog context. */
  readonly codes: readonly CallbackCode[];
  /** Things read leniently (unreadable dates, numbers sent as strings, unknown shapes). */
  readonly notes: readonly string[];
  /** The recipient's or sender's phone number, masked unless `reveal`. */
  phone(reveal?: boolean): string | undefined;
  /** The end user's email address (inbound email), masked unless `reveal`. */
  email(reveal?: boolean): string | undefined;
  /** Inbound message text, masked unless `reveal`. */
  text(reveal?: boolean): string | undefined;
  /** The parsed body with phone numbers, emails, message text and entered codes masked (pretty-printable). */
  maskedBody(): unknown;
}

export type ParseCallbackResult =
  { readonly ok: true; readonly callback: ParsedCallback; readonly body: unknown } | { readonly ok: false; readonly error: string };
