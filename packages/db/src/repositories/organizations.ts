import type { OrganizationStatus } from '../schema.ts';
import { insertMembership, OrganizationMemberRepository } from './organization-members.ts';

/** Details an employer gives about its organization at registration. */
export interface OrganizationDetails {
  legalName: string;
  tradingName: string;
  /** Employer Identification Number as NN-NNNNNNN. */
  ein: string;
  addressLine: string;
  city: string;
  zip: string;
  phone: string;
  website: string | null;
  industry: string;
}

/** The version of the labor-law duties statement that the admin confirmed, and its duty ids. */
export interface DutyAcknowledgement {
  statementVersion: string;
  duties: string[];
}

export interface RecordedAcknowledgement extends DutyAcknowledgement {
  acknowledgedBy: string;
  acknowledgedAt: Date;
}

export interface OrganizationProfile extends OrganizationDetails {
  id: string;
  status: OrganizationStatus;
  rejectionReason: string | null;
  createdAt: Date;
  submittedAt: Date;
  decidedAt: Date | null;
  acknowledgement: RecordedAcknowledgement | null;
}

/** The registering user, who becomes the organization's first admin. */
export interface NewMember {
  userId: string;
  givenName: string;
  familyName: string;
  email: string;
}

export const organizationDetailColumns = [
  'organizations.legal_name',
  'organizations.trading_name',
  'organizations.ein',
  'organizations.address_line',
  'organizations.city',
  'organizations.zip',
  'organizations.phone',
  'organizations.website',
  'organizations.industry',
] as const;

export function toOrganizationDetails(row: {
  legal_name: string;
  trading_name: string;
  ein: string;
  address_line: string;
  city: string;
  zip: string;
  phone: string;
  website: string | null;
  industry: string;
}): OrganizationDetails {
  return {
    legalName: row.legal_name,
    tradingName: row.trading_name,
    ein: row.ein,
    addressLine: row.address_line,
    city: row.city,
    zip: row.zip,
    phone: row.phone,
    website: row.website,
    industry: row.industry,
  };
}

function detailColumns(details: OrganizationDetails) {
  return {
    legal_name: details.legalName,
    trading_name: details.tradingName,
    ein: details.ein,
    address_line: details.addressLine,
    city: details.city,
    zip: details.zip,
    phone: details.phone,
    website: details.website,
    industry: details.industry,
  };
}

/**
 * An employer's own organization: its registration, its duties acknowledgements and, through
 * the base class, its members. Every query is limited to the scope's organization.
 */
export class OrganizationRepository extends OrganizationMemberRepository {
  /**
   * Creates the organization with the scope's id, pending verification, makes `admin` its
   * first admin and records the duties acknowledgement, all audited.
   */
  async register(details: OrganizationDetails, admin: NewMember, acknowledgement: DutyAcknowledgement): Promise<void> {
    await this.insertOrganization({
      ...detailColumns(details),
      status: 'pending',
      registered_by: admin.userId,
    }).execute();
    await insertMembership(() =>
      this.insertInto('organization_members', {
        user_id: admin.userId,
        role: 'admin',
        given_name: admin.givenName,
        family_name: admin.familyName,
        email: admin.email,
      }).execute(),
    );
    await this.audit({ action: 'organization.registered', targetType: 'organization', targetId: this.organizationId });
    await this.audit({
      action: 'organization_member.added',
      targetType: 'organization_member',
      targetId: admin.userId,
      details: { role: 'admin', via: 'registration' },
    });
    await this.acknowledgeDuties(admin.userId, acknowledgement);
  }

  /**
   * Replaces the details of a pending or rejected registration and puts it back in the staff
   * verification queue. Returns false when the organization is in another status.
   */
  async resubmit(details: OrganizationDetails, userId: string, acknowledgement: DutyAcknowledgement): Promise<boolean> {
    const updated = await this.updateOrganization()
      .set({
        ...detailColumns(details),
        status: 'pending',
        rejection_reason: null,
        decided_at: null,
        submitted_at: new Date(),
      })
      .where('organizations.status', 'in', ['pending', 'rejected'])
      .returning('organizations.id')
      .executeTakeFirst();
    if (!updated) return false;
    await this.audit({ action: 'organization.resubmitted', targetType: 'organization', targetId: this.organizationId });
    await this.acknowledgeDuties(userId, acknowledgement);
    return true;
  }

  private async acknowledgeDuties(userId: string, acknowledgement: DutyAcknowledgement): Promise<void> {
    const row = await this.insertInto('organization_duty_acknowledgements', {
      acknowledged_by: userId,
      statement_version: acknowledgement.statementVersion,
      duties: acknowledgement.duties,
    })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.audit({
      action: 'organization.duties_acknowledged',
      targetType: 'organization_duty_acknowledgement',
      targetId: (row as { id: string }).id,
      details: { statementVersion: acknowledgement.statementVersion, duties: acknowledgement.duties.length },
    });
  }

  async profile(): Promise<OrganizationProfile | null> {
    const row = await this.selectOrganization()
      .select([
        'organizations.id',
        ...organizationDetailColumns,
        'organizations.status',
        'organizations.rejection_reason',
        'organizations.created_at',
        'organizations.submitted_at',
        'organizations.decided_at',
      ])
      .executeTakeFirst();
    if (!row) return null;
    const acknowledgement = await this.selectFrom('organization_duty_acknowledgements')
      .select([
        'organization_duty_acknowledgements.acknowledged_by',
        'organization_duty_acknowledgements.acknowledged_at',
        'organization_duty_acknowledgements.statement_version',
        'organization_duty_acknowledgements.duties',
      ])
      .orderBy('organization_duty_acknowledgements.acknowledged_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return {
      id: row.id,
      ...toOrganizationDetails(row),
      status: row.status,
      rejectionReason: row.rejection_reason,
      createdAt: row.created_at,
      submittedAt: row.submitted_at,
      decidedAt: row.decided_at,
      acknowledgement: acknowledgement
        ? {
            acknowledgedBy: acknowledgement.acknowledged_by,
            acknowledgedAt: acknowledgement.acknowledged_at,
            statementVersion: acknowledgement.statement_version,
            duties: acknowledgement.duties,
          }
        : null,
    };
  }
}
