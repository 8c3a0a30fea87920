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

/** Columbus City Schools District, the demo partner district. */
export const demoDistrictId = '043802';
const districtAdmin = {
  role: 'District administrator (Columbus City Schools, demo partner)',
  email: 'district@demo.clockin.test',
  given: 'Jordan',
  family: 'District (demo)',
  group: 'district-admin',
} as const;

type DemoPerson = (typeof people)[number] | typeof districtAdmin;

const listings = [
  {
    title: 'Counter helper (demo)',
    duties: ['customer-service', 'cashier'],
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
    duties: ['retail-stocking', 'cashier'],
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
    duties: ['baking', 'cashier'],
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
    duties: ['childcare'],
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
    duties: ['food-service-counter', 'cashier'],
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
    duties: ['office'],
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
      let demo: DemoAccounts;
      try {
        demo = JSON.parse(await readFile(file, 'utf8')) as DemoAccounts;
      } catch {
        demo = { accounts: [] };
      }
      // Data folders from before district partnerships get the demo district on their next start.
      const district = await loadDemoDistrict(owner, options);
      if (district) {
        demo.accounts.push(district);
        await writeFile(file, JSON.stringify(demo, null, 2), { mode: 0o600 });
      }
      return demo;
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
                                   latitude, longitude, schedule, duties, status, created_by, reviewed_by, reviewed_at, published_at)
         VALUES ($1, $2, $3, $4, NULL, 'hour', $5, $6, $7, $8, $9, $10, $13, 'published', $11, $12, now(), now())`,
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
          listing.duties,
        ],
      );
    }
    await owner.query('COMMIT');

    const district = await loadDemoDistrict(owner, options);
    if (district) accounts.push(district);
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
  person: DemoPerson,
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
        ...(person.group === 'staff' || person.group === 'district-admin'
          ? []
          : [{ Name: 'custom:account_type', Value: 'employer' }]),
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

const demoStudentNames = [
  ['Avery', 'Ashford'],
  ['Blake', 'Brennan'],
  ['Casey', 'Castellano'],
  ['Devon', 'Delgado'],
  ['Emery', 'Easton'],
  ['Finley', 'Farrow'],
  ['Gray', 'Galloway'],
  ['Harper', 'Hollis'],
  ['Indigo', 'Ingram'],
  ['Jules', 'Jardine'],
  ['Kai', 'Kingsley'],
  ['Logan', 'Lockhart'],
  ['Marlow', 'Mercer'],
  ['Noel', 'Navarro'],
  ['Oakley', 'Ortega'],
  ['Parker', 'Pruitt'],
  ['Quinn', 'Quintero'],
  ['Reese', 'Rowland'],
  ['Sage', 'Sterling'],
  ['Tatum', 'Thorne'],
  ['Umber', 'Underhill'],
  ['Val', 'Vance'],
  ['Wren', 'Whitlock'],
  ['Xan', 'Xiong'],
  ['Yael', 'Yardley'],
  ['Zion', 'Zeller'],
  ['Arden', 'Abbott'],
  ['Bellamy', 'Booker'],
  ['Carmen', 'Corbin'],
  ['Dallas', 'Drummond'],
] as const;
const demoStatuses = ['submitted', 'viewed', 'shortlisted', 'hired', 'not_selected', 'withdrawn'] as const;

/**
 * Loads the demo partner district once: its partnership, an administrator with TOTP enrolled,
 * and 30 demo students in its high schools with applications to the demo listings. Returns the
 * administrator's account, or null when the demo district exists already.
 */
async function loadDemoDistrict(owner: pg.Client, options: DemoOptions): Promise<DemoAccount | null> {
  const existing = await owner.query('SELECT 1 FROM app.district_partnerships WHERE district_id = $1', [
    demoDistrictId,
  ]);
  if (existing.rowCount && existing.rowCount > 0) return null;

  const identity = new CognitoIdentityProviderClient({
    region: options.region,
    endpoint: options.identityEndpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  let created: { sub: string; totpSecret: string | null };
  try {
    created = await createIdentityUser(identity, options, districtAdmin);
  } finally {
    identity.destroy();
  }

  const schools = await owner.query<{ id: string }>(
    `SELECT id FROM app.schools WHERE district_id = $1 AND name ILIKE '%high school%' ORDER BY id LIMIT 6`,
    [demoDistrictId],
  );
  const listings = await owner.query<{ id: string }>(
    'SELECT id FROM app.listings WHERE organization_id = $1 ORDER BY created_at, id',
    [demoOrganizationId],
  );
  const staff = await owner.query<{ started_by: string }>(
    `SELECT reviewed_by AS started_by FROM app.listings WHERE organization_id = $1 AND reviewed_by IS NOT NULL LIMIT 1`,
    [demoOrganizationId],
  );
  await owner.query('BEGIN');
  try {
    await owner.query(
      `INSERT INTO app.district_partnerships (district_id, agreement_signed_on, contact_name, contact_email, started_by)
       VALUES ($1, current_date - 30, 'Casey Contact (demo)', 'partnerships@district.demo.clockin.test', $2)`,
      [demoDistrictId, staff.rows[0]?.started_by ?? created.sub],
    );
    await owner.query(`INSERT INTO app.district_members (district_id, user_id, role) VALUES ($1, $2, 'admin')`, [
      demoDistrictId,
      created.sub,
    ]);
    const grades = ['9', '10', '11', '12'];
    for (const [index, [given, family]] of demoStudentNames.entries()) {
      const school = schools.rows[index % Math.max(schools.rows.length, 1)];
      if (!school) break;
      const studentId = crypto.randomUUID();
      await owner.query(
        `INSERT INTO app.students (user_id, given_name, family_name, school_id, district_id, grade_level, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, now() - make_interval(days => $7))`,
        [studentId, given, `${family} (demo)`, school.id, demoDistrictId, grades[index % grades.length], index * 5],
      );
      await owner.query(
        `INSERT INTO app.student_birthdates (user_id, birthdate) VALUES ($1, current_date - make_interval(years => $2, days => $3))`,
        [studentId, 15 + (index % 4), index * 7],
      );
      const listing = listings.rows[index % Math.max(listings.rows.length, 1)];
      if (!listing || index % 3 === 2) continue;
      await owner.query(
        `INSERT INTO app.applications (organization_id, listing_id, student_id, message, status, created_at, updated_at)
         VALUES ($1, $2, $3, 'Demo application message.', $4, now() - make_interval(days => $5), now() - make_interval(days => $6))`,
        [demoOrganizationId, listing.id, studentId, demoStatuses[index % demoStatuses.length], index * 9, index * 4],
      );
    }
    await owner.query('COMMIT');
  } catch (error) {
    await owner.query('ROLLBACK').catch(() => {});
    throw error;
  }
  options.log(`Loaded the demo partner district ${demoDistrictId} with ${demoStudentNames.length} demo students.`);
  return {
    role: districtAdmin.role,
    email: districtAdmin.email,
    password: demoPassword,
    totpSecret: created.totpSecret,
  };
}
