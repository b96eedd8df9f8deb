// Reading a log line (and nearby text) for hints about which family a code belongs to. Everything here
// is plain string scanning with module-level regular expressions: explain() runs per hover.

/** A hint found in the context, with how much it favours (or disfavours) each family. */
export interface Signal {
  readonly reason: string;
  readonly weights: Readonly<Record<string, number>>;
}

export interface Evidence {
  /** Family-level hints: JSON key around the code, endpoint paths, product words. */
  readonly signals: readonly Signal[];
  /** Lower-cased context, for entry-level text matching. */
  readonly lower: string;
  /** HTTP statuses found on the line (not counting the code itself). */
  readonly httpStatuses: readonly number[];
  /** The code appears with a minus sign in the context. */
  readonly minusSeen: boolean;
  /** The code appears without a sign in the context. */
  readonly plainSeen: boolean;
  /** The context reads like a delivery callback rather than an API response. */
  readonly callback: boolean;
}

interface Marker {
  readonly needles: readonly string[];
  readonly signal: Signal;
}

// The JSON key a code sits under, nearest first. Needles are matched on whitespace-free lower case.
const KEY_MARKERS: readonly Marker[] = [
  {
    // JSON, then the dumps languages print: escaped JSON in a string, Ruby hashes, util.inspect/Go/Ruby 3.4,
    // PHP print_r and var_dump.
    needles: ['"errors":[', "'errors':[", 'errors[', 'errors.', 'errors=[', 'errors\\":[', '"errors"=>[', ':errors=>[', 'errors:[', '[errors]=>array(', '["errors"]=>array('],
    signal: { reason: 'under errors[].code', weights: { 'verify-error': 35, 'messaging-get-status': -10, 'sms-api-error': -10 } },
  },
  {
    needles: ['channel_status', '"whatsapp":{', '"viber":{', '"rcs":{', '"sms":{', '"mms":{', '"email":{', 'whatsapp.', 'viber.', 'rcs.', "'whatsapp':{", "'sms':{"],
    signal: { reason: 'under channel_status (a per-channel result)', weights: { messaging: 40, 'messaging-get-status': -15 } },
  },
  {
    // A Verify API callback's per-method result: the same numbers mean other things elsewhere (3209).
    needles: ['inner_methods', '"err_code":', "'err_code':", 'err_code=', 'err_code:'],
    signal: { reason: 'under inner_methods[].err_code (a Verify API per-method result)', weights: { 'verify-api-inner': 45, messaging: -10, 'verify-api': -5 } },
  },
  {
    needles: ['"status":{', "'status':{", 'status.code', 'status={', 'status\\":{', '"status"=>{', ':status=>{', 'status:{', '[status]=>array(', '["status"]=>array(', 'status=status('],
    signal: {
      reason: 'under status.code',
      weights: {
        'messaging-get-status': 20, messaging: 10, 'sms-api-error': 5, 'sms-delivery-status': 10, 'voice-verify-status': 10,
        'transaction-status-generic': 10, 'verify-api': 10, 'messaging-templates': 10, 'phone-id': 5,
        'silent-verify': 5, 'accounts-api': 5, 'verify-error': -15,
      },
    },
  },
];

interface PathRule {
  readonly group: string;
  readonly needle: string;
  readonly signal: Signal;
}

// Endpoint paths. Within a group only the first (most specific) hit counts.
const PATHS: readonly PathRule[] = [
  { group: 'omni', needle: '/v1/omnichannel/templates', signal: { reason: 'line mentions /v1/omnichannel/templates', weights: { 'messaging-templates': 40, messaging: 5 } } },
  { group: 'omni', needle: '/v1/omnichannel/', signal: { reason: 'line mentions /v1/omnichannel/{reference_id} (status lookup)', weights: { 'messaging-get-status': 40, messaging: 8 } } },
  { group: 'omni', needle: '/v1/omnichannel', signal: { reason: 'line mentions /v1/omnichannel (send)', weights: { messaging: 40, 'messaging-get-status': -10 } } },
  { group: 'cap', needle: '/capability/', signal: { reason: 'line mentions /capability', weights: { 'messaging-capability': 40 } } },
  { group: 'verify', needle: '/v1/verify/completion', signal: { reason: 'line mentions /v1/verify/completion', weights: { completion: 40, 'verify-error': 15 } } },
  { group: 'verify', needle: '/v1/verify/bulk_sms', signal: { reason: 'line mentions /v1/verify/bulk_sms', weights: { 'bulk-sms': 40, 'verify-error': 15 } } },
  { group: 'verify', needle: '/v1/verify/auto/voice', signal: { reason: 'line mentions /v1/verify/auto/voice (App Verify)', weights: { 'app-verify': 40, 'verify-error': 15 } } },
  { group: 'verify', needle: '/v1/verify', signal: { reason: 'line mentions /v1/verify', weights: { 'verify-error': 40, 'sms-delivery-status': 15, 'voice-verify-status': 15, 'transaction-status-generic': 15 } } },
  { group: 'verification', needle: '/v1/mobile/verification', signal: { reason: 'line mentions /v1/mobile/verification', weights: { 'verify-error': 20 } } },
  { group: 'verification', needle: 'verify.telesign.com', signal: { reason: 'line mentions verify.telesign.com', weights: { 'verify-api': 40, 'verify-api-inner': 20 } } },
  { group: 'verification', needle: '/verification', signal: { reason: 'line mentions /verification (Verify API)', weights: { 'verify-api': 40, 'verify-api-inner': 20 } } },
  { group: 'sms', needle: '/v1/messaging', signal: { reason: 'line mentions /v1/messaging', weights: { 'sms-api-error': 40, 'sms-delivery-status': 15 } } },
  { group: 'phoneid', needle: '/v1/phoneid', signal: { reason: 'line mentions /v1/phoneid', weights: { 'phone-id': 40, 'phoneid-intelligence-error': 40 } } },
  { group: 'score', needle: '/v1/score', signal: { reason: 'line mentions /v1/score', weights: { 'phoneid-intelligence-error': 40, 'phone-id': 15 } } },
  { group: 'voice', needle: '/v1/voice', signal: { reason: 'line mentions /v1/voice', weights: { 'voice-verify-status': 15 } } },
];

interface ProductRule {
  readonly words: readonly string[];
  readonly signal: Signal;
  /** Skip when this path group already matched (the word is then just part of the path). */
  readonly unlessPath?: string;
}

// Product words, matched as whole words (case-insensitive).
const PRODUCTS: readonly ProductRule[] = [
  { words: ['omnichannel'], unlessPath: 'omni', signal: { reason: 'mentions omnichannel', weights: { messaging: 12, 'messaging-get-status': 12 } } },
  { words: ['whatsapp', 'viber', 'rcs', 'rbm'], signal: { reason: 'mentions a messaging channel (WhatsApp/Viber/RCS)', weights: { messaging: 15 } } },
  { words: ['sms verify', 'smsverify', 'sms_verify', 'sms-verify'], signal: { reason: 'mentions SMS Verify', weights: { 'verify-error': 12, 'sms-delivery-status': 12 } } },
  { words: ['voice verify', 'voiceverify', 'voice_verify', 'voice-verify', 'voice'], signal: { reason: 'mentions voice', weights: { 'voice-verify-status': 12, 'verify-error': 4 } } },
  { words: ['phone id', 'phoneid', 'phone_id', 'phone-id'], signal: { reason: 'mentions Phone ID', weights: { 'phone-id': 12, 'phoneid-intelligence-error': 12 } } },
  { words: ['intelligence'], signal: { reason: 'mentions Intelligence', weights: { 'phoneid-intelligence-error': 12, 'phone-id': 8 } } },
  { words: ['silent verify', 'silentverify', 'silent_verify', 'silent-verify', 'silent'], signal: { reason: 'mentions Silent Verify', weights: { 'silent-verify': 30 } } },
  { words: ['template', 'templates'], signal: { reason: 'mentions templates', weights: { 'messaging-templates': 15 } } },
  { words: ['capability'], signal: { reason: 'mentions capability check', weights: { 'messaging-capability': 20 } } },
  { words: ['app verify', 'appverify', 'app_verify', 'app-verify'], signal: { reason: 'mentions App Verify', weights: { 'app-verify': 20 } } },
  { words: ['smart verify', 'smartverify', 'smart_verify', 'smart-verify'], signal: { reason: 'mentions Smart Verify', weights: { 'smart-verify': 25 } } },
  { words: ['number masking', 'masking'], signal: { reason: 'mentions Number Masking', weights: { 'number-masking-error': 25 } } },
  { words: ['completion'], signal: { reason: 'mentions completion', weights: { completion: 15 } } },
  { words: ['bulk', 'bulk_sms'], signal: { reason: 'mentions bulk SMS', weights: { 'bulk-sms': 15 } } },
  { words: ['sim_swap', 'sim swap'], signal: { reason: 'mentions SIM swap', weights: { 'sms-delivery-status': 10 } } },
  { words: ['accounts api', 'accounts_api'], signal: { reason: 'mentions the Accounts API', weights: { 'accounts-api': 25 } } },
  { words: ['mo_sms', 'mo_rcs', 'mo_whatsapp', 'mo_viber', 'mo_mms', 'mo_email', 'user_response', 'inbound'], signal: { reason: 'an inbound (MO) message callback', weights: { 'messaging-inbound': 40 } } },
  { words: ['sub_resource'], signal: { reason: 'has sub_resource (SMS/Voice Verify response)', weights: { 'verify-error': 8, 'sms-delivery-status': 8, 'voice-verify-status': 8, 'transaction-status-generic': 8 } } },
];

const CALLBACK_WORDS = ['callback', 'dlr', 'delivery report', 'delivery receipt', 'webhook'];

// HTTP status as written by common loggers: "HTTP/1.1 503", "status=503", "statusCode: 503",
// "GET /v1/x 503", "-> 503", "503 Service Unavailable".
const HTTP_STATUS = new RegExp(
  [
    String.raw`\bhttp\/\d(?:\.\d)?\s+([1-5]\d\d)\b`,
    String.raw`\b(?:http[ _-]?)?status(?:[ _-]?code)?["']?\s*[:=]\s*([1-5]\d\d)\b`,
    String.raw`\b(?:get|post|put|patch|delete)\s+\S+\s+([1-5]\d\d)\b`,
    String.raw`(?:->|=>|\bresponse:?)\s*([1-5]\d\d)\b`,
    String.raw`\b([1-5]\d\d)\s+(?:ok|created|bad request|unauthorized|payment required|not found|method not allowed|payload too large|request entity too large|too many requests|internal server error|service unavailable)\b`,
  ].join('|'),
  'gi',
);
const WHITESPACE = /\s+/g;
const WINDOW = 120;

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** `word` occurs in `lower` with no letter directly before or after it. */
function hasWord(lower: string, word: string): boolean {
  let i = lower.indexOf(word);
  while (i >= 0) {
    const before = i === 0 ? 32 : lower.charCodeAt(i - 1);
    const end = i + word.length;
    const after = end >= lower.length ? 32 : lower.charCodeAt(end);
    if (!isLetter(before) && !isLetter(after)) return true;
    i = lower.indexOf(word, i + 1);
  }
  return false;
}

const MINUS_CHARS = new Set([45, 0x2212, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0xfe63, 0xff0d]);

interface Occurrence {
  readonly index: number;
  readonly minus: boolean;
}

/** Where the code's digits occur as a standalone number (not inside a hex ID or a longer number). */
function occurrences(context: string, digits: string): Occurrence[] {
  const found: Occurrence[] = [];
  let i = context.indexOf(digits);
  while (i >= 0 && found.length < 8) {
    const end = i + digits.length;
    const before = i === 0 ? 32 : context.charCodeAt(i - 1);
    const after = end >= context.length ? 32 : context.charCodeAt(end);
    if (!isAlnum(before) && !isAlnum(after) && before !== 46 && !(after === 46 && isAlnum(context.charCodeAt(end + 1)))) {
      found.push({ index: i, minus: MINUS_CHARS.has(before) });
    }
    i = context.indexOf(digits, end);
  }
  return found;
}

/** The whitespace-free, lower-cased text just before position `at`. */
function windowBefore(lower: string, at: number): string {
  return lower.slice(Math.max(0, at - WINDOW), at).replace(WHITESPACE, '');
}

function looksLikeCodeValue(window: string): boolean {
  const w = window.endsWith('-') || window.endsWith('\u2212') ? window.slice(0, -1) : window;
  return w.endsWith('"code":') || w.endsWith("'code':") || w.endsWith('code=') || w.endsWith('code:') || w.endsWith('code');
}

function nearestKey(window: string): Signal | undefined {
  let best: Signal | undefined;
  let bestAt = -1;
  for (const marker of KEY_MARKERS) {
    for (const needle of marker.needles) {
      const at = window.lastIndexOf(needle);
      if (at > bestAt) {
        bestAt = at;
        best = marker.signal;
      }
    }
  }
  return best;
}

export function gatherEvidence(context: string, digits: string): Evidence {
  const lower = context.toLowerCase();
  const signals: Signal[] = [];

  // Prefer the occurrence written as a code value ("code": 3041) over, say, an HTTP status of the same number.
  const occ = occurrences(context, digits);
  let chosen = occ[0];
  // The JSON key only counts next to the code itself; a code absent from the context gets no key evidence.
  let window = chosen ? windowBefore(lower, chosen.index) : '';
  for (const o of occ) {
    const w = windowBefore(lower, o.index);
    if (looksLikeCodeValue(w)) {
      chosen = o;
      window = w;
      break;
    }
  }
  const key = window ? nearestKey(window) : undefined;
  if (key) signals.push(key);

  const groups = new Set<string>();
  for (const rule of PATHS) {
    if (groups.has(rule.group)) continue;
    if (lower.includes(rule.needle)) {
      groups.add(rule.group);
      signals.push(rule.signal);
    }
  }
  for (const rule of PRODUCTS) {
    if (rule.unlessPath !== undefined && groups.has(rule.unlessPath)) continue;
    if (rule.words.some((w) => hasWord(lower, w))) signals.push(rule.signal);
  }

  const httpStatuses: number[] = [];
  HTTP_STATUS.lastIndex = 0;
  for (let m = HTTP_STATUS.exec(context); m; m = HTTP_STATUS.exec(context)) {
    const value = m.slice(1).find((g) => g !== undefined);
    if (value !== undefined && value !== digits) {
      const n = Number(value);
      if (!httpStatuses.includes(n)) httpStatuses.push(n);
    }
  }

  return {
    signals,
    lower,
    httpStatuses,
    minusSeen: occ.some((o) => o.minus),
    plainSeen: occ.some((o) => !o.minus),
    callback: CALLBACK_WORDS.some((w) => hasWord(lower, w)),
  };
}
