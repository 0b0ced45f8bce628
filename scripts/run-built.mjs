// `node scripts/run-built.mjs FILE [args…]`: runs a built server entry point (the CLI, the benchmark)
// with Parley's environment resolved, building the server first when it is missing or out of date.
// Used by `npm run db:migrate`, `npm run parley -- …` and `npm run bench`. Its own messages go to
// stderr, so the program's stdout stays clean for pipes; the program's exit code is passed on.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildIfStale, installNeeded } from './lib/build.mjs';
import { EnvironmentError, ROOT, logger, resolveEnvironment, runMain } from './lib/environment.mjs';

const log = logger(process.stderr);

const forward = (file, args) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], { cwd: ROOT, env: process.env, stdio: 'inherit' });
    // The terminal sends Ctrl-C to the child as well; wait for it to finish rather than dying first.
    process.on('SIGINT', () => {});
    for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      resolve(code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGKILL' ? 137 : 143)),
    );
  });

runMain(async () => {
  const [file, ...args] = process.argv.slice(2);
  if (!file) throw new EnvironmentError('usage: node scripts/run-built.mjs FILE [args…]');
  if (installNeeded() !== null) {
    throw new EnvironmentError(
      `dependencies are not installed (${installNeeded()}): run \`npm install\` or \`npm start\` first.`,
    );
  }
  await resolveEnvironment({ docker: true, log });
  const target = path.resolve(ROOT, file);
  if (target.startsWith(path.join(ROOT, 'dist', 'server') + path.sep))
    await buildIfStale('server', log, { stdout: 2 });
  if (!fs.existsSync(target))
    throw new EnvironmentError(`${file} does not exist (after building the server).`);
  process.exitCode = await forward(target, args);
});
