import { sql } from 'kysely';
import type { DatabaseTransaction, RequestContext } from '../context.ts';
import { recordAuditEvent } from './audit.ts';

export interface DistrictPartnership {
  /** YYYY-MM-DD. */
  agreementSignedOn: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  startedAt: Date;
  endedAt: Date | null;
  active: boolean;
}

export interface StaffDistrictSummary {
  districtId: string;
  name: string;
  county: string;
  city: string | null;
  partnership: DistrictPartnership | null;
}

export interface DistrictAdministrator {
  userId: string;
  role: 'admin' | 'viewer';
  addedAt: Date;
}

export interface StaffDistrictDetail extends StaffDistrictSummary {
  administrators: DistrictAdministrator[];
  /** Number of students on ClockIn in the district's schools, deleted accounts excluded. */
  students: number;
}

export interface PartnershipTerms {
  agreementSignedOn: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
}

export type StartPartnershipResult = 'started' | 'already-active' | 'no-such-district';
export type AddAdministratorResult = 'added' | 'no-active-partnership' | 'member-of-another-district';

type PartnershipRow = {
  agreement_signed_on: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  started_at: Date | null;
  ended_at: Date | null;
};

function toPartnership(row: PartnershipRow): DistrictPartnership | null {
  if (row.started_at === null || row.agreement_signed_on === null) return null;
  return {
    agreementSignedOn: row.agreement_signed_on,
    contactName: row.contact_name ?? '',
    contactEmail: row.contact_email ?? '',
    contactPhone: row.contact_phone,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    active: row.ended_at === null,
  };
}

/**
 * ClockIn staff's tools for district partnerships. They read and change every district's
 * partnership, so the methods are named `unsafe*` and each call writes an audit event.
 * Row-level security lets these queries through only in a staff context.
 */
export class StaffDistrictRepository {
  constructor(
    private readonly transaction: DatabaseTransaction,
    private readonly context: RequestContext,
  ) {
    if (context.actorRole !== 'staff') throw new Error('District partnerships are managed by ClockIn staff only.');
  }

  private districts() {
    return this.transaction
      .selectFrom('districts')
      .leftJoin('district_partnerships', 'district_partnerships.district_id', 'districts.id')
      .select([
        'districts.id',
        'districts.name',
        'districts.county',
        'districts.city',
        'district_partnerships.agreement_signed_on',
        'district_partnerships.contact_name',
        'district_partnerships.contact_email',
        'district_partnerships.contact_phone',
        'district_partnerships.started_at',
        'district_partnerships.ended_at',
      ]);
  }

  /**
   * Lists districts whose name starts a word with `query` or whose IRN starts with it, partners
   * first. With no query, lists the districts that have or had a partnership.
   */
  async unsafeSearchDistricts(query: string, limit: number): Promise<StaffDistrictSummary[]> {
    let builder = this.districts();
    const text = query
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (character) => `\\${character}`);
    if (text) {
      builder = builder.where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['districts.name']), 'like', `${text}%`),
          eb(eb.fn('lower', ['districts.name']), 'like', `% ${text}%`),
          eb('districts.id', 'like', `${text}%`),
        ]),
      );
    } else {
      builder = builder.where('district_partnerships.district_id', 'is not', null);
    }
    const rows = await builder
      .orderBy(sql`district_partnerships.ended_at IS NULL AND district_partnerships.district_id IS NOT NULL`, 'desc')
      .orderBy('districts.name')
      .limit(limit)
      .execute();
    await recordAuditEvent(this.transaction, this.context, {
      action: 'unsafe.districts.searched',
      targetType: 'district',
      targetId: null,
      details: { results: rows.length },
    });
    return rows.map((row) => ({
      districtId: row.id,
      name: row.name,
      county: row.county,
      city: row.city,
      partnership: toPartnership(row),
    }));
  }

  /** Returns one district with its partnership and administrators, or null for an unknown IRN. */
  async unsafeGetDistrict(districtId: string): Promise<StaffDistrictDetail | null> {
    const row = await this.districts().where('districts.id', '=', districtId).executeTakeFirst();
    if (!row) return null;
    const administrators = await this.transaction
      .selectFrom('district_members')
      .where('district_members.district_id', '=', districtId)
      .select(['district_members.user_id', 'district_members.role', 'district_members.created_at'])
      .orderBy('district_members.created_at')
      .execute();
    const students = await this.transaction
      .selectFrom('students')
      .where('students.district_id', '=', districtId)
      .where('students.deleted_at', 'is', null)
      .select((eb) => eb.fn.countAll<string>().as('students'))
      .executeTakeFirstOrThrow();
    await recordAuditEvent(this.transaction, this.context, {
      action: 'unsafe.district.read',
      targetType: 'district',
      targetId: districtId,
      districtId,
    });
    return {
      districtId: row.id,
      name: row.name,
      county: row.county,
      city: row.city,
      partnership: toPartnership(row),
      administrators: administrators.map((admin) => ({
        userId: admin.user_id,
        role: admin.role,
        addedAt: admin.created_at,
      })),
      students: Number(students.students),
    };
  }

  /** Turns a partnership on, or on again after it ended, with the signed agreement's details. */
  async unsafeStartPartnership(districtId: string, terms: PartnershipTerms): Promise<StartPartnershipResult> {
    const district = await this.transaction
      .selectFrom('districts')
      .where('id', '=', districtId)
      .select('id')
      .executeTakeFirst();
    if (!district) return 'no-such-district';
    if (!this.context.userId) throw new Error('Starting a partnership needs the staff user in the context.');

    const values = {
      agreement_signed_on: terms.agreementSignedOn,
      contact_name: terms.contactName,
      contact_email: terms.contactEmail,
      contact_phone: terms.contactPhone,
      started_by: this.context.userId,
    };
    const written = await this.transaction
      .insertInto('district_partnerships')
      .values({ district_id: districtId, ...values })
      .onConflict((conflict) =>
        conflict
          .column('district_id')
          .doUpdateSet({ ...values, started_at: sql<Date>`now()`, ended_at: null, ended_by: null })
          .where('district_partnerships.ended_at', 'is not', null),
      )
      .returning('district_id')
      .executeTakeFirst();
    if (!written) return 'already-active';
    await recordAuditEvent(this.transaction, this.context, {
      action: 'district.partnership.started',
      targetType: 'district',
      targetId: districtId,
      districtId,
      details: { agreementSignedOn: terms.agreementSignedOn },
    });
    return 'started';
  }

  /** Ends an active partnership. Returns false when the district has no active partnership. */
  async unsafeEndPartnership(districtId: string): Promise<boolean> {
    if (!this.context.userId) throw new Error('Ending a partnership needs the staff user in the context.');
    const result = await this.transaction
      .updateTable('district_partnerships')
      .where('district_id', '=', districtId)
      .where('ended_at', 'is', null)
      .set({ ended_at: sql<Date>`now()`, ended_by: this.context.userId })
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await recordAuditEvent(this.transaction, this.context, {
      action: 'district.partnership.ended',
      targetType: 'district',
      targetId: districtId,
      districtId,
    });
    return true;
  }

  /**
   * Makes a user an administrator of the district, and writes the invitation to the audit log.
   * An administrator acts for one district only, so a member of another district is refused.
   */
  async unsafeAddAdministrator(districtId: string, userId: string): Promise<AddAdministratorResult> {
    const active = await this.transaction
      .selectFrom('district_partnerships')
      .where('district_id', '=', districtId)
      .where('ended_at', 'is', null)
      .select('district_id')
      .executeTakeFirst();
    if (!active) return 'no-active-partnership';
    const elsewhere = await this.transaction
      .selectFrom('district_members')
      .where('user_id', '=', userId)
      .where('district_id', '<>', districtId)
      .select('district_id')
      .executeTakeFirst();
    if (elsewhere) return 'member-of-another-district';
    await this.transaction
      .insertInto('district_members')
      .values({ district_id: districtId, user_id: userId, role: 'admin' })
      .onConflict((conflict) => conflict.columns(['district_id', 'user_id']).doNothing())
      .execute();
    await recordAuditEvent(this.transaction, this.context, {
      action: 'district.admin.invited',
      targetType: 'user',
      targetId: userId,
      districtId,
    });
    return 'added';
  }
}
