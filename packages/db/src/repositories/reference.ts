import { sql } from 'kysely';
import type { DatabaseTransaction } from '../context.ts';

export interface SchoolSummary {
  id: string;
  name: string;
  city: string;
  districtId: string | null;
  districtName: string | null;
}

/** Ohio districts, high schools and ZIP centroids: public reference data. */
export class ReferenceRepository {
  constructor(private readonly transaction: DatabaseTransaction) {}

  /** Finds schools whose name or city contains every word of the query, best matches first. */
  async searchSchools(query: string, limit: number): Promise<SchoolSummary[]> {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 6);
    let select = this.transaction
      .selectFrom('schools')
      .leftJoin('districts', 'districts.id', 'schools.district_id')
      .select(['schools.id', 'schools.name', 'schools.city', 'schools.district_id', 'districts.name as district_name']);
    for (const word of words) {
      const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      select = select.where((eb) =>
        eb.or([eb(sql`lower(schools.name)`, 'like', pattern), eb(sql`lower(schools.city)`, 'like', pattern)]),
      );
    }
    const first = words[0] ?? '';
    const rows = await select
      .orderBy(sql`lower(schools.name) LIKE ${`${first}%`}`, 'desc')
      .orderBy('schools.name')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      city: row.city,
      districtId: row.district_id,
      districtName: row.district_name,
    }));
  }

  async school(id: string): Promise<SchoolSummary | null> {
    const row = await this.transaction
      .selectFrom('schools')
      .leftJoin('districts', 'districts.id', 'schools.district_id')
      .select(['schools.id', 'schools.name', 'schools.city', 'schools.district_id', 'districts.name as district_name'])
      .where('schools.id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    return { id: row.id, name: row.name, city: row.city, districtId: row.district_id, districtName: row.district_name };
  }

  async zipCentroid(zip: string): Promise<{ latitude: number; longitude: number } | null> {
    const row = await this.transaction
      .selectFrom('zip_centroids')
      .select(['latitude', 'longitude'])
      .where('zip', '=', zip)
      .executeTakeFirst();
    return row ?? null;
  }
}
