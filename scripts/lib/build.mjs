// Installs dependencies and builds the server and web app, skipping work that is already up to date.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { EnvironmentError, ROOT, STATE_DIR } from './environment.mjs';

/**
 * Each part is rebuilt unless its outputs exist and its stamp (written after a successful build, dated
 * when that build started) is newer than every input file and folder. Folder times catch deleted files.
 */
const PARTS = {
  server: {
    script: 'build:server',
    inputs: [
      'apps/api',
      'apps/worker',
      'libs',
      'scripts/bench',
      'package.json',
      'package-lock.json',
      'tsconfig.base.json',
      'tsconfig.server.json',
    ],
    outputs: [
      'dist/server/apps/api/src/main.js',
      'dist/server/apps/api/src/cli.js',
      'dist/server/apps/worker/src/main.js',
    ],
  },
  web: {
    script: 'build:web',
    inputs: ['apps/web', 'libs', 'package.json', 'package-lock.json', 'tsconfig.base.json'],
    outputs: ['dist/web/index.html'],
  },
};

const SKIPPED = new Set(['node_modules', 'dist', '.nx', '.git', 'coverage', 'test-results', 'tmp']);

const mtime = (file) => {
  try {
    return fs.statSync(file).mtimeMs;
  } catch (error) {
    if (error.code === 'ENOENT') return null;
    throw error;
  }
};

/** The newest modification time of a file, or of a folder and everything in it. */
const newest = (target) => {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch (error) {
    if (error.code === 'ENOENT') return 0;
    throw error;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    latest = Math.max(latest, newest(path.join(target, entry.name)));
  }
  return latest;
};

const stampFile = (part) => path.join(STATE_DIR, `build-${part}.stamp`);

/** Null when the part is up to date, else the reason it needs building. */
export const staleness = (part) => {
  const { inputs, outputs } = PARTS[part];
  if (outputs.some((output) => mtime(path.join(ROOT, output)) === null)) return 'not built yet';
  const stamp = mtime(stampFile(part));
  if (stamp === null) return 'no record of a successful build';
  const latest = Math.max(...inputs.map((input) => newest(path.join(ROOT, input))));
  return latest > stamp ? 'sources changed since the last build' : null;
};

/** Records a successful build of `part` that started at `startedAt` (ms since the epoch). */
export const markBuilt = (part, startedAt) => {
  fs.mkdirSync(STATE_DIR, { recursive: true, mode: 0o700 });
  const file = stampFile(part);
  fs.writeFileSync(file, `${new Date(startedAt).toISOString()}\n`);
  fs.utimesSync(file, startedAt / 1000, startedAt / 1000);
};

/** Runs a command with inherited stdio; resolves with its exit code (128 + signal number when killed). */
export const run = (command, args, options = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: process.env, stdio: 'inherit', ...options });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? 128 + (signalNumber(signal) ?? 0)));
  });

const signalNumber = (signal) =>
  signal ? ({ SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal] ?? 0) : null;

const runOrFail = async (command, args, what, options = {}) => {
  const code = await run(command, args, options);
  if (code !== 0) throw new EnvironmentError(`${what} failed (exit code ${code}); see the output above.`);
};

/** Builds `part` (`server` or `web`) unless it is up to date; `stdout: 2` sends the build's output to stderr. */
export const buildIfStale = async (part, log, { stdout = 'inherit' } = {}) => {
  const reason = staleness(part);
  if (reason === null) {
    log(`${part}: up to date, not rebuilding`);
    return;
  }
  log(`${part}: building (${reason})…`);
  const startedAt = Date.now();
  fs.rmSync(stampFile(part), { force: true });
  await runOrFail('npm', ['run', '--silent', PARTS[part].script], `npm run ${PARTS[part].script}`, {
    stdio: ['ignore', stdout, 'inherit'],
  });
  markBuilt(part, startedAt);
};

/** Null when node_modules matches package-lock.json, else the reason to run `npm install`. */
export const installNeeded = () => {
  const installed = mtime(path.join(ROOT, 'node_modules', '.package-lock.json'));
  if (installed === null) return 'node_modules is missing';
  const lock = mtime(path.join(ROOT, 'package-lock.json'));
  if (lock !== null && lock > installed) return 'package-lock.json is newer than node_modules';
  return null;
};

/** Runs `npm install` when node_modules is missing or older than package-lock.json. */
export const installIfNeeded = async (log) => {
  const reason = installNeeded();
  if (reason === null) return;
  log(`installing dependencies (${reason})…`);
  await runOrFail('npm', ['install'], 'npm install');
  // npm leaves its own record untouched when nothing changed; date it so the next start does not reinstall.
  const marker = path.join(ROOT, 'node_modules', '.package-lock.json');
  if (installNeeded() !== null && mtime(marker) !== null) {
    const now = new Date();
    fs.utimesSync(marker, now, now);
  }
};
