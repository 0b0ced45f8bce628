// `npm test`: checks that Postgres and Redis answer, then runs lint, type-check, build and every Vitest
// project (unit, medium against the real Postgres and Redis, browser e2e with the system Chromium), in
// that order, stopping at the first failure. Ends with a summary of the steps and their timings.
// Arguments after `npm test --` are passed to `vitest run` (e.g. `npm test -- --project unit`).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { installIfNeeded, markBuilt, run } from './lib/build.mjs';
import { EnvironmentError, ROOT, logger, resolveEnvironment, runMain } from './lib/environment.mjs';

const log = logger(process.stdout);
const vitestArgs = process.argv.slice(2);

const STEPS = [
  { name: 'lint', command: 'npm', args: ['run', 'lint'] },
  { name: 'typecheck', command: 'npm', args: ['run', 'typecheck'] },
  { name: 'build', command: 'npm', args: ['run', 'build'], built: ['server', 'web'] },
  {
    name: 'vitest (unit, medium, e2e)',
    command: path.join(ROOT, 'node_modules', '.bin', 'vitest'),
    args: ['run', ...vitestArgs],
  },
];

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

const prepareEnvironment = () => {
  // Tests never need the persisted secrets; fresh ones per run will do.
  process.env.PARLEY_SESSION_SECRET ||= randomBytes(48).toString('base64url');
  process.env.PARLEY_SECRET_KEY ||= randomBytes(48).toString('base64url');
  if (!process.env.CHROMIUM_PATH) {
    const which = spawnSync('which', ['chromium'], { encoding: 'utf8' });
    const found = which.status === 0 ? which.stdout.trim() : '';
    if (found) process.env.CHROMIUM_PATH = found;
    else
      log(
        'chromium not found on PATH and CHROMIUM_PATH is not set: the browser tests will fail (apt-get install chromium)',
      );
  }
  if (process.env.CHROMIUM_PATH) log(`Chromium: ${process.env.CHROMIUM_PATH}`);
};

const summary = (results) => {
  const width = Math.max(...STEPS.map((step) => step.name.length));
  const lines = STEPS.map((step, index) => {
    const result = results[index];
    if (!result) return `  ${step.name.padEnd(width)}  not run`;
    const outcome = result.code === 0 ? 'passed' : `FAILED (exit code ${result.code})`;
    return `  ${step.name.padEnd(width)}  ${outcome.padEnd(24)} ${seconds(result.ms).padStart(8)}`;
  });
  const total = results.reduce((sum, result) => sum + result.ms, 0);
  process.stdout.write(
    `\nnpm test summary\n${lines.join('\n')}\n  ${'total'.padEnd(width)}  ${''.padEnd(24)} ${seconds(total).padStart(8)}\n`,
  );
};

runMain(async () => {
  await installIfNeeded(log);
  prepareEnvironment();
  try {
    await resolveEnvironment({ docker: false, secret: false, command: 'npm test', log });
  } catch (error) {
    if (error instanceof EnvironmentError) {
      throw new EnvironmentError(
        `The medium and e2e tests need a real Postgres and Redis.\n${error.message}`,
      );
    }
    throw error;
  }

  const results = [];
  for (const step of STEPS) {
    process.stdout.write(`\n[parley] ── ${step.name} ──\n`);
    const startedAt = Date.now();
    const code = await run(step.command, step.args);
    results.push({ code, ms: Date.now() - startedAt });
    if (code !== 0) break;
    for (const part of step.built ?? []) markBuilt(part, startedAt);
  }
  summary(results);
  const failed = results.find((result) => result.code !== 0);
  process.exitCode = failed ? failed.code || 1 : 0;
});
