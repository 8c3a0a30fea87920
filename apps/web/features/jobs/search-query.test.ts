import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readJobSearch, searchFieldFor, searchHref, toSearchQuery } from './search-query';

describe('job search query', () => {
  test('form values reach the API query', () => {
    const values = readJobSearch({
      q: ' lifeguard ',
      zip: '43215',
      radiusMiles: '10',
      category: 'recreation',
      minPay: '12.50',
      afterSchool: 'true',
      weekends: 'true',
      summer: 'true',
      workable: 'true',
      sort: 'distance',
    });
    assert.deepEqual(toSearchQuery(values, true), {
      query: {
        q: 'lifeguard',
        zip: '43215',
        radiusMiles: 10,
        category: 'recreation',
        minHourlyPayCents: 1250,
        afterSchool: true,
        weekends: true,
        summer: true,
        workable: true,
        sort: 'distance',
      },
      errors: {},
    });
  });

  test('empty form searches everything', () => {
    assert.deepEqual(toSearchQuery(readJobSearch({}), true), { query: {}, errors: {} });
  });

  test('workable is dropped for non-students', () => {
    assert.equal(toSearchQuery(readJobSearch({ workable: 'true' }), false).query?.workable, undefined);
  });

  test('bad values name their field', () => {
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ zip: '4321' }, 'zip', 'Enter a 5-digit Ohio ZIP code.'],
      [{ radiusMiles: '5' }, 'zip', 'Enter a ZIP code to search by distance.'],
      [{ zip: '43215', radiusMiles: '7' }, 'radiusMiles', 'Choose 5, 10, 25 or 50 miles.'],
      [{ category: 'astronaut' }, 'category', 'Choose a kind of work from the list.'],
      [{ minPay: 'lots' }, 'minPay', 'Enter the lowest pay per hour in dollars, for example 12.50.'],
      [{ sort: 'distance' }, 'zip', 'Enter a ZIP code to sort by distance.'],
      [{ sort: 'alphabetical' }, 'sort', 'Choose an order from the list.'],
    ];
    for (const [params, field, message] of cases) {
      const { query, errors } = toSearchQuery(readJobSearch(params), true);
      assert.equal(query, undefined, JSON.stringify(params));
      assert.equal(errors[field], message, JSON.stringify(params));
    }
  });

  test('page links keep every filter', () => {
    const values = readJobSearch({ q: 'camp aide', zip: '43215', radiusMiles: '25', weekends: 'true' });
    assert.equal(searchHref(values, 'abc'), '/jobs?q=camp+aide&zip=43215&radiusMiles=25&weekends=true&cursor=abc');
    assert.equal(searchHref(readJobSearch({})), '/jobs');
  });

  test('API fields map to form fields', () => {
    assert.equal(searchFieldFor('minHourlyPayCents'), 'minPay');
    assert.equal(searchFieldFor('zip'), 'zip');
    assert.equal(searchFieldFor('cursor'), 'form');
    assert.equal(searchFieldFor(undefined), 'form');
  });
});
