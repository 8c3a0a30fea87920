import pg from 'pg';

/** Hash that the first event of an unbroken chain links to. */
export const auditGenesisHash = '0'.repeat(64);

export type AuditChainBreakReason = 'hash_mismatch' | 'previous_hash_mismatch' | 'gap' | 'head_mismatch';

export interface AuditChainBreak {
  /** Id of the first event that fails. When events are missing at the end, the first missing id. */
  eventId: string;
  reason: AuditChainBreakReason;
  message: string;
}

export interface AuditChainReport {
  /** Events that verified before the first break, or all of them when there is none. */
  verifiedCount: number;
  firstBreak: AuditChainBreak | null;
}

export interface AuditVerifyProgress {
  verified: number;
  /** Event count from the chain head and the last dropped month. Legacy id gaps make it an upper bound. */
  expected: number;
}

export interface VerifyAuditChainOptions {
  /** Events read per query. */
  batchSize?: number;
  /** Called after each batch. */
  onProgress?: (progress: AuditVerifyProgress) => void;
}

interface ChainLink {
  id: bigint;
  hash: string;
  /** Origin of the link, for messages: an event, or the last event of a dropped month. */
  source: string;
}

interface EventRow {
  id: string;
  previous_hash: string;
  hash: string;
  computed_hash: string;
}

/**
 * Recomputes the audit log's hash chain in id order and returns the first event that fails.
 * The hashes are computed in SQL by audit.canonical_content and audit.event_hash, the functions
 * the insert trigger uses. Reads in one REPEATABLE READ snapshot, so concurrent inserts do not
 * disturb the check. The URL's role must read every event, as clockin_owner does.
 */
export async function verifyAuditChain(
  databaseUrl: string,
  options: VerifyAuditChainOptions = {},
): Promise<AuditChainReport> {
  const batchSize = options.batchSize ?? 10_000;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive whole number, not ${batchSize}.`);
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrated = await client.query<{ found: boolean }>(
      `SELECT to_regclass('audit.chain_head') IS NOT NULL AS found`,
    );
    if (migrated.rows[0]?.found !== true) {
      throw new Error(
        'The audit log has no chain head table yet: run `npm start` once to apply the pending migrations.',
      );
    }

    const start = await chainStart(client);
    const head = await client.query<{ last_id: string; last_hash: string }>(
      'SELECT id::text AS last_id, hash AS last_hash FROM audit.chain_head ORDER BY id DESC LIMIT 1',
    );
    const expected = head.rows[0] ? Number(BigInt(head.rows[0].last_id) - start.id) : 0;

    let previous = start;
    let verified = 0;
    for (;;) {
      const batch = await client.query<EventRow>(
        `SELECT e.id::text, e.previous_hash, e.hash,
                audit.event_hash(e.previous_hash, audit.canonical_content(e)) AS computed_hash
         FROM audit.events e
         WHERE e.id > $1
         ORDER BY e.id
         LIMIT $2`,
        [previous.id.toString(), batchSize],
      );
      for (const row of batch.rows) {
        const broken = checkEvent(row, previous);
        if (broken) return { verifiedCount: verified, firstBreak: broken };
        previous = { id: BigInt(row.id), hash: row.hash, source: `event ${row.id}` };
        verified += 1;
      }
      options.onProgress?.({ verified, expected });
      if (batch.rows.length < batchSize) break;
    }

    return { verifiedCount: verified, firstBreak: checkHead(head.rows[0], previous) };
  } finally {
    await client.query('ROLLBACK').catch(() => {});
    await client.end();
  }
}

/** The link the first remaining event must continue: the last dropped month's, or the genesis hash. */
async function chainStart(client: pg.Client): Promise<ChainLink> {
  const dropped = await client.query<{ partition_name: string; last_id: string; last_hash: string }>(
    `SELECT partition_name, last_id::text, last_hash
     FROM audit.dropped_partitions
     WHERE last_id IS NOT NULL
     ORDER BY last_id DESC
     LIMIT 1`,
  );
  const anchor = dropped.rows[0];
  if (!anchor) return { id: 0n, hash: auditGenesisHash, source: 'the start of the chain' };
  return {
    id: BigInt(anchor.last_id),
    hash: anchor.last_hash,
    source: `event ${anchor.last_id}, the last of the dropped partition ${anchor.partition_name}`,
  };
}

function checkEvent(row: EventRow, previous: ChainLink): AuditChainBreak | null {
  if (row.previous_hash !== previous.hash) {
    const id = BigInt(row.id);
    if (id > previous.id + 1n) {
      const missing =
        id - 1n === previous.id + 1n ? `Event ${id - 1n} is` : `Events ${previous.id + 1n} to ${id - 1n} are`;
      return {
        eventId: row.id,
        reason: 'gap',
        message: `${missing} missing: event ${row.id} does not link to ${previous.source}.`,
      };
    }
    return {
      eventId: row.id,
      reason: 'previous_hash_mismatch',
      message: `Event ${row.id} does not link to ${previous.source}: its previous_hash is ${row.previous_hash}, expected ${previous.hash}.`,
    };
  }
  if (row.hash !== row.computed_hash) {
    return {
      eventId: row.id,
      reason: 'hash_mismatch',
      message: `Event ${row.id} was changed after it was written: its stored hash is ${row.hash}, but its content hashes to ${row.computed_hash}.`,
    };
  }
  return null;
}

/** Compares the last verified event with the chain head, which catches events removed from the end. */
function checkHead(head: { last_id: string; last_hash: string } | undefined, last: ChainLink): AuditChainBreak | null {
  if (!head) {
    return {
      eventId: (last.id + 1n).toString(),
      reason: 'head_mismatch',
      message: 'The chain head row in audit.chain_head is missing, so the end of the chain cannot be checked.',
    };
  }
  const headId = BigInt(head.last_id);
  if (headId > last.id) {
    const first = last.id + 1n;
    const missing = first === headId ? `Event ${headId} is` : `Events ${first} to ${headId} are`;
    return {
      eventId: first.toString(),
      reason: 'gap',
      message: `${missing} missing: the chain head records event ${headId} as the last one, but the log ends at ${last.source}.`,
    };
  }
  if (headId < last.id || head.last_hash !== last.hash) {
    // Events past the head were written without the insert trigger.
    return {
      eventId: (headId < last.id ? headId + 1n : last.id).toString(),
      reason: 'head_mismatch',
      message: `The chain head records event ${headId} with hash ${head.last_hash}, but the log ends at ${last.source} with hash ${last.hash}.`,
    };
  }
  return null;
}
