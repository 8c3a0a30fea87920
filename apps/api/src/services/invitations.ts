import {
  InvitationRepository,
  InvitationTokenRepository,
  OrganizationMemberRepository,
  tenantScope,
  withContext,
  type Database,
  type InvitationByToken,
  type OrganizationRole,
  type RequestContext,
} from '@clockin/db';
import type { Kysely } from 'kysely';
import { AppError, notFound } from '../errors.ts';
import type { Caller } from '../plugins/auth.ts';
import type { Actor } from './actors.ts';
import type { OrganizationIdentity } from './organization-identity.ts';
import { hashInvitationToken } from './organization-team.ts';
import { alreadyMemberAsAppError } from './organizations.ts';

export type InvitationState = 'open' | 'accepted' | 'revoked' | 'expired';

/** The invitation details shown to anyone who has the link. */
export interface InvitationPreview {
  organizationName: string;
  email: string;
  role: OrganizationRole;
  expiresAt: Date;
  state: InvitationState;
}

export interface InvitationAccepted {
  organizationId: string;
  role: OrganizationRole;
  /** True for a new admin, whose sessions ended so that the next sign-in sets up MFA. */
  signInAgain: boolean;
}

function stateOf(invitation: InvitationByToken, now: Date): InvitationState {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  if (invitation.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'open';
}

function closedError(state: Exclude<InvitationState, 'open'>): AppError {
  switch (state) {
    case 'accepted':
      return new AppError('InvitationUsed', 'This invitation was already accepted. Each invitation works once.');
    case 'revoked':
      return new AppError('InvitationRevoked', 'This invitation was withdrawn. Ask the organization for a new one.');
    case 'expired':
      return new AppError('InvitationExpired', 'This invitation has expired. Ask the organization for a new one.');
  }
}

/** Opening and accepting an emailed invitation, by the person who has its token. */
export class InvitationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly identity: OrganizationIdentity,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private async find(actor: Actor, token: string): Promise<InvitationByToken> {
    const invitation = await withContext(this.db, actor.context, (transaction) =>
      new InvitationTokenRepository(transaction).find(hashInvitationToken(token)),
    );
    if (!invitation) throw notFound('The invitation');
    return invitation;
  }

  async preview(actor: Actor, token: string): Promise<InvitationPreview> {
    const invitation = await this.find(actor, token);
    return {
      organizationName: invitation.organizationName,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      state: stateOf(invitation, this.now()),
    };
  }

  /**
   * Makes the signed-in caller a member with the invited role. The caller must have an employer
   * account under the invited email address and no organization yet. The invitation is marked
   * used in the same transaction that adds the membership.
   */
  async accept(actor: Actor, caller: Caller, token: string): Promise<InvitationAccepted> {
    if (actor.context.actorRole === 'employer') {
      throw new AppError('AlreadyMember', 'You already belong to an organization on ClockIn.');
    }
    if (actor.context.actorRole !== 'student') {
      throw new AppError('EmployerAccountRequired', 'Invitations are accepted from an employer account.');
    }
    const invitation = await this.find(actor, token);
    const now = this.now();
    const state = stateOf(invitation, now);
    if (state !== 'open') throw closedError(state);

    const account = await this.identity.account(caller.accessToken);
    if (account.accountType !== 'employer') {
      throw new AppError(
        'EmployerAccountRequired',
        'This is a student account. Create an employer account with the invited email address to join.',
      );
    }
    if (account.email !== invitation.email) {
      throw new AppError(
        'InvitationEmailMismatch',
        'This invitation was sent to another email address. Sign in with that address to accept it.',
      );
    }
    if (invitation.organizationStatus === 'suspended') {
      throw new AppError(
        'OrganizationSuspended',
        'ClockIn staff suspended this organization, so it cannot add members.',
      );
    }

    const userId = caller.sub;
    const context: RequestContext = {
      ...actor.context,
      actorRole: 'employer',
      organizationId: invitation.organizationId,
    };
    try {
      await withContext(this.db, context, async (transaction) => {
        const scope = tenantScope(transaction, context);
        const accepted = await new InvitationRepository(scope).accept(
          invitation.id,
          hashInvitationToken(token),
          userId,
          now,
        );
        // Another request accepted or withdrew it a moment ago.
        if (!accepted) throw closedError('accepted');
        await new OrganizationMemberRepository(scope).addMember(
          { userId, givenName: account.givenName, familyName: account.familyName, email: account.email },
          invitation.role,
          'invitation',
        );
        if (invitation.role === 'admin') await this.identity.grantAdmin(userId);
      });
    } catch (error) {
      throw alreadyMemberAsAppError(error);
    }
    return {
      organizationId: invitation.organizationId,
      role: invitation.role,
      signInAgain: invitation.role === 'admin',
    };
  }
}
