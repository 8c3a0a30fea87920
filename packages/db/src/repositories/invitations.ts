import { sql } from 'kysely';
import type { DatabaseTransaction } from '../context.ts';
import type { InvitationByTokenRow, OrganizationRole, OrganizationStatus } from '../schema.ts';
import { TenantRepository } from '../tenant-repository.ts';

export interface NewInvitation {
  /** Lowercase email address of the person invited. */
  email: string;
  role: OrganizationRole;
  /** SHA-256 of the emailed token, as lowercase hex. */
  tokenHash: string;
  invitedBy: string;
  expiresAt: Date;
}

/** An invitation that can still be accepted. */
export interface OpenInvitation {
  id: string;
  email: string;
  role: OrganizationRole;
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
}

/** The invitation that a token opens, with its organization's name and status. */
export interface InvitationByToken {
  id: string;
  organizationId: string;
  organizationName: string;
  organizationStatus: OrganizationStatus;
  email: string;
  role: OrganizationRole;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

/** An organization's invitations to new members. Every query is limited to the scope's organization. */
export class InvitationRepository extends TenantRepository {
  /**
   * Stores a new invitation and revokes the organization's earlier open invitations to the same
   * address, so only the newest emailed link works. Both are audited.
   */
  async create(invitation: NewInvitation, now: Date): Promise<{ id: string }> {
    const replaced = await this.updateTable('organization_invitations')
      .set({ revoked_at: now, revoked_by: invitation.invitedBy })
      .where('organization_invitations.email', '=', invitation.email)
      .where('organization_invitations.accepted_at', 'is', null)
      .where('organization_invitations.revoked_at', 'is', null)
      .returning('organization_invitations.id')
      .execute();
    for (const { id } of replaced) {
      await this.audit({
        action: 'organization_invitation.revoked',
        targetType: 'organization_invitation',
        targetId: id,
        details: { replaced: true },
      });
    }

    const created = (await this.insertInto('organization_invitations', {
      email: invitation.email,
      role: invitation.role,
      token_hash: invitation.tokenHash,
      invited_by: invitation.invitedBy,
      created_at: now,
      expires_at: invitation.expiresAt,
    })
      .returning('id')
      .executeTakeFirstOrThrow()) as { id: string };
    await this.audit({
      action: 'organization_invitation.created',
      targetType: 'organization_invitation',
      targetId: created.id,
      details: { role: invitation.role },
    });
    return created;
  }

  /** Invitations not accepted, revoked or expired at `now`, newest first. */
  async listOpen(now: Date): Promise<OpenInvitation[]> {
    const rows = await this.selectFrom('organization_invitations')
      .where('organization_invitations.accepted_at', 'is', null)
      .where('organization_invitations.revoked_at', 'is', null)
      .where('organization_invitations.expires_at', '>', now)
      .select([
        'organization_invitations.id',
        'organization_invitations.email',
        'organization_invitations.role',
        'organization_invitations.invited_by',
        'organization_invitations.created_at',
        'organization_invitations.expires_at',
      ])
      .orderBy('organization_invitations.created_at', 'desc')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      email: row.email,
      role: row.role,
      invitedBy: row.invited_by,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
    }));
  }

  /** Tells whether the organization has this invitation, neither accepted nor revoked. */
  async isPending(invitationId: string): Promise<boolean> {
    const row = await this.selectFrom('organization_invitations')
      .where('organization_invitations.id', '=', invitationId)
      .where('organization_invitations.accepted_at', 'is', null)
      .where('organization_invitations.revoked_at', 'is', null)
      .select('organization_invitations.id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Revokes an invitation that was neither accepted nor revoked. Returns false when there is none. */
  async revoke(invitationId: string, revokedBy: string, now: Date): Promise<boolean> {
    const revoked = await this.updateTable('organization_invitations')
      .set({ revoked_at: now, revoked_by: revokedBy })
      .where('organization_invitations.id', '=', invitationId)
      .where('organization_invitations.accepted_at', 'is', null)
      .where('organization_invitations.revoked_at', 'is', null)
      .returning('organization_invitations.id')
      .executeTakeFirst();
    if (!revoked) return false;
    await this.audit({
      action: 'organization_invitation.revoked',
      targetType: 'organization_invitation',
      targetId: invitationId,
      details: { replaced: false },
    });
    return true;
  }

  /**
   * Marks the invitation used by `userId`. The update matches only an open, unexpired
   * invitation with this token hash, and its row lock makes a second, concurrent acceptance
   * match nothing, so each invitation is accepted at most once. False when nothing matched.
   */
  async accept(invitationId: string, tokenHash: string, userId: string, now: Date): Promise<boolean> {
    const accepted = await this.updateTable('organization_invitations')
      .set({ accepted_at: now, accepted_by: userId })
      .where('organization_invitations.id', '=', invitationId)
      .where('organization_invitations.token_hash', '=', tokenHash)
      .where('organization_invitations.accepted_at', 'is', null)
      .where('organization_invitations.revoked_at', 'is', null)
      .where('organization_invitations.expires_at', '>', now)
      .returning('organization_invitations.id')
      .executeTakeFirst();
    if (!accepted) return false;
    await this.audit({
      action: 'organization_invitation.accepted',
      targetType: 'organization_invitation',
      targetId: invitationId,
    });
    return true;
  }
}

/**
 * Finds the invitation a token opens, for a person who is not a member of its organization yet.
 * The database function returns at most the one invitation whose stored hash matches.
 */
export class InvitationTokenRepository {
  constructor(private readonly transaction: DatabaseTransaction) {}

  async find(tokenHash: string): Promise<InvitationByToken | null> {
    const row = await this.transaction
      .selectFrom(sql<InvitationByTokenRow>`app.organization_invitation_by_token(${tokenHash})`.as('invitation'))
      .selectAll()
      .executeTakeFirst();
    if (!row) return null;
    return {
      id: row.invitation_id,
      organizationId: row.organization_id,
      organizationName: row.organization_name,
      organizationStatus: row.organization_status,
      email: row.email,
      role: row.role,
      expiresAt: row.expires_at,
      acceptedAt: row.accepted_at,
      revokedAt: row.revoked_at,
    };
  }
}
