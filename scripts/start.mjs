// `npm start`: from a fresh clone to a running Parley (api + web on one port, worker beside it).
//
//   1. npm install when node_modules is missing or older than package-lock.json
//   2. session secret and secret key, Postgres and Redis (see lib/environment.mjs)
//   3. build the server and the web app unless they are up to date
//   4. migrate, then bootstrap (first admin; the demo workspace when there are no departments)
//   5. run api and worker as child processes, their lines prefixed [api] / [worker]
//   6. once every source has been fetched (or 30 s passed), a summary: the URL, the admin's sign-in,
//      how many sources work and which fail, and whether email notifications are on
//
// Ctrl-C (or SIGTERM/SIGHUP) stops both children: SIGTERM, then SIGKILL after 10 s. If either child
// exits on its own, the other is stopped and this command exits non-zero.
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import path from 'node:path';
import { buildIfStale, installIfNeeded } from './lib/build.mjs';
import {
  EnvironmentError,
  ROOT,
  canConnect,
  logger,
  resolveEnvironment,
  runMain,
} from './lib/environment.mjs';

const log = logger(process.stdout);
const CLI = 'dist/server/apps/api/src/cli.js';
const APPS = [
  { name: 'api', entry: 'dist/server/apps/api/src/main.js' },
  { name: 'worker', entry: 'dist/server/apps/worker/src/main.js' },
];
const STOP_GRACE_MS = 10_000;
/** How long the summary waits for the first fetch of every source. */
const FIRST_ROUND_MS = 30_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const portSetting = (name, fallback) => Number(process.env[name] || fallback);

/** Fails early, before a long build, when the api or worker port is already taken. */
const ensurePortsFree = async () => {
  for (const [name, fallback] of [
    ['PORT', 3000],
    ['WORKER_HEALTH_PORT', 3001],
  ]) {
    const port = portSetting(name, fallback);
    if (port > 0 && (await canConnect('127.0.0.1', port))) {
      throw new EnvironmentError(
        `port ${port} is already in use (is Parley already running?). Stop that program, or choose another port: ${name}=${port + 100} npm start`,
      );
    }
  }
};

/** Runs a CLI command, its output shown unless `quiet`, and returns what it printed. */
const runCli = async (command, { quiet = false } = {}) => {
  if (!quiet) log(`${command}…`);
  const child = spawn(process.execPath, [CLI, command], {
    cwd: ROOT,
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
    if (!quiet) process.stdout.write(chunk);
  });
  const code = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode ?? 1));
  });
  if (code !== 0)
    throw new EnvironmentError(
      `\`node ${CLI} ${command}\` failed (exit code ${code}); see the output above.`,
    );
  return output;
};

/** The admin bootstrap created this start, and the password it generated (the lines bootstrap.command.ts prints). */
const createdAdmin = (bootstrapOutput) => ({
  email: /^Created the first admin: (.+)$/m.exec(bootstrapOutput)?.[1] ?? null,
  password: /^Generated password \(.*?\): (\S+)$/m.exec(bootstrapOutput)?.[1] ?? null,
});

/** Copies a stream to `out` line by line, each line prefixed. */
const prefixLines = (stream, out, prefix) => {
  readline
    .createInterface({ input: stream, crlfDelay: Infinity })
    .on('line', (line) => out.write(`${prefix} ${line}\n`));
};

/** Starts an app in its own process group, so a Ctrl-C in the terminal reaches only us and we stop it in order. */
const startApp = ({ name, entry }) => {
  const child = spawn(process.execPath, [path.join(ROOT, entry)], {
    cwd: ROOT,
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  prefixLines(child.stdout, process.stdout, `[${name}]`);
  prefixLines(child.stderr, process.stderr, `[${name}]`);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.once('error', (error) => log(`${name} could not start: ${error.message}`));
  return { name, child, exited };
};

const stopApp = async ({ name, child, exited }) => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    log(`${name} did not stop within ${STOP_GRACE_MS / 1000} s; killing it`);
    child.kill('SIGKILL');
  }, STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
};

/** Waits until the api answers /api/health (any status) and returns the status, or null if it never did. */
const waitForApi = async (port, stillRunning) => {
  const deadline = Date.now() + 120_000;
  while (stillRunning() && Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`, {
        signal: AbortSignal.timeout(2_000),
      });
      return response.status;
    } catch {
      await sleep(500);
    }
  }
  return null;
};

/**
 * Every enabled source's health once each has been fetched, or after FIRST_ROUND_MS: what is known by then. Null
 * when it cannot be read; the summary then goes without it rather than stopping a running Parley.
 */
const firstRound = async (stillRunning) => {
  const deadline = Date.now() + FIRST_ROUND_MS;
  try {
    for (;;) {
      const sources = JSON.parse(await runCli('sources', { quiet: true })).filter((source) => source.enabled);
      if (sources.every((source) => source.lastFetchAt) || Date.now() > deadline || !stillRunning())
        return sources;
      await sleep(2_000);
    }
  } catch (error) {
    log(`could not read the sources' health: ${error.message}`);
    return null;
  }
};

const signIn = (admin) => {
  const email = admin.email ?? (process.env.PARLEY_ADMIN_EMAIL || 'admin@parley.local');
  if (admin.password)
    return `Sign in as ${email}, password ${admin.password} (generated now and shown once: keep it).`;
  if (process.env.PARLEY_ADMIN_PASSWORD)
    return `Sign in as ${email} with the password in PARLEY_ADMIN_PASSWORD.`;
  return `Sign in as ${email} with the password printed when that admin was created, on the first start.`;
};

/** The last lines of start-up: where Parley is, how to sign in, and whether its sources work. */
const summary = ({ port, healthStatus, admin, sources }) => {
  const failing = (sources ?? []).filter((source) => source.lastError);
  const healthy = (sources ?? []).filter((source) => source.lastSuccessAt && !source.lastError);
  const waiting = (sources ?? []).length - failing.length - healthy.length;
  const shown = failing.slice(0, 4).map((source) => source.key);
  const lines = [
    '',
    '  ──────────────────────────────────────────────────────────────',
    `  Parley is running at http://localhost:${port}`,
    `  ${signIn(admin)}`,
    healthStatus === 200 ? null : `  Note: /api/health answered ${healthStatus}; see the [api] lines above.`,
    sources
      ? `  Sources: ${healthy.length} working, ${failing.length} failing${waiting ? `, ${waiting} not fetched yet` : ''}.`
      : null,
    failing.length
      ? `  Failing: ${shown.join(', ')}${failing.length > shown.length ? ` and ${failing.length - shown.length} more` : ''} (their errors are on the Sources page).`
      : null,
    failing.length ? '  Offline? The sample sources still work.' : null,
    process.env.PARLEY_SMTP_URL
      ? '  Email notifications: on, through PARLEY_SMTP_URL.'
      : '  Email notifications: off (set PARLEY_SMTP_URL=smtp://… to send them); in-app and webhooks work.',
    '  Press Ctrl-C to stop.',
    '  ──────────────────────────────────────────────────────────────',
    '',
  ];
  process.stdout.write(`${lines.filter((line) => line !== null).join('\n')}\n`);
};

const serve = async (admin) => {
  const apps = APPS.map(startApp);
  let stopping = false;

  const shutdown = async (exitCode) => {
    stopping = true;
    await Promise.all(apps.map(stopApp));
    log(exitCode === 0 ? 'stopped' : 'stopped after a failure');
    process.exit(exitCode);
  };

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (stopping) return; // npm forwards the terminal's Ctrl-C too: one stop is enough
      log(`stopping api and worker (${signal})…`);
      void shutdown(0);
    });
  }
  for (const app of apps) {
    void app.exited.then(({ code, signal }) => {
      if (stopping) return;
      log(`${app.name} exited unexpectedly (${signal ?? `exit code ${code}`}); stopping the rest`);
      void shutdown(1);
    });
  }

  const port = portSetting('PORT', 3000);
  const status = await waitForApi(port, () => !stopping);
  if (stopping) return;
  if (status === null) {
    log(`the api has not answered on port ${port} after 2 minutes; still waiting on it`);
    return;
  }
  const sources = await firstRound(() => !stopping);
  if (!stopping) summary({ port, healthStatus: status, admin, sources });
};

runMain(async () => {
  await installIfNeeded(log);
  await resolveEnvironment({ docker: true, log });
  await ensurePortsFree();
  await buildIfStale('server', log);
  await buildIfStale('web', log);
  await runCli('migrate');
  const admin = createdAdmin(await runCli('bootstrap'));
  await serve(admin);
});
