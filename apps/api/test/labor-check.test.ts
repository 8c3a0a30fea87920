import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { startHarness, type Harness } from './harness.ts';

interface LaborCase {
  id: string;
  title: string;
  request: Record<string, unknown>;
  expect: { allowed: boolean; shiftAllowed: boolean[] };
}

const fixture = new URL('../../../packages/domain/test/fixtures/labor-cases.json', import.meta.url);
const { cases } = JSON.parse(await readFile(fixture, 'utf8')) as { cases: LaborCase[] };

let harness: Harness;
before(async () => {
  harness = await startHarness();
});
after(async () => harness?.close());

describe('POST /v1/labor/check', () => {
  test('fixture holds all 24 cases', () => {
    assert.equal(cases.length, 24);
  });

  for (const labor of cases) {
    test(`${labor.id} ${labor.title}`, async () => {
      const response = await harness.api.inject({ method: 'POST', url: '/v1/labor/check', payload: labor.request });
      assert.equal(response.statusCode, 200, response.body);
      const verdict = response.json();
      assert.equal(verdict.allowed, labor.expect.allowed);
      assert.deepEqual(
        verdict.shifts.map((shift: { allowed: boolean }) => shift.allowed),
        labor.expect.shiftAllowed,
      );
      for (const shift of verdict.shifts) {
        for (const violation of shift.violations) {
          assert.ok(violation.citation.length > 0);
          assert.ok(violation.message.length > 0);
        }
      }
    });
  }

  const shift = { date: '2026-03-10', start: '16:00', end: '19:00' };
  const invalid: [string, Record<string, unknown>, string][] = [
    ['unknown duty', { age: 15, duties: ['juggling'], shifts: [shift] }, 'duties.0'],
    ['end equal to start', { age: 15, shifts: [{ ...shift, end: '16:00' }] }, 'shifts.0.end'],
    ['malformed date', { age: 15, shifts: [{ ...shift, date: '2026-02-30' }] }, 'shifts.0.date'],
    ['more than 200 shifts', { age: 15, shifts: Array.from({ length: 201 }, () => shift) }, 'shifts'],
  ];
  for (const [name, body, field] of invalid) {
    test(`rejects ${name}`, async () => {
      const response = await harness.api.inject({ method: 'POST', url: '/v1/labor/check', payload: body });
      assert.equal(response.statusCode, 400, response.body);
      assert.equal(response.json().error, 'ValidationError');
      assert.equal(response.json().field, field);
    });
  }
});
