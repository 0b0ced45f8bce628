import type { ApiToken } from '@parley/contracts';
import { iso, type ApiTokenRow } from '@parley/db';

export const toApiToken = (row: ApiTokenRow): ApiToken => ({
  id: row.id,
  name: row.name,
  createdAt: iso(row.createdAt) ?? '',
  lastUsedAt: iso(row.lastUsedAt),
  revokedAt: iso(row.revokedAt),
  expiresAt: iso(row.expiresAt) ?? '',
});
