import { sql } from 'kysely';
import type { DatabaseTransaction, RequestContext } from './context.ts';
import type { Database } from './schema.ts';

/** Tables whose rows belong to one organization. */
export type TenantTable = {
  [K in keyof Database]: Database[K] extends { organization_id: string } ? K : never;
}[keyof Database];

/** A transaction bound to one organization, as the request context set it. */
export interface TenantScope {
  readonly transaction: DatabaseTransaction;
  readonly organizationId: string;
  readonly context: RequestContext;
}

export class MissingTenantError extends Error {
  constructor() {
    super('The request context names no organization, so tenant data cannot be read.');
    this.name = 'MissingTenantError';
  }
}

export function tenantScope(transaction: DatabaseTransaction, context: RequestContext): TenantScope {
  if (!context.organizationId) throw new MissingTenantError();
  return { transaction, organizationId: context.organizationId, context };
}

/**
 * Base class of every repository over organization-owned tables. Subclasses never see the
 * transaction: they build queries through the helpers below, each of which adds the
 * organization to the WHERE clause or to the inserted row. Row-level security enforces the
 * same scope again underneath.
 */
export abstract class TenantRepository {
  readonly #transaction: DatabaseTransaction;
  protected readonly organizationId: string;
  protected readonly context: RequestContext;

  constructor(scope: TenantScope) {
    this.#transaction = scope.transaction;
    this.organizationId = scope.organizationId;
    this.context = scope.context;
  }

  protected selectFrom<T extends TenantTable>(table: T) {
    return this.#transaction
      .selectFrom(table as TenantTable)
      .where(sql.ref(`${table}.organization_id`), '=', this.organizationId);
  }

  protected updateTable<T extends TenantTable>(table: T) {
    return this.#transaction
      .updateTable(table as TenantTable)
      .where(sql.ref(`${table}.organization_id`), '=', this.organizationId);
  }

  protected deleteFrom<T extends TenantTable>(table: T) {
    return this.#transaction
      .deleteFrom(table as TenantTable)
      .where(sql.ref(`${table}.organization_id`), '=', this.organizationId);
  }

  /** Inserts rows of a tenant table with the organization filled in and not overridable. */
  protected insertInto<T extends 'listings' | 'organization_members'>(
    table: T,
    values: Omit<Parameters<ReturnType<DatabaseTransaction['insertInto']>['values']>[0], 'organization_id'> &
      Record<string, unknown>,
  ) {
    return this.#transaction.insertInto(table).values({ ...values, organization_id: this.organizationId } as never);
  }

  /** Reads reference tables, which belong to no tenant. */
  protected selectReference<T extends 'schools' | 'districts' | 'zip_centroids'>(table: T) {
    return this.#transaction.selectFrom(table as 'schools' | 'districts' | 'zip_centroids');
  }
}
