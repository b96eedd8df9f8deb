// Hostile text through the pure core: fast-check properties over the log scanner, the catalog, the
// response normaliser, the cURL renderer (bash snippets run by a real bash with `curl` replaced by a
// printer) and redaction. numRuns are bounded so this file stays within a few seconds.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { Catalog } from '../../../src/core/catalog';
import { findingAt, scanLine } from '../../../src/core/logs/scanner';
import { API_KEY_ENV, renderCurl } from '../../../src/core/telesign/curl';
import { normalizeResponse } from '../../../src/core/telesign/normalize';
import { REDACTED, redact } from '../../../src/core/telesign/redact';
import { buildRequestUrl } from '../../../src/core/telesign/request';
import type { EndpointId, LookupRequest, Target } from '../../../src/core/telesign/types';
import { repoRoot } from '../../support/paths';
import { logLine } from '../../support/hostileLogText';
import { SENTINEL_KEY } from '../../support/sentinel';

const ENDPOINT_IDS: readonly EndpointId[] = ['omnichannel', 'verify', 'messaging', 'verification'];

describe('reliability: hostile text (property tests)', function () {
  this.timeout(20000);

  describe('log scanner', () => {
    it('scanLine and findingAt never throw; offsets are in range and the spans hold what they claim', () => {
      fc.assert(
        fc.property(logLine, fc.nat(), (line, at) => {
          const found = scanLine(line);
          let last = -1;
          for (const f of found) {
            assert.ok(f.start >= 0 && f.start < f.end && f.end <= line.length, `span ${f.start}-${f.end} in ${line.length}`);
            assert.ok(f.start >= last, 'ordered by start');
            last = f.start;
            assert.strictEqual(line.slice(f.start, f.end), f.kind === 'code' ? f.code : f.value);
          }
          const i = line.length === 0 ? 0 : (at % (line.length + 2)) - 1; // also -1 and length
          const hit = findingAt(line, i);
          if (hit) assert.ok(hit.start <= i && i < hit.end, 'findingAt covers the cursor');
        }),
        { numRuns: 400 },
      );
    });

    it('stays fast on 100 KB adversarial lines (no catastrophic backtracking)', () => {
      const unit = fc.constantFrom(
        'a',
        'a.',
        'code',
        'code:',
        '0',
        '-1',
        'A',
        'F0',
        '"code":"',
        '{"status":{"code":',
        '[0].',
        ' ',
        'code=-',
      );
      fc.assert(
        fc.property(fc.array(unit, { minLength: 1, maxLength: 4 }), fc.nat(100_000), (units, at) => {
          const seed = units.join('');
          const line = seed.repeat(Math.ceil(100_000 / seed.length)).slice(0, 100_000);
          const t0 = Date.now();
          const found = scanLine(line);
          findingAt(line, at);
          const ms = Date.now() - t0;
          // Generous: a linear scan takes milliseconds; backtracking would take minutes.
          assert.ok(ms < 2000, `${ms} ms on ${JSON.stringify(seed)} × ${Math.ceil(100_000 / seed.length)} (${found.length} findings)`);
        }),
        { numRuns: 12 },
      );
    });
  });

  describe('catalog explain', () => {
    const catalog = Catalog.fromJson(readFileSync(join(repoRoot, 'src', 'core', 'catalog', 'codes.json'), 'utf8'));
    const knownCodes = [...new Set(catalog.entries().map((e) => e.code))];
    const code = fc.oneof(
      fc.constantFrom(...knownCodes),
      fc.integer({ min: -99999, max: 99999 }),
      fc.string({ maxLength: 12 }),
      fc.constantFrom('', '-', '+3000', ' 3000 ', '3e3', '0x10', 'NaN', '-0'),
    );

    it('never throws, is deterministic, ranks best first, and matches only the asked code (or its sign twin)', () => {
      fc.assert(
        fc.property(code, logLine, (c, context) => {
          const a = catalog.explain(c, context);
          const b = catalog.explain(c, context);
          assert.deepStrictEqual(a, b, 'same input, same ranking');
          for (let i = 1; i < a.length; i++) assert.ok(a[i - 1].score >= a[i].score, 'best first');
          const digits = String(c).trim().replace(/^[-+]/, '');
          for (const m of a) assert.strictEqual(m.entry.code.replace(/^-/, ''), String(Number(digits)), `${m.entry.code} for ${String(c)}`);
        }),
        { numRuns: 400 },
      );
    });
  });

  describe('response normaliser', () => {
    const contentType = fc.constantFrom(
      null,
      '',
      'application/json',
      'application/json; charset=utf-8',
      'text/html',
      'text/plain',
      'application/problem+json',
      'application/json, application/json',
      ';;;',
    );
    const status = fc.integer({ min: 100, max: 599 });

    it('arbitrary bytes: never throws, always an outcome', () => {
      fc.assert(
        fc.property(
          fc.uint8Array({ maxLength: 300 }),
          status,
          contentType,
          fc.constantFrom(...ENDPOINT_IDS),
          (bytes, httpStatus, ct, endpoint) => {
            const r = normalizeResponse({
              endpoint,
              httpStatus,
              bodyText: Buffer.from(bytes).toString('utf8'),
              contentType: ct,
              secrets: [SENTINEL_KEY],
            });
            assert.ok(r.ok ? typeof r.value.httpStatus === 'number' : typeof r.error.kind === 'string' && r.error.message.length > 0);
          },
        ),
        { numRuns: 300 },
      );
    });

    it('arbitrary JSON with the sentinel key planted anywhere: the key is gone from the result', () => {
      // A JSON value with the key planted as a string, inside strings and as an object key.
      const planted = fc.letrec<{ value: unknown }>((tie) => ({
        value: fc.oneof(
          { depthSize: 'small' },
          fc.constant(SENTINEL_KEY),
          fc.string({ maxLength: 6 }).map((s) => `${s}${SENTINEL_KEY}${s}`),
          fc.constant(`Authorization: Basic ${SENTINEL_KEY}`),
          fc.jsonValue({ maxDepth: 1 }),
          fc.array(tie('value'), { maxLength: 4 }),
          fc.dictionary(
            fc.oneof(
              fc.string({ maxLength: 6 }),
              fc.constant(SENTINEL_KEY),
              fc.constantFrom('status', 'code', 'description', 'errors', 'verify', 'channel_status', 'signature_string', 'reference_id'),
            ),
            tie('value'),
            { maxKeys: 5 },
          ),
        ),
      })).value;
      const body = fc
        .record({ status: fc.record({ code: fc.oneof(fc.integer(), planted), description: planted }), rest: planted })
        .map(({ status: s, rest }) => ({ status: s, reference_id: 'x', rest, errors: [{ code: 3411, description: rest }] }));
      fc.assert(
        fc.property(body, status, fc.constantFrom(...ENDPOINT_IDS), (b, httpStatus, endpoint) => {
          const r = normalizeResponse({
            endpoint,
            httpStatus,
            bodyText: JSON.stringify(b),
            contentType: 'application/json',
            secrets: [SENTINEL_KEY],
          });
          assert.ok(!JSON.stringify(r).includes(SENTINEL_KEY), `key survives: ${JSON.stringify(r).slice(0, 300)}`);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('cURL renderer (bash, run for real)', () => {
    const weird = fc
      .oneof(
        fc.string({ maxLength: 24, unit: 'grapheme' }),
        fc
          .array(
            fc.constantFrom(
              "'",
              '"',
              '$',
              '`',
              '\\',
              '\n',
              '%',
              '!',
              '^',
              '$(id)',
              '${HOME}',
              "'\\''",
              ' ',
              '*',
              '?',
              '~',
              ';',
              '&',
              '|',
              '#',
              'é',
              '𝄞',
              '\u2028',
              '\r',
              'A1',
            ),
            { maxLength: 12 },
          )
          .map((a) => a.join('')),
      )
      .filter((s) => !s.includes('\0'));

    /** What bash hands to curl: `curl` is a function printing each argument NUL-terminated. */
    function argvOf(snippet: string): string[] {
      // stdin too: the snippets pipe the Authorization header to curl, so the key is in no argument.
      const script = `curl(){ for a in "$@"; do printf '%s\\0' "$a"; done; printf 'stdin=%s\\0' "$(cat)"; }\n${snippet}\n`;
      const r = spawnSync('bash', ['--noprofile', '--norc', '-s'], {
        input: script,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', [API_KEY_ENV]: SENTINEL_KEY },
        encoding: 'utf8',
        timeout: 5000,
      });
      assert.strictEqual(r.status, 0, `bash failed: ${r.stderr}`);
      return r.stdout.split('\0').slice(0, -1);
    }

    it('Basic: quoting round-trips exactly for any reference ID, code and customer ID; the key is never in the text', () => {
      fc.assert(
        fc.property(
          weird,
          weird,
          weird,
          fc.constantFrom<EndpointId>('omnichannel', 'verify'),
          (referenceId, verifyCode, customerId, endpoint) => {
            const target: Target = { baseUrl: 'http://127.0.0.1:8787', auth: 'basic' };
            const request: LookupRequest = { endpoint, referenceId, verifyCode };
            const text = renderCurl(target, request, customerId, 'bash');
            assert.ok(!text.includes(SENTINEL_KEY));
            const argv = argvOf(text);
            const basic = Buffer.from(`${customerId}:${SENTINEL_KEY}`).toString('base64');
            assert.deepStrictEqual(argv, [
              '--silent',
              '--show-error',
              '--include',
              '--header',
              'Accept: application/json',
              '--header',
              '@-',
              buildRequestUrl(target, request),
              `stdin=Authorization: Basic ${basic}`,
            ]);
          },
        ),
        { numRuns: 60 },
      );
    });

    it('Digest: the signed header carries the customer ID exactly and the URL round-trips', () => {
      fc.assert(
        fc.property(weird, weird, (referenceId, customerId) => {
          const target: Target = { baseUrl: 'http://127.0.0.1:8787', auth: 'digest' };
          const request: LookupRequest = { endpoint: 'omnichannel', referenceId };
          const text = renderCurl(target, request, customerId, 'bash');
          assert.ok(!text.includes(SENTINEL_KEY));
          const argv = argvOf(text);
          assert.strictEqual(argv.at(-2), buildRequestUrl(target, request));
          const auth = argv.at(-1)?.replace(/^stdin=/, '');
          assert.ok(auth, argv.join(' | '));
          assert.ok(auth.startsWith(`Authorization: TSA ${customerId}:`), auth);
          assert.match(auth.slice(`Authorization: TSA ${customerId}:`.length), /^[A-Za-z0-9+/]{43}=$/, 'a base64 HMAC-SHA256');
        }),
        { numRuns: 15 },
      );
    });
  });

  describe('redact', () => {
    const b64Key = fc.base64String({ minLength: 16, maxLength: 88 }).filter((k) => k.replace(/=+$/, '').length >= 16);
    const anyKey = fc
      .string({ minLength: 8, maxLength: 40, unit: 'grapheme' })
      .filter((k) => !REDACTED.includes(k) && k.trim().length >= 8);
    const text = fc.string({ maxLength: 40, unit: 'grapheme' });

    it('a secret embedded in random text (as is, URL-encoded or base64) is gone', () => {
      fc.assert(
        fc.property(fc.oneof(b64Key, anyKey), text, text, text, (secret, a, b, c) => {
          const forms = [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')];
          const input = `${a}${forms[0]}${b}${forms[1]}${c}${forms[2]}${a}`;
          const out = redact(input, [secret]);
          for (const f of forms) assert.ok(!out.includes(f), `${JSON.stringify(f)} survives in ${JSON.stringify(out)}`);
        }),
        { numRuns: 500 },
      );
    });

    it('credential shapes are gone without being told the secret', () => {
      fc.assert(
        fc.property(b64Key, text, (key, around) => {
          const basic = Buffer.from(`0A1B2C3D-4E5F-6789-ABCD-EF0123456789:${key}`).toString('base64');
          const out = redact(`${around} Authorization: Basic ${basic} ${around} "api_key":"${key}" ${around}`);
          assert.ok(!out.includes(basic) && !out.includes(key), out);
        }),
        { numRuns: 300 },
      );
    });
  });
});
