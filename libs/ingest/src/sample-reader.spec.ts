import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSample } from './sample-reader';

let root = '';
let samples = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'parley-samples-'));
  samples = join(root, 'samples');
  await mkdir(samples);
  await writeFile(join(samples, 'gov-blog.xml'), '<rss/>');
  await writeFile(join(root, 'secret.txt'), 'secret');
  await symlink(join(root, 'secret.txt'), join(samples, 'escape.xml'));
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe('readSample', () => {
  it('reads a bundled sample', async () => {
    expect((await readSample('sample:gov-blog.xml', samples)).toString()).toBe('<rss/>');
  });

  it.each([
    ['sample:../secret.txt', 'fetch_refused', /is not a sample URL/],
    ['sample:/etc/passwd', 'fetch_refused', /is not a sample URL/],
    ['sample:Gov-Blog.xml', 'fetch_refused', /is not a sample URL/],
    ['sample:sub/file.xml', 'fetch_refused', /is not a sample URL/],
    ['https://example.org/feed', 'fetch_refused', /is not a sample URL/],
    ['sample:escape.xml', 'fetch_refused', /points outside/],
    ['sample:missing.xml', 'fetch_failed', /sample feed "missing.xml" is not in/],
  ])('%s → %s', async (url, code, message) => {
    await expect(readSample(url, samples)).rejects.toMatchObject({
      code,
      message: expect.stringMatching(message),
    });
  });

  it('explains a missing sample folder', async () => {
    await expect(readSample('sample:x.xml', join(root, 'nowhere'))).rejects.toMatchObject({
      code: 'fetch_failed',
      message: expect.stringMatching(/does not exist/),
    });
  });
});
