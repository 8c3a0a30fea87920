import pg from 'pg';

export interface DroppedAuditPartition {
  partitionName: string;
  /** First instant of the month, inclusive. */
  rangeStart: Date;
  /** First instant of the next month, exclusive. */
  rangeEnd: Date;
  eventCount: number;
}

export interface AuditRetentionResult {
  /** Monthly partitions created ahead of time, or split out of the default partition. */
  createdPartitions: string[];
  droppedPartitions: DroppedAuditPartition[];
}

export interface AuditRetentionOptions {
  /** Months after the current one that get a partition in advance. */
  monthsAhead?: number;
}

/**
 * Runs the scheduled audit log job as clockin_retention: creates the coming months'
 * partitions, then drops every month that ended at least seven years ago, oldest first.
 * The database decides what has expired by its own clock, so the caller cannot pass a date
 * that shortens the retention. Creating partitions commits before the drop starts, so a failed
 * drop still leaves the partitions in place.
 */
export async function runAuditRetention(
  retentionUrl: string,
  options: AuditRetentionOptions = {},
): Promise<AuditRetentionResult> {
  const client = new pg.Client({ connectionString: retentionUrl });
  await client.connect();
  try {
    const created = await client.query<{ name: string }>('SELECT audit.ensure_partitions($1) AS name', [
      options.monthsAhead ?? 3,
    ]);
    const dropped = await client.query<{
      partition_name: string;
      range_start: Date;
      range_end: Date;
      event_count: string;
    }>('SELECT partition_name, range_start, range_end, event_count FROM audit.drop_expired_partitions()');
    return {
      createdPartitions: created.rows.map((row) => row.name),
      droppedPartitions: dropped.rows.map((row) => ({
        partitionName: row.partition_name,
        rangeStart: row.range_start,
        rangeEnd: row.range_end,
        eventCount: Number(row.event_count),
      })),
    };
  } finally {
    await client.end();
  }
}
