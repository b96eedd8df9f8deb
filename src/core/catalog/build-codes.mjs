// Regenerates src/core/catalog/codes.json from the research file (facts: code, text, final, httpStatus,
// source) and our prose tables in ./prose (explanation, action, retryable). The JSON is what ships and is
// committed; run this only when the reference or the prose changes:
//   node src/core/catalog/build-codes.mjs [path/to/telesign-codes.json]
// It fails loudly when an entry has no prose or a prose key matches no entry, so nothing slips through.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import messaging from './prose/messaging.mjs';
import delivery from './prose/delivery.mjs';
import errors from './prose/errors.mjs';
import callbackProse from './prose/callbacks.mjs';
import callbackFacts from './facts/callbacks.mjs';
import verifyApiProse from './prose/verifyApi.mjs';
import verifyApiFacts from './facts/verifyApi.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..', '..');
const referencePath = process.argv[2] ?? join(repoRoot, 'test', 'fixtures', 'reference', 'telesign-codes.json');
const outPath = join(here, 'codes.json');

// Bumped by hand when the content changes; kept fixed so regeneration is reproducible.
const VERSION = '1.0.0';
const GENERATED_ON = '2026-11-23';
const ALL_CODES = 'https://developer.telesign.com/enterprise/docs/all-status-and-error-codes';

const families = {
  'messaging-get-status': {
    label: 'Messaging (omnichannel): get transaction status',
    docsUrl: 'https://developer.telesign.com/enterprise/reference/getmessagingstatus',
  },
  messaging: { label: 'Messaging (omnichannel): send and channel status', docsUrl: ALL_CODES },
  'messaging-templates': { label: 'Messaging templates', docsUrl: 'https://developer.telesign.com/enterprise/reference/createmsgtemplate' },
  'messaging-capability': {
    label: 'Messaging channel capability check',
    docsUrl: 'https://developer.telesign.com/enterprise/reference/checkphonenumberchannelcapability',
  },
  'verify-api': {
    label: 'Verify API (verify.telesign.com /verification)',
    docsUrl: 'https://developer.telesign.com/enterprise/reference/getverificationprocess',
  },
  'sms-delivery-status': {
    label: 'SMS / SMS Verify delivery status',
    docsUrl: 'https://developer.telesign.com/enterprise/reference/getverifystatus',
  },
  'bulk-sms': { label: 'Bulk SMS', docsUrl: 'https://developer.telesign.com/enterprise/reference/sendbulksms' },
  'transaction-status-generic': { label: 'Transaction status (not attempted / not authorized / unavailable)', docsUrl: ALL_CODES },
  'voice-verify-status': {
    label: 'Voice Verify call status',
    docsUrl: 'https://developer.telesign.com/enterprise/reference/getvoiceverifystatus',
  },
  'phone-id': { label: 'Phone ID / Intelligence status', docsUrl: ALL_CODES },
  'smart-verify': { label: 'Smart Verify', docsUrl: ALL_CODES },
  'app-verify': { label: 'App Verify', docsUrl: 'https://developer.telesign.com/enterprise/reference/getappverifystatus' },
  completion: { label: 'Verify completion', docsUrl: 'https://developer.telesign.com/enterprise/reference/reportsmsverifycompletion' },
  'silent-verify': { label: 'Silent Verify', docsUrl: ALL_CODES },
  'accounts-api': { label: 'Accounts API', docsUrl: ALL_CODES },
  'sms-api-error': { label: 'SMS API errors (/v1/messaging)', docsUrl: 'https://developer.telesign.com/enterprise/reference/getsmsstatus' },
  'phoneid-intelligence-error': { label: 'Phone ID / Intelligence errors', docsUrl: ALL_CODES },
  'number-masking-error': { label: 'Number Masking errors', docsUrl: ALL_CODES },
  'verify-error': {
    label: 'SMS Verify / Voice Verify errors',
    docsUrl: 'https://developer.telesign.com/enterprise/reference/getverifystatus',
  },
  'messaging-inbound': {
    label: 'Inbound (MO) message callbacks',
    docsUrl: 'https://developer.telesign.com/enterprise/docs/messaging-receive-inbound-messages',
  },
  'verify-api-inner': {
    label: 'Verify API callbacks: per-method result (inner_methods[].err_code)',
    docsUrl: 'https://developer.telesign.com/enterprise/reference/getverificationprocess',
  },
};

// Tables may share a family (callback template codes join messaging-templates): merge per family.
const prose = {};
for (const table of [messaging, delivery, errors, callbackProse, verifyApiProse]) {
  for (const [family, rows] of Object.entries(table)) prose[family] = { ...prose[family], ...rows };
}

/** The first Telesign documentation page named in a source string (not API hosts or repo paths). */
function docsUrlOf(source, family) {
  for (const m of source.matchAll(/https:\/\/[^\s;()]+/g)) {
    const url = m[0];
    if (/telesign\.com\/(enterprise|api-reference|docs)/.test(url)) return url;
  }
  return families[family].docsUrl;
}

// The research file, then the codes it lacks: callback-only (./facts/callbacks.mjs) and the Verify API's
// shared request errors and per-method results (./facts/verifyApi.mjs).
const reference = [...JSON.parse(readFileSync(referencePath, 'utf8')), ...callbackFacts, ...verifyApiFacts];
const used = new Set();
const problems = [];
const codes = reference.map((r) => {
  const table = prose[r.category];
  if (!families[r.category]) problems.push(`family not declared: ${r.category}`);
  const key = table && `${r.code} ${r.text}` in table ? `${r.code} ${r.text}` : r.code;
  const row = table?.[key];
  if (!row) {
    problems.push(`no prose for ${r.category} ${r.code} (${r.text})`);
    return undefined;
  }
  used.add(`${r.category}|${key}`);
  const [explanation, action, retryable] = row;
  return {
    code: r.code,
    text: r.text,
    family: r.category,
    httpStatus: r.httpStatus,
    final: r.final,
    retryable,
    explanation,
    action,
    docsUrl: docsUrlOf(r.source, r.category),
    source: r.source,
  };
});
for (const [family, table] of Object.entries(prose)) {
  for (const key of Object.keys(table)) {
    if (!used.has(`${family}|${key}`)) problems.push(`prose matches no entry: ${family} ${key}`);
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}

const out = {
  version: VERSION,
  source:
    `Generated on ${GENERATED_ON} by src/core/catalog/build-codes.mjs from the team research file shared/reference/telesign-codes.json ` +
    "(codes, texts, final/intermediate, HTTP status and per-code sources, compiled from developer.telesign.com and copies of Telesign's published OpenAPI specs) " +
    "and our own explanations in src/core/catalog/prose/. Code texts are Telesign's; explanations and actions are ours.",
  families,
  codes,
};
writeFileSync(outPath, JSON.stringify(out, null, 1) + '\n');
console.log(`${outPath}: ${codes.length} codes, ${Object.keys(families).length} families`);
