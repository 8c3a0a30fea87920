import { createHash, randomBytes } from 'node:crypto';
import {
  InvitationRepository,
  OrganizationMemberRepository,
  OrganizationRepository,
  tenantScope,
  withContext,
  type Database,
  type OpenInvitation,
  type OrganizationMember,
  type OrganizationRole,
} from '@clockin/db';
import type { Mailer } from '@clockin/email';
import type { Kysely } from 'kysely';
import type { ApiConfig } from '../config.ts';
import { AppError, notFound } from '../errors.ts';
import { requireOrganizationAdmin, requireRole, type Actor } from './actors.ts';
import type { OrganizationIdentity } from './organization-identity.ts';

/** How long an emailed invitation works. */
export const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;

/** SHA-256 of an invitation token as lowercase hex: the only form in which it is stored. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface InvitationCreated {
  id: string;
  email: string;
  role: OrganizationRole;
  expiresAt: Date;
}

const lastAdmin = () =>
  new AppError('LastAdmin', 'An organization needs at least one admin. Make another member an admin first.');

/** Members, roles and invitations of the caller's organization. */
export class OrganizationTeamService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly identity: OrganizationIdentity,
    private readonly mailer: Mailer | null,
    private readonly config: ApiConfig,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private inOrganization<T>(
    actor: Actor,
    work: (repositories: {
      organizations: OrganizationRepository;
      team: OrganizationMemberRepository;
      invitations: InvitationRepository;
    }) => Promise<T>,
  ): Promise<T> {
    return withContext(this.db, actor.context, (transaction) => {
      const scope = tenantScope(transaction, actor.context);
      return work({
        organizations: new OrganizationRepository(scope),
        team: new OrganizationMemberRepository(scope),
        invitations: new InvitationRepository(scope),
      });
    });
  }

  async members(actor: Actor): Promise<OrganizationMember[]> {
    requireRole(actor, 'employer');
    return this.inOrganization(actor, ({ team }) => team.members());
  }

  /**
   * Changes a member's role. A new admin joins the employer-admin group and signs in again
   * with MFA, and a former admin leaves the group. The last admin cannot step down.
   */
  async changeRole(actor: Actor, userId: string, role: OrganizationRole): Promise<OrganizationMember> {
    requireRole(actor, 'employer');
    return this.inOrganization(actor, async ({ team }) => {
      await team.lock();
      const members = await team.members();
      const member = members.find((candidate) => candidate.userId === userId);
      // Not found comes before not allowed, so another organization's id reads as unknown to everyone.
      if (!member) throw notFound('A member with this id');
      requireOrganizationAdmin(actor);
      if (member.role === role) return member;
      if (member.role === 'admin' && members.filter((candidate) => candidate.role === 'admin').length <= 1) {
        throw lastAdmin();
      }
      await team.changeRole(userId, member.role, role);
      // Inside the transaction, so an identity failure leaves the role as it was.
      if (role === 'admin') await this.identity.grantAdmin(userId);
      else await this.identity.revokeAdmin(userId);
      return { ...member, role };
    });
  }

  /** Removes a member. Their next request finds no membership and acts as no employer. */
  async removeMember(actor: Actor, userId: string): Promise<void> {
    requireRole(actor, 'employer');
    await this.inOrganization(actor, async ({ team }) => {
      await team.lock();
      const members = await team.members();
      const member = members.find((candidate) => candidate.userId === userId);
      if (!member) throw notFound('A member with this id');
      requireOrganizationAdmin(actor);
      if (member.role === 'admin' && members.filter((candidate) => candidate.role === 'admin').length <= 1) {
        throw lastAdmin();
      }
      await team.removeMember(userId);
      if (member.role === 'admin') await this.identity.revokeAdmin(userId);
    });
  }

  async invitations(actor: Actor): Promise<OpenInvitation[]> {
    requireRole(actor, 'employer');
    return this.inOrganization(actor, ({ invitations }) => invitations.listOpen(this.now()));
  }

  /**
   * Invites a person by email. The emailed link carries a random token, and only its hash is
   * stored. Sending happens inside the transaction, so a failed email leaves no invitation.
   */
  async invite(actor: Actor, email: string, role: OrganizationRole): Promise<InvitationCreated> {
    requireOrganizationAdmin(actor);
    const address = email.trim().toLowerCase();
    const mailer = this.mailer;
    if (!mailer) {
      // NOTE: only the development mailbox exists so far. A production mailer needs adding here.
      throw new AppError(
        'EmailUnavailable',
        'This ClockIn installation cannot send email, so it cannot invite members.',
      );
    }
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = new Date(now.getTime() + invitationLifetimeMs);

    return this.inOrganization(actor, async ({ organizations, team, invitations }) => {
      if (await team.hasMemberWithEmail(address)) {
        throw new AppError('AlreadyMember', 'A member of this organization already uses this email address.', 'email');
      }
      const profile = await organizations.profile();
      if (!profile) throw notFound('The organization');
      const created = await invitations.create(
        {
          email: address,
          role,
          tokenHash: hashInvitationToken(token),
          invitedBy: actor.context.userId as string,
          expiresAt,
        },
        now,
      );
      await mailer.send({
        to: address,
        subject: `Join ${profile.tradingName} on ClockIn`,
        category: 'organization-invitation',
        text: this.invitationText(profile.tradingName, role, address, token, expiresAt),
      });
      return { id: created.id, email: address, role, expiresAt };
    });
  }

  async revokeInvitation(actor: Actor, invitationId: string): Promise<void> {
    requireRole(actor, 'employer');
    await this.inOrganization(actor, async ({ invitations }) => {
      const missing = () => notFound('An open invitation with this id');
      if (!(await invitations.isPending(invitationId))) throw missing();
      requireOrganizationAdmin(actor);
      // A concurrent acceptance or withdrawal can still win between the two statements.
      if (!(await invitations.revoke(invitationId, actor.context.userId as string, this.now()))) throw missing();
    });
  }

  private invitationText(
    organizationName: string,
    role: OrganizationRole,
    email: string,
    token: string,
    expiresAt: Date,
  ): string {
    const webUrl = (this.config.webUrl ?? 'http://localhost:3000').replace(/\/$/, '');
    const expiry = expiresAt.toLocaleString('en-US', {
      timeZone: 'America/New_York',
      dateStyle: 'long',
      timeStyle: 'short',
    });
    return [
      'Hello,',
      '',
      `${organizationName} invited you to join its team on ClockIn as ${role === 'admin' ? 'an admin' : 'a member'}.`,
      '',
      `Accept the invitation here: ${webUrl}/invitations/${token}`,
      '',
      `The link works once and expires on ${expiry} (Ohio time). Sign in with this email address (${email}) to ` +
        'accept it. If you have no ClockIn employer account yet, create one with this address first.',
      '',
      'If you did not expect this email, you can ignore it.',
    ].join('\n');
  }
}
