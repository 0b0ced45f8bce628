import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Set by the global setup to the migrated template of this test run; test workers inherit it. */
export const TEMPLATE_DATABASE_VARIABLE = 'PARLEY_TEST_TEMPLATE_DATABASE';

export const newTemplateName = (): string => `parley_template_${randomBytes(6).toString('hex')}`;

const templateDatabase = (): string => {
  const name = process.env[TEMPLATE_DATABASE_VARIABLE];
  if (!name)
    throw new Error(`${TEMPLATE_DATABASE_VARIABLE} is not set: run tests through vitest's global setup.`);
  return name;
};

/** The server every test database lives on; DATABASE_URL's database part is replaced per test file. */
export const adminUrl = (): string => {
  const url = new URL(
    process.env.TEST_DATABASE_URL ??
      process.env.DATABASE_URL ??
      'postgres://postgres@127.0.0.1:5432/postgres',
  );
  url.pathname = '/postgres';
  return url.toString();
};

export const databaseUrl = (name: string): string => {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
};

export const withAdmin = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/** A fresh database per test file, copied from the migrated template (fast: no migrations per file). */
export const createTestDatabase = async (): Promise<{
  name: string;
  url: string;
  drop: () => Promise<void>;
}> => {
  const name = `parley_t_${randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`));
  return {
    name,
    url: databaseUrl(name),
    drop: () =>
      withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
};
