import type { DatabaseTransaction, RequestContext } from '../context.ts';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string | null;
  organizationId?: string | null;
  districtId?: string | null;
  /** Ids and decisions only: never names, emails, birthdates or message text. */
  details?: Record<string, string | number | boolean | null>;
}

/** Appends to the audit log in the caller's transaction, so the entry commits with the action. */
export async function recordAuditEvent(
  transaction: DatabaseTransaction,
  context: RequestContext,
  entry: AuditEntry,
): Promise<void> {
  await transaction
    .insertInto('audit.events')
    .values({
      actor_id: context.userId,
      actor_role: context.actorRole,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      organization_id: entry.organizationId ?? context.organizationId ?? null,
      district_id: entry.districtId ?? context.districtId ?? null,
      request_id: context.requestId ?? null,
      details: JSON.stringify(entry.details ?? {}),
    } as never)
    .execute();
}
