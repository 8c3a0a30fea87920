import { MembershipRepository, withContext, type Database, type Membership, type RequestContext } from '@clockin/db';
import type { Kysely } from 'kysely';
import type { Caller } from '../plugins/auth.ts';
import { AppError } from '../errors.ts';

export interface Actor {
  context: RequestContext;
  membership: Membership | null;
}

/**
 * Resolves the caller's ClockIn role: staff by group, district admin by group and district
 * membership, employer by organization membership, else student.
 */
export async function resolveActor(db: Kysely<Database>, caller: Caller | null, requestId: string): Promise<Actor> {
  if (!caller) {
    return { context: { userId: null, actorRole: 'anonymous', requestId }, membership: null };
  }
  if (caller.groups.includes('staff')) {
    return { context: { userId: caller.sub, actorRole: 'staff', requestId }, membership: null };
  }
  if (caller.groups.includes('district-admin')) {
    const districts = await withContext(
      db,
      { userId: caller.sub, actorRole: 'district_admin', requestId },
      (transaction) => new MembershipRepository(transaction).districtsForUser(caller.sub),
    );
    // Without a membership the context names no district, and every district query returns nothing.
    return {
      context: { userId: caller.sub, actorRole: 'district_admin', districtId: districts[0]?.districtId, requestId },
      membership: null,
    };
  }
  const memberships = await withContext(db, { userId: caller.sub, actorRole: 'employer', requestId }, (transaction) =>
    new MembershipRepository(transaction).forUser(caller.sub),
  );
  const membership = memberships[0] ?? null;
  if (membership) {
    return {
      context: { userId: caller.sub, actorRole: 'employer', organizationId: membership.organizationId, requestId },
      membership,
    };
  }
  return { context: { userId: caller.sub, actorRole: 'student', requestId }, membership: null };
}

export function requireRole(actor: Actor, role: RequestContext['actorRole']): void {
  if (actor.context.actorRole !== role) {
    throw new AppError('Forbidden', `This request is for ${role.replace('_', ' ')} accounts only.`);
  }
  // The membership is read on every request, so a suspension stops every employer read and
  // write from the next request on.
  if (role === 'employer' && actor.membership?.organizationStatus === 'suspended') {
    throw new AppError('OrganizationSuspended', 'ClockIn staff suspended this organization. Contact ClockIn support.');
  }
}

/** Allows only people of a verified organization: pending and rejected ones cannot publish. */
export function requireVerifiedOrganization(actor: Actor): void {
  requireRole(actor, 'employer');
  const status = actor.membership?.organizationStatus;
  if (status !== 'verified') {
    throw new AppError(
      'OrganizationNotVerified',
      `Only verified organizations can submit listings, and this one is ${status ?? 'not registered'}.`,
    );
  }
}

/** Allows only an admin of the caller's organization. */
export function requireOrganizationAdmin(actor: Actor): void {
  requireRole(actor, 'employer');
  if (actor.membership?.role !== 'admin') {
    throw new AppError('OrganizationAdminRequired', 'Only an admin of this organization can do this.');
  }
}
