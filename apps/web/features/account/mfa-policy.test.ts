import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { accessTokenGroups, mfaRequiredForGroups } from './mfa-policy';

function unsignedToken(claims: object): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'RS256', kid: 'test' })}.${encode(claims)}.signature`;
}

describe('MFA policy', () => {
  test('admin and staff groups require MFA', () => {
    for (const group of ['employer-admin', 'district-admin', 'staff']) {
      assert.equal(mfaRequiredForGroups([group]), true, group);
      assert.equal(mfaRequiredForGroups(['employer-member', group]), true, group);
    }
  });

  test('students and members may choose', () => {
    assert.equal(mfaRequiredForGroups([]), false);
    assert.equal(mfaRequiredForGroups(['employer-member']), false);
    assert.equal(mfaRequiredForGroups(['student']), false);
  });

  test('groups come from the access token', () => {
    assert.deepEqual(accessTokenGroups(unsignedToken({ sub: 'u1', 'cognito:groups': ['staff'] })), ['staff']);
    assert.deepEqual(accessTokenGroups(unsignedToken({ 'cognito:groups': ['staff', 7, null, 'employer-admin'] })), [
      'staff',
      'employer-admin',
    ]);
  });

  test('token without groups yields none', () => {
    assert.deepEqual(accessTokenGroups(unsignedToken({ sub: 'u1' })), []);
    assert.deepEqual(accessTokenGroups(unsignedToken({ 'cognito:groups': 'staff' })), []);
  });

  test('unreadable token yields no groups', () => {
    assert.deepEqual(accessTokenGroups(''), []);
    assert.deepEqual(accessTokenGroups('not-a-token'), []);
    assert.deepEqual(accessTokenGroups('a.%%%.c'), []);
  });
});
