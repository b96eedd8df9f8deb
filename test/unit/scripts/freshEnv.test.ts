// The editor runtime's install runs nested npm installs. Reached through `npm start` / `npm test`, it inherits
// the outer npm's identity, which code-server's postinstall reads (the Node version in npm_config_user_agent)
// and which a nested npm takes as its own configuration. fresh_env (scripts/vscode-test/lib.sh) must drop it.
import * as assert from 'assert';
import { execFile } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

const LIB = resolve(__dirname, '../../../../scripts/vscode-test/lib.sh');
const OUTER = {
  npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
  npm_node_execpath: '/usr/bin/node',
  npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
  npm_config_nodedir: '/usr',
  npm_config_prefix: '/outer/prefix',
  npm_config_local_prefix: '/outer/project',
  npm_config_global_prefix: '/usr',
  npm_config_node_gyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
  npm_config_ignore_scripts: 'true',
  npm_package_name: 'telesign-inspector',
  npm_lifecycle_event: 'start',
  NODE: '/usr/bin/node',
  INIT_CWD: '/outer/project',
  npm_config_registry: 'https://registry.example.invalid/',
  NPM_TOKEN: 'kept-for-npmrc-interpolation',
};

function inFreshEnv(command: string, extra: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((ok, fail) => {
    const PATH = `/outer/project/node_modules/.bin:/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin:${process.env.PATH}`;
    execFile(
      'bash',
      ['-c', `source "${LIB}"; fresh_env ${command}`],
      { env: { ...process.env, ...OUTER, ...extra, PATH }, timeout: 20_000 },
      (error, stdout, stderr) => (error ? fail(new Error(`${error.message}\n${stderr}`)) : ok(stdout)),
    );
  });
}

describe('scripts/fresh_env: nested installs do not take the outer npm for their own', function () {
  this.timeout(30_000);

  it('drops every npm_* identity variable, NODE and INIT_CWD, and the PATH entries npm prepends', async () => {
    const env = new Map(
      (await inFreshEnv('env'))
        .split('\n')
        .filter(Boolean)
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    for (const name of Object.keys(OUTER).filter((n) => n !== 'npm_config_registry' && n !== 'NPM_TOKEN')) {
      assert.strictEqual(env.get(name), undefined, `${name} must not reach the nested install`);
    }
    assert.doesNotMatch(env.get('PATH') ?? '', /node_modules\/\.bin|node-gyp-bin/);
    assert.ok((env.get('PATH') ?? '').split(':').includes('/usr/bin'), 'the rest of PATH stays');
  });

  it('keeps what a user exports by hand for the transport (registry) and for .npmrc interpolation', async () => {
    const env = await inFreshEnv('env');
    assert.match(env, /^npm_config_registry=https:\/\/registry\.example\.invalid\/$/m);
    assert.match(env, /^NPM_TOKEN=kept-for-npmrc-interpolation$/m);
  });

  it("a nested npm's scripts see its own user agent and Node, not the outer ones", async () => {
    // a package's install script reads npm_config_user_agent, as code-server's postinstall does; with the
    // outer (fake) Node version in it, code-server refuses to install
    const dir = mkdtempSync(join(tmpdir(), 'fresh-env-'));
    try {
      writeFileSync(
        join(dir, 'package.json'),
        JSON.stringify({
          name: 'probe',
          version: '1.0.0',
          private: true,
          scripts: { probe: 'echo "agent=$npm_config_user_agent"; echo "ignore=$npm_config_ignore_scripts"' },
        }),
      );
      const out = await inFreshEnv(`npm run --silent --prefix "${dir}" probe`, { npm_config_user_agent: 'npm/0.0.0 node/v0.0.0 outer' });
      const agent = /^agent=(.*)$/m.exec(out)?.[1] ?? '';
      assert.doesNotMatch(agent, /outer|node\/v0\.0\.0/);
      assert.ok(agent.includes(`node/${process.version}`), `the nested npm runs on this Node: ${agent}`);
      assert.doesNotMatch(out, /^ignore=true$/m, "the outer run's flags do not carry over");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
