import { readFile, realpath } from 'node:fs/promises';
import { relative, isAbsolute, join } from 'node:path';
import { DomainError } from '@parley/domain';

const SAMPLE_URL = /^sample:([a-z0-9][a-z0-9._-]*)$/;

const isInside = (dir: string, file: string): boolean => {
  const path = relative(dir, file);
  return path !== '' && !path.startsWith('..') && !isAbsolute(path);
};

const missing = (name: string, sampleDir: string) =>
  new DomainError(
    'fetch_failed',
    `sample feed "${name}" is not in ${sampleDir}; check the source URL or the sample folder`,
  );

/**
 * Reads a bundled sample feed for a `sample:NAME` URL, so the demo can replay feeds offline. NAME is a plain
 * file name, and the resolved file (symlinks followed) must still be inside `sampleDir`.
 */
export const readSample = async (url: string, sampleDir: string): Promise<Buffer> => {
  const name = SAMPLE_URL.exec(url)?.[1];
  if (!name)
    throw new DomainError(
      'fetch_refused',
      `"${url}" is not a sample URL; use sample:NAME with a lower-case file name (a-z, 0-9, . _ -)`,
    );
  const dir = await realpath(sampleDir).catch(() => {
    throw new DomainError(
      'fetch_failed',
      `the sample folder ${sampleDir} does not exist; check the configured sample folder`,
    );
  });
  const file = await realpath(join(dir, name)).catch(() => {
    throw missing(name, sampleDir);
  });
  if (!isInside(dir, file))
    throw new DomainError('fetch_refused', `sample feed "${name}" points outside ${sampleDir}; refused`);
  return readFile(file).catch(() => {
    throw missing(name, sampleDir);
  });
};
