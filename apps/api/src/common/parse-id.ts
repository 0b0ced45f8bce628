import { DomainError } from '@parley/domain';
import { z } from 'zod';

const uuid = z.uuid();

/** Ids in paths are uuids; anything else names nothing, so it answers 404 rather than reaching Postgres. */
export const parseId = (raw: string, notFound: string): string => {
  if (!uuid.safeParse(raw).success) throw new DomainError('not_found', notFound);
  return raw;
};
