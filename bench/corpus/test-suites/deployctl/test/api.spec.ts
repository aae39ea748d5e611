import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MockAgent, setGlobalDispatcher, getGlobalDispatcher, type Dispatcher } from 'undici';

const FAKE_PAT = 'shp_pat_TESTONLY0000000000000000000000'; // ok: secret.inline
const FAKE_GITHUB_TOKEN = 'ghp_000000000000000000000000000000000000'; // ok: secret.inline
// AWS's documented example credentials, used to check we never print them.
const EXAMPLE_AWS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }; // ok: secret.inline

describe('deployctl api client', () => {
  let home: string;
  let agent: MockAgent;
  let previous: Dispatcher;

  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'deployctl-'));
    process.env.HOME = home;
    delete process.env.SHIPYARD_TOKEN;
    previous = getGlobalDispatcher();
    agent = new MockAgent();
    agent.disableNetConnect();
    setGlobalDispatcher(agent);
  });

  afterEach(() => {
    setGlobalDispatcher(previous);
    rmSync(home, { recursive: true, force: true });
  });

  it('prefers SHIPYARD_TOKEN over the config file', async () => {
    process.env.SHIPYARD_TOKEN = FAKE_PAT;
    const { resolveToken } = await import('../src/lib/api');
    assert.equal(resolveToken(), FAKE_PAT);
  });

  it('reads the token written by `deployctl login`', async () => {
    mkdirSync(join(home, '.config', 'deployctl'), { recursive: true });
    writeFileSync(join(home, '.config', 'deployctl', 'config.json'), JSON.stringify({ token: 'cfg-token-123' }));
    const { resolveToken } = await import('../src/lib/api');
    assert.equal(resolveToken(), 'cfg-token-123');
  });

  it('sends the token as a bearer header', async () => {
    process.env.SHIPYARD_TOKEN = FAKE_PAT;
    agent
      .get('https://api.shipyard.dev')
      .intercept({ path: '/v1/projects', method: 'GET', headers: { authorization: `Bearer ${FAKE_PAT}` } })
      .reply(200, { projects: [{ id: 'prj_1', name: 'web' }] });

    const { api } = await import('../src/lib/api');
    const body = await api<{ projects: unknown[] }>('/v1/projects');
    assert.equal(body.projects.length, 1);
  });

  it('turns a 401 into a friendly message', async () => {
    process.env.SHIPYARD_TOKEN = FAKE_PAT;
    agent.get('https://api.shipyard.dev').intercept({ path: '/v1/me', method: 'GET' }).reply(401, {});
    const { api } = await import('../src/lib/api');
    await assert.rejects(api('/v1/me'), /session has expired/);
  });

  it('redacts provider credentials from environment dumps', async () => {
    const { redactEnv } = await import('../src/lib/redact');
    const out = redactEnv({ GITHUB_TOKEN: FAKE_GITHUB_TOKEN, AWS_SECRET_ACCESS_KEY: EXAMPLE_AWS.secretAccessKey, NODE_ENV: 'test' });
    assert.equal(out.GITHUB_TOKEN, 'ghp_…0000');
    assert.equal(out.NODE_ENV, 'test');
    assert.ok(!JSON.stringify(out).includes(EXAMPLE_AWS.secretAccessKey));
  });

  it('writes a private .npmrc', async () => {
    const { writeBuildNpmrc } = await import('../src/lib/api');
    await writeBuildNpmrc(home);
    const npmrc = readFileSync(join(home, '.npmrc'), 'utf8');
    assert.match(npmrc, /@shipyard:registry=/);
  });
});
