import {
  AdminConfirmSignUpCommand,
  AdminGetUserCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import pg from 'pg';
import { clientId, password, signIn, userPoolId, type Harness, type SignedIn } from './harness.ts';

/** Returns a registration body that passes every check. Tests change one field at a time. */
export function registration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    legalName: 'Maple Street Grocers LLC',
    tradingName: 'Maple Street Grocers',
    ein: '34-1234567',
    addressLine: '200 N High St',
    city: 'Columbus',
    zip: '43215',
    phone: '(614) 555-0142',
    website: 'https://maple.example.test',
    industry: 'Grocery',
    dutiesAcknowledged: true,
    ...overrides,
  };
}

export const listingBody = (title: string) => ({
  title,
  description: 'Bag groceries and help customers carry them to their cars.',
  payMinCents: 1250,
  payMaxCents: null,
  payUnit: 'hour',
  addressLine: '200 N High St',
  city: 'Columbus',
  zip: '43215',
  schedule: [{ day: 6, start: '09:00', end: '13:00', breakMinutes: 0 }],
});

/** Creates a confirmed employer account (custom:account_type employer) and returns its sub. */
export async function createEmployerAccount(
  harness: Harness,
  email: string,
  details: { birthdate?: string; givenName?: string; familyName?: string } = {},
): Promise<string> {
  await harness.cognito.send(
    new SignUpCommand({
      ClientId: clientId,
      Username: email,
      Password: password,
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'given_name', Value: details.givenName ?? 'Robin' },
        { Name: 'family_name', Value: details.familyName ?? 'Employer' },
        { Name: 'birthdate', Value: details.birthdate ?? '1985-04-12' },
        { Name: 'custom:account_type', Value: 'employer' },
      ],
    }),
  );
  await harness.cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: userPoolId, Username: email }));
  const user = await harness.cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
  return user.UserAttributes?.find((attribute) => attribute.Name === 'sub')?.Value as string;
}

/** Sends a request as the user, or anonymously. */
export function call(
  harness: Harness,
  user: SignedIn | null,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
) {
  return harness.api.inject({
    method,
    url,
    headers: user ? { authorization: `Bearer ${user.accessToken}` } : {},
    ...(payload === undefined ? {} : { payload }),
  });
}

/** Runs one query as the database owner, past row-level security. */
export async function ownerQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(
  harness: Harness,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const owner = new pg.Client({ connectionString: harness.database.ownerUrl });
  await owner.connect();
  try {
    return (await owner.query<T>(text, values)).rows;
  } finally {
    await owner.end();
  }
}

export interface AuditRow {
  action: string;
  actor_id: string | null;
  actor_role: string;
  organization_id: string | null;
  details: Record<string, unknown>;
}

/** Audit events about one target (an organization, member or invitation id), oldest first. */
export function auditEventsFor(harness: Harness, targetId: string): Promise<AuditRow[]> {
  return ownerQuery<AuditRow>(
    harness,
    `SELECT action, actor_id, actor_role, organization_id, details FROM audit.events WHERE target_id = $1 ORDER BY id`,
    [targetId],
  );
}

/** Returns the identity groups of a user, read from the identity service's own tables. */
export async function identityGroups(harness: Harness, sub: string): Promise<string[]> {
  const rows = await ownerQuery<{ group_name: string }>(
    harness,
    'SELECT group_name FROM identity.user_groups WHERE sub = $1 ORDER BY group_name',
    [sub],
  );
  return rows.map((row) => row.group_name);
}

/** Returns the challenge a password sign-in meets now, without completing it. */
export async function signInChallenge(harness: Harness, email: string): Promise<string | undefined> {
  const result = await harness.cognito.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
  return result.ChallengeName;
}

export interface RegisteredOrganization {
  organizationId: string;
  /** The admin after signing in again with MFA set up. */
  admin: SignedIn & { totpSecret?: string };
}

/** Signs an employer account up, registers an organization with it, and signs the admin in with MFA. */
export async function registerOrganization(
  harness: Harness,
  email: string,
  overrides: Record<string, unknown> = {},
): Promise<RegisteredOrganization> {
  await createEmployerAccount(harness, email);
  const before = await signIn(harness, email);
  const response = await call(harness, before, 'POST', '/v1/organizations', registration(overrides));
  if (response.statusCode !== 201) throw new Error(`Registration answered ${response.statusCode}: ${response.body}`);
  const admin = await signIn(harness, email);
  return { organizationId: response.json().id as string, admin };
}

/** Verifies a pending organization as staff. */
export async function verifyOrganization(harness: Harness, staff: SignedIn, organizationId: string): Promise<void> {
  const response = await call(harness, staff, 'POST', `/v1/staff/organizations/${organizationId}/decision`, {
    decision: 'verify',
  });
  if (response.statusCode !== 200) throw new Error(`Verification answered ${response.statusCode}: ${response.body}`);
}
