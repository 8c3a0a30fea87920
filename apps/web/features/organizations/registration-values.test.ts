import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normalizeEin, normalizeWebsite, validateRegistration, type RegistrationValues } from './registration-values';

const filled: RegistrationValues = {
  legalName: 'Maple Street Grocers LLC',
  tradingName: 'Maple Street Grocers',
  ein: '34-1234567',
  addressLine: '200 N High St',
  city: 'Columbus',
  zip: '43215',
  phone: '(614) 555-0142',
  website: '',
  industry: 'Grocery',
  dutiesAcknowledged: 'yes',
};

describe('registration form values', () => {
  test('complete form becomes a registration', () => {
    const { registration, errors } = validateRegistration(filled);
    assert.deepEqual(errors, {});
    assert.equal(registration?.dutiesAcknowledged, true);
    assert.equal(registration?.website, null);
    assert.equal(registration?.ein, '34-1234567');
  });

  test('unchecked duties box names the field', () => {
    const { registration, errors } = validateRegistration({ ...filled, dutiesAcknowledged: '' });
    assert.equal(registration, null);
    assert.deepEqual(Object.keys(errors), ['dutiesAcknowledged']);
  });

  test('bad values name their fields', () => {
    const cases: Array<[Partial<RegistrationValues>, string]> = [
      [{ ein: '12345678' }, 'ein'],
      [{ zip: '4321' }, 'zip'],
      [{ phone: '555-0142' }, 'phone'],
      [{ website: 'not a site' }, 'website'],
      [{ legalName: 'A' }, 'legalName'],
      [{ industry: '' }, 'industry'],
    ];
    for (const [change, field] of cases) {
      const { errors } = validateRegistration({ ...filled, ...change });
      assert.deepEqual(Object.keys(errors), [field], JSON.stringify(change));
    }
  });

  test('EIN and website are tidied', () => {
    assert.equal(normalizeEin('341234567'), '34-1234567');
    assert.equal(normalizeEin('34 1234567'), '34-1234567');
    assert.equal(normalizeEin('3412'), '3412');
    assert.equal(normalizeWebsite('maple.example.test'), 'https://maple.example.test');
    assert.equal(normalizeWebsite('http://maple.example.test'), 'http://maple.example.test');
    assert.equal(normalizeWebsite(''), '');
  });
});
