import { PassThrough } from 'node:stream';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AdminAddUserToGroupCommand,
  AdminConfirmSignUpCommand,
  AdminGetUserCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createTestDatabase, type TestDatabase } from '@clockin/db/testing';
import { DevMailbox } from '@clockin/email';
import { buildIdentityServer } from '@clockin/identity/server';
import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import pg from 'pg';
import { buildApi } from '../src/app.ts';

export const userPoolId = 'us-east-2_ClockInLocal';
export const clientId = 'clockin-web-local';
export const password = 'Harbor-Quill-58?';

export interface Harness {
  api: FastifyInstance;
  identity: FastifyInstance;
  cognito: CognitoIdentityProviderClient;
  database: TestDatabase;
  mailbox: DevMailbox;
  /** The folder of `mailbox`, for services started beside the harness. */
  mailboxDir: string;
  logs: string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  /**
   * Whether the identity service reports its revocations to the API, as the local stack does.
   * Off, only the API's own routes record them: what a deployment on Amazon Cognito relies on.
   */
  identityReportsRevocations?: boolean;
  revocationCacheMs?: number;
  /** Whether the API sends its own emails (such as member invitations) to the test mailbox too. */
  apiSendsEmail?: boolean;
}

/** Starts a real identity service and the API against a database of this test file's own. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const started: { api?: FastifyInstance } = {};
  const database = await createTestDatabase();
  const mailboxDir = path.join(await mkdtemp(path.join(tmpdir(), 'clockin-mail-')), 'mailbox');
  const mailbox = new DevMailbox(mailboxDir);
  const logs: string[] = [];
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => logs.push(...chunk.toString().split('\n').filter(Boolean)));

  const identity = await buildIdentityServer({
    databaseUrl: database.identityUrl,
    userPoolId,
    clientId,
    issuerBaseUrl: 'http://localhost:0',
    mailer: mailbox,
    mfaEncryptionKey: Buffer.alloc(32, 7).toString('base64'),
    onRevocation: async (event) => {
      if (options.identityReportsRevocations === false) return;
      if (!started.api) throw new Error('The API is not running, so the revocation cannot be recorded.');
      await started.api.revocations.record({
        userId: event.sub,
        revokedBefore: event.revokedBefore,
        reason: event.reason,
      });
    },
    // Fastify accepts a destination stream beside pino's options.
    logger: { level: 'info', stream: logStream } as never,
  });
  await identity.listen({ port: 0, host: '127.0.0.1' });
  const address = identity.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const endpoint = `http://127.0.0.1:${port}`;

  const api = await buildApi(
    {
      databaseUrl: database.appUrl,
      tokenIssuer: `http://localhost:0/${userPoolId}`,
      jwksUrl: `${endpoint}/${userPoolId}/.well-known/jwks.json`,
      identityEndpoint: endpoint,
      region: 'us-east-2',
      clientId,
      development: true,
      mailboxDir: options.apiSendsEmail ? mailboxDir : undefined,
      clockToleranceSeconds: 30,
      userPoolId,
    },
    { logLevel: 'info', logStream, revocationCacheMs: options.revocationCacheMs },
  );
  await api.ready();
  started.api = api;

  const cognito = new CognitoIdentityProviderClient({
    region: 'us-east-2',
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return {
    api,
    identity,
    cognito,
    database,
    mailbox,
    mailboxDir,
    logs,
    close: async () => {
      cognito.destroy();
      await api.close();
      await identity.close();
      await database.drop();
    },
  };
}

export interface SignedIn {
  sub: string;
  accessToken: string;
  email: string;
}

export interface StudentDetails {
  email: string;
  givenName: string;
  familyName: string;
  birthdate: string;
  schoolId: string;
  gradeLevel: string;
}

/** Signs a student up, confirms with the emailed code, signs in and creates the profile. */
export async function signUpStudent(harness: Harness, student: StudentDetails): Promise<SignedIn> {
  await harness.cognito.send(
    new SignUpCommand({
      ClientId: clientId,
      Username: student.email,
      Password: password,
      UserAttributes: [
        { Name: 'email', Value: student.email },
        { Name: 'given_name', Value: student.givenName },
        { Name: 'family_name', Value: student.familyName },
        { Name: 'birthdate', Value: student.birthdate },
        { Name: 'custom:school_id', Value: student.schoolId },
        { Name: 'custom:grade_level', Value: student.gradeLevel },
        { Name: 'custom:account_type', Value: 'student' },
      ],
    }),
  );
  const [email] = await harness.mailbox.list(student.email);
  const code = /\b(\d{6})\b/.exec(email?.text ?? '')?.[1];
  if (!code) throw new Error('No confirmation code arrived in the mailbox.');
  const { ConfirmSignUpCommand } = await import('@aws-sdk/client-cognito-identity-provider');
  await harness.cognito.send(
    new ConfirmSignUpCommand({ ClientId: clientId, Username: student.email, ConfirmationCode: code }),
  );
  const signedIn = await signIn(harness, student.email);
  const response = await harness.api.inject({
    method: 'POST',
    url: '/v1/students/me',
    headers: { authorization: `Bearer ${signedIn.accessToken}` },
  });
  if (response.statusCode !== 201)
    throw new Error(`Profile creation answered ${response.statusCode}: ${response.body}`);
  return signedIn;
}

/** Signs in with the shared test password, completing MFA set-up or challenge when asked. */
export async function signIn(
  harness: Harness,
  email: string,
  totpSecret?: string,
): Promise<SignedIn & { totpSecret?: string }> {
  let result = await harness.cognito.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
  let secret = totpSecret;
  if (result.ChallengeName === 'MFA_SETUP') {
    const association = await harness.cognito.send(new AssociateSoftwareTokenCommand({ Session: result.Session }));
    secret = association.SecretCode as string;
    const verified = await harness.cognito.send(
      new VerifySoftwareTokenCommand({ Session: association.Session, UserCode: await generate({ secret }) }),
    );
    result = await harness.cognito.send(
      new RespondToAuthChallengeCommand({
        ChallengeName: 'MFA_SETUP',
        ClientId: clientId,
        Session: verified.Session,
        ChallengeResponses: { USERNAME: email },
      }),
    );
  } else if (result.ChallengeName === 'SOFTWARE_TOKEN_MFA' && secret) {
    result = await harness.cognito.send(
      new RespondToAuthChallengeCommand({
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        ClientId: clientId,
        Session: result.Session,
        ChallengeResponses: { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: await generate({ secret }) },
      }),
    );
  }
  const accessToken = result.AuthenticationResult?.AccessToken;
  if (!accessToken)
    throw new Error(`Sign-in for a test account ended with challenge ${result.ChallengeName ?? 'none'}.`);
  const sub = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString()).sub as string;
  return { sub, accessToken, email, ...(secret ? { totpSecret: secret } : {}) };
}

/** Creates a confirmed identity user, optionally in a group, without signing in. */
export async function createConfirmedUser(harness: Harness, email: string, group?: string): Promise<string> {
  await harness.cognito.send(
    new SignUpCommand({
      ClientId: clientId,
      Username: email,
      Password: password,
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'given_name', Value: 'Pat' },
        { Name: 'family_name', Value: 'Worker' },
        { Name: 'birthdate', Value: '1988-02-03' },
        ...(group === 'staff' ? [] : [{ Name: 'custom:account_type', Value: 'employer' }]),
      ],
    }),
  );
  await harness.cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: userPoolId, Username: email }));
  if (group)
    await harness.cognito.send(
      new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: email, GroupName: group }),
    );
  const user = await harness.cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
  return user.UserAttributes?.find((attribute) => attribute.Name === 'sub')?.Value as string;
}

/** Creates a verified organization with the given user as admin, written as the owner role. */
export async function createOrganization(harness: Harness, adminSub: string, name: string): Promise<string> {
  const owner = new pg.Client({ connectionString: harness.database.ownerUrl });
  await owner.connect();
  try {
    const organization = await owner.query(
      `INSERT INTO app.organizations (legal_name, trading_name, ein, address_line, city, zip, phone, industry, status)
       VALUES ($1, $1, '12-3456789', '1 Main St', 'Columbus', '43215', '614-555-0100', 'Retail', 'verified') RETURNING id`,
      [name],
    );
    const id = organization.rows[0].id as string;
    await owner.query(
      `INSERT INTO app.organization_members (organization_id, user_id, role, given_name, family_name, email)
       VALUES ($1, $2, 'admin', 'Pat', 'Worker', 'admin@example.test')`,
      [id, adminSub],
    );
    return id;
  } finally {
    await owner.end();
  }
}

/** Reads a real Ohio high school id with a district from the reference data. */
export async function someSchoolId(harness: Harness): Promise<string> {
  const owner = new pg.Client({ connectionString: harness.database.ownerUrl });
  await owner.connect();
  try {
    const row = await owner.query(
      `SELECT id FROM app.schools WHERE district_id IS NOT NULL AND name ILIKE '%high%' ORDER BY id LIMIT 1`,
    );
    return row.rows[0].id as string;
  } finally {
    await owner.end();
  }
}
