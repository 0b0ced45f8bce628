import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@parley/config';
import { SourceRepository, createDataSource, runMigrations } from '@parley/db';
import { isDomainError } from '@parley/domain';
import type { DataSource } from 'typeorm';
import { CliModule } from './cli/cli.module';
import { auditCommand } from './cli/audit.command';
import { bootstrapCommand } from './cli/bootstrap.command';
import { exportCommand } from './cli/export.command';
import { feedInspectCommand } from './cli/feed-inspect.command';
import { sentimentCommand } from './cli/sentiment.command';
import { readWorkspaceFile } from './cli/workspace-file';
import { WorkspaceService } from './modules/workspace/workspace.service';

const USAGE = `usage: parley <command>
  migrate                 apply database migrations
  bootstrap               create the first admin and load the demo workspace when the database is empty
  apply FILE [--prune] [--dry-run]
                          apply a workspace document (YAML or JSON); --prune deletes what FILE leaves out of
                          the lists it gives; --dry-run prints the changes it would make and writes nothing
  export [FILE]           write the workspace as a YAML document to FILE (or print it); secrets show as set or not
  feed inspect URL|FILE   print what Parley would store from a feed, as JSON, writing nothing
  sources                 print every source and its health (last fetch, last error), as JSON
  sentiment classify FILE print {label, score} as one JSON line for each line of FILE
  sentiment evaluate FILE check the classifier against FILE, a CSV of text,label (negative|neutral|positive),
                          printing {n, accuracy, macroRecall, macroF1, confusion}
  audit verify [--since N:HASH]
                          check the audit log's hash chain: prints the events checked and the head hash, or
                          names the first broken event and exits non-zero; --since also checks that event N
                          still has the hash an earlier run printed`;

const APPLY_FLAGS = ['--prune', '--dry-run'];

const withDataSource = async (name: string, work: (dataSource: DataSource) => Promise<void>) => {
  const dataSource = await createDataSource(loadConfig().databaseUrl, { applicationName: name }).initialize();
  try {
    await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
};

const migrate = () =>
  withDataSource('parley-migrate', async (dataSource) => {
    const applied = await runMigrations(dataSource);
    console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Database is up to date.');
  });

/** `npm start` reads this to sum up which sources work; it needs no session, so it works before anyone signs in. */
const sources = () =>
  withDataSource('parley-cli', async (dataSource) => {
    const rows = await new SourceRepository().listWithHealth(dataSource, null);
    const health = rows.map(({ key, name, type, url, enabled, lastFetchAt, lastSuccessAt, lastError }) => ({
      key,
      name,
      type,
      url,
      enabled,
      lastFetchAt,
      lastSuccessAt,
      lastError,
    }));
    console.log(JSON.stringify(health, null, 2));
  });

const withContext = async (
  work: (app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>) => Promise<void>,
) => {
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['warn', 'error'] });
  try {
    await work(app);
  } finally {
    await app.close();
  }
};

const main = async (args: string[]): Promise<void> => {
  const [command, ...rest] = args;
  switch (command) {
    case 'migrate':
      return migrate();
    case 'bootstrap':
      return withContext((app) => bootstrapCommand(app, loadConfig()));
    case 'apply': {
      const file = rest.find((a) => !a.startsWith('--'));
      // A mistyped flag (--dryrun) must not quietly apply the document for real.
      const unknown = rest.filter((a) => a.startsWith('--') && !APPLY_FLAGS.includes(a));
      if (!file || unknown.length)
        throw new Error(`${unknown.map((a) => `unknown option ${a}\n`).join('')}${USAGE}`);
      return withContext(async (app) => {
        const result = await app
          .get(WorkspaceService)
          .apply(
            await readWorkspaceFile(file),
            { userId: null, label: 'cli' },
            { prune: rest.includes('--prune'), dryRun: rest.includes('--dry-run') },
          );
        console.log(JSON.stringify(result, null, 2));
      });
    }
    case 'export':
      return withContext((app) =>
        exportCommand(
          app,
          rest.find((a) => !a.startsWith('--')),
        ),
      );
    case 'sources':
      return sources();
    case 'sentiment':
      return sentimentCommand(rest, USAGE);
    case 'audit':
      return auditCommand(rest, USAGE, (work) => withDataSource('parley-audit', work));
    case 'feed': {
      if (rest[0] !== 'inspect' || !rest[1]) throw new Error(USAGE);
      if (!(await feedInspectCommand(rest[1], loadConfig()))) process.exitCode = 1;
      return;
    }
    default:
      throw new Error(USAGE);
  }
};

main(process.argv.slice(2)).catch((error: unknown) => {
  if (isDomainError(error)) {
    console.error(error.message);
    for (const p of error.problems) console.error(`  - ${p.path}: ${p.message}`);
  } else {
    console.error(
      error instanceof ConfigError || !(error instanceof Error)
        ? String((error as Error).message ?? error)
        : error.message,
    );
  }
  process.exit(1);
});
