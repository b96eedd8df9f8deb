// The status endpoints as data. Adding an endpoint is one row in ROWS below, plus its id in the manifest's
// `telesign.defaultEndpoint` enum (and its enumDescription); test/unit/manifest.test.ts ties the two together.
// Everything else (the EndpointId type, pickers, argument checks, messages, the panel) reads this table.

export type AuthMethod = 'basic' | 'digest';

/** `rest`: Target.baseUrl. `verify`: the Verify API host (see verifyBaseUrl below). */
export type HostKind = 'rest' | 'verify';

/**
 * Which code family an endpoint's error bodies use, and where the code sits:
 * - `messaging`: `{"status":{code,description}}`, 3xxx codes (omnichannel; Verify API too);
 * - `verify`: negative codes in `errors[]`, `status.code` only a generic 500/501/599;
 * - `sms`: positive 5-digit codes in `status.code`.
 */
export type ErrorFamily = 'messaging' | 'verify' | 'sms';

export interface EndpointRow {
  /** Short name for pickers and the result panel. */
  readonly label: string;
  /** Which products' transactions it reports on. */
  readonly detail: string;
  /** `{reference_id}` is replaced by the path-encoded reference ID. */
  readonly pathTemplate: string;
  readonly host: HostKind;
  readonly acceptsVerifyCode: boolean;
  /** Auth methods the endpoint takes; the first is used when the profile's method is not listed. */
  readonly auth: readonly AuthMethod[];
  readonly docsUrl: string;
  readonly errorFamily: ErrorFamily;
  /** The body reports a process `state` (CREATED, ONGOING, VERIFIED…) rather than a delivery status code. */
  readonly reportsProcessState: boolean;
}

const ROWS = {
  omnichannel: {
    label: 'Messaging (omnichannel)',
    detail: 'Messaging API transactions, incl. auto-generated OTPs',
    pathTemplate: '/v1/omnichannel/{reference_id}',
    host: 'rest',
    acceptsVerifyCode: true,
    auth: ['basic', 'digest'],
    docsUrl: 'https://developer.telesign.com/enterprise/reference/getmessagingstatus',
    errorFamily: 'messaging',
    reportsProcessState: false,
  },
  verify: {
    label: 'SMS Verify / Voice Verify',
    detail: 'SMS Verify and Voice Verify transactions',
    pathTemplate: '/v1/verify/{reference_id}',
    host: 'rest',
    acceptsVerifyCode: true,
    auth: ['basic', 'digest'],
    docsUrl: 'https://developer.telesign.com/enterprise/reference/getverifystatus',
    errorFamily: 'verify',
    reportsProcessState: false,
  },
  messaging: {
    label: 'SMS',
    detail: 'SMS API transactions',
    pathTemplate: '/v1/messaging/{reference_id}',
    host: 'rest',
    acceptsVerifyCode: false,
    auth: ['basic', 'digest'],
    docsUrl: 'https://developer.telesign.com/enterprise/reference/getsmsstatus',
    errorFamily: 'sms',
    reportsProcessState: false,
  },
  verification: {
    label: 'Verify API (verification process)',
    detail: 'Verify API multi-channel verification processes',
    pathTemplate: '/verification/{reference_id}',
    host: 'verify',
    acceptsVerifyCode: false,
    // Telesign's Verify API reference lists "Basic or Digest" for GET /verification/{ref}. A Digest profile
    // must not fall back to Basic here: Basic puts the raw key on the wire, Digest only an HMAC.
    auth: ['basic', 'digest'],
    docsUrl: 'https://developer.telesign.com/enterprise/reference/getverificationprocess',
    errorFamily: 'messaging',
    reportsProcessState: true,
  },
} as const satisfies Record<string, EndpointRow>;

/** The status endpoints the extension can query. */
export type EndpointId = keyof typeof ROWS;

export interface EndpointSpec extends EndpointRow {
  readonly id: EndpointId;
}

export const ENDPOINT_IDS: readonly EndpointId[] = Object.freeze(Object.keys(ROWS) as EndpointId[]);

export const ENDPOINTS: Readonly<Record<EndpointId, EndpointSpec>> = Object.freeze(
  Object.fromEntries(ENDPOINT_IDS.map((id): [EndpointId, EndpointSpec] => [id, Object.freeze({ id, ...ROWS[id] })])) as Record<
    EndpointId,
    EndpointSpec
  >,
);

/** The endpoint a lookup uses when neither its arguments nor the user's setting name one. */
export const DEFAULT_ENDPOINT: EndpointId = 'omnichannel';
