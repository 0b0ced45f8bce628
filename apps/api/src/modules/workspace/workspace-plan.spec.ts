import { workspaceDocumentSchema } from '@parley/contracts';
import { describe, expect, it } from 'vitest';
import { planWorkspace, publicChange } from './workspace-plan';
import type { StoredSource, WorkspaceState } from './workspace-state';

const reddit: StoredSource = {
  id: 'source-1',
  key: 'reddit-uk',
  name: null,
  type: 'reddit',
  url: 'https://www.reddit.com/r/unitedkingdom',
  interval: '5m',
  enabled: true,
  department: null,
  settings: { clientId: 'app' },
  secrets: { clientSecret: 'shh' },
  sealed: 'v1.sealed',
};
const state: WorkspaceState = { departments: [], sources: [reddit] };

const plan = (input: unknown, prune = false) =>
  planWorkspace(workspaceDocumentSchema.parse(input), state, prune);
const source = (extra: object) => ({
  sources: [{ key: 'reddit-uk', type: 'reddit', url: reddit.url, interval: '5m', ...extra }],
});

describe('planWorkspace: source settings', () => {
  it.each([
    ['the same interval written another way', { interval: '300s' }],
    ['no config at all', {}],
    ['the secret kept as an export writes it', { config: { clientSecret: { set: true } } }],
    ['a plain setting repeated', { config: { clientId: 'app' } }],
  ])('changes nothing for %s', (_, extra) => {
    expect(plan(source(extra)).changes).toEqual([]);
  });

  it.each([
    ['a new secret', { clientSecret: 'new' }, false, ['config.clientSecret']],
    ['null, removing a secret', { clientSecret: null }, false, ['config.clientSecret']],
    ['{ set: false }, removing a secret', { clientSecret: { set: false } }, false, ['config.clientSecret']],
    ['null, removing a setting', { clientId: null }, false, ['config.clientId']],
    ['prune, with settings left out', { clientSecret: { set: true } }, true, ['config.clientId']],
  ])('names the setting changed by %s, never showing a secret', (_, config, prune, fields) => {
    const [change] = plan(source({ config }), prune).changes;
    expect(change.fields).toEqual(fields);
    expect(JSON.stringify(publicChange(change))).not.toContain('shh');
  });

  it('drops settings the new type does not read when a source changes type', () => {
    const [change] = plan(source({ type: 'mastodon' })).changes;
    expect(change.fields).toEqual(['type', 'config.clientId', 'config.clientSecret']);
  });

  it('reports a secret to keep that was never stored', () => {
    expect(plan(source({ type: 'mastodon', config: { accessToken: { set: true } } })).problems).toEqual([
      { path: 'sources[0].config.accessToken', message: expect.stringContaining('give its value') },
    ]);
  });

  it('deletes sources a given list leaves out only with prune, and never when the list is absent', () => {
    expect(plan({ sources: [] }).changes).toEqual([]);
    expect(plan({}, true).changes).toEqual([]);
    expect(plan({ sources: [] }, true).changes.map((c) => [c.action, c.key])).toEqual([
      ['delete', 'reddit-uk'],
    ]);
  });
});
