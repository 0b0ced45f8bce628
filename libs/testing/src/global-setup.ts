import { createDataSource, runMigrations } from '@parley/db';
import { TEMPLATE_DATABASE_VARIABLE, databaseUrl, newTemplateName, withAdmin } from './databases';

/**
 * Migrates one template database per test run; each test file then copies it. The name is the run's own, so
 * two runs on one server (two checkouts, or CI beside a developer) never drop each other's template.
 * Both test projects name this setup; the first one to run migrates, the other reuses its template.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env[TEMPLATE_DATABASE_VARIABLE]) return undefined;
  const name = newTemplateName();
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  process.env[TEMPLATE_DATABASE_VARIABLE] = name;
  const dataSource = await createDataSource(databaseUrl(name), { poolSize: 1 }).initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
  return async () => {
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  };
}
