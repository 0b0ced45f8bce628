import type { ApiToken, Member, MemberAdded, PasswordReset, UserSummary } from '@parley/contracts';
import { TestApiClient } from '@parley/testing';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startApi, type Api } from './harness';

const PASSWORD = 'a-long-enough-password';

describe('people: members, accounts, passwords, tokens, unlock', () => {
  let parley: Api;
  let baseUrl: string;
  let db: Client;
  let admin: TestApiClient;
  const ids: Record<string, string> = {};

  const signIn = async (email: string, password = PASSWORD) => {
    const client = new TestApiClient(baseUrl);
    expect(await client.login(email, password)).toBe(200);
    return client;
  };
  const createUser = async (email: string, name: string, memberships: object[]) => {
    const { status, body } = await admin.request('POST', '/api/users', {
      email,
      name,
      password: PASSWORD,
      memberships,
    });
    expect(status).toBe(201);
    return (body as { id: string }).id;
  };
  const newToken = async (client: TestApiClient, name = 'script') => {
    const { body } = await client.request('POST', '/api/auth/tokens', { name });
    return body as { id: string; token: string };
  };
  const membersOf = async (client: TestApiClient, department: string) =>
    (await client.get<Member[]>(`/api/departments/${department}/members`)).body;
  const sessionsOf = async (userId: string): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS n FROM user_session WHERE user_id = $1`, [userId])).rows[0].n;
  const audit = async (action: string) =>
    (await db.query(`SELECT before, after FROM audit_event WHERE action = $1 ORDER BY id`, [action])).rows;

  beforeAll(async () => {
    parley = await startApi();
    ({ baseUrl, db } = parley);
    admin = new TestApiClient(baseUrl);
    expect(await admin.login(ADMIN.email, ADMIN.password)).toBe(200);
    const applied = await admin.request('PUT', '/api/workspace', {
      departments: [
        { key: 'dfe', name: 'Department for Education' },
        { key: 'dwp', name: 'Department for Work and Pensions' },
      ],
    });
    expect(applied.status).toBe(200);
    ids.dfeAdmin = await createUser('dana@example.gov.uk', 'Dana Admin', [
      { department: 'dfe', role: 'admin' },
    ]);
    ids.vera = await createUser('vera@example.gov.uk', 'Vera Viewer', [
      { department: 'dfe', role: 'viewer' },
    ]);
    ids.sam = await createUser('sam@example.gov.uk', 'Sam Shared', [
      { department: 'dfe', role: 'viewer' },
      { department: 'dwp', role: 'viewer' },
    ]);
    ids.cal = await createUser('cal@example.gov.uk', 'Cal Comms', [{ department: 'dwp', role: 'comms' }]);
  });

  afterAll(async () => {
    await parley?.close();
  });

  it('lists a department’s members to its administrator only', async () => {
    const dana = await signIn('dana@example.gov.uk');
    const members = await membersOf(dana, 'dfe');
    expect(members.map((m) => [m.name, m.role, m.manageAccount])).toEqual([
      ['Dana Admin', 'admin', true],
      ['Sam Shared', 'viewer', false],
      ['Vera Viewer', 'viewer', true],
    ]);
    expect(members[0]).toMatchObject({ disabled: false, locked: false, workspaceAdmin: false });
    expect(members[0].lastSignInAt).not.toBeNull();
    expect(members[1].lastSignInAt).toBeNull();
    // Another department's members are not Dana's to see, nor to change; a viewer manages nobody.
    expect((await dana.get('/api/departments/dwp/members')).status).toBe(404);
    expect(
      (await dana.request('PUT', `/api/departments/dwp/members/${ids.cal}`, { role: 'viewer' })).status,
    ).toBe(404);
    expect((await dana.request('DELETE', `/api/departments/dwp/members/${ids.cal}`)).status).toBe(404);
    expect(
      (
        await dana.request('POST', '/api/departments/dwp/members', {
          email: 'x@example.gov.uk',
          role: 'admin',
        })
      ).status,
    ).toBe(404);
    const vera = await signIn('vera@example.gov.uk');
    expect((await vera.get('/api/departments/dfe/members')).status).toBe(403);
    // A workspace administrator sees every department's members.
    expect((await membersOf(admin, 'dwp')).map((m) => m.name)).toEqual(['Cal Comms', 'Sam Shared']);
  });

  it('adds an existing or a new person, changes their role and removes them, with an audit trail', async () => {
    const dana = await signIn('dana@example.gov.uk');
    const existing = await dana.request('POST', '/api/departments/dfe/members', {
      email: 'CAL@example.gov.uk',
      role: 'policy',
    });
    expect(existing.status).toBe(201);
    expect(existing.body).toMatchObject({
      created: false,
      generatedPassword: null,
      member: { name: 'Cal Comms' },
    });
    expect(
      (
        await dana.request('POST', '/api/departments/dfe/members', {
          email: 'cal@example.gov.uk',
          role: 'viewer',
        })
      ).status,
    ).toBe(409);

    const nameless = await dana.request('POST', '/api/departments/dfe/members', {
      email: 'nina@example.gov.uk',
      role: 'comms',
    });
    expect(nameless.status).toBe(400);
    expect(nameless.body).toMatchObject({ problems: [{ path: 'name' }] });
    const added = await dana.request('POST', '/api/departments/dfe/members', {
      email: 'nina@example.gov.uk',
      name: 'Nina New',
      role: 'comms',
    });
    expect(added.status).toBe(201);
    const { member, generatedPassword } = added.body as MemberAdded;
    expect(generatedPassword).toMatch(/^[\w-]{16}$/);
    expect(member).toMatchObject({
      name: 'Nina New',
      role: 'comms',
      workspaceAdmin: false,
      manageAccount: true,
    });
    const nina = await signIn('nina@example.gov.uk', generatedPassword ?? '');
    const me = (await nina.get<{ departments: { key: string; role: string }[] }>('/api/auth/me')).body;
    expect(me.departments).toEqual([expect.objectContaining({ key: 'dfe', role: 'comms' })]);

    const changed = await dana.request('PUT', `/api/departments/dfe/members/${member.id}`, {
      role: 'manager',
    });
    expect(changed.body).toMatchObject({ role: 'manager' });
    expect(
      (await dana.request('PUT', `/api/departments/dfe/members/${member.id}`, { role: 'owner' })).status,
    ).toBe(400);
    expect((await dana.request('DELETE', `/api/departments/dfe/members/${member.id}`)).status).toBe(204);
    // Her rights in the department end with the membership, on her very next request.
    expect((await nina.get<{ departments: unknown[] }>('/api/auth/me')).body.departments).toEqual([]);
    expect((await dana.request('DELETE', `/api/departments/dfe/members/${member.id}`)).status).toBe(404);

    expect(await audit('membership.update')).toEqual([
      { before: { department: 'dfe', role: 'comms' }, after: { department: 'dfe', role: 'manager' } },
    ]);
    expect(await audit('membership.delete')).toEqual([
      { before: { department: 'dfe', role: 'manager' }, after: null },
    ]);
    const everything = JSON.stringify((await db.query(`SELECT before, after FROM audit_event`)).rows);
    expect(everything).not.toContain(generatedPassword);
    expect(everything).not.toContain(PASSWORD);
  });

  it('answers 409, not 500, when two administrators add the same person at once', async () => {
    const [first, second] = await Promise.all(
      ['first', 'second'].map(() =>
        admin.request('POST', '/api/departments/dwp/members', {
          email: 'dana@example.gov.uk',
          role: 'viewer',
        }),
      ),
    );
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const [made, again] = await Promise.all(
      ['first', 'second'].map(() =>
        admin.request('POST', '/api/departments/dwp/members', {
          email: 'twin@example.gov.uk',
          name: 'Twin',
          role: 'viewer',
        }),
      ),
    );
    expect([made.status, again.status].sort()).toEqual([201, 409]);
    await admin.request('DELETE', `/api/departments/dwp/members/${ids.dfeAdmin}`);
  });

  it('lets a department administrator grant nothing outside their department, nor workspace administration', async () => {
    const dana = await signIn('dana@example.gov.uk');
    expect(
      (await dana.request('PUT', `/api/users/${ids.vera}/workspace-admin`, { workspaceAdmin: true })).status,
    ).toBe(403);
    expect(
      (await dana.request('PUT', `/api/users/${ids.dfeAdmin}/workspace-admin`, { workspaceAdmin: true }))
        .status,
    ).toBe(403);
    expect(
      (
        await dana.request('POST', '/api/users', {
          email: 'boss@example.gov.uk',
          name: 'Boss',
          password: PASSWORD,
          workspaceAdmin: true,
        })
      ).status,
    ).toBe(403);
    expect((await dana.get('/api/users')).status).toBe(403);
    const flags = await db.query(`SELECT count(*)::int AS n FROM app_user WHERE workspace_admin`);
    expect(flags.rows[0].n).toBe(1);
  });

  it('disables a user: their open session and API token get 401 at once, and signing in is refused', async () => {
    const dana = await signIn('dana@example.gov.uk');
    const vera = await signIn('vera@example.gov.uk');
    const token = await newToken(vera);
    const script = new TestApiClient(baseUrl, token.token);
    expect((await script.get('/api/auth/me')).status).toBe(200);
    const open = await sessionsOf(ids.vera);

    const disabled = await dana.request('POST', `/api/users/${ids.vera}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ disabled: true });
    expect((await vera.get('/api/auth/me')).status).toBe(401);
    expect((await script.get('/api/auth/me')).status).toBe(401);
    expect(await new TestApiClient(baseUrl).login('vera@example.gov.uk', PASSWORD)).toBe(401);
    const rows = await db.query(
      `SELECT (SELECT count(*)::int FROM user_session WHERE user_id = $1) AS sessions,
              (SELECT revoked_at IS NOT NULL FROM api_token WHERE id = $2) AS revoked`,
      [ids.vera, token.id],
    );
    expect(rows.rows[0]).toEqual({ sessions: 0, revoked: true });
    expect((await membersOf(dana, 'dfe')).find((m) => m.id === ids.vera)?.disabled).toBe(true);

    expect((await dana.request('POST', `/api/users/${ids.vera}/enable`)).status).toBe(200);
    await signIn('vera@example.gov.uk');
    // Re-enabling does not bring revoked tokens back.
    expect((await script.get('/api/auth/me')).status).toBe(401);
    expect(await audit('user.disable')).toEqual([
      { before: null, after: { sessionsEnded: open, tokensRevoked: 1 } },
    ]);
  });

  it('refuses a department administrator accounts that reach beyond their departments', async () => {
    const dana = await signIn('dana@example.gov.uk');
    const shared = await dana.request('POST', `/api/users/${ids.sam}/disable`);
    expect(shared.status).toBe(403);
    expect((shared.body as { message: string }).message).toMatch(
      /also a member of departments you do not administer/,
    );
    expect((await dana.request('POST', `/api/users/${ids.cal}/disable`)).status).toBe(403);
    expect((await dana.request('POST', `/api/users/${ids.sam}/password-reset`, {})).status).toBe(403);
    const adminId = (await db.query(`SELECT id FROM app_user WHERE email = $1`, [ADMIN.email])).rows[0].id;
    expect((await dana.request('POST', `/api/users/${adminId}/password-reset`, {})).status).toBe(404);
    expect((await dana.request('POST', `/api/users/${ids.dfeAdmin}/disable`)).status).toBe(409);
    expect((await dana.request('POST', '/api/users/not-a-uuid/disable')).status).toBe(404);
    expect(
      (await dana.request('POST', '/api/users/00000000-0000-0000-0000-000000000000/unlock')).status,
    ).toBe(404);
    const disabled = await db.query(`SELECT count(*)::int AS n FROM app_user WHERE disabled_at IS NOT NULL`);
    expect(disabled.rows[0].n).toBe(0);
  });

  it('makes and unmakes workspace administrators, but never removes the last one', async () => {
    const adminId = (await db.query(`SELECT id FROM app_user WHERE email = $1`, [ADMIN.email])).rows[0].id;
    const last = await admin.request('PUT', `/api/users/${adminId}/workspace-admin`, {
      workspaceAdmin: false,
    });
    expect(last.status).toBe(409);
    expect((last.body as { message: string }).message).toMatch(/last workspace administrator/);

    const made = await admin.request('PUT', `/api/users/${ids.dfeAdmin}/workspace-admin`, {
      workspaceAdmin: true,
    });
    expect(made.body).toMatchObject({
      workspaceAdmin: true,
      memberships: [{ department: 'dfe', role: 'admin' }],
    });
    const dana = await signIn('dana@example.gov.uk');
    expect((await dana.get('/api/departments/dwp/members')).status).toBe(200);
    const users = (await dana.get<UserSummary[]>('/api/users')).body;
    expect(users.map((u) => u.email)).toEqual(expect.arrayContaining([ADMIN.email, 'sam@example.gov.uk']));
    expect(users.find((u) => u.email === 'sam@example.gov.uk')?.memberships).toHaveLength(2);

    // Two administrators: Dana may take the flag from the other, and then she is the last one.
    expect(
      (await dana.request('PUT', `/api/users/${adminId}/workspace-admin`, { workspaceAdmin: false })).status,
    ).toBe(200);
    expect(
      (await dana.request('PUT', `/api/users/${ids.dfeAdmin}/workspace-admin`, { workspaceAdmin: false }))
        .status,
    ).toBe(409);
    expect(
      (await dana.request('PUT', `/api/users/${adminId}/workspace-admin`, { workspaceAdmin: true })).status,
    ).toBe(200);
    expect(
      (await admin.request('PUT', `/api/users/${ids.dfeAdmin}/workspace-admin`, { workspaceAdmin: false }))
        .status,
    ).toBe(200);
    expect((await audit('user.workspace-admin')).map((r) => r.after)).toEqual([
      { workspaceAdmin: true },
      { workspaceAdmin: false },
      { workspaceAdmin: true },
      { workspaceAdmin: false },
    ]);
  });

  it('changes your own password only with the current one, signing out your other sessions', async () => {
    await createUser('pat@example.gov.uk', 'Pat Password', [{ department: 'dwp', role: 'viewer' }]);
    const here = await signIn('pat@example.gov.uk');
    const elsewhere = await signIn('pat@example.gov.uk');
    const hash = async () =>
      (await db.query(`SELECT password_hash FROM app_user WHERE email = 'pat@example.gov.uk'`)).rows[0]
        .password_hash;
    const before = await hash();

    const wrong = await here.request('PUT', '/api/auth/password', {
      currentPassword: 'not my password',
      newPassword: 'a-brand-new-password',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({
      problems: [{ path: 'currentPassword', message: expect.stringMatching(/not right/) }],
    });
    const short = await here.request('PUT', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'short',
    });
    expect(short.body).toMatchObject({ problems: [{ path: 'newPassword' }] });
    expect(await hash()).toBe(before);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(200);

    const changed = await here.request('PUT', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'a-brand-new-password',
    });
    expect(changed.status).toBe(204);
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
    expect(await new TestApiClient(baseUrl).login('pat@example.gov.uk', PASSWORD)).toBe(401);
    await signIn('pat@example.gov.uk', 'a-brand-new-password');
    expect(JSON.stringify(await audit('user.password-change'))).not.toContain('brand-new');
  });

  it('resets someone’s password: a generated one shown once, and they are signed out everywhere', async () => {
    const dana = await signIn('dana@example.gov.uk');
    const vera = await signIn('vera@example.gov.uk');
    const open = await sessionsOf(ids.vera);
    const reset = await dana.request('POST', `/api/users/${ids.vera}/password-reset`, {});
    expect(reset.status).toBe(200);
    const { generatedPassword } = reset.body as PasswordReset;
    expect(generatedPassword).toMatch(/^[\w-]{16}$/);
    expect((await vera.get('/api/auth/me')).status).toBe(401);
    expect(await new TestApiClient(baseUrl).login('vera@example.gov.uk', PASSWORD)).toBe(401);
    await signIn('vera@example.gov.uk', generatedPassword ?? '');

    const chosen = await admin.request('POST', `/api/users/${ids.vera}/password-reset`, {
      password: PASSWORD,
    });
    expect(chosen.body).toEqual({ generatedPassword: null });
    await signIn('vera@example.gov.uk');
    expect((await dana.request('POST', `/api/users/${ids.dfeAdmin}/password-reset`, {})).status).toBe(409);
    const trail = await audit('user.password-reset');
    expect(trail.map((r) => r.after)).toEqual([
      { generated: true, sessionsEnded: open },
      { generated: false, sessionsEnded: 1 },
    ]);
    expect(JSON.stringify(trail)).not.toContain(generatedPassword);
  });

  it('lists and revokes your own API tokens; a revoked token answers 401 at once', async () => {
    const vera = await signIn('vera@example.gov.uk');
    const first = await newToken(vera, 'first');
    const second = await newToken(vera, 'second');
    const script = new TestApiClient(baseUrl, first.token);
    expect((await script.get('/api/auth/me')).status).toBe(200);
    const listed = (await vera.get<ApiToken[]>('/api/auth/tokens')).body;
    expect(listed.map((t) => t.name)).toEqual(['second', 'first', 'script']);
    expect(listed[1].lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(first.token);

    const revoked = await vera.request('DELETE', `/api/auth/tokens/${first.id}`);
    expect(revoked.body).toMatchObject({ id: first.id, revokedAt: expect.any(String) });
    expect((await script.get('/api/auth/me')).status).toBe(401);
    // Someone else's token is not yours to revoke; only a workspace administrator handles other people's tokens.
    const dana = await signIn('dana@example.gov.uk');
    expect((await dana.request('DELETE', `/api/auth/tokens/${second.id}`)).status).toBe(404);
    expect((await dana.get(`/api/users/${ids.vera}/tokens`)).status).toBe(403);
    expect((await dana.request('DELETE', `/api/users/${ids.vera}/tokens/${second.id}`)).status).toBe(403);

    const theirs = (await admin.get<ApiToken[]>(`/api/users/${ids.vera}/tokens`)).body;
    expect(theirs.find((t) => t.id === first.id)?.revokedAt).not.toBeNull();
    expect((await admin.request('DELETE', `/api/users/${ids.vera}/tokens/${second.id}`)).status).toBe(200);
    expect((await new TestApiClient(baseUrl, second.token).get('/api/auth/me')).status).toBe(401);
    expect((await admin.request('DELETE', `/api/users/${ids.vera}/tokens/not-an-id`)).status).toBe(404);
    expect((await audit('api-token.revoke')).map((r) => r.after)).toEqual([
      { owner: 'vera@example.gov.uk', name: 'first' },
      { owner: 'vera@example.gov.uk', name: 'second' },
    ]);
  });

  it('shows an account locked by failed sign-ins, and an administrator unlocks it', async () => {
    const stranger = new TestApiClient(baseUrl);
    for (let i = 0; i < 10; i++)
      expect(await stranger.login('vera@example.gov.uk', 'guessing wrong')).toBe(401);
    expect(await stranger.login('vera@example.gov.uk', PASSWORD)).toBe(429);
    const dana = await signIn('dana@example.gov.uk');
    expect((await membersOf(dana, 'dfe')).find((m) => m.id === ids.vera)?.locked).toBe(true);

    expect((await dana.request('POST', `/api/users/${ids.vera}/unlock`)).status).toBe(204);
    expect((await membersOf(dana, 'dfe')).find((m) => m.id === ids.vera)?.locked).toBe(false);
    await signIn('vera@example.gov.uk');
    expect(await audit('user.unlock')).toHaveLength(1);
  });
});
