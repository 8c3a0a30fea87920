import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  AdminDisableUserCommand,
  AdminUserGlobalSignOutCommand,
  DeleteUserCommand,
  GlobalSignOutCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { signUpStudent, someSchoolId, startHarness, userPoolId, type Harness, type SignedIn } from './harness.ts';

// As in `npm start`: the local identity service reports each revocation it makes to the API.
let harness: Harness;
let schoolId: string;
let studentCount = 0;

before(async () => {
  harness = await startHarness();
  schoolId = await someSchoolId(harness);
});
after(async () => harness?.close());

async function newStudent(): Promise<SignedIn> {
  studentCount += 1;
  return signUpStudent(harness, {
    email: `student${studentCount}@identity-events.example.test`,
    givenName: 'Tobias',
    familyName: 'Lindqvist',
    birthdate: '2009-09-09',
    schoolId,
    gradeLevel: '10',
  });
}

async function profileStatus(student: SignedIn): Promise<number> {
  const response = await harness.api.inject({
    method: 'GET',
    url: '/v1/students/me',
    headers: { authorization: `Bearer ${student.accessToken}` },
  });
  return response.statusCode;
}

describe('revocation reported by the identity service', () => {
  test('GlobalSignOut refuses the old token at once', async () => {
    const student = await newStudent();
    assert.equal(await profileStatus(student), 200);
    await harness.cognito.send(new GlobalSignOutCommand({ AccessToken: student.accessToken }));
    assert.equal(await profileStatus(student), 401);
  });

  test('AdminUserGlobalSignOut refuses the old token at once', async () => {
    const student = await newStudent();
    await harness.cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username: student.email }));
    assert.equal(await profileStatus(student), 401);
  });

  test('AdminDisableUser refuses the old token at once', async () => {
    const student = await newStudent();
    await harness.cognito.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: student.email }));
    assert.equal(await profileStatus(student), 401);
  });

  test('DeleteUser refuses the old token at once', async () => {
    const student = await newStudent();
    await harness.cognito.send(new DeleteUserCommand({ AccessToken: student.accessToken }));
    assert.equal(await profileStatus(student), 401);
  });
});
