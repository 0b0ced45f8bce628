import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

const PG_ROOT = '/usr/lib/postgresql';
const READY_WITHIN_MS = 30_000;

/** The newest installed Postgres' programs (Debian keeps each major version under /usr/lib/postgresql). */
const postgresBin = (): string => {
  const versions = existsSync(PG_ROOT)
    ? readdirSync(PG_ROOT).filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'initdb')))
    : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`no Postgres server programs under ${PG_ROOT}: install postgresql`);
  return join(PG_ROOT, newest, 'bin');
};

/** initdb and postgres refuse to run as root; as root the cluster then runs as the postgres user. */
const clusterOwner = (): { uid: number; gid: number } | undefined =>
  process.getuid?.() === 0
    ? {
        uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
        gid: Number(execFileSync('id', ['-g', 'postgres']).toString()),
      }
    : undefined;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const groupAlive = (pid: number): boolean => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

export type PrivatePostgres = {
  /** The URL of `database` on this cluster. */
  url: (database: string) => string;
  createDatabase: (name: string) => Promise<string>;
  /** kill -9 of the postmaster, as in a crash; resolves once its backends have gone too. */
  kill: () => Promise<void>;
  /** Starts the cluster again on the same port and data (Postgres recovers from its write-ahead log). */
  start: () => Promise<void>;
  /** Stops the cluster and removes its folder. */
  remove: () => Promise<void>;
};

/**
 * A Postgres cluster of the test's own, in a temporary folder, on `port` (trust authentication, user postgres),
 * so killing it disturbs nothing else on the machine. fsync is off: a killed process loses nothing the operating
 * system already has, which is the failure these tests make.
 */
export const startPrivatePostgres = async (port: number): Promise<PrivatePostgres> => {
  const bin = postgresBin();
  const owner = clusterOwner();
  const dir = mkdtempSync(join(tmpdir(), 'parley-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  execFileSync(
    join(bin, 'initdb'),
    [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--text-search-config=english',
    ],
    { ...owner, stdio: 'ignore' },
  );
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let postmaster: ChildProcess | null = null;

  const start = async (): Promise<void> => {
    const child = spawn(
      join(bin, 'postgres'),
      ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'],
      // Its own process group, so the test can tell when every backend of a killed postmaster has gone.
      { ...owner, detached: true, stdio: 'ignore' },
    );
    postmaster = child;
    const deadline = Date.now() + READY_WITHIN_MS;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`private Postgres exited with ${child.exitCode}`);
      const client = new Client({ connectionString: url('postgres') });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.end();
        return;
      } catch (error) {
        await client.end().catch(() => undefined);
        if (Date.now() > deadline) throw error;
        await sleep(100);
      }
    }
  };

  const kill = async (): Promise<void> => {
    const child = postmaster;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    // Backends notice their postmaster died and exit; a new postmaster cannot start while they hold its memory.
    const deadline = Date.now() + 10_000;
    while (groupAlive(child.pid) && Date.now() < deadline) await sleep(50);
    if (groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
    while (groupAlive(child.pid)) await sleep(50);
  };

  await start();
  return {
    url,
    createDatabase: async (name) => {
      const client = new Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    kill,
    start,
    remove: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
