// Finds what Parley needs to run on this machine: a session secret, Postgres and Redis.
// Shared by scripts/start.mjs, scripts/run-built.mjs and scripts/test.mjs. Node built-ins only at load
// time, so `npm start` can import it before `npm install` has run (`pg` is loaded when it is needed).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Per-checkout state that must never be committed (git-ignored): the generated secrets, build stamps. */
export const STATE_DIR = path.join(ROOT, '.parley');

const COMPOSE_POSTGRES_PASSWORD = () => process.env.POSTGRES_PASSWORD || 'parley';
const DOCKER_WAIT_MS = 90_000;

const SERVICES = {
  postgres: {
    label: 'Postgres',
    envVar: 'DATABASE_URL',
    localUrl: 'postgres://postgres@127.0.0.1:5432/parley',
    defaultPort: 5432,
    composeUrl: (port) => `postgres://postgres:${COMPOSE_POSTGRES_PASSWORD()}@127.0.0.1:${port}/parley`,
    check: (url) => checkPostgres(url),
  },
  redis: {
    label: 'Redis',
    envVar: 'REDIS_URL',
    localUrl: 'redis://127.0.0.1:6379',
    defaultPort: 6379,
    composeUrl: (port) => `redis://127.0.0.1:${port}`,
    check: (url) => checkRedis(url),
  },
};

/** A problem the person running the command can fix; scripts print its message without a stack trace. */
export class EnvironmentError extends Error {
  name = 'EnvironmentError';

  /**
   * `unreachable`: nothing answered at all (as opposed to a refused login or a wrong kind of server);
   * `permanent`: waiting will not help (a refused login), so a server that is starting up is not retried.
   */
  constructor(message, { unreachable = false, permanent = false } = {}) {
    super(message);
    this.unreachable = unreachable;
    this.permanent = permanent;
  }
}

const relative = (file) => path.relative(ROOT, file) || '.';

/** The URL with any password replaced, safe to print. */
export const redact = (value) => {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.href;
  } catch {
    return '(unparseable URL)';
  }
};

/**
 * Secrets generated once per checkout into `.parley/` (48 random bytes, base64url, mode 0600) unless their variable
 * is set: the session secret signs sessions; the secret key encrypts source credentials at rest, so losing it
 * makes the stored ones unreadable.
 */
const GENERATED_SECRETS = [
  {
    variable: 'PARLEY_SESSION_SECRET',
    file: path.join(STATE_DIR, 'session-secret'),
    label: 'session secret',
  },
  { variable: 'PARLEY_SECRET_KEY', file: path.join(STATE_DIR, 'secret-key'), label: 'secret key' },
];

/** Sets each generated secret's variable from its file in `.parley/`, creating the file the first time. */
export const loadSecrets = (log) => {
  for (const secret of GENERATED_SECRETS) loadSecret(secret, log);
};

const loadSecret = ({ variable, file, label }, log) => {
  if (process.env[variable]) {
    log(`${label}: from ${variable}`);
    return;
  }
  let secret = readSecretFile(file);
  let created = false;
  if (secret === null) {
    fs.mkdirSync(STATE_DIR, { recursive: true, mode: 0o700 });
    const fresh = randomBytes(48).toString('base64url');
    try {
      fs.writeFileSync(file, `${fresh}\n`, { mode: 0o600, flag: 'wx' });
      secret = fresh;
      created = true;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      secret = readSecretFile(file); // another command created it a moment ago
    }
  }
  if (!secret || secret.length < 32) {
    throw new EnvironmentError(
      `${relative(file)} holds a ${label} shorter than 32 characters. ` +
        `Delete the file and a new one will be generated, or set ${variable}.`,
    );
  }
  process.env[variable] = secret;
  log(`${label}: ${created ? 'generated into' : 'from'} ${relative(file)}`);
};

const readSecretFile = (file) => {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if (error.code === 'ENOENT') return null;
    throw error;
  }
};

/** True when something accepts a TCP connection on host:port within the timeout. */
export const canConnect = (host, port, timeoutMs = 1_000) =>
  new Promise((resolve) => {
    const socket = net.connect({ host, port: Number(port) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });

const hostAndPort = (value, defaultPort) => {
  const url = new URL(value);
  return { host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port: Number(url.port || defaultPort) };
};

const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

/** Explains a `pg` connection error in words a person can act on. */
const describePgError = (error, url) => {
  const where = redact(url);
  if (error.code === '28P01' || error.code === '28000') {
    return `Postgres refused the login in ${where} (${error.message}). Set DATABASE_URL to a user and password that can connect, e.g. DATABASE_URL=postgres://USER:PASSWORD@127.0.0.1:5432/parley`;
  }
  if (error.code === '42501') {
    return `the user in ${where} may not create databases. Create it once yourself (createdb parley), or use a user with CREATEDB.`;
  }
  return `${where}: ${error.message || error.code || error}`;
};

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
const pgProblem = (error, url) => {
  const unreachable = UNREACHABLE.has(error.code) || /timeout/i.test(error.message ?? '');
  const message = unreachable
    ? `nothing answers at ${redact(url)} (${error.code || error.message})`
    : describePgError(error, url);
  return new EnvironmentError(message, {
    unreachable,
    permanent: ['28P01', '28000', '42501'].includes(error.code),
  });
};

const withPgClient = async (url, work) => {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => {}); // a dropped connection after the work is done is not our concern
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
};

/**
 * Connects to the database in `url`; when it does not exist yet, creates it through the server's
 * `postgres` database. Returns a note for the log, or throws an EnvironmentError.
 */
export const checkPostgres = async (url) => {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  try {
    await withPgClient(url, (client) => client.query('select 1'));
    return '';
  } catch (error) {
    if (error.code !== '3D000' || !name) throw pgProblem(error, url);
  }
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  try {
    await withPgClient(maintenance.href, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
  } catch (error) {
    if (error.code !== '42P04') throw pgProblem(error, maintenance.href); // 42P04: created meanwhile
  }
  return `created database "${name}"`;
};

/** Sends PING (as a RESP array) and reads the first reply line. */
const redisPing = (host, port, timeoutMs = 2_000) =>
  new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let reply = '';
    const done = (value) => {
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(timeoutMs, () => done(null));
    socket.once('error', () => done(null));
    socket.once('close', () => done(reply ? reply : null)); // closed without a full reply line
    socket.once('connect', () => socket.write('*1\r\n$4\r\nPING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n')) done(reply.split('\r\n')[0]);
    });
  });

/** Checks that Redis answers at `url` (TLS `rediss:` addresses only get a TCP check). */
export const checkRedis = async (url) => {
  const parsed = new URL(url);
  const { host, port } = hostAndPort(url, 6379);
  if (parsed.protocol === 'rediss:') {
    if (await canConnect(host, port, 2_000)) return '';
    throw new EnvironmentError(`nothing answers at ${redact(url)}`, { unreachable: true });
  }
  if (!(await canConnect(host, port, 2_000))) {
    throw new EnvironmentError(`nothing answers at ${redact(url)}`, { unreachable: true });
  }
  const reply = await redisPing(host, port);
  if (reply === null)
    throw new EnvironmentError(`something answers at ${redact(url)} but it does not reply like Redis`);
  if (reply === '+PONG') return '';
  if (reply.startsWith('-NOAUTH') && parsed.password) return ''; // the apps authenticate with the URL's password
  if (reply.startsWith('-NOAUTH')) {
    throw new EnvironmentError(
      `Redis at ${redact(url)} requires a password: set REDIS_URL=redis://:PASSWORD@${host}:${port}`,
    );
  }
  throw new EnvironmentError(
    `something answers at ${redact(url)} but it does not behave like Redis (${reply})`,
  );
};

const docker = (args, options = {}) =>
  spawnSync('docker', args, { cwd: ROOT, env: process.env, encoding: 'utf8', timeout: 120_000, ...options });

/** True when a Docker engine answers and `docker compose` (v2) is available. */
export const dockerAvailable = () => {
  const info = docker(['info'], { stdio: 'ignore', timeout: 20_000 });
  if (info.error || info.status !== 0) return false;
  const compose = docker(['compose', 'version'], { stdio: 'ignore', timeout: 20_000 });
  return !compose.error && compose.status === 0;
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the named services with docker compose (random host ports on 127.0.0.1) and waits for them. */
const startWithCompose = async (names, log) => {
  log(`starting ${names.map((n) => SERVICES[n].label).join(' and ')} with docker compose…`);
  const up = docker(['compose', 'up', '-d', ...names], { stdio: ['ignore', 2, 2], timeout: 600_000 });
  if (up.error || up.status !== 0) {
    throw new EnvironmentError(
      `\`docker compose up -d ${names.join(' ')}\` failed (see its output above). ` +
        'Fix that, or install Postgres and Redis locally, or set DATABASE_URL and REDIS_URL.',
    );
  }
  const found = {};
  for (const name of names) {
    const service = SERVICES[name];
    const port = docker(['compose', 'port', name, String(service.defaultPort)]);
    const published = /:(\d+)\s*$/.exec(port.stdout ?? '');
    if (port.status !== 0 || !published) {
      throw new EnvironmentError(
        `docker compose did not publish a port for ${name}: ${port.stderr || port.stdout}`,
      );
    }
    const url = service.composeUrl(published[1]);
    const deadline = Date.now() + DOCKER_WAIT_MS;
    for (;;) {
      try {
        const note = await service.check(url);
        found[name] = { url, how: `started with docker compose${note ? `; ${note}` : ''}` };
        break;
      } catch (error) {
        if (error.permanent) throw error;
        if (Date.now() > deadline) {
          throw new EnvironmentError(
            `${service.label} started with docker compose but did not answer within ${DOCKER_WAIT_MS / 1000} s ` +
              `(${error.message}). See \`docker compose logs ${name}\`.`,
          );
        }
        await sleep(1_000);
      }
    }
  }
  return found;
};

const guidance = ({ docker: dockerTried, command }) =>
  [
    'Do one of these, then run the command again:',
    '  * Install and start them on this machine. On Debian or Ubuntu:',
    '        sudo apt-get install -y postgresql redis-server',
    '        sudo service postgresql start && sudo service redis-server start',
    '    Parley connects to 127.0.0.1:5432 as user "postgres" without a password, and to 127.0.0.1:6379.',
    "    Debian's Postgres asks for a password on 127.0.0.1: allow user postgres with a",
    '    `host all postgres 127.0.0.1/32 trust` line at the top of pg_hba.conf, or use the next option.',
    '  * Or point Parley at servers you already run:',
    `        DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/parley REDIS_URL=redis://HOST:6379 ${command}`,
    dockerTried
      ? '  * Or start Docker (Docker Desktop, or `sudo service docker start`): `npm start` then runs both with docker compose.'
      : '  * On a CI machine, `.ci/run` starts them, installing them with apt-get when they are missing.',
  ].join('\n');

/**
 * Resolves DATABASE_URL and REDIS_URL (explicit variables first, then 127.0.0.1, then docker compose when
 * `docker` is true and a Docker engine runs) and PARLEY_SESSION_SECRET and PARLEY_SECRET_KEY (when `secret` is
 * true), sets them
 * in process.env and logs what it found. Throws an EnvironmentError that says what to do otherwise
 * (`command` is the command to suggest re-running with DATABASE_URL/REDIS_URL set).
 */
export const resolveEnvironment = async ({
  docker: useDocker = true,
  secret = true,
  command = 'npm start',
  log = () => {},
} = {}) => {
  if (secret) loadSecrets(log);
  const found = {};
  const missing = [];
  for (const [name, service] of Object.entries(SERVICES)) {
    const explicit = process.env[service.envVar];
    const url = explicit || service.localUrl;
    const { host, port } = hostAndPort(url, service.defaultPort);
    if (!explicit && !(await canConnect(host, port))) {
      missing.push(name);
      continue;
    }
    const source = explicit ? `from ${service.envVar}` : 'found on localhost';
    try {
      const note = await service.check(url);
      found[name] = { url, how: `${source}${note ? `; ${note}` : ''}` };
    } catch (error) {
      if (!(error instanceof EnvironmentError)) throw error;
      const hint = !explicit
        ? `(Parley looked on ${host}:${port} because ${service.envVar} is not set.)`
        : error.unreachable
          ? `Start that server, correct ${service.envVar}, or unset it to let Parley look on 127.0.0.1.`
          : `Correct ${service.envVar}, or unset it to let Parley look on 127.0.0.1.`;
      throw new EnvironmentError(`${service.label} (${source}): ${error.message}\n${hint}`);
    }
  }

  if (missing.length > 0) {
    const lines = missing.map(
      (name) =>
        `  - ${SERVICES[name].label}: ${SERVICES[name].envVar} is not set and nothing answers on ` +
        `127.0.0.1:${SERVICES[name].defaultPort}`,
    );
    if (useDocker && dockerAvailable()) {
      Object.assign(found, await startWithCompose(missing, log));
    } else {
      if (useDocker)
        lines.push(
          '  - Docker: no Docker engine answers (`docker info` failed), so docker compose cannot start them',
        );
      throw new EnvironmentError(
        `Parley needs Postgres and Redis and could not find ${missing.length === 2 ? 'either' : 'one of them'}:\n` +
          `${lines.join('\n')}\n${guidance({ docker: useDocker, command })}`,
      );
    }
  }

  for (const [name, service] of Object.entries(SERVICES)) {
    process.env[service.envVar] = found[name].url;
    log(`${service.label}: ${redact(found[name].url)} (${found[name].how})`);
  }
  return { databaseUrl: found.postgres.url, redisUrl: found.redis.url };
};

/** Runs `main`, printing an EnvironmentError as a plain message (no stack) and exiting 1. */
export const runMain = (main) =>
  main().catch((error) => {
    if (error instanceof EnvironmentError) {
      process.stderr.write(`\n[parley] ${error.message}\n`);
    } else {
      process.stderr.write(`\n[parley] ${error?.stack ?? error}\n`);
    }
    process.exit(1);
  });

/** A logger writing `[parley] …` lines to the given stream (stdout for start, stderr for run-built). */
export const logger =
  (stream = process.stdout) =>
  (message) =>
    stream.write(`[parley] ${message}\n`);
