import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ESLint } from 'eslint';

const root = path.resolve(import.meta.dirname, '../../..');
const routesDirectory = path.join(root, 'apps/api/src/routes');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('route layering', () => {
  test('route files cannot import the database layer', async () => {
    const code = [
      "import { withContext } from '@clockin/db';",
      "import { sql } from 'kysely';",
      "import pg from 'pg';",
      'export const used = [withContext, sql, pg];',
    ].join('\n');
    assert.equal((await restrictedImports(code, 'apps/api/src/routes/example.ts')).length, 3);
    assert.deepEqual(await restrictedImports(code, 'apps/api/src/services/example.ts'), []);
  });

  test('route files hold no SQL text', async () => {
    const files = (await readdir(routesDirectory)).filter((name) => name.endsWith('.ts'));
    assert.ok(files.length >= 8);
    for (const name of files) {
      const source = await readFile(path.join(routesDirectory, name), 'utf8');
      assert.doesNotMatch(source, /\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b/, name);
      assert.deepEqual(await restrictedImports(source, `apps/api/src/routes/${name}`), [], name);
    }
  });
});
