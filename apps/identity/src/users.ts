import type pg from 'pg';

type Queryable = pg.Pool | pg.PoolClient;

export interface UserRecord {
  sub: string;
  username: string;
  email: string;
  email_verified: boolean;
  given_name: string | null;
  family_name: string | null;
  /** YYYY-MM-DD; the pg date type parser is bypassed with to_char. */
  birthdate: string;
  custom_attributes: Record<string, string>;
  password_hash: string;
  status: 'UNCONFIRMED' | 'CONFIRMED';
  enabled: boolean;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_time_step: string | null;
  mfa_enabled: boolean;
  tokens_valid_after: Date | null;
  created_at: Date;
  updated_at: Date;
}

const userColumns = `sub, username, email, email_verified, given_name, family_name,
  to_char(birthdate, 'YYYY-MM-DD') AS birthdate, custom_attributes, password_hash, status, enabled,
  totp_secret, totp_pending_secret, totp_last_time_step, mfa_enabled, tokens_valid_after, created_at, updated_at`;

/** Lower-cases and trims an email address, which is also the username. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

export async function findUserByUsername(
  db: Queryable,
  username: string,
  forUpdate = false,
): Promise<UserRecord | null> {
  const found = await db.query<UserRecord>(
    `SELECT ${userColumns} FROM users WHERE username = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [normalizeUsername(username)],
  );
  return found.rows[0] ?? null;
}

export async function findUserBySub(db: Queryable, sub: string, forUpdate = false): Promise<UserRecord | null> {
  const found = await db.query<UserRecord>(
    `SELECT ${userColumns} FROM users WHERE sub = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [sub],
  );
  return found.rows[0] ?? null;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds a user by username (email) or by sub, as Cognito's admin operations accept either. */
export async function findUserByUsernameOrSub(db: Queryable, username: string): Promise<UserRecord | null> {
  if (uuidPattern.test(username)) {
    const bySub = await findUserBySub(db, username);
    if (bySub) return bySub;
  }
  return findUserByUsername(db, username);
}

export async function groupsOf(db: Queryable, sub: string): Promise<string[]> {
  const found = await db.query<{ group_name: string }>(
    `SELECT group_name FROM user_groups WHERE sub = $1 ORDER BY group_name`,
    [sub],
  );
  return found.rows.map((row) => row.group_name);
}

/** Checks whether one of the user's groups requires TOTP MFA (employer-admin, district-admin, staff). */
export async function requiresMfa(db: Queryable, sub: string): Promise<boolean> {
  const found = await db.query(
    `SELECT 1 FROM user_groups JOIN groups ON groups.name = user_groups.group_name WHERE sub = $1 AND requires_mfa`,
    [sub],
  );
  return (found.rowCount ?? 0) > 0;
}

/** Returns the user's attributes in Cognito's `[{Name, Value}]` form. */
export function attributeList(user: UserRecord): { Name: string; Value: string }[] {
  const attributes = [
    { Name: 'sub', Value: user.sub },
    { Name: 'email', Value: user.email },
    { Name: 'email_verified', Value: String(user.email_verified) },
    { Name: 'birthdate', Value: user.birthdate },
  ];
  if (user.given_name !== null) attributes.push({ Name: 'given_name', Value: user.given_name });
  if (user.family_name !== null) attributes.push({ Name: 'family_name', Value: user.family_name });
  for (const [name, value] of Object.entries(user.custom_attributes)) attributes.push({ Name: name, Value: value });
  return attributes;
}

/** Returns Cognito's MFA fields for GetUser and AdminGetUser. */
export function mfaSettings(user: UserRecord): { PreferredMfaSetting?: string; UserMFASettingList: string[] } {
  return user.mfa_enabled
    ? { PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA', UserMFASettingList: ['SOFTWARE_TOKEN_MFA'] }
    : { UserMFASettingList: [] };
}
