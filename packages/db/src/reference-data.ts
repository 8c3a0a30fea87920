import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import pg from 'pg';

const dataDir = fileURLToPath(new URL('../../../data/ohio/', import.meta.url));

type Row = Record<string, string>;

async function readCsv(file: string): Promise<Row[]> {
  const text = await readFile(new URL(file, `file://${dataDir}`), 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Row[];
}

export interface ReferenceCounts {
  districts: number;
  schools: number;
  zipCentroids: number;
}

/**
 * Loads every Ohio district, high school and ZIP centroid from the CSV files in data/ohio,
 * once: a database that already has districts is left as it is. Runs as the owner role.
 */
export async function loadReferenceData(ownerUrl: string): Promise<ReferenceCounts | null> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const existing = await client.query('SELECT count(*)::int AS n FROM app.districts');
    if (existing.rows[0].n > 0) return null;

    const districts = await readCsv('ohio-districts.csv');
    const schools = await readCsv('ohio-high-schools.csv');
    const zips = await readCsv('ohio-zip-centroids.csv');
    const supplement = await readCsv('ohio-zip-centroids-supplement.csv');

    await client.query('BEGIN');
    await client.query(
      `INSERT INTO app.districts (id, name, county, city)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])`,
      [
        districts.map((d) => d.district_id),
        districts.map((d) => d.name),
        districts.map((d) => d.county),
        districts.map((d) => d.city || null),
      ],
    );
    await client.query(
      `INSERT INTO app.schools (id, name, district_id, city, zip, grades)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
      [
        schools.map((s) => s.school_id),
        schools.map((s) => s.name),
        schools.map((s) => s.district_id || null),
        schools.map((s) => s.city),
        schools.map((s) => s.zip || null),
        schools.map((s) => s.grades),
      ],
    );
    const allZips = [
      ...zips.map((z) => ({ zip: z.zip, latitude: z.latitude, longitude: z.longitude, approximate: false })),
      ...supplement.map((z) => ({ zip: z.zip, latitude: z.latitude, longitude: z.longitude, approximate: true })),
    ];
    await client.query(
      `INSERT INTO app.zip_centroids (zip, latitude, longitude, approximate)
       SELECT * FROM unnest($1::text[], $2::float8[], $3::float8[], $4::boolean[])
       ON CONFLICT (zip) DO NOTHING`,
      [
        allZips.map((z) => z.zip),
        allZips.map((z) => Number(z.latitude)),
        allZips.map((z) => Number(z.longitude)),
        allZips.map((z) => z.approximate),
      ],
    );
    await client.query('COMMIT');
    return { districts: districts.length, schools: schools.length, zipCentroids: allZips.length };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
