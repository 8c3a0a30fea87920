import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseScheduleCheckRequest } from './schedule-check-request';

const shift = { day: 1, start: '17:00', end: '21:00', breakMinutes: 0 };

describe('schedule check request', () => {
  test('valid request keeps only known fields', () => {
    assert.deepEqual(
      parseScheduleCheckRequest({ schedule: [{ ...shift, note: 'x' }], duties: ['cashier'], minimumAge: 16, extra: 1 }),
      { schedule: [shift], duties: ['cashier'], minimumAge: 16 },
    );
  });

  test('duties and minimum age default', () => {
    assert.deepEqual(parseScheduleCheckRequest({ schedule: [shift] }), {
      schedule: [shift],
      duties: [],
      minimumAge: 15,
    });
  });

  test('invalid shapes name the field', () => {
    const cases: [unknown, RegExp][] = [
      [null, /JSON object/],
      [{ schedule: [] }, /schedule must list 1 to 21 shifts/],
      [{ schedule: Array.from({ length: 22 }, () => shift) }, /schedule must list 1 to 21 shifts/],
      [{ schedule: [shift, { ...shift, end: '24:00' }] }, /schedule\[1\] is invalid/],
      [{ schedule: [{ ...shift, day: 7 }] }, /schedule\[0\] is invalid/],
      [{ schedule: [{ ...shift, breakMinutes: 241 }] }, /schedule\[0\] is invalid/],
      [{ schedule: [shift], duties: ['juggling'] }, /unknown task: "juggling"/],
      [{ schedule: [shift], duties: 'cashier' }, /duties must list/],
      [{ schedule: [shift], minimumAge: 17 }, /minimumAge must be 15, 16 or 18/],
    ];
    for (const [body, message] of cases) {
      const parsed = parseScheduleCheckRequest(body);
      assert.ok('error' in parsed, JSON.stringify(body));
      assert.match(parsed.error, message);
    }
  });
});
