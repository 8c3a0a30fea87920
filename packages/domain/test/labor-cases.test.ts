import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { evaluateShifts, type LaborCheckRequest } from '../src/labor/index.ts';

interface LaborCase {
  id: string;
  title: string;
  request: LaborCheckRequest;
  expect: { allowed: boolean; shiftAllowed: boolean[] };
}

const fixtureUrl = new URL('./fixtures/labor-cases.json', import.meta.url);
const { cases } = JSON.parse(readFileSync(fixtureUrl, 'utf8')) as { cases: LaborCase[] };

describe('labor fixture cases', () => {
  test('fixture has 24 cases', () => {
    assert.equal(cases.length, 24);
  });

  for (const laborCase of cases) {
    test(`${laborCase.id} ${laborCase.title}`, () => {
      const verdict = evaluateShifts(laborCase.request);

      assert.equal(verdict.allowed, laborCase.expect.allowed);
      assert.deepEqual(
        verdict.shifts.map((shift) => shift.allowed),
        laborCase.expect.shiftAllowed,
      );
    });
  }
});
