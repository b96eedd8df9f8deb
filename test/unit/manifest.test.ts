// The manifest states facts the code also holds: the endpoint list (from the endpoint table) and each
// setting's default and bounds (features/settingDefaults.ts). These tests keep each fact in step, so adding
// an endpoint is its table row plus the manifest's enum entries, and nothing else can drift.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { DEFAULT_ENDPOINT, ENDPOINT_IDS, ENDPOINTS } from '../../src/core/telesign/endpoints';
import { SETTING_DEFAULTS } from '../../src/features/settingDefaults';
import { repoRoot } from '../support/paths';

interface SettingSchema {
  readonly default?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly string[];
  readonly enumDescriptions?: readonly string[];
}

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, SettingSchema> } };
};
const nls = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
const settings = pkg.contributes.configuration.properties;

/** Every `enum` anywhere in the manifest that lists at least one endpoint ID. */
function endpointEnums(node: unknown, path = 'package.json'): Array<{ path: string; values: readonly string[] }> {
  if (typeof node !== 'object' || node === null) return [];
  const found: Array<{ path: string; values: readonly string[] }> = [];
  const o = node as Record<string, unknown>;
  if (Array.isArray(o.enum) && o.enum.some((v) => (ENDPOINT_IDS as readonly unknown[]).includes(v))) {
    found.push({ path, values: o.enum as string[] });
  }
  for (const [k, v] of Object.entries(o)) found.push(...endpointEnums(v, `${path}.${k}`));
  return found;
}

describe('manifest ties', () => {
  it('every endpoint enum in the manifest lists exactly the endpoint table, in its order', () => {
    const enums = endpointEnums(pkg);
    assert.ok(enums.length >= 1, 'telesign.defaultEndpoint has an enum');
    for (const e of enums) assert.deepStrictEqual(e.values, ENDPOINT_IDS, e.path);
  });

  it('telesign.defaultEndpoint: default, one description per endpoint, each one written', () => {
    const s = settings['telesign.defaultEndpoint'];
    assert.strictEqual(s.default, DEFAULT_ENDPOINT);
    assert.strictEqual(SETTING_DEFAULTS.defaultEndpoint.default, DEFAULT_ENDPOINT);
    assert.deepStrictEqual(
      s.enumDescriptions,
      ENDPOINT_IDS.map((id) => `%config.endpoint.${id}%`),
    );
    for (const id of ENDPOINT_IDS) {
      assert.ok(
        (nls[`config.endpoint.${id}`] ?? '').includes(ENDPOINTS[id].pathTemplate),
        `package.nls.json config.endpoint.${id} names ${ENDPOINTS[id].pathTemplate}`,
      );
    }
  });

  it('every code-side setting default and bound is the manifest one', () => {
    for (const [key, code] of Object.entries(SETTING_DEFAULTS)) {
      const manifest = settings[`telesign.${key}`];
      assert.ok(manifest, `telesign.${key} is contributed`);
      assert.deepStrictEqual(manifest.default, code.default, `telesign.${key} default`);
      if ('minimum' in code) {
        assert.strictEqual(manifest.minimum, code.minimum, `telesign.${key} minimum`);
        assert.strictEqual(manifest.maximum, code.maximum, `telesign.${key} maximum`);
      }
    }
  });
});
