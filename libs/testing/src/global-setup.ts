import { createDataSource, runMigrations } from '@parley/db';
import { TEMPLATE_DATABASE, databaseUrl, withAdmin } from './databases';

/** Migrates the template database once per test run; each test file then copies it. */
export default async function setup(): Promise<void> {
  await withAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  });
  const dataSource = await createDataSource(databaseUrl(TEMPLATE_DATABASE), { poolSize: 1 }).initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
