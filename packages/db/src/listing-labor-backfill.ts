import type { ListingLaborSummary } from '@clockin/domain';
import pg from 'pg';
import type { ShiftTemplate } from './schema.ts';

export interface ListingLaborInput {
  schedule: ShiftTemplate[];
  duties: string[];
  minimumAge: number;
}

export interface ListingLaborResult {
  summary: ListingLaborSummary;
  schoolYearBands: string[];
  summerBands: string[];
}

/**
 * Computes the labor summary of listings that have none: those written before the labor engine
 * ran on every save, and demo listings. Runs as the owner at start-up, before the API serves
 * requests. Returns how many listings it updated.
 */
export async function backfillListingLaborSummaries(
  ownerUrl: string,
  summarize: (listing: ListingLaborInput) => ListingLaborResult,
): Promise<number> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const missing = await client.query<{
      id: string;
      schedule: ShiftTemplate[];
      duties: string[];
      minimum_age: number;
    }>(`SELECT id, schedule, duties, minimum_age FROM app.listings WHERE labor_summary IS NULL`);
    for (const row of missing.rows) {
      const result = summarize({ schedule: row.schedule, duties: row.duties, minimumAge: row.minimum_age });
      await client.query(
        `UPDATE app.listings SET labor_summary = $2, school_year_bands = $3, summer_bands = $4 WHERE id = $1`,
        [row.id, JSON.stringify(result.summary), result.schoolYearBands, result.summerBands],
      );
    }
    return missing.rowCount ?? 0;
  } finally {
    await client.end();
  }
}
