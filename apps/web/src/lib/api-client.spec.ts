import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, buildUrl, request, setCsrfToken } from './api-client';

describe('buildUrl', () => {
  it.each([
    [{}, '/api/conversations'],
    [
      { department: 'dft', sort: 'score', limit: 25 },
      '/api/conversations?department=dft&sort=score&limit=25',
    ],
    [{ department: 'dft', cursor: null, other: undefined, empty: '' }, '/api/conversations?department=dft'],
    [{ cursor: 'a+b/c=' }, '/api/conversations?cursor=a%2Bb%2Fc%3D'],
  ])('%o → %s', (params, expected) => expect(buildUrl('/api/conversations', params)).toBe(expected));
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('request', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  it('sends the CSRF token on writes but not on login or reads', async () => {
    const fetchMock = vi.fn(async () => json(200, {}));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('tok');
    await request('/api/auth/logout', { method: 'POST' });
    await request('/api/auth/login', { method: 'POST', body: { email: 'a@b.c', password: 'x' } });
    await request('/api/sources');
    const headers = fetchMock.mock.calls.map(
      (call) => (call as unknown as [string, RequestInit])[1].headers as Record<string, string>,
    );
    expect(headers.map((h) => h['X-CSRF-Token'])).toEqual(['tok', undefined, undefined]);
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(init.credentials).toBe('same-origin');
  });

  it('turns an error body into an ApiError with its problems', async () => {
    vi.stubGlobal('fetch', async () =>
      json(400, {
        code: 'invalid',
        message: 'check the form',
        problems: [{ path: 'email', message: 'enter an email address' }],
      }),
    );
    await expect(request('/api/auth/login', { method: 'POST', body: {} })).rejects.toEqual(
      new ApiError(400, 'invalid', 'check the form', [{ path: 'email', message: 'enter an email address' }]),
    );
  });

  it('copes with a proxy error page that is not JSON', async () => {
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response('<h1>Bad gateway</h1>', { status: 502, headers: { 'content-type': 'text/html' } }),
    );
    const error = await request('/api/sources').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502, code: 'unavailable' });
  });

  it('reports a network failure as status 0', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed');
    });
    await expect(request('/api/sources')).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});
