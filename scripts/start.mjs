// `npm start`: from a fresh clone to a running Parley (api + web on one port, worker beside it).
//
//   1. npm install when node_modules is missing or older than package-lock.json
//   2. session secret and secret key, Postgres and Redis (see lib/environment.mjs)
//   3. build the server and the web app unless they are up to date
//   4. migrate, then bootstrap (first admin; the demo workspace when there are no departments)
//   5. run api and worker as child processes, their lines prefixed [api] / [worker]
//
// Ctrl-C (or SIGTERM/SIGHUP) stops both children: SIGTERM, then SIGKILL after 10 s. If either child
// exits on its own, the other is stopped and this command exits non-zero.
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import path from 'node:path';
import { buildIfStale, installIfNeeded, run } from './lib/build.mjs';
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

const runCli = async (command) => {
  log(`${command}…`);
  const code = await run(process.execPath, [CLI, command]);
  if (code !== 0)
    throw new EnvironmentError(
      `\`node ${CLI} ${command}\` failed (exit code ${code}); see the output above.`,
    );
};

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

const banner = (port, healthStatus) => {
  const email = process.env.PARLEY_ADMIN_EMAIL || 'admin@parley.local';
  const password = process.env.PARLEY_ADMIN_PASSWORD
    ? 'with the password in PARLEY_ADMIN_PASSWORD'
    : 'with the password printed when that admin was created (by bootstrap, above, on the first start)';
  const lines = [
    '',
    `  Parley is running at http://localhost:${port}`,
    `  Sign in as ${email} ${password}.`,
    healthStatus === 200 ? null : `  Note: /api/health answered ${healthStatus}; see the [api] lines above.`,
    '  Press Ctrl-C to stop.',
    '',
  ];
  process.stdout.write(`${lines.filter((line) => line !== null).join('\n')}\n`);
};

const serve = async () => {
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
  if (status === null) log(`the api has not answered on port ${port} after 2 minutes; still waiting on it`);
  else banner(port, status);
};

runMain(async () => {
  await installIfNeeded(log);
  await resolveEnvironment({ docker: true, log });
  await ensurePortsFree();
  await buildIfStale('server', log);
  await buildIfStale('web', log);
  await runCli('migrate');
  await runCli('bootstrap');
  await serve();
});
