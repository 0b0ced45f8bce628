import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from './fetch-error';
import { describeTarget, postUrl } from './safe-post';

let server: Server;
let origin = '';
const received: { path: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
      if (req.url === '/moved') return void res.writeHead(302, { location: '/hook' }).end();
      if (req.url === '/refuses') return void res.writeHead(403).end('invalid_token');
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const post = (path: string, allowlist = ['127.0.0.1']) =>
  postUrl(`${origin}${path}`, '{"text":"hi"}', {
    allowlist,
    headers: { 'content-type': 'application/json' },
  });

describe('postUrl', () => {
  it('posts the body as given and answers the status', async () => {
    await expect(post('/hook')).resolves.toEqual({ status: 200 });
    expect(received.at(-1)).toEqual({ path: '/hook', body: '{"text":"hi"}' });
  });

  it('refuses a loopback or private address that is not allowlisted, before connecting', async () => {
    const before = received.length;
    await expect(post('/hook', [])).rejects.toMatchObject({ code: 'fetch_refused' });
    await expect(
      postUrl('http://169.254.169.254/latest', '{}', { allowlist: [], headers: {} }),
    ).rejects.toMatchObject({ code: 'fetch_refused' });
    expect(received.length).toBe(before);
  });

  it('does not follow a redirect, and keeps the status of a refusal with what the receiver said', async () => {
    await expect(post('/moved')).rejects.toMatchObject({ code: 'fetch_failed', status: 302 });
    const refused = await post('/refuses').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FetchError);
    expect((refused as FetchError).message).toMatch(/403 Forbidden: invalid_token/);
  });

  it.each([
    ['https://hooks.slack.com/services/T000/B000/secret-part', 'https://hooks.slack.com'],
    [
      'https://example.webhook.office.com/webhookb2/abc@def/IncomingWebhook/x/y',
      'https://example.webhook.office.com',
    ],
    ['not a url', 'an invalid URL'],
  ])('names %s by scheme and host only, never its credential path', (url, shown) => {
    expect(describeTarget(url)).toBe(shown);
  });

  it('never puts the path in an error message', async () => {
    const error = (await post('/refuses').catch((e: unknown) => e)) as Error;
    expect(error.message).not.toContain('/refuses');
  });
});
