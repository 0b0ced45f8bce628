import { AuditRepository, createDataSource, runMigrations } from '@parley/db';
import { createTestDatabase } from '@parley/testing';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../apps/api/src/cli/audit.command';

/**
 * The migration that makes the audit log a chain, against a log written before it: every event already there is
 * chained in order, and the chain goes on from them. Its `down` is exercised on the way.
 */
const CHAIN = 'AuditChain1796600000000';

describe('the audit chain migration', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  const audit = new AuditRepository();
  const actor = { userId: null, label: 'cli' };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource(database.url, { poolSize: 2 }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('chains the events recorded before it, and later events after them', async () => {
    // Back to before the chain (and whatever later migrations need undoing first).
    for (;;) {
      const [last] = await dataSource.query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`);
      await dataSource.undoLastMigration({ transaction: 'each' });
      if (last.name === CHAIN) break;
    }
    // The log as it was: no chain, nothing refused.
    for (let n = 1; n <= 30; n++) {
      await audit.record(dataSource, actor, {
        action: 'rule.update',
        entityType: 'listening_rule',
        entityId: null,
        before: { n },
        after: { n: n + 1, note: 'ünïcödé “quotes”' },
      });
    }
    await dataSource.query(`UPDATE audit_event SET at = at - interval '1 day' WHERE id <= 10`);

    expect(await runMigrations(dataSource)).toContain(CHAIN);
    expect(await verifyAuditChain(dataSource, { batch: 8 })).toEqual({
      holds: true,
      checked: 30,
      headHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const rows: { seq: number; id: number }[] = await dataSource.query(
      `SELECT chain_seq::int AS seq, id::int FROM audit_event ORDER BY id`,
    );
    expect(rows.every((r) => r.seq === r.id)).toBe(true);

    await audit.record(dataSource, actor, {
      action: 'rule.create',
      entityType: 'listening_rule',
      entityId: null,
    });
    expect(await verifyAuditChain(dataSource)).toMatchObject({ holds: true, checked: 31 });
  });
});
