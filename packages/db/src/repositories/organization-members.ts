import type { OrganizationRole } from '../schema.ts';
import { TenantRepository } from '../tenant-repository.ts';
import type { NewMember } from './organizations.ts';

export interface OrganizationMember {
  userId: string;
  role: OrganizationRole;
  givenName: string;
  familyName: string;
  email: string;
  joinedAt: Date;
}

/** Thrown when the person already belongs to an organization, which the database allows once. */
export class AlreadyMemberError extends Error {
  constructor() {
    super('The user already belongs to an organization.');
    this.name = 'AlreadyMemberError';
  }
}

/** Inserts a membership row, turning the database's one-organization rule into AlreadyMemberError. */
export async function insertMembership(insert: () => Promise<unknown>): Promise<void> {
  try {
    await insert();
  } catch (error) {
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code === '23505' && constraint === 'organization_members_one_organization_idx') throw new AlreadyMemberError();
    throw error;
  }
}

/** The members of an employer's organization. Every query is limited to the scope's organization. */
export class OrganizationMemberRepository extends TenantRepository {
  /**
   * Locks the organization's row until the transaction ends, so that changes to its members
   * happen one at a time and the admin count read afterwards stays true.
   */
  async lock(): Promise<void> {
    await this.selectOrganization().select('organizations.id').forUpdate().executeTakeFirst();
  }

  async members(): Promise<OrganizationMember[]> {
    const rows = await this.selectFrom('organization_members')
      .select([
        'organization_members.user_id',
        'organization_members.role',
        'organization_members.given_name',
        'organization_members.family_name',
        'organization_members.email',
        'organization_members.created_at',
      ])
      .orderBy('organization_members.created_at', 'asc')
      .orderBy('organization_members.user_id', 'asc')
      .execute();
    return rows.map((row) => ({
      userId: row.user_id,
      role: row.role,
      givenName: row.given_name,
      familyName: row.family_name,
      email: row.email,
      joinedAt: row.created_at,
    }));
  }

  async member(userId: string): Promise<OrganizationMember | null> {
    return (await this.members()).find((member) => member.userId === userId) ?? null;
  }

  async hasMemberWithEmail(email: string): Promise<boolean> {
    const row = await this.selectFrom('organization_members')
      .where('organization_members.email', '=', email)
      .select('organization_members.user_id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async addMember(member: NewMember, role: OrganizationRole, via: 'invitation'): Promise<void> {
    await insertMembership(() =>
      this.insertInto('organization_members', {
        user_id: member.userId,
        role,
        given_name: member.givenName,
        family_name: member.familyName,
        email: member.email,
      }).execute(),
    );
    await this.audit({
      action: 'organization_member.added',
      targetType: 'organization_member',
      targetId: member.userId,
      details: { role, via },
    });
  }

  /** Changes a member's role and audits it. Returns false when no such member exists. */
  async changeRole(userId: string, from: OrganizationRole, to: OrganizationRole): Promise<boolean> {
    const updated = await this.updateTable('organization_members')
      .set({ role: to })
      .where('organization_members.user_id', '=', userId)
      .where('organization_members.role', '=', from)
      .returning('organization_members.user_id')
      .executeTakeFirst();
    if (!updated) return false;
    await this.audit({
      action: 'organization_member.role_changed',
      targetType: 'organization_member',
      targetId: userId,
      details: { from, to },
    });
    return true;
  }

  /** Removes a member and audits it. Returns false when no such member exists. */
  async removeMember(userId: string): Promise<boolean> {
    const removed = await this.deleteFrom('organization_members')
      .where('organization_members.user_id', '=', userId)
      .returning(['organization_members.user_id', 'organization_members.role'])
      .executeTakeFirst();
    if (!removed) return false;
    await this.audit({
      action: 'organization_member.removed',
      targetType: 'organization_member',
      targetId: userId,
      details: { role: removed.role },
    });
    return true;
  }
}
