import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@parley/config';
import type { ApiToken, CreateTokenResponse, User } from '@parley/contracts';
import { TestApiClient, createTestEnvironment, type TestEnvironment } from '@parley/testing';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.factory';
import { bootstrapCommand } from '../../cli/bootstrap.command';

const ADMIN = { email: 'admin@example.gov.uk', password: 'a-long-admin-password' };
const PASSWORD = 'a-long-enough-password';
/** On the list of common passwords (and long enough to pass the length rule). */
const COMMON = 'passwordpassword';

/**
 * The api trusts X-Forwarded-For from loopback (a proxy in front of it), so each caller here can come from an
 * address of its own while the test runs on 127.0.0.1.
 */
const from = (ip: string) => ({ 'x-forwarded-for': ip });

describe('sign-in: throttle, API token limits, common passwords, signing out everywhere', () => {
  let env: TestEnvironment;
  let app: INestApplication;
  let baseUrl: string;
  let db: Client;
  let admin: TestApiClient;

  const login = (email: string, password: string, ip: string) =>
    new TestApiClient(baseUrl).request('POST', '/api/auth/login', { email, password }, from(ip));
  const createUser = async (email: string, password = PASSWORD) => {
    const { status, body } = await admin.request('POST', '/api/users', { email, name: email, password });
    expect(status).toBe(201);
    return (body as User).id;
  };
  const signIn = async (email: string) => {
    const client = new TestApiClient(baseUrl);
    expect(await client.login(email, PASSWORD)).toBe(200);
    return client;
  };
  const audit = async (action: string) =>
    (await db.query(`SELECT entity_id, after FROM audit_event WHERE action = $1 ORDER BY id`, [action])).rows;

  beforeAll(async () => {
    env = await createTestEnvironment({
      PARLEY_ADMIN_EMAIL: ADMIN.email,
      PARLEY_ADMIN_PASSWORD: ADMIN.password,
      PARLEY_TOKEN_DAYS: '30',
    });
    app = await createApp(loadConfig());
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
    db = new Client({ connectionString: env.databaseUrl });
    await db.connect();
    await bootstrapCommand(app, loadConfig());
    admin = new TestApiClient(baseUrl);
    expect(await admin.login(ADMIN.email, ADMIN.password)).toBe(200);
  });

  afterAll(async () => {
    await db?.end();
    await app?.close();
    await env?.cleanup();
  });

  it('counts parallel wrong guesses before checking them: at most the limit get 401, the rest 429 with Retry-After', async () => {
    await createUser('target@example.gov.uk');
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => login('target@example.gov.uk', 'a wrong guess', '203.0.113.40')),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s !== 401).every((s) => s === 429)).toBe(true);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(30);
    for (const answer of refused) {
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(answer.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
      expect((answer.body as { message: string }).message).toMatch(/Try again in \d+ minutes?/);
    }
    // The right password from that address is refused too until the lock lapses.
    expect((await login('target@example.gov.uk', PASSWORD, '203.0.113.40')).status).toBe(429);
    expect((await audit('auth.lockout')).map((r) => r.after)).toContainEqual(
      expect.objectContaining({ email: 'target@example.gov.uk', ip: '203.0.113.40' }),
    );
  });

  it('lets the owner sign in from another address however often a stranger guessed wrong', async () => {
    await createUser('owner@example.gov.uk');
    const stranger: number[] = [];
    for (let i = 0; i < 50; i++)
      stranger.push((await login('owner@example.gov.uk', `guess ${i}`, '198.51.100.7')).status);
    expect(stranger.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(stranger.at(-1)).toBe(429);

    const owner = await login('owner@example.gov.uk', PASSWORD, '192.0.2.10');
    expect(owner.status).toBe(200);
    // A second stranger address starts with a clean slate of its own, but its guesses are slowed, not refused.
    expect((await login('owner@example.gov.uk', 'another guess', '198.51.100.8')).status).toBe(401);
  });

  it('gives API tokens an expiry, and an expired one answers 401 saying when it expired', async () => {
    await createUser('tokens@example.gov.uk');
    const owner = await signIn('tokens@example.gov.uk');
    const created = await owner.request('POST', '/api/auth/tokens', { name: 'nightly export' });
    expect(created.status).toBe(201);
    const token = created.body as CreateTokenResponse;
    const days = (Date.parse(token.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    const listed = (await owner.get<ApiToken[]>('/api/auth/tokens')).body;
    expect(listed[0]).toMatchObject({ id: token.id, expiresAt: token.expiresAt });

    const script = new TestApiClient(baseUrl, token.token);
    expect((await script.get('/api/auth/me')).status).toBe(200);
    await db.query(`UPDATE api_token SET expires_at = '2026-03-01T12:00:00Z' WHERE id = $1`, [token.id]);
    const expired = await script.get<{ message: string }>('/api/auth/me');
    expect(expired.status).toBe(401);
    expect(expired.body.message).toMatch(/This API token expired on 1 March 2026/);
    // A public route still answers a caller with an expired token.
    expect((await script.get('/api/health')).status).toBe(200);
  });

  it('caps the API tokens one person holds, counting only those that still work', async () => {
    await createUser('many@example.gov.uk');
    const owner = await signIn('many@example.gov.uk');
    const made = await Promise.all(
      Array.from({ length: 20 }, (_, i) => owner.request('POST', '/api/auth/tokens', { name: `token ${i}` })),
    );
    expect(made.map((m) => m.status)).toEqual(Array(20).fill(201));
    const over = await owner.request('POST', '/api/auth/tokens', { name: 'one too many' });
    expect(over.status).toBe(409);
    expect((over.body as { message: string }).message).toMatch(/20 API tokens.*revoke one/);

    expect(
      (await owner.request('DELETE', `/api/auth/tokens/${(made[0].body as CreateTokenResponse).id}`)).status,
    ).toBe(200);
    await db.query(`UPDATE api_token SET expires_at = now() - interval '1 day' WHERE id = $1`, [
      (made[1].body as CreateTokenResponse).id,
    ]);
    expect((await owner.request('POST', '/api/auth/tokens', { name: 'replacement' })).status).toBe(201);
    expect((await owner.request('POST', '/api/auth/tokens', { name: 'and another' })).status).toBe(201);
    expect((await owner.request('POST', '/api/auth/tokens', { name: 'too many again' })).status).toBe(409);
  });

  it('does not let an API token create tokens', async () => {
    const created = await admin.request('POST', '/api/auth/tokens', { name: 'script' });
    const script = new TestApiClient(baseUrl, (created.body as CreateTokenResponse).token);
    const minted = await script.request('POST', '/api/auth/tokens', { name: 'child' });
    expect(minted.status).toBe(403);
    expect((minted.body as { message: string }).message).toMatch(
      /An API token cannot create tokens; sign in/,
    );
    const names = (await admin.get<ApiToken[]>('/api/auth/tokens')).body.map((t) => t.name);
    expect(names).not.toContain('child');
  });

  it('refuses a common password when creating a user, changing a password or resetting one', async () => {
    const created = await admin.request('POST', '/api/users', {
      email: 'common@example.gov.uk',
      name: 'Common',
      password: COMMON,
    });
    expect(created.status).toBe(400);
    expect(created.body).toMatchObject({
      problems: [{ path: 'password', message: expect.stringMatching(/list of common passwords/) }],
    });
    // A common password with digits on the end is what attackers try next.
    const padded = await admin.request('POST', '/api/users', {
      email: 'common@example.gov.uk',
      name: 'Common',
      password: 'Sunshine2024!!',
    });
    expect(padded.status).toBe(400);
    const tooLong = await admin.request('POST', '/api/users', {
      email: 'common@example.gov.uk',
      name: 'Common',
      password: 'x'.repeat(257),
    });
    expect(tooLong.body).toMatchObject({
      problems: [{ path: 'password', message: expect.stringMatching(/at most 256 characters/) }],
    });

    const id = await createUser('changer@example.gov.uk');
    const changer = await signIn('changer@example.gov.uk');
    const change = await changer.request('PUT', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: COMMON,
    });
    expect(change.status).toBe(400);
    expect(change.body).toMatchObject({ problems: [{ path: 'newPassword' }] });

    const reset = await admin.request('POST', `/api/users/${id}/password-reset`, { password: COMMON });
    expect(reset.status).toBe(400);
    expect(reset.body).toMatchObject({ problems: [{ path: 'password' }] });
    expect(await new TestApiClient(baseUrl).login('changer@example.gov.uk', COMMON)).toBe(401);
  });

  it('signs you out everywhere, this session included', async () => {
    const id = await createUser('roamer@example.gov.uk');
    const laptop = await signIn('roamer@example.gov.uk');
    const phone = await signIn('roamer@example.gov.uk');
    const token = (
      (await laptop.request('POST', '/api/auth/tokens', { name: 'kept' })).body as CreateTokenResponse
    ).token;

    const out = await laptop.request('POST', '/api/auth/sessions/revoke');
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ sessionsEnded: 2 });
    expect((await laptop.get('/api/auth/me')).status).toBe(401);
    expect((await phone.get('/api/auth/me')).status).toBe(401);
    // API tokens are not sign-ins: they keep working until revoked.
    expect((await new TestApiClient(baseUrl, token).get('/api/auth/me')).status).toBe(200);
    expect(await audit('auth.sign-out-everywhere')).toEqual([{ entity_id: id, after: { sessionsEnded: 2 } }]);
  });

  it('lets an administrator sign someone out everywhere', async () => {
    const id = await createUser('wanderer@example.gov.uk');
    const desk = await signIn('wanderer@example.gov.uk');
    const home = await signIn('wanderer@example.gov.uk');
    const out = await admin.request('POST', `/api/users/${id}/sessions/revoke`);
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ sessionsEnded: 2 });
    expect((await desk.get('/api/auth/me')).status).toBe(401);
    expect((await home.get('/api/auth/me')).status).toBe(401);
    expect((await admin.get('/api/auth/me')).status).toBe(200);
    expect((await audit('user.sign-out-everywhere')).map((r) => r.after)).toEqual([{ sessionsEnded: 2 }]);
    await signIn('wanderer@example.gov.uk');
  });
});
