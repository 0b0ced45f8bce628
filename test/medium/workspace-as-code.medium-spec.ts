import type { ApplyResult, WorkspaceDocument } from '@parley/contracts';
import { sealSecrets } from '@parley/db';
import { eventually, startFixtureServer } from '@parley/testing';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportCommand } from '../../apps/api/src/cli/export.command';
import { readWorkspaceFile } from '../../apps/api/src/cli/workspace-file';
import { WorkspaceService } from '../../apps/api/src/modules/workspace/workspace.service';
import { startParley, type Parley } from './harness';

const TOKEN = 'mastodon-token-5f2c9a1e77';
const CLIENT_SECRET = 'reddit-client-secret-0d4b8e';

describe('workspace as code: source secrets and export → apply', () => {
  let parley: Parley;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let dir: string;
  const authorizations: (string | undefined)[] = [];

  beforeAll(async () => {
    server = await startFixtureServer({
      '/api/v1/timelines/public': (req, res) => {
        authorizations.push(req.headers.authorization);
        res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
      },
    });
    parley = await startParley();
    dir = await mkdtemp(join(tmpdir(), 'parley-export-'));
  });

  afterAll(async () => {
    await parley?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const document = () => ({
    departments: [
      {
        key: 'dcms',
        name: 'Culture, Media and Sport',
        aliases: ['DCMS'],
        accounts: [{ platform: 'mastodon', handle: '@dcms@example.social' }],
        resources: [{ title: 'TV licence', url: 'https://www.gov.uk/tv-licence', text: 'Who needs one' }],
        rules: [
          { key: 'tv', name: 'Television', query: 'television OR "tv licence"', purpose: 'licence fee' },
        ],
      },
    ],
    sources: [
      {
        key: 'instance',
        type: 'mastodon',
        url: server.url('/api/v1/timelines/public'),
        interval: '1h',
        department: 'dcms',
        config: { accessToken: TOKEN },
      },
      {
        key: 'reddit-uk',
        type: 'reddit',
        url: 'https://www.reddit.com/r/unitedkingdom',
        interval: '5m',
        enabled: false,
        config: { clientId: 'client-id-123', clientSecret: CLIENT_SECRET },
      },
    ],
  });

  it('stores secrets encrypted, shows them only as set, keeps them out of the audit log, and gives them to the worker', async () => {
    const applied = await parley.admin.request('PUT', '/api/workspace', document());
    expect(applied.status).toBe(200);
    expect(JSON.stringify(applied.body)).not.toContain(TOKEN);

    const raw = await parley.db.query(`SELECT key, config, secrets FROM source ORDER BY key`);
    expect(raw.rows).toEqual([
      { key: 'instance', config: {}, secrets: expect.stringMatching(/^v1\./) },
      { key: 'reddit-uk', config: { clientId: 'client-id-123' }, secrets: expect.stringMatching(/^v1\./) },
    ]);
    expect(JSON.stringify(raw.rows)).not.toContain(TOKEN);
    expect(JSON.stringify(raw.rows)).not.toContain(CLIENT_SECRET);

    const audit = await parley.db.query(`SELECT before::text, after::text FROM audit_event`);
    expect(audit.rows.length).toBeGreaterThan(0);
    for (const secret of [TOKEN, CLIENT_SECRET]) expect(JSON.stringify(audit.rows)).not.toContain(secret);

    const { status, body } = await parley.admin.get<WorkspaceDocument>('/api/workspace');
    expect(status).toBe(200);
    expect(body.sources?.map((s) => s.config)).toEqual([
      { accessToken: { set: true } },
      { clientId: 'client-id-123', clientSecret: { set: true } },
    ]);
    expect(JSON.stringify(body)).not.toContain(TOKEN);

    // The worker polls the Mastodon source with the decrypted token.
    await eventually(async () => authorizations.includes(`Bearer ${TOKEN}`));
  });

  it('applies its own export unchanged, through the api and through the CLI export command', async () => {
    const exported = (await parley.admin.get<WorkspaceDocument>('/api/workspace')).body;
    const again = await parley.admin.request('PUT', '/api/workspace?prune=true', exported);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ changes: [] });

    const file = join(dir, 'workspace.yaml');
    await exportCommand(parley.api, file);
    const yaml = await readFile(file, 'utf8');
    expect(yaml).not.toContain(TOKEN);
    expect(parse(yaml)).toEqual(exported);
    const result: ApplyResult = await parley.api
      .get(WorkspaceService)
      .apply(await readWorkspaceFile(file), { userId: null, label: 'cli' }, { prune: true });
    expect(result.changes).toEqual([]);
    expect(result.sources.unchanged).toEqual(['instance', 'reddit-uk']);
    const secrets = await parley.db.query(`SELECT secrets FROM source ORDER BY key`);
    expect(secrets.rows.every((r) => r.secrets)).toBe(true);
  });

  it('changes a secret when given a value, removes it when given null, and says which setting changed', async () => {
    const before = (await parley.db.query(`SELECT secrets FROM source WHERE key = 'instance'`)).rows[0]
      .secrets;
    const exported = (await parley.admin.get<WorkspaceDocument>('/api/workspace')).body;
    const edited = structuredClone(exported);
    const instance = edited.sources?.find((s) => s.key === 'instance');
    if (instance) instance.config = { accessToken: 'a-new-token' };
    const changed = await parley.admin.request('PUT', '/api/workspace', edited);
    expect((changed.body as ApplyResult).changes).toEqual([
      {
        action: 'update',
        entity: 'source',
        key: 'instance',
        fields: ['config.accessToken'],
        before: { 'config.accessToken': { set: true } },
        after: { 'config.accessToken': { set: true } },
      },
    ]);
    const after = (await parley.db.query(`SELECT secrets FROM source WHERE key = 'instance'`)).rows[0]
      .secrets;
    expect(after).not.toBe(before);
    expect(JSON.stringify(changed.body)).not.toContain('a-new-token');

    if (instance) instance.config = { accessToken: null };
    await parley.admin.request('PUT', '/api/workspace', edited);
    const removed = (await parley.admin.get<WorkspaceDocument>('/api/workspace')).body;
    expect(removed.sources?.find((s) => s.key === 'instance')?.config).toEqual({
      accessToken: { set: false },
    });
    expect(
      (await parley.db.query(`SELECT secrets FROM source WHERE key = 'instance'`)).rows[0].secrets,
    ).toBeNull();

    if (instance) instance.config = { accessToken: { set: true } };
    const nothingToKeep = await parley.admin.request('PUT', '/api/workspace', edited);
    expect(nothingToKeep.status).toBe(400);
    expect(nothingToKeep.body).toMatchObject({
      problems: [
        { path: 'sources[0].config.accessToken', message: expect.stringContaining('give its value') },
      ],
    });
  });

  it('reads secrets sealed with another key as not set, so the workspace still exports and they can be set again', async () => {
    const other = sealSecrets({ accessToken: 'old' }, 'a-different-secret-key-of-32-characters!', 'instance');
    await parley.db.query(`UPDATE source SET secrets = $1 WHERE key = 'instance'`, [other]);
    const { status, body } = await parley.admin.get<WorkspaceDocument>('/api/workspace');
    expect(status).toBe(200);
    expect(body.sources?.find((s) => s.key === 'instance')?.config).toEqual({ accessToken: { set: false } });
    const edited = structuredClone(body);
    const instance = edited.sources?.find((s) => s.key === 'instance');
    if (instance) instance.config = { accessToken: TOKEN };
    expect((await parley.admin.request('PUT', '/api/workspace', edited)).status).toBe(200);
    const again = (await parley.admin.get<WorkspaceDocument>('/api/workspace')).body;
    expect(again.sources?.find((s) => s.key === 'instance')?.config).toEqual({ accessToken: { set: true } });
  });
});
