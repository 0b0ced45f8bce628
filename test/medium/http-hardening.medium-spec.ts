import { withAdmin } from '@parley/testing';
import { get, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './harness';

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
  let parley: Api;
  let baseUrl: string;

  beforeAll(async () => {
    parley = await startApi();
    baseUrl = parley.baseUrl;
  });

  afterAll(async () => {
    await parley?.close();
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
    const me = await parley.admin.get('/api/auth/me');
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
    const database = new URL(parley.env.databaseUrl).pathname.slice(1);
    const client = parley.admin;
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
