import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const webDir = path.resolve(import.meta.dirname, '../apps/web');
const nextBin = path.resolve(import.meta.dirname, '../node_modules/next/dist/bin/next');

async function newestSource(directory: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    if (['node_modules', '.next'].includes(entry.name)) continue;
    const full = path.join(directory, entry.name);
    const time = entry.isDirectory() ? await newestSource(full) : (await stat(full)).mtimeMs;
    newest = Math.max(newest, time);
  }
  return newest;
}

/** Builds the web app when no build exists or a source file changed since the last one. */
export async function buildWebIfStale(log: (line: string) => void): Promise<void> {
  let built = 0;
  try {
    built = (await stat(path.join(webDir, '.next', 'BUILD_ID'))).mtimeMs;
  } catch {
    built = 0;
  }
  if (built > (await newestSource(webDir))) return;
  log('Building the web app (first start or changed sources; about a minute)...');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, 'build'], {
      cwd: webDir,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`The web app build failed with exit code ${code}.`)),
    );
  });
}

/** Starts `next start` on the given port and resolves when it accepts requests. */
export async function startWeb(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: webDir,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The web app did not start on port ${port} within 60 seconds.`)),
      60_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      if (/ready|started server|Local:/i.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The web app exited with code ${code} while starting.`));
    });
  });
  return child;
}

/** Stops the web app and waits for it to exit. */
export async function stopWeb(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
