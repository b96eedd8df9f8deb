// The hints a log line can hold about a code's family, as data: the JSON key it sits under, the endpoint
// path the line names, product words, callback words. evidence.ts matches them; a new hint is a row here.
/** A hint found in the context, with how much it favours (or disfavours) each family. */
export interface Signal {
  readonly reason: string;
  readonly weights: Readonly<Record<string, number>>;
}

export interface Marker {
  readonly needles: readonly string[];
  readonly signal: Signal;
}

// The JSON key a code sits under, nearest first. Needles are matched on whitespace-free lower case.
export const KEY_MARKERS: readonly Marker[] = [
  {
    // JSON, then the dumps languages print: escaped JSON in a string, Ruby hashes, util.inspect/Go/Ruby 3.4,
    // PHP print_r and var_dump.
    needles: [
      '"errors":[',
      "'errors':[",
      'errors[',
      'errors.',
      'errors=[',
      'errors\\":[',
      '"errors"=>[',
      ':errors=>[',
      'errors:[',
      '[errors]=>array(',
      '["errors"]=>array(',
    ],
    signal: { reason: 'under errors[].code', weights: { 'verify-error': 35, 'messaging-get-status': -10, 'sms-api-error': -10 } },
  },
  {
    needles: [
      'channel_status',
      '"whatsapp":{',
      '"viber":{',
      '"rcs":{',
      '"sms":{',
      '"mms":{',
      '"email":{',
      'whatsapp.',
      'viber.',
      'rcs.',
      "'whatsapp':{",
      "'sms':{",
    ],
    signal: { reason: 'under channel_status (a per-channel result)', weights: { messaging: 40, 'messaging-get-status': -15 } },
  },
  {
    // A Verify API callback's per-method result: the same numbers mean other things elsewhere (3209).
    needles: ['inner_methods', '"err_code":', "'err_code':", 'err_code=', 'err_code:'],
    signal: {
      reason: 'under inner_methods[].err_code (a Verify API per-method result)',
      weights: { 'verify-api-inner': 45, messaging: -10, 'verify-api': -5 },
    },
  },
  {
    needles: [
      '"status":{',
      "'status':{",
      'status.code',
      'status={',
      'status\\":{',
      '"status"=>{',
      ':status=>{',
      'status:{',
      '[status]=>array(',
      '["status"]=>array(',
      'status=status(',
    ],
    signal: {
      reason: 'under status.code',
      weights: {
        'messaging-get-status': 20,
        messaging: 10,
        'sms-api-error': 5,
        'sms-delivery-status': 10,
        'voice-verify-status': 10,
        'transaction-status-generic': 10,
        'verify-api': 10,
        'messaging-templates': 10,
        'phone-id': 5,
        'silent-verify': 5,
        'accounts-api': 5,
        'verify-error': -15,
      },
    },
  },
];

export interface PathRule {
  readonly group: string;
  readonly needle: string;
  readonly signal: Signal;
}

// Endpoint paths. Within a group only the first (most specific) hit counts.
export const PATHS: readonly PathRule[] = [
  {
    group: 'omni',
    needle: '/v1/omnichannel/templates',
    signal: { reason: 'line mentions /v1/omnichannel/templates', weights: { 'messaging-templates': 40, messaging: 5 } },
  },
  {
    group: 'omni',
    needle: '/v1/omnichannel/',
    signal: {
      reason: 'line mentions /v1/omnichannel/{reference_id} (status lookup)',
      weights: { 'messaging-get-status': 40, messaging: 8 },
    },
  },
  {
    group: 'omni',
    needle: '/v1/omnichannel',
    signal: { reason: 'line mentions /v1/omnichannel (send)', weights: { messaging: 40, 'messaging-get-status': -10 } },
  },
  { group: 'cap', needle: '/capability/', signal: { reason: 'line mentions /capability', weights: { 'messaging-capability': 40 } } },
  {
    group: 'verify',
    needle: '/v1/verify/completion',
    signal: { reason: 'line mentions /v1/verify/completion', weights: { completion: 40, 'verify-error': 15 } },
  },
  {
    group: 'verify',
    needle: '/v1/verify/bulk_sms',
    signal: { reason: 'line mentions /v1/verify/bulk_sms', weights: { 'bulk-sms': 40, 'verify-error': 15 } },
  },
  {
    group: 'verify',
    needle: '/v1/verify/auto/voice',
    signal: { reason: 'line mentions /v1/verify/auto/voice (App Verify)', weights: { 'app-verify': 40, 'verify-error': 15 } },
  },
  {
    group: 'verify',
    needle: '/v1/verify',
    signal: {
      reason: 'line mentions /v1/verify',
      weights: { 'verify-error': 40, 'sms-delivery-status': 15, 'voice-verify-status': 15, 'transaction-status-generic': 15 },
    },
  },
  {
    group: 'verification',
    needle: '/v1/mobile/verification',
    signal: { reason: 'line mentions /v1/mobile/verification', weights: { 'verify-error': 20 } },
  },
  {
    group: 'verification',
    needle: 'verify.telesign.com',
    signal: { reason: 'line mentions verify.telesign.com', weights: { 'verify-api': 40, 'verify-api-inner': 20 } },
  },
  {
    group: 'verification',
    needle: '/verification',
    signal: { reason: 'line mentions /verification (Verify API)', weights: { 'verify-api': 40, 'verify-api-inner': 20 } },
  },
  {
    group: 'sms',
    needle: '/v1/messaging',
    signal: { reason: 'line mentions /v1/messaging', weights: { 'sms-api-error': 40, 'sms-delivery-status': 15 } },
  },
  {
    group: 'phoneid',
    needle: '/v1/phoneid',
    signal: { reason: 'line mentions /v1/phoneid', weights: { 'phone-id': 40, 'phoneid-intelligence-error': 40 } },
  },
  {
    group: 'score',
    needle: '/v1/score',
    signal: { reason: 'line mentions /v1/score', weights: { 'phoneid-intelligence-error': 40, 'phone-id': 15 } },
  },
  { group: 'voice', needle: '/v1/voice', signal: { reason: 'line mentions /v1/voice', weights: { 'voice-verify-status': 15 } } },
];

export interface ProductRule {
  readonly words: readonly string[];
  readonly signal: Signal;
  /** Skip when this path group already matched (the word is then just part of the path). */
  readonly unlessPath?: string;
}

// Product words, matched as whole words (case-insensitive).
export const PRODUCTS: readonly ProductRule[] = [
  {
    words: ['omnichannel'],
    unlessPath: 'omni',
    signal: { reason: 'mentions omnichannel', weights: { messaging: 12, 'messaging-get-status': 12 } },
  },
  {
    words: ['whatsapp', 'viber', 'rcs', 'rbm'],
    signal: { reason: 'mentions a messaging channel (WhatsApp/Viber/RCS)', weights: { messaging: 15 } },
  },
  {
    words: ['sms verify', 'smsverify', 'sms_verify', 'sms-verify'],
    signal: { reason: 'mentions SMS Verify', weights: { 'verify-error': 12, 'sms-delivery-status': 12 } },
  },
  {
    words: ['voice verify', 'voiceverify', 'voice_verify', 'voice-verify', 'voice'],
    signal: { reason: 'mentions voice', weights: { 'voice-verify-status': 12, 'verify-error': 4 } },
  },
  {
    words: ['phone id', 'phoneid', 'phone_id', 'phone-id'],
    signal: { reason: 'mentions Phone ID', weights: { 'phone-id': 12, 'phoneid-intelligence-error': 12 } },
  },
  { words: ['intelligence'], signal: { reason: 'mentions Intelligence', weights: { 'phoneid-intelligence-error': 12, 'phone-id': 8 } } },
  {
    words: ['silent verify', 'silentverify', 'silent_verify', 'silent-verify', 'silent'],
    signal: { reason: 'mentions Silent Verify', weights: { 'silent-verify': 30 } },
  },
  { words: ['template', 'templates'], signal: { reason: 'mentions templates', weights: { 'messaging-templates': 15 } } },
  { words: ['capability'], signal: { reason: 'mentions capability check', weights: { 'messaging-capability': 20 } } },
  {
    words: ['app verify', 'appverify', 'app_verify', 'app-verify'],
    signal: { reason: 'mentions App Verify', weights: { 'app-verify': 20 } },
  },
  {
    words: ['smart verify', 'smartverify', 'smart_verify', 'smart-verify'],
    signal: { reason: 'mentions Smart Verify', weights: { 'smart-verify': 25 } },
  },
  { words: ['number masking', 'masking'], signal: { reason: 'mentions Number Masking', weights: { 'number-masking-error': 25 } } },
  { words: ['completion'], signal: { reason: 'mentions completion', weights: { completion: 15 } } },
  { words: ['bulk', 'bulk_sms'], signal: { reason: 'mentions bulk SMS', weights: { 'bulk-sms': 15 } } },
  { words: ['sim_swap', 'sim swap'], signal: { reason: 'mentions SIM swap', weights: { 'sms-delivery-status': 10 } } },
  { words: ['accounts api', 'accounts_api'], signal: { reason: 'mentions the Accounts API', weights: { 'accounts-api': 25 } } },
  {
    words: ['mo_sms', 'mo_rcs', 'mo_whatsapp', 'mo_viber', 'mo_mms', 'mo_email', 'user_response', 'inbound'],
    signal: { reason: 'an inbound (MO) message callback', weights: { 'messaging-inbound': 40 } },
  },
  {
    words: ['sub_resource'],
    signal: {
      reason: 'has sub_resource (SMS/Voice Verify response)',
      weights: { 'verify-error': 8, 'sms-delivery-status': 8, 'voice-verify-status': 8, 'transaction-status-generic': 8 },
    },
  },
];

export const CALLBACK_WORDS = ['callback', 'dlr', 'delivery report', 'delivery receipt', 'webhook'];
