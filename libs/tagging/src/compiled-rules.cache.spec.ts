import { describe, expect, it } from 'vitest';
import { CompiledRulesCache, type TaggingWorkspace } from './compiled-rules.cache';

/** A workspace in memory that counts how often each part is read. */
const workspace = () => {
  const reads = { fingerprint: 0, rules: 0 };
  const state = {
    fingerprint: 'v1',
    rules: [
      { id: 'r1', key: 'fares', version: 1, query: 'rail fares', departmentId: 'd1', department: 'dft' },
    ],
  };
  const source: TaggingWorkspace = {
    fingerprint: async () => {
      reads.fingerprint++;
      return state.fingerprint;
    },
    rules: async () => {
      reads.rules++;
      return state.rules;
    },
    departments: async () => [{ id: 'd1', key: 'dft', name: 'Department for Transport', aliases: ['DfT'] }],
    accounts: async () => [
      { departmentId: 'd1', platform: 'mastodon', handle: 'transportgovuk', site: null },
    ],
    resources: async () => [
      { departmentId: 'd1', title: 'Rail fares', url: 'https://www.gov.uk/rail', text: 'fares' },
    ],
  };
  return { source, state, reads };
};

describe('CompiledRulesCache', () => {
  it('builds the model once, with each department’s handles and resources', async () => {
    const { source, reads } = workspace();
    const cache = new CompiledRulesCache(source);
    const model = await cache.current();
    expect(model.matcher.size).toBe(1);
    expect(model.departments).toEqual([
      {
        id: 'd1',
        key: 'dft',
        name: 'Department for Transport',
        aliases: ['DfT'],
        handles: ['transportgovuk'],
        resources: [{ title: 'Rail fares', url: 'https://www.gov.uk/rail', text: 'fares' }],
      },
    ]);
    await expect(cache.current()).resolves.toBe(model);
    expect(reads).toEqual({ fingerprint: 2, rules: 1 });
  });

  it('rebuilds when the fingerprint changes', async () => {
    const { source, state, reads } = workspace();
    const cache = new CompiledRulesCache(source);
    const first = await cache.current();
    state.fingerprint = 'v2';
    state.rules = [...state.rules, { ...state.rules[0], id: 'r2', key: 'railcards', query: 'railcard*' }];
    const second = await cache.current();
    expect(second).not.toBe(first);
    expect(second.matcher.size).toBe(2);
    expect(reads.rules).toBe(2);
  });

  it('reads the fingerprint at most once per recheck interval', async () => {
    const { source, reads } = workspace();
    const cache = new CompiledRulesCache(source, { recheckMs: 60_000 });
    await cache.current();
    await cache.current();
    await cache.current();
    expect(reads.fingerprint).toBe(1);
  });

  it('leaves out a rule that does not compile, and says which', async () => {
    const { source, state } = workspace();
    state.rules = [...state.rules, { ...state.rules[0], id: 'r2', key: 'broken', query: '(rail' }];
    const problems: string[] = [];
    const cache = new CompiledRulesCache(source, { onProblem: (p) => problems.push(p.key) });
    expect((await cache.current()).matcher.size).toBe(1);
    expect(problems).toEqual(['broken']);
  });
});
