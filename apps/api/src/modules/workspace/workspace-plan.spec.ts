import { alertSettingsSchema, workspaceDocumentSchema } from '@parley/contracts';
import { DEFAULT_LAWFUL_LISTENING } from '@parley/domain';
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
  lawfulListening: DEFAULT_LAWFUL_LISTENING,
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

describe('planWorkspace: lawful listening', () => {
  const loans = {
    id: 'rule-1',
    key: 'loans',
    name: 'Loans',
    query: 'student loan',
    purpose: null,
    lawfulBasis: null,
    justification: null,
    namedPeople: [],
    enabled: true,
    version: 1,
    deletedAt: null,
  };
  const withRule: WorkspaceState = {
    ...state,
    departments: [
      {
        id: 'dept-1',
        key: 'dfe',
        name: 'Department for Education',
        aliases: [],
        threshold: 0,
        sla: null,
        accounts: [{ platform: 'mastodon', handle: 'educationgovuk', site: null, secret: null }],
        resources: [],
        calendar: [],
        partners: [],
        alerts: alertSettingsSchema.parse({}),
        rules: [loans],
      },
    ],
  };
  const planOf = (input: unknown) => planWorkspace(workspaceDocumentSchema.parse(input), withRule, false);
  const rule = (extra: object) => ({
    departments: [{ key: 'dfe', name: 'Department for Education', rules: [{ key: 'loans', ...extra }] }],
  });

  it('names each enabled rule left without a basis when the requirement is turned on', () => {
    expect(planOf({ lawfulListening: { requireLawfulBasis: true } }).problems).toEqual([
      {
        path: 'lawfulListening.requireLawfulBasis',
        message: expect.stringMatching(/^rule "dfe\/loans" cannot be enabled without a purpose/),
      },
      {
        path: 'lawfulListening.requireLawfulBasis',
        message: expect.stringMatching(
          /^rule "dfe\/loans" cannot be enabled without a lawfulBasis.*disable it$/,
        ),
      },
    ]);
  });

  it.each([
    ['given a purpose and a basis', { purpose: 'Answer loan questions', lawfulBasis: 'public-task' }],
    ['switched off', { enabled: false }],
  ])('turns the requirement on for a rule %s in the same document', (_, extra) => {
    const planned = planOf({
      ...rule({ name: 'Loans', query: 'student loan', ...extra }),
      lawfulListening: { requireLawfulBasis: true },
    });
    expect(planned.problems).toEqual([]);
    expect(planned.changes.map((c) => c.entity)).toEqual(['rule', 'setting']);
  });

  it.each([
    ['a member of the public', 'loan author:alice', ['alice']],
    ['the department’s own account', 'loan author:educationgovuk', []],
    ['a peer organisation, by its name', 'loan author:ofsted', []],
    ['a person left out with NOT', 'loan -author:alice', []],
  ])('works out whether the rule follows %s', (_, query, namedPeople) => {
    const planned = planOf(rule({ name: 'Loans', query, justification: 'Needed for the complaint' }));
    expect(planned.problems).toEqual([]);
    const [change] = planned.changes;
    expect(change.after).toMatchObject({ namedPeople });
  });

  it('asks for a justification for a rule that follows a member of the public, enabled or not', () => {
    const planned = planOf(rule({ name: 'Loans', query: 'loan author:alice', enabled: false }));
    expect(planned.problems).toEqual([
      {
        path: 'departments[0].rules[0].justification',
        message: expect.stringMatching(/"dfe\/loans" follows author:alice/),
      },
    ]);
  });

  it('lists an account named as an organisation as one', () => {
    const planned = planOf({
      ...rule({ name: 'Loans', query: 'loan author:citizensadvice' }),
      lawfulListening: { organisationAccounts: ['@CitizensAdvice'] },
    });
    expect(planned.problems).toEqual([]);
  });

  it('refuses a reason threshold below the warning threshold, against the stored one', () => {
    expect(planOf({ lawfulListening: { authorViewWarningAt: 9 } }).problems).toEqual([
      expect.objectContaining({ path: 'lawfulListening.authorViewReasonAt' }),
    ]);
  });
});
