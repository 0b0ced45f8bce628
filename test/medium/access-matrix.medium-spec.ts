import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { ConversationPage, CreateTokenResponse, RuleSaved, User } from '@parley/contracts';
import { ROLES, type Role } from '@parley/domain';
import { TestApiClient, eventually, rssFeed, startFixtureServer } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, type Department, type RouteCase } from './access-matrix.table';
import { startParley, type Parley } from './harness';

const ACTORS = [
  'signed out',
  'workspace admin',
  ...ROLES.toReversed().map((r) => `${r} (own)`),
  ...ROLES.toReversed().map((r) => `${r} (other)`),
];
type Actor = { name: string; client: TestApiClient; department: 'home' | 'away'; role: Role | null };

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const methodOf = (key: string) => key.split(' ')[0];

/** The twelve statuses of an entry, by actor name, in the order of ACTORS. */
const expected = (entry: RouteCase): Map<string, number> => {
  const statuses = entry.expect
    .split('·')
    .flatMap((group) => group.trim().split(/\s+/))
    .map(Number);
  if (statuses.length !== ACTORS.length || statuses.some(Number.isNaN)) {
    throw new Error(`"${entry.expect}" is not ${ACTORS.length} statuses (${ACTORS.join(', ')})`);
  }
  return new Map(ACTORS.map((actor, i) => [actor, statuses[i]]));
};

/** `METHOD /api/path` of every route the Nest app registers, read from its controllers' metadata. */
const registeredRoutes = (app: INestApplication): string[] => {
  const scanner = new MetadataScanner();
  const routes: string[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (!metatype) continue;
      const base = Reflect.getMetadata(PATH_METADATA, metatype) as string;
      for (const name of scanner.getAllMethodNames(metatype.prototype)) {
        const handler = (metatype.prototype as Record<string, object>)[name];
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        for (const one of [path].flat()) {
          routes.push(
            `${method} /${['api', base, one]
              .join('/')
              .replace(/\/+/g, '/')
              .replace(/^\/|\/$/g, '')}`,
          );
        }
      }
    }
  }
  return routes.sort();
};

const forum = rssFeed('Matrix forum', [
  {
    guid: 'home-1',
    title: 'Ferry timetable for the winter',
    description: 'Where can I find the ferry timetable for December?',
    author: 'Priya',
    pubDate: new Date(Date.now() - 3_600_000),
  },
  {
    guid: 'away-1',
    title: 'Pension credit for carers',
    description: 'Can I claim pension credit if I am a carer?',
    author: 'Sam',
    pubDate: new Date(Date.now() - 3_600_000),
  },
]);

/**
 * Runs `work` over every item, at most `PARALLEL` at once: thousands of simultaneous requests measure the test
 * machine's sockets, not the access policy.
 */
const PARALLEL = 64;
const inParallel = async <T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, lane));
  return results;
};

describe('authorization matrix: every route × every kind of caller', () => {
  let parley: Parley;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  const departments = {} as Record<'home' | 'away', Department>;
  const actors: Actor[] = [];

  const setUpDepartments = async (admin: TestApiClient) => {
    const applied = await admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'home',
          name: 'Home Department',
          rules: [{ key: 'ferries', name: 'Ferries', query: 'ferry' }],
        },
        {
          key: 'away',
          name: 'Away Department',
          rules: [{ key: 'pensions', name: 'Pensions', query: '"pension credit"' }],
        },
      ],
      sources: [
        { key: 'forum', type: 'feed', url: server.url('/forum.xml'), interval: '1h' },
        { key: 'away-blog', type: 'feed', url: server.url('/empty.xml'), interval: '1h', department: 'away' },
      ],
    });
    expect(applied.status).toBe(200);
    for (const [key, ruleKey] of [
      ['home', 'ferries'],
      ['away', 'pensions'],
    ] as const) {
      // A rule change of the department's own starts a backfill that belongs to it.
      const saved = await admin.request('PUT', `/api/rules/${key}/backfill-probe`, {
        name: 'Backfill probe',
        query: 'probe',
        enabled: false,
        reason: 'start a backfill',
      });
      expect(saved.status).toBe(200);
      const conversation = await eventually(async () => {
        const page = (await admin.get<ConversationPage>(`/api/conversations?department=${key}`)).body;
        return page.items[0];
      });
      const member = await admin.request('POST', '/api/users', {
        email: `member@${key}.example.gov.uk`,
        name: `Member of ${key}`,
        password: `${key}-member-password`,
        memberships: [{ department: key, role: 'viewer' }],
      });
      expect(member.status).toBe(201);
      const { rows } = await parley.db.query(
        `SELECT o.id FROM opportunity o JOIN department d ON d.id = o.department_id
         WHERE o.conversation_id = $1 AND d.key = $2`,
        [conversation.id, key],
      );
      departments[key] = {
        key,
        ruleKey,
        conversationId: conversation.id,
        opportunityId: (rows[0] as { id: string }).id,
        backfillId: (saved.body as RuleSaved).backfill,
        memberId: (member.body as User).id,
      };
    }
  };

  /** A member of `home` holding `role`, signed in with an API token (so `logout` ends nothing). */
  const tokenClientFor = async (admin: TestApiClient, role: Role): Promise<TestApiClient> => {
    const email = `${role}@home.example.gov.uk`;
    const created = await admin.request('POST', '/api/users', {
      email,
      name: `Home ${role}`,
      password: `${role}-home-password`,
      memberships: [{ department: 'home', role }],
    });
    expect(created.status).toBe(201);
    const session = new TestApiClient(parley.baseUrl);
    expect(await session.login(email, `${role}-home-password`)).toBe(200);
    const token = await session.request('POST', '/api/auth/tokens', { name: 'matrix' });
    return new TestApiClient(parley.baseUrl, (token.body as CreateTokenResponse).token);
  };

  beforeAll(async () => {
    server = await startFixtureServer({
      '/forum.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(forum);
      },
      '/empty.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed('Empty', []));
      },
    });
    parley = await startParley();
    await setUpDepartments(parley.admin);
    const adminToken = await parley.admin.request('POST', '/api/auth/tokens', { name: 'matrix' });
    const members = await Promise.all(ROLES.map((role) => tokenClientFor(parley.admin, role)));
    actors.push(
      { name: 'signed out', client: new TestApiClient(parley.baseUrl), department: 'home', role: null },
      {
        name: 'workspace admin',
        client: new TestApiClient(parley.baseUrl, (adminToken.body as CreateTokenResponse).token),
        department: 'home',
        role: null,
      },
      ...ROLES.flatMap((role, i) => [
        { name: `${role} (own)`, client: members[i], department: 'home' as const, role },
        { name: `${role} (other)`, client: members[i], department: 'away' as const, role },
      ]),
    );
  });

  afterAll(async () => {
    await parley?.close();
    await server?.close();
  });

  it('has an entry for every route the api registers, and none for a route it does not', () => {
    const registered = registeredRoutes(parley.api);
    const missing = registered.filter((route) => !(route in ROUTES));
    const stale = Object.keys(ROUTES).filter((route) => !registered.includes(route));
    expect({ missing, stale }, 'add these to test/medium/access-matrix.table.ts, or remove them').toEqual({
      missing: [],
      stale: [],
    });
  });

  it('writes down a policy: a viewer writes nothing, a department admin runs only their own department', () => {
    const problems: string[] = [];
    for (const [route, entry] of Object.entries(ROUTES)) {
      const statuses = expected(entry);
      if (WRITES.has(methodOf(route)) && !entry.notADepartmentWrite) {
        for (const side of ['own', 'other'])
          if (statuses.get(`viewer (${side})`) !== 403)
            problems.push(`${route}: a viewer (${side}) must get 403`);
      }
      const adminHome = statuses.get('admin (own)') as number;
      const workspaceOnly = statuses.get('workspace admin') !== 403 && adminHome === 403;
      if (workspaceOnly && statuses.get('admin (other)') !== 403)
        problems.push(`${route}: a department admin must get 403 for a workspace administrator's route`);
      // A route whose request differs between departments serves a department's data.
      const namesDepartment =
        JSON.stringify(entry.request({ department: departments.home, actor: 'x' })) !==
        JSON.stringify(entry.request({ department: departments.away, actor: 'x' }));
      if (adminHome < 400 && namesDepartment && statuses.get('admin (other)') !== 404)
        problems.push(`${route}: a department admin must get 404 for another department's data`);
    }
    expect(problems).toEqual([]);
  });

  it('answers every route as written down, for every caller', async () => {
    const cases = Object.entries(ROUTES).flatMap(([route, entry]) => {
      const statuses = expected(entry);
      return actors.map((actor) => ({ route, entry, actor, status: statuses.get(actor.name) as number }));
    });
    const answers = await inParallel(cases, async ({ route, entry, actor, status }) => {
      const { path, body } = entry.request({
        department: departments[actor.department],
        actor: actor.name.replace(/\W+/g, '-').replace(/-$/, ''),
      });
      const answer = await actor.client.request(methodOf(route), path, body);
      const problems =
        answer.status === status ? [] : [`${route} as ${actor.name}: ${answer.status}, expected ${status}`];
      if (entry.departmentsIn && actor.role && answer.status === 200) {
        const leaked = entry.departmentsIn(answer.body).filter((d) => d !== null && d !== 'home');
        if (leaked.length > 0) problems.push(`${route} as ${actor.name} shows ${leaked.join(', ')}`);
      }
      return problems;
    });
    expect(answers.flat()).toEqual([]);
    expect(cases.length).toBe(Object.keys(ROUTES).length * ACTORS.length);
  });

  it('shows a backfill started by a workspace change to workspace administrators only', async () => {
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'home',
          name: 'Home Department',
          rules: [{ key: 'ferries', name: 'Ferries', query: 'ferries' }],
        },
      ],
    });
    const { backfill } = applied.body as { backfill: string };
    const statusFor = async (name: string) =>
      (await (actors.find((a) => a.name === name) as Actor).client.get(`/api/backfills/${backfill}`)).status;
    expect([await statusFor('workspace admin'), await statusFor('admin (own)')]).toEqual([200, 404]);
  });

  it('says who could do what a role does not allow, and what to do with no department at all', async () => {
    const viewer = (actors.find((a) => a.name === 'viewer (own)') as Actor).client;
    const refused = await viewer.request('PUT', '/api/rules/home/ferries', {});
    expect(refused.body).toMatchObject({ message: 'Only admins and managers of a department can do this.' });
    await parley.admin.request('POST', '/api/users', {
      email: 'nobody@example.gov.uk',
      name: 'New Starter',
      password: 'new-starter-password',
    });
    const newStarter = new TestApiClient(parley.baseUrl);
    expect(await newStarter.login('nobody@example.gov.uk', 'new-starter-password')).toBe(200);
    expect((await newStarter.get('/api/conversations?department=home')).body).toMatchObject({
      message: 'You are not a member of any department yet: ask a workspace administrator to add you.',
    });
  });
});
