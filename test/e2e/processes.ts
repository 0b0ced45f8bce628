import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const built = (path: string) => resolve(ROOT, 'dist/server', path);

export { freePort } from '@parley/testing';

/** Runs a built entry point the way `npm start` does, with the test's environment. */
export const startProcess = (file: string, env: Record<string, string>, args: string[] = []): ChildProcess =>
  spawn(process.execPath, [built(file), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });

export const runToEnd = (file: string, env: Record<string, string>, args: string[]): Promise<string> =>
  new Promise((done, fail) => {
    const child = startProcess(file, env, args);
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) =>
      code === 0 ? done(out) : fail(new Error(`${file} ${args.join(' ')} exited ${code}: ${out}`)),
    );
  });

export const stop = async (child: ChildProcess | undefined): Promise<void> => {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
};
