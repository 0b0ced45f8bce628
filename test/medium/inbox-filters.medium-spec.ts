import type { ConversationDetail, ConversationPage, ErrorBody } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './harness';
import { seedConversation } from './inbox-seed';

describe('the inbox: filters and paging', () => {
  let parley: Api;

  /** Every page of a query, following `nextCursor`; fails on any page that is not a 200. */
  const allPages = async (query: string): Promise<ConversationPage['items']> => {
    const items: ConversationPage['items'] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/api/conversations?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page: { status: number; body: ConversationPage } = await parley.admin.get<ConversationPage>(path);
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return items;
  };

  beforeAll(async () => {
    parley = await startApi();
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'dft',
          name: 'Department for Transport',
          rules: [{ key: 'trains', name: 'Trains', query: 'train' }],
        },
        {
          key: 'dfe',
          name: 'Department for Education',
          rules: [{ key: 'loans', name: 'Loans', query: 'loan' }],
        },
        {
          key: 'dwp',
          name: 'Department for Work and Pensions',
          rules: [{ key: 'uc', name: 'UC', query: 'credit' }],
        },
      ],
      sources: [
        { key: 'forum', type: 'feed', url: 'http://127.0.0.1:9/forum.xml', interval: '1h' },
        { key: 'news', type: 'feed', url: 'http://127.0.0.1:9/news.xml', interval: '1h' },
      ],
    });
    expect(applied.status).toBe(200);
  });

  afterAll(async () => {
    await parley?.close();
  });

  /** Titles of every conversation a query lists, in order (through every page, two at a time). */
  const titles = async (query: string): Promise<string[]> =>
    (await allPages(`department=dft&limit=2&${query}`)).map((i) => i.title ?? '');

  describe('filters', () => {
    let me: string;
    let colleague: string;

    beforeAll(async () => {
      me = (await parley.admin.get<{ id: string }>('/api/auth/me')).body.id;
      const created = await parley.admin.request('POST', '/api/users', {
        email: 'sam@dft.example.gov.uk',
        name: 'Sam Colleague',
        password: 'sam-colleague-password',
        memberships: [{ department: 'dft', role: 'comms' }],
      });
      expect(created.status).toBe(201);
      colleague = (created.body as { id: string }).id;
      const rows: Parameters<typeof seedConversation>[1][] = [
        {
          title: 'Train strike on Monday',
          score: 90,
          route: 'public-info',
          posts: ['Is the train strike going ahead on Monday?'],
        },
        {
          title: 'Railcard renewal',
          score: 80,
          route: 'pointer',
          status: 'assigned',
          assignee: 'me',
          posts: ['How do I renew my railcard online?', 'The renewal page timed out'],
        },
        {
          title: 'Bus fares',
          score: 70,
          route: 'clearance',
          status: 'drafting',
          assignee: 'colleague',
          source: 'news',
          posts: ['Will bus fares go up again?'],
        },
        {
          title: 'Road closures',
          score: 60,
          route: 'pointer',
          status: 'declined',
          posts: ['Which roads close for the marathon?'],
        },
        {
          title: 'Old timetable',
          score: 50,
          route: 'public-info',
          retired: true,
          posts: ['Where is the 2019 train timetable?'],
        },
        {
          title: 'Ferry timetable',
          score: 40,
          route: 'press-office',
          status: 'in-clearance',
          assignee: 'me',
          source: 'news',
          posts: ['New ferry routes announced?'],
        },
      ].map((r) => ({ source: 'forum', department: 'dft', ...r }));
      for (const row of rows) {
        const assignee = row.assignee === 'me' ? me : row.assignee === 'colleague' ? colleague : null;
        await seedConversation(parley.db, { ...row, assignee });
      }
    });

    it.each([
      ['', ['Train strike on Monday', 'Railcard renewal', 'Bus fares', 'Road closures', 'Ferry timetable']],
      ['status=new', ['Train strike on Monday']],
      ['status=assigned,drafting', ['Railcard renewal', 'Bus fares']],
      ['status=assigned&status=drafting', ['Railcard renewal', 'Bus fares']],
      ['status=retired', ['Old timetable']],
      ['status=declined,retired', ['Road closures', 'Old timetable']],
      ['assignee=me', ['Railcard renewal', 'Ferry timetable']],
      ['assignee=nobody', ['Train strike on Monday', 'Road closures']],
      ['route=pointer', ['Railcard renewal', 'Road closures']],
      ['route=pointer,press-office', ['Railcard renewal', 'Road closures', 'Ferry timetable']],
      ['source=news', ['Bus fares', 'Ferry timetable']],
      ['source=forum,news&route=clearance', ['Bus fares']],
      ['q=timetable', ['Ferry timetable']],
      ['q=timetable&status=retired,new', ['Old timetable']],
      ['q=renew', ['Railcard renewal']],
      ['q=%22timed%20out%22', ['Railcard renewal']],
      ['q=train%20-strike', []],
      ['q=train%20or%20ferry', ['Train strike on Monday', 'Ferry timetable']],
      // My work: assigned to me and not finished.
      ['assignee=me&status=assigned,drafting,in-clearance,approved', ['Railcard renewal', 'Ferry timetable']],
      ['assignee=me&route=pointer&source=forum&q=railcard&status=assigned', ['Railcard renewal']],
      ['assignee=nobody&status=assigned', []],
    ])('?%s', async (query, expected) => {
      expect(await titles(query)).toEqual(expected);
    });

    it('filters by a user id, and that user is the assignee', async () => {
      expect(await titles(`assignee=${colleague}`)).toEqual(['Bus fares']);
    });

    it('gives each tag its opportunity, status, assignee, deadline, SLA state and version, in the list and the detail', async () => {
      const [item] = await allPages('department=dft&assignee=me&route=pointer');
      const expected = {
        department: 'dft',
        opportunityId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        status: 'assigned',
        assignee: { id: me, name: expect.any(String) },
        dueAt: null,
        sla: null,
        version: 1,
      };
      expect(item.tags).toEqual([expect.objectContaining(expected)]);
      const detail = await parley.admin.get<ConversationDetail>(`/api/conversations/${item.id}`);
      expect(detail.body.tags).toEqual([expect.objectContaining(expected)]);
      const retired = await allPages('department=dft&status=retired');
      expect(retired.map((i) => i.tags.map((t) => t.status))).toEqual([['retired']]);
    });

    it('pages a filtered inbox by recent activity too, the cursor keeping to the filter', async () => {
      const recent = await allPages('department=dft&limit=1&sort=recent&assignee=me');
      expect(recent.map((i) => i.title).sort()).toEqual(['Ferry timetable', 'Railcard renewal']);
    });

    it('refuses a cursor from the other sort order, saying so', async () => {
      const first = await parley.admin.get<ConversationPage>('/api/conversations?department=dft&limit=1');
      const cursor = first.body.nextCursor ?? '';
      const other = await parley.admin.get(`/api/conversations?department=dft&sort=recent&cursor=${cursor}`);
      expect(other.status).toBe(400);
      expect(JSON.stringify(other.body)).toContain('sorted by score, not by recent');
    });

    it.each([
      ['status=new,open', 'status is one of new, assigned'],
      ['assignee=someone', 'assignee is "me", "nobody" or a user id'],
      ['route=shout', 'route is one of public-info'],
      ['sla=late', 'sla is one of ok, due-soon, overdue'],
      ['source=Not%20a%20key', 'source is a source key'],
      ['q=the%20and', 'has no words to look for'],
      [`q=${'word%20'.repeat(60)}`, 'the search is at most 200 characters'],
      ['q=a%00b', 'the search cannot contain control characters'],
      ['limit=0', 'limit is at least 1'],
      ['cursor=not-a-cursor', 'The cursor is not one this API gave out'],
    ])('answers 400 with a message for ?%s', async (query, message) => {
      const response = await parley.admin.get<ErrorBody>(`/api/conversations?department=dft&${query}`);
      expect(response.status).toBe(400);
      const said = [response.body.message, ...(response.body.problems ?? []).map((p) => p.message)];
      expect(said.join('\n')).toContain(message);
    });
  });

  describe('SLA state', () => {
    const HOUR = 3_600_000;
    const from = (ms: number) => new Date(Date.now() + ms);

    beforeAll(async () => {
      const rows: Omit<Parameters<typeof seedConversation>[1], 'source' | 'department'>[] = [
        { title: 'Overdue', score: 90, status: 'assigned', dueAt: from(-HOUR), dueSoonAt: from(-2 * HOUR) },
        { title: 'Due soon', score: 80, dueAt: from(HOUR / 2), dueSoonAt: from(-HOUR / 6) },
        { title: 'In time', score: 70, status: 'drafting', dueAt: from(3 * HOUR), dueSoonAt: from(2 * HOUR) },
        {
          title: 'Answered late',
          score: 60,
          status: 'responded',
          dueAt: from(-HOUR),
          dueSoonAt: from(-2 * HOUR),
        },
        { title: 'No deadline', score: 50 },
        {
          title: 'Replied in thread',
          score: 40,
          dueAt: from(-HOUR),
          dueSoonAt: from(-2 * HOUR),
          firstResponseAt: from(-3 * HOUR),
        },
      ];
      for (const row of rows)
        await seedConversation(parley.db, { source: 'news', department: 'dwp', ...row });
    });

    it('says how each first-response promise stands', async () => {
      const items = await allPages('department=dwp');
      expect(items.map((i) => [i.title, i.tags[0].sla])).toEqual([
        ['Overdue', 'overdue'],
        ['Due soon', 'due-soon'],
        ['In time', 'ok'],
        ['Answered late', null],
        ['No deadline', null],
        ['Replied in thread', null],
      ]);
    });

    it.each([
      ['sla=overdue', ['Overdue']],
      ['sla=due-soon', ['Due soon']],
      ['sla=ok', ['In time']],
      ['sla=overdue,due-soon', ['Overdue', 'Due soon']],
      ['sla=overdue,due-soon&status=new', ['Due soon']],
      ['sla=ok,overdue&status=drafting', ['In time']],
      ['sla=overdue&status=responded', []],
    ])('?%s', async (query, expected) => {
      const items = await allPages(`department=dwp&limit=1&${query}`);
      expect(items.map((i) => i.title)).toEqual(expected);
    });
  });

  describe('paging by most recent activity', () => {
    it('lists every conversation once, including those with no known activity time, a page at a time', async () => {
      // Items without dates (an RSS item with no pubDate) have no activity time: they sort last, and the page
      // boundary can fall among them.
      const seeded: string[] = [];
      for (let i = 0; i < 7; i++) {
        const dated = i % 2 === 0;
        const { conversationId } = await seedConversation(parley.db, {
          source: 'forum',
          department: 'dfe',
          title: `Paging ${i}`,
          lastActivityAt: dated ? new Date(Date.UTC(2026, 10, 1 + i)) : null,
        });
        seeded.push(conversationId);
      }
      for (const limit of [1, 2, 3]) {
        const items = await allPages(`department=dfe&sort=recent&limit=${limit}`);
        expect(items.map((i) => i.id).sort()).toEqual([...seeded].sort());
      }
      const items = await allPages('department=dfe&sort=recent&limit=2');
      expect(items.map((i) => i.title)).toEqual([
        'Paging 6',
        'Paging 4',
        'Paging 2',
        'Paging 0',
        'Paging 5',
        'Paging 3',
        'Paging 1',
      ]);
    });
  });
});
