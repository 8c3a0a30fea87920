import { readFile, writeFile } from 'node:fs/promises';
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
import { generate } from 'otplib';
import pg from 'pg';

// Demo data for development mode only: clearly marked names, addresses under the reserved
// .test domain, and a fixed organization id that shows whether it was loaded already.

export const demoOrganizationId = '00000000-0000-4000-8000-00000000d3e0';
const demoPassword = 'Riverbend-Lantern-42!';

export interface DemoAccount {
  role: string;
  email: string;
  password: string;
  /** Base32 TOTP secret for accounts that must use MFA, to add to an authenticator app. */
  totpSecret: string | null;
}

export interface DemoAccounts {
  accounts: DemoAccount[];
}

interface DemoOptions {
  ownerUrl: string;
  identityEndpoint: string;
  region: string;
  userPoolId: string;
  clientId: string;
  dataDir: string;
  log: (line: string) => void;
}

const people = [
  { role: 'ClockIn staff', email: 'staff@demo.clockin.test', given: 'Dana', family: 'Staff (demo)', group: 'staff' },
  {
    role: 'Employer admin',
    email: 'admin@demo.clockin.test',
    given: 'Avery',
    family: 'Admin (demo)',
    group: 'employer-admin',
  },
  { role: 'Employer member', email: 'member@demo.clockin.test', given: 'Morgan', family: 'Member (demo)', group: null },
] as const;

const listings = [
  {
    title: 'Counter helper (demo)',
    city: 'Columbus',
    zip: '43215',
    address: '100 N High St',
    pay: 1250,
    days: [1, 3, 5],
    start: '16:00',
    end: '19:00',
  },
  {
    title: 'Grocery bagger (demo)',
    city: 'Columbus',
    zip: '43201',
    address: '1500 N High St',
    pay: 1200,
    days: [6],
    start: '09:00',
    end: '14:00',
  },
  {
    title: 'Bakery shop assistant (demo)',
    city: 'Cleveland',
    zip: '44113',
    address: '1979 W 25th St',
    pay: 1300,
    days: [2, 4],
    start: '15:30',
    end: '18:30',
  },
  {
    title: 'Summer day camp aide (demo)',
    city: 'Cleveland',
    zip: '44102',
    address: '6500 Detroit Ave',
    pay: 1400,
    days: [1, 2, 3, 4, 5],
    start: '09:00',
    end: '15:00',
  },
  {
    title: 'Ballpark concessions (demo)',
    city: 'Cincinnati',
    zip: '45202',
    address: '100 Joe Nuxhall Way',
    pay: 1350,
    days: [0, 6],
    start: '12:00',
    end: '17:00',
  },
  {
    title: 'Library page (demo)',
    city: 'Cincinnati',
    zip: '45219',
    address: '2600 Vine St',
    pay: 1275,
    days: [2, 4],
    start: '16:00',
    end: '19:00',
  },
];

/** Loads the demo employer, its listings and the staff account once; later starts reuse them. */
export async function loadDemoData(options: DemoOptions): Promise<DemoAccounts> {
  const file = path.join(options.dataDir, 'demo-accounts.json');
  const owner = new pg.Client({ connectionString: options.ownerUrl });
  await owner.connect();
  try {
    const existing = await owner.query('SELECT 1 FROM app.organizations WHERE id = $1', [demoOrganizationId]);
    if (existing.rowCount && existing.rowCount > 0) {
      try {
        return JSON.parse(await readFile(file, 'utf8')) as DemoAccounts;
      } catch {
        return { accounts: [] };
      }
    }

    const identity = new CognitoIdentityProviderClient({
      region: options.region,
      endpoint: options.identityEndpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const accounts: DemoAccount[] = [];
    const subs = new Map<string, string>();
    for (const person of people) {
      const { sub, totpSecret } = await createIdentityUser(identity, options, person);
      subs.set(person.email, sub);
      accounts.push({ role: person.role, email: person.email, password: demoPassword, totpSecret });
    }
    identity.destroy();

    await owner.query('BEGIN');
    await owner.query(
      `INSERT INTO app.organizations (id, legal_name, trading_name, ein, address_line, city, zip, phone, website, industry, status, decided_at)
       VALUES ($1, 'Buckeye Corner Market LLC (demo)', 'Buckeye Corner Market (demo)', '31-0000000', '100 N High St', 'Columbus',
               '43215', '614-555-0100', NULL, 'Retail', 'verified', now())`,
      [demoOrganizationId],
    );
    for (const person of people.filter((p) => p.group !== 'staff')) {
      await owner.query(
        `INSERT INTO app.organization_members (organization_id, user_id, role, given_name, family_name, email)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          demoOrganizationId,
          subs.get(person.email),
          person.group === 'employer-admin' ? 'admin' : 'member',
          person.given,
          person.family,
          person.email,
        ],
      );
    }
    const staffSub = subs.get('staff@demo.clockin.test');
    const adminSub = subs.get('admin@demo.clockin.test');
    for (const listing of listings) {
      const centroid = await owner.query('SELECT latitude, longitude FROM app.zip_centroids WHERE zip = $1', [
        listing.zip,
      ]);
      const schedule = listing.days.map((day) => ({ day, start: listing.start, end: listing.end, breakMinutes: 0 }));
      await owner.query(
        `INSERT INTO app.listings (organization_id, title, description, pay_min_cents, pay_max_cents, pay_unit, address_line, city, zip,
                                   latitude, longitude, schedule, status, created_by, reviewed_by, reviewed_at, published_at)
         VALUES ($1, $2, $3, $4, NULL, 'hour', $5, $6, $7, $8, $9, $10, 'published', $11, $12, now(), now())`,
        [
          demoOrganizationId,
          listing.title,
          `Demo listing for trying ClockIn. Friendly team, training on the first day, and a manager on site for every shift in ${listing.city}.`,
          listing.pay,
          listing.address,
          listing.city,
          listing.zip,
          centroid.rows[0].latitude,
          centroid.rows[0].longitude,
          JSON.stringify(schedule),
          adminSub,
          staffSub,
        ],
      );
    }
    await owner.query('COMMIT');

    const demo = { accounts };
    await writeFile(file, JSON.stringify(demo, null, 2), { mode: 0o600 });
    options.log(`Loaded demo data: 1 verified employer, ${listings.length} listings, ${accounts.length} accounts.`);
    return demo;
  } catch (error) {
    await owner.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await owner.end();
  }
}

async function createIdentityUser(
  identity: CognitoIdentityProviderClient,
  options: DemoOptions,
  person: (typeof people)[number],
): Promise<{ sub: string; totpSecret: string | null }> {
  await identity.send(
    new SignUpCommand({
      ClientId: options.clientId,
      Username: person.email,
      Password: demoPassword,
      UserAttributes: [
        { Name: 'email', Value: person.email },
        { Name: 'given_name', Value: person.given },
        { Name: 'family_name', Value: person.family },
        { Name: 'birthdate', Value: '1990-01-01' },
        ...(person.group === 'staff' ? [] : [{ Name: 'custom:account_type', Value: 'employer' }]),
      ],
    }),
  );
  await identity.send(new AdminConfirmSignUpCommand({ UserPoolId: options.userPoolId, Username: person.email }));
  if (person.group) {
    await identity.send(
      new AdminAddUserToGroupCommand({
        UserPoolId: options.userPoolId,
        Username: person.email,
        GroupName: person.group,
      }),
    );
  }
  const user = await identity.send(new AdminGetUserCommand({ UserPoolId: options.userPoolId, Username: person.email }));
  const sub = user.UserAttributes?.find((attribute) => attribute.Name === 'sub')?.Value;
  if (!sub) throw new Error(`The identity service returned no sub for the demo account ${person.role}.`);
  return { sub, totpSecret: person.group ? await enrolTotp(identity, options, person.email) : null };
}

/** Signs in once and completes the MFA_SETUP challenge, so the account has a known TOTP secret. */
async function enrolTotp(
  identity: CognitoIdentityProviderClient,
  options: DemoOptions,
  email: string,
): Promise<string | null> {
  const signIn = await identity.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: options.clientId,
      AuthParameters: { USERNAME: email, PASSWORD: demoPassword },
    }),
  );
  if (signIn.ChallengeName !== 'MFA_SETUP') return null;
  const association = await identity.send(new AssociateSoftwareTokenCommand({ Session: signIn.Session }));
  const secret = association.SecretCode as string;
  const verified = await identity.send(
    new VerifySoftwareTokenCommand({ Session: association.Session, UserCode: await generate({ secret }) }),
  );
  await identity.send(
    new RespondToAuthChallengeCommand({
      ChallengeName: 'MFA_SETUP',
      ClientId: options.clientId,
      Session: verified.Session,
      ChallengeResponses: { USERNAME: email },
    }),
  );
  return secret;
}
