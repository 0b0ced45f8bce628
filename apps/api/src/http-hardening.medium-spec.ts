import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@parley/config';
import { TestApiClient, createTestEnvironment, withAdmin, type TestEnvironment } from '@parley/testing';
import { get, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.factory';

const ADMIN = { email: 'admin@example.gov.uk', password: 'a-long-admin-password' };

/** A raw request, so headers and bodies the typed client would never send can be sent. */
const send = (baseUrl: string, path: string, init: RequestInit = {}) => fetch(new URL(path, baseUrl), init);

/** fetch will not send another Host header; node:http will. */
const headersFor = (baseUrl: string, path: string, headers: Record<string, string>) =>
  new Promise<IncomingHttpHeaders>((done, fail) =>
    get(new URL(path, baseUrl), { headers }, (res) => {
      res.resume();
      done(res.headers);
    }).on('error', fail),
  );

describe('http answers: headers, bodies, outages', () => {
  let env: TestEnvironment;
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    env = await createTestEnvironment({
      PARLEY_ADMIN_EMAIL: ADMIN.email,
      PARLEY_ADMIN_PASSWORD: ADMIN.password,
    });
    app = await createApp(loadConfig());
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
    const { bootstrapCommand } = await import('./cli/bootstrap.command');
    await bootstrapCommand(app, loadConfig());
  });

  afterAll(async () => {
    await app?.close();
    await env?.cleanup();
  });

  it('over plain HTTP asks the browser for nothing over https (no upgrade-insecure-requests, no HSTS)', async () => {
    // Any host name but localhost: the browser would fetch every asset over https and show a blank page.
    const headers = await headersFor(baseUrl, '/api/health', { host: 'parley.internal:3000' });
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(headers['strict-transport-security']).toBeUndefined();
  });

  it('behind a trusted proxy that says https, sends both', async () => {
    const headers = await headersFor(baseUrl, '/api/health', { 'x-forwarded-proto': 'https' });
    expect(headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(headers['strict-transport-security']).toContain('max-age=');
  });

  it('marks API answers as not to be stored by caches', async () => {
    const client = new TestApiClient(baseUrl);
    expect(await client.login(ADMIN.email, ADMIN.password)).toBe(200);
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 413 to a body over the limit, even signed out, with a message', async () => {
    const response = await send(baseUrl, '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@example.gov.uk', password: 'x'.repeat(6 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      code: 'too_large',
      message: expect.stringContaining('MB'),
    });
  });

  it.each([
    ['null', /JSON object/],
    ['{"email": ', /not valid JSON/],
  ])('answers 400 with a plain message to the body %s', async (body, message) => {
    const response = await send(baseUrl, '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(400);
    expect((await response.json()) as { message: string }).toMatchObject({ code: 'invalid', message });
  });

  it('answers 503 saying the database is unavailable while Postgres refuses connections', async () => {
    const database = new URL(env.databaseUrl).pathname.slice(1);
    const client = new TestApiClient(baseUrl);
    expect(await client.login(ADMIN.email, ADMIN.password)).toBe(200);
    await withAdmin(async (c) => {
      await c.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS false`);
      await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [database]);
    });
    try {
      const response = await client.get('/api/auth/me');
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({
        code: 'unavailable',
        message: expect.stringContaining('database'),
      });
    } finally {
      await withAdmin((c) => c.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS true`));
    }
  });
});
