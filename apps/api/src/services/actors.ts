import { MembershipRepository, withContext, type Database, type Membership, type RequestContext } from '@clockin/db';
import type { Kysely } from 'kysely';
import type { Caller } from '../plugins/auth.ts';
import { AppError } from '../errors.ts';

export interface Actor {
  context: RequestContext;
  membership: Membership | null;
}

/** Resolves the caller's ClockIn role: staff by group, employer by membership, else student. */
export async function resolveActor(db: Kysely<Database>, caller: Caller | null, requestId: string): Promise<Actor> {
  if (!caller) {
    return { context: { userId: null, actorRole: 'anonymous', requestId }, membership: null };
  }
  if (caller.groups.includes('staff')) {
    return { context: { userId: caller.sub, actorRole: 'staff', requestId }, membership: null };
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
}
