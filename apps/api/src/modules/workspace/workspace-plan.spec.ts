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
  retention: null,
};
const state: WorkspaceState = {
  departments: [],
  sources: [reddit],
  electionPeriods: [{ id: 'period-1', name: 'Local elections 2027', from: '2027-03-25', to: '2027-05-06' }],
  peers: [{ id: 'peer-1', name: 'Ofsted', aliases: ['Office for Standards in Education'], handles: [] }],
  retention: null,
};

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

describe('planWorkspace: election periods', () => {
  const local = { name: 'Local elections 2027', from: '2027-03-25', to: '2027-05-06' };
  const byElection = { name: 'By-election', from: '2027-06-01', to: '2027-06-20' };
  const outcome = (input: unknown, prune = false) =>
    plan(input, prune).changes.map((c) => [c.action, c.entity, c.key, c.fields]);

  it('changes nothing for the stored periods as an export writes them', () => {
    expect(plan({ electionPeriods: [local] }, true).changes).toEqual([]);
  });

  it('creates, updates by name and, only with prune, removes the ones a given list leaves out', () => {
    expect(outcome({ electionPeriods: [byElection] })).toEqual([
      ['create', 'election-period', 'By-election', ['from', 'to']],
    ]);
    expect(outcome({ electionPeriods: [{ ...local, to: '2027-05-07' }] })).toEqual([
      ['update', 'election-period', 'Local elections 2027', ['to']],
    ]);
    expect(outcome({ electionPeriods: [byElection] }, true)).toEqual([
      ['create', 'election-period', 'By-election', ['from', 'to']],
      ['delete', 'election-period', 'Local elections 2027', ['from', 'to']],
    ]);
    expect(outcome({}, true)).toEqual([]);
  });

  it.each([
    [{ ...local, from: '2027-05-07' }, 'electionPeriods.0.to'],
    [{ ...local, to: '6 May 2027' }, 'electionPeriods.0.to'],
    [{ ...local, name: ' ' }, 'electionPeriods.0.name'],
  ])('refuses %o, naming %s', (period, path) => {
    const parsed = workspaceDocumentSchema.safeParse({ electionPeriods: [period] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('refuses two periods of one name', () => {
    const parsed = workspaceDocumentSchema.safeParse({ electionPeriods: [local, local] });
    expect(parsed.error?.issues[0].message).toBe('election period "Local elections 2027" appears twice');
  });
});

describe('planWorkspace: peer organisations', () => {
  const ofsted = { name: 'Ofsted', aliases: ['Office for Standards in Education'] };
  const outcome = (input: unknown, prune = false) =>
    plan(input, prune).changes.map((c) => [c.action, c.entity, c.key, c.fields]);

  it('creates, updates by name in any case and, only with prune, removes the ones a given list leaves out', () => {
    expect(outcome({ peers: [ofsted] })).toEqual([]);
    expect(outcome({ peers: [{ ...ofsted, handles: ['ofstednews'] }] })).toEqual([
      ['update', 'peer', 'Ofsted', ['handles']],
    ]);
    expect(outcome({ peers: [{ ...ofsted, name: 'OFSTED' }] })).toEqual([
      ['update', 'peer', 'OFSTED', ['name']],
    ]);
    expect(outcome({ peers: [{ name: 'Ofqual' }] }, true)).toEqual([
      ['create', 'peer', 'Ofqual', ['aliases', 'handles']],
      ['delete', 'peer', 'Ofsted', ['aliases', 'handles']],
    ]);
  });

  it('refuses two peers of one name', () => {
    const parsed = workspaceDocumentSchema.safeParse({ peers: [ofsted, { name: 'ofsted' }] });
    expect(parsed.error?.issues[0].message).toBe('peer organisation "ofsted" appears twice');
  });
});
