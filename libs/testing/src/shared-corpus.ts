import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shared corpora beside the checkout (`../shared/corpora`); a user's clone does not have them. */
export const SHARED_CORPORA = resolve(__dirname, '../../../../shared/corpora');

export type SharedCorpus = { name: string; dir: string; present: boolean };

/**
 * One folder of ../shared/corpora, for `describe.skipIf(!corpus.present)`. When it is absent (a clean
 * clone) it says so in one line, so a skip is never silent; the project's own fixtures cover the same paths.
 */
export const sharedCorpus = (name: string): SharedCorpus => {
  const dir = join(SHARED_CORPORA, name);
  const present = existsSync(dir);
  if (!present)
    // eslint-disable-next-line no-console -- the one line that tells a person why these tests were skipped
    console.info(
      `skipped: ../shared/corpora/${name} is absent (clean clone); project fixtures cover this path`,
    );
  return { name, dir, present };
};
