import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

// Every test the promise map names must exist, so the security page never cites a test that
// was renamed or deleted.

const root = path.resolve(import.meta.dirname, '..');

interface PagePromise {
  id: string;
  text: string;
  tests: string[];
}

const map = JSON.parse(readFileSync(path.join(root, 'docs/promises.json'), 'utf8')) as { promises: PagePromise[] };
const page = readFileSync(path.join(root, 'docs/security-and-privacy-page.txt'), 'utf8');

/** Whitespace-insensitive text, so a promise may wrap differently on the page. */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('promise map', () => {
  test('ids are unique kebab case', () => {
    const ids = map.promises.map((promise) => promise.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  test('each promise quotes the page', () => {
    // A promise may join sentences from two places on the page, so each sentence is checked alone.
    const onPage = flat(page).toLowerCase();
    for (const promise of map.promises) {
      for (const sentence of flat(promise.text).split(/[.;]\s+/)) {
        const quoted = sentence.replace(/\.$/, '').toLowerCase();
        assert.ok(onPage.includes(quoted), `${promise.id}: "${sentence}" is not on the page`);
      }
    }
  });

  test('each named test exists', () => {
    const missing: string[] = [];
    for (const promise of map.promises) {
      for (const reference of promise.tests) {
        const [file, name] = reference.split(' — ');
        if (!file || !existsSync(path.join(root, file))) {
          missing.push(`${promise.id}: ${file} does not exist`);
          continue;
        }
        const source = readFileSync(path.join(root, file), 'utf8');
        // Names built from a template, like `${role} never reaches ...`, are matched by their fixed part.
        const fixed = (name ?? '').replace(
          /^(anonymous|student|employer member|employer admin|district admin|staff) /,
          '',
        );
        if (name && !source.includes(name) && !source.includes(fixed)) missing.push(`${promise.id}: ${reference}`);
      }
    }
    assert.deepEqual(missing, []);
  });
});
