// The callback-only codes in the catalog: present with sources and our own words, and ranked by where
// they sit in a callback (the same number means something else elsewhere).
import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { explainCallbackCodes, parseCallback } from '../../../src/core/callbacks';
import { Catalog } from '../../../src/core/catalog';
import { repoRoot } from '../../support/paths';
import { callbackFixture } from '../../support/callbackFixtures';

const codesPath = join(repoRoot, 'src', 'core', 'catalog', 'codes.json');
const catalog = Catalog.fromJson(readFileSync(codesPath, 'utf8'));

function top(name: string, path: string): { family: string; text: string } {
  const r = parseCallback(callbackFixture(name));
  assert.ok(r.ok);
  const code = explainCallbackCodes(r.callback, catalog).find((c) => c.path === path);
  assert.ok(code && code.matches.length > 0, `no meaning for ${path} in ${name}`);
  return { family: code.matches[0].entry.family, text: code.matches[0].entry.text };
}

describe('catalog: codes callbacks carry', () => {
  const ADDED: Array<[string, string]> = [
    ['1500', 'messaging-inbound'],
    ...['3850', '3851', '3852', '3853', '3854', '3855', '3857'].map((c): [string, string] => [c, 'messaging-templates']),
    ['286', 'bulk-sms'],
    ['3209', 'verify-api-inner'],
    ['3900', 'verify-api-inner'],
  ];

  it('has each addition with a source, our explanation and a docs URL', async () => {
    const { default: facts } = (await import(join(repoRoot, 'src', 'core', 'catalog', 'facts', 'callbacks.mjs'))) as {
      default: Array<{ code: string; category: string; description: string }>;
    };
    for (const [code, family] of ADDED) {
      const e = catalog.get(code).find((x) => x.family === family);
      assert.ok(e, `${code} in ${family}`);
      assert.match(e.source, /telesign/i);
      assert.match(e.docsUrl, /^https:\/\/developer\.telesign\.com\//);
      const fact = facts.find((f) => f.code === code && f.category === family);
      assert.ok(fact, `${code} has a facts row`);
      if (fact.description.length >= 20) {
        assert.ok(!e.explanation.toLowerCase().includes(fact.description.toLowerCase()), `${code} copies Telesign's description`);
      }
    }
    assert.strictEqual(facts.length, ADDED.length);
  });

  it('declares the two new families', () => {
    assert.ok(catalog.family('messaging-inbound'));
    assert.ok(catalog.family('verify-api-inner'));
  });

  it('3209 inside inner_methods is "Unknown status"; inside channel_status it stays the Messaging meaning', () => {
    assert.deepStrictEqual(top('verify-api.json', 'inner_methods[0].err_code'), { family: 'verify-api-inner', text: 'Unknown status' });
    const r = parseCallback(
      '{"reference_id":"364C81F5F3D0020C91E7A731DE93A777","status":{"code":3003,"last_channel":"whatsapp"},"channel_status":[{"whatsapp":{"code":3209}}]}',
    );
    assert.ok(r.ok);
    const c = explainCallbackCodes(r.callback, catalog).find((x) => x.path === 'channel_status[0].whatsapp.code');
    assert.strictEqual(c?.matches[0].entry.family, 'messaging');
    assert.strictEqual(c?.matches[0].entry.text, 'End-user not registered for testing');
  });

  it('3900 inside inner_methods is the per-method result; a finalize answer stays verify-api', () => {
    assert.strictEqual(top('verify-api.json', 'inner_methods[1].err_code').family, 'verify-api-inner');
    assert.strictEqual(
      catalog.explain(
        3900,
        'PATCH https://verify.telesign.com/verification/0123456789ABCDEF0123456789ABCDEF/state 200 {"status":{"code":3900,"description":"Verified"}}',
      )[0].entry.family,
      'verify-api',
    );
  });

  it('inbound 1500, template 3850 and bulk 286 rank first in their callbacks', () => {
    assert.deepStrictEqual(top('inbound-mo-sms.json', 'status.code'), { family: 'messaging-inbound', text: 'Delivered' });
    assert.deepStrictEqual(top('template-review.json', 'status.code'), {
      family: 'messaging-templates',
      text: 'Template successfully created',
    });
    const r = parseCallback(
      '{"reference_id":"0123456789ABCDEF0123456789ABCDEF","status":{"code":286,"description":"Transaction not attempted"},"errors":[],"sub_resource":"bulk_sms"}',
    );
    assert.ok(r.ok);
    assert.strictEqual(explainCallbackCodes(r.callback, catalog)[0].matches[0].entry.family, 'bulk-sms');
  });

  it('other families keep their meanings in their callbacks', () => {
    assert.strictEqual(top('sms-dlr-spec.json', 'status.code').family, 'sms-delivery-status');
    assert.strictEqual(top('messaging-dlr.json', 'channel_status[0].rcs.code').family, 'messaging');
    assert.strictEqual(top('bulk-sms-fail.json', 'errors[0].code').family, 'verify-error');
  });
});
