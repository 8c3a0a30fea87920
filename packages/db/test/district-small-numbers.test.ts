import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { protectCount, protectCounts } from '../src/repositories/district-small-numbers.ts';

const cells = (...counts: number[]) => counts.map((count) => ({ count, students: count }));

describe('small-number rule', () => {
  test('counts below 5 are hidden', () => {
    for (const count of [0, 1, 2, 3, 4]) {
      assert.deepEqual(protectCount(count), { count: null, suppressed: 'fewer-than-5' }, `count ${count}`);
    }
  });

  test('counts of 5 and more are shown', () => {
    for (const count of [5, 6, 120]) {
      assert.deepEqual(protectCount(count), { count, suppressed: null }, `count ${count}`);
    }
  });

  test('rule follows students, not applications', () => {
    // Nine applications from three students would single those students out.
    assert.deepEqual(protectCount(9, 3), { count: null, suppressed: 'fewer-than-5' });
    assert.deepEqual(protectCount(9, 5), { count: 9, suppressed: null });
  });

  test('lone hidden cell hides the next smallest', () => {
    const result = protectCounts(cells(12, 3, 7, 40), { totalDisclosed: true });
    assert.deepEqual(result, [
      { count: 12, suppressed: null },
      { count: null, suppressed: 'fewer-than-5' },
      { count: null, suppressed: 'complementary' },
      { count: 40, suppressed: null },
    ]);
  });

  test('no complement without a disclosed total', () => {
    const result = protectCounts(cells(12, 3, 7), { totalDisclosed: false });
    assert.deepEqual(
      result.map((cell) => cell.suppressed),
      [null, 'fewer-than-5', null],
    );
  });

  test('two hidden cells need no complement', () => {
    const result = protectCounts(cells(12, 3, 2, 7), { totalDisclosed: true });
    assert.deepEqual(
      result.map((cell) => cell.suppressed),
      [null, 'fewer-than-5', 'fewer-than-5', null],
    );
  });

  test('single cell stays as the rule leaves it', () => {
    assert.deepEqual(protectCounts(cells(3), { totalDisclosed: true }), [{ count: null, suppressed: 'fewer-than-5' }]);
    assert.deepEqual(protectCounts(cells(8), { totalDisclosed: true }), [{ count: 8, suppressed: null }]);
  });
});
