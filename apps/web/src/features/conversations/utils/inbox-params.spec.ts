import { describe, expect, it } from 'vitest';
import {
  MY_WORK,
  NO_FILTERS,
  filterQuery,
  inboxSearch,
  isExplicit,
  isMyWork,
  parseInboxParams,
  type InboxParams,
} from './inbox-params';

const departments = ['dft', 'dfe'];
const base = (more: Partial<InboxParams> = {}): InboxParams => ({
  department: 'dft',
  sort: 'score',
  ...NO_FILTERS,
  ...more,
});

describe('parseInboxParams', () => {
  it.each([
    ['', base()],
    ['department=dfe', base({ department: 'dfe' })],
    ['department=dfe&sort=recent', base({ department: 'dfe', sort: 'recent' })],
    // A department the person cannot see, or a made-up sort, falls back rather than failing.
    ['department=hmrc&sort=recent', base({ sort: 'recent' })],
    ['sort=loudest', base()],
    ['status=drafting,new', base({ status: ['new', 'drafting'] })],
    ['status=drafting,shouting', base({ status: ['drafting'] })],
    ['assignee=me', base({ assignee: 'me' })],
    ['assignee=nobody', base({ assignee: 'nobody' })],
    [
      'assignee=3f1c2b9e-4d5a-4e6f-8a7b-9c0d1e2f3a4b',
      base({ assignee: '3f1c2b9e-4d5a-4e6f-8a7b-9c0d1e2f3a4b' }),
    ],
    ['assignee=somebody', base()],
    ['route=pointer&sla=overdue', base({ route: 'pointer', sla: 'overdue' })],
    ['route=loud&sla=late', base()],
    [
      'route=clearance,pointer&sla=overdue,ok&source=news,forum',
      base({ route: 'clearance', sla: 'overdue', source: 'news' }),
    ],
    ['source=news-forum', base({ source: 'news-forum' })],
    ['source=Not a key', base()],
    ['q=%20train%20strike%20', base({ q: 'train strike' })],
  ])('?%s', (query, expected) =>
    expect(parseInboxParams(new URLSearchParams(query), departments)).toEqual(expected),
  );

  it('has no department when the person is in none', () => {
    expect(parseInboxParams(new URLSearchParams('department=dft'), [])).toEqual(base({ department: null }));
  });
});

describe('inboxSearch', () => {
  it('writes department and sort, keeping unrelated parameters', () => {
    const next = inboxSearch(
      base({ department: 'dfe', sort: 'recent' }),
      new URLSearchParams('department=dft&view=compact'),
    );
    expect(next.toString()).toBe('department=dfe&view=compact&sort=recent');
  });

  it('writes the filters that are set and removes those that are not', () => {
    const next = inboxSearch(
      base({ status: ['new', 'assigned'], assignee: 'me', q: 'ferry' }),
      new URLSearchParams('route=pointer&sla=ok'),
    );
    expect(next.toString()).toBe('department=dft&sort=score&status=new%2Cassigned&assignee=me&q=ferry');
  });

  it('round-trips through parseInboxParams', () => {
    const params = base({
      department: 'dfe',
      sort: 'recent',
      status: ['in-clearance', 'approved'],
      assignee: 'nobody',
      route: 'clearance',
      sla: 'due-soon',
      source: 'forum',
      q: '"train strike" -monday',
    });
    expect(parseInboxParams(inboxSearch(params), departments)).toEqual(params);
  });
});

describe('filterQuery', () => {
  it('leaves out what is not set, so the api sees no empty filter', () => {
    expect(filterQuery(NO_FILTERS)).toEqual({
      status: undefined,
      assignee: undefined,
      route: undefined,
      sla: undefined,
      source: undefined,
      q: undefined,
    });
  });
});

describe('isMyWork', () => {
  it('is assigned to me and not finished, with nothing else narrowing it', () => {
    expect(isMyWork(base(MY_WORK))).toBe(true);
    expect(MY_WORK.status).toEqual(['assigned', 'drafting', 'in-clearance', 'approved']);
    expect(isMyWork(base({ ...MY_WORK, q: 'ferry' }))).toBe(false);
    expect(isMyWork(base({ assignee: 'me' }))).toBe(false);
  });
});

describe('isExplicit', () => {
  it.each([
    ['department=dft&sort=score', true],
    ['department=dft', false],
    ['', false],
  ])('?%s → %s', (query, expected) => expect(isExplicit(new URLSearchParams(query), base())).toBe(expected));
});
