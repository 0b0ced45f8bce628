import { createDataSource, runMigrations } from '@parley/db';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';

export const ROOT = resolve(__dirname, '../../../..');

/** A deterministic PRNG (mulberry32), so every run generates the same rules and posts. */
export const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

export const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)];

/** Public-service vocabulary for rules and posts, so matching behaves as it would on real traffic. */
export const VOCABULARY = (
  'council tax benefit pension student loan school term holiday passport visa asylum border hospital nurse doctor ' +
  'appointment waiting list train rail bus fare road pothole bin collection recycling housing rent landlord eviction ' +
  'mortgage energy bill heating grant scheme application deadline form guidance consultation policy minister ' +
  'parliament vote election tax return refund payment date childcare nursery teacher exam result university tuition ' +
  'apprenticeship job centre universal credit disability allowance carer vaccine flu covid pharmacy prescription ' +
  'dentist ambulance police crime fraud scam court prison probation immigration citizenship licence driving test ' +
  'vehicle mot fuel duty flood weather warning farm subsidy fishing quota trade tariff export import business rates ' +
  'small loan broadband mobile signal library park museum festival heritage planning permission building safety fire ' +
  'cladding water sewage river pollution climate net zero insulation boiler heat pump electric car charging'
).split(' ');

const SYLLABLES =
  'ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo fu ga ge gi go gu la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu'.split(
    ' ',
  );
/** Made-up words for the long tail of real vocabulary: words no rule names (they all end in "n", unlike VOCABULARY). */
export const LONG_TAIL = Array.from(
  { length: 20_000 },
  (_, i) =>
    `${SYLLABLES[i % 50]}${SYLLABLES[Math.floor(i / 50) % 50]}${SYLLABLES[Math.floor(i / 2500) % 50]}n`,
);

/** Ten departments as people write them: full name, short forms, an account handle. */
export const DEPARTMENTS = [
  ['dfe', 'Department for Education', ['DfE', 'Student Loans Company'], 'DfE_Official'],
  ['dwp', 'Department for Work and Pensions', ['DWP', 'Jobcentre Plus'], 'DWPgovuk'],
  ['hmrc', 'HM Revenue and Customs', ['HMRC'], 'HMRCgovuk'],
  ['dhsc', 'Department of Health and Social Care', ['DHSC'], 'DHSCgovuk'],
  ['dft', 'Department for Transport', ['DfT', 'DVLA'], 'transportgovuk'],
  ['ho', 'Home Office', ['HMPO', 'UK Visas and Immigration'], 'ukhomeoffice'],
  [
    'defra',
    'Department for Environment, Food and Rural Affairs',
    ['Defra', 'Environment Agency'],
    'DefraGovUK',
  ],
  ['mhclg', 'Ministry of Housing, Communities and Local Government', ['MHCLG'], 'mhclg'],
  ['desnz', 'Department for Energy Security and Net Zero', ['DESNZ'], 'DESNZgovuk'],
  ['moj', 'Ministry of Justice', ['MoJ', 'HM Courts and Tribunals Service'], 'MoJGovUK'],
] as const;

export const FILLER =
  'the and of to in is it for on with as was at by an be this that from or but are not have'.split(' ');

/** A fresh, migrated database for one benchmark run on the same server as DATABASE_URL. */
export const freshDatabase = async (name: string): Promise<string> => {
  const admin = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  const dataSource = await createDataSource(url.toString(), { poolSize: 1 }).initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();
  return url.toString();
};

export const startBuilt = (file: string, env: Record<string, string>, args: string[] = []): ChildProcess =>
  spawn(process.execPath, [resolve(ROOT, 'dist/server', file), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });

export const waitForExit = (child: ChildProcess): Promise<number | null> =>
  new Promise((done) => (child.exitCode !== null ? done(child.exitCode) : child.once('exit', done)));

/** Resident memory of a process from /proc, in MB. */
export const rssMb = (pid: number): number => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
};

export const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
