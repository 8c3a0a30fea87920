import pg from 'pg';

/**
 * Database roles. The owner runs migrations, and the others own nothing. The retention role
 * may only call the functions that create audit log partitions and drop expired months.
 */
export const roles = {
  owner: 'clockin_owner',
  app: 'clockin_app',
  identity: 'clockin_identity',
  retention: 'clockin_retention',
  jobs: 'clockin_jobs',
} as const;

export type RoleName = keyof typeof roles;
export type RoleCredentials = Record<RoleName, string>;

/**
 * Creates the ClockIn roles (or resets their passwords) and the database owned by the
 * migration role. Runs as a superuser or a role with CREATEROLE and CREATEDB.
 */
export async function bootstrapDatabase(adminUrl: string, database: string, passwords: RoleCredentials): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const key of Object.keys(roles) as RoleName[]) {
      await ensureRole(admin, roles[key], passwords[key]);
    }
    await admin.query(`ALTER ROLE ${roles.app} SET search_path = app, public`);
    await admin.query(`ALTER ROLE ${roles.identity} SET search_path = identity`);
    await admin.query(`ALTER ROLE ${roles.owner} SET search_path = app, public`);
    await admin.query(`ALTER ROLE ${roles.retention} SET search_path = audit`);
    await admin.query(`ALTER ROLE ${roles.jobs} SET search_path = pgboss`);

    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await admin.query(
        `CREATE DATABASE ${pg.escapeIdentifier(database)} OWNER ${roles.owner} ENCODING 'UTF8' TEMPLATE template0`,
      );
    }
  } finally {
    await admin.end();
  }

  const inDatabase = new pg.Client({ connectionString: withDatabase(adminUrl, database) });
  await inDatabase.connect();
  try {
    // Only the owner creates objects, and only the named roles connect.
    await inDatabase.query('REVOKE ALL ON SCHEMA public FROM PUBLIC');
    await inDatabase.query(`REVOKE ALL ON DATABASE ${pg.escapeIdentifier(database)} FROM PUBLIC`);
    await inDatabase.query(
      `GRANT CONNECT ON DATABASE ${pg.escapeIdentifier(database)} TO ${roles.app}, ${roles.identity}, ${roles.retention}, ${roles.jobs}`,
    );
  } finally {
    await inDatabase.end();
  }
}

async function ensureRole(admin: pg.Client, name: string, password: string): Promise<void> {
  const found = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
  const verb = found.rowCount === 0 ? 'CREATE' : 'ALTER';
  // Passwords cannot be bound as parameters in role DDL, so they are quoted as literals.
  await admin.query(
    `${verb} ROLE ${name} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION PASSWORD ${pg.escapeLiteral(password)}`,
  );
}

/** Returns the connection URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Returns the connection URL for one of ClockIn's roles on the same server and database. */
export function roleUrl(adminUrl: string, database: string, role: RoleName, password: string): string {
  const parsed = new URL(withDatabase(adminUrl, database));
  parsed.username = roles[role];
  parsed.password = password;
  return parsed.toString();
}
