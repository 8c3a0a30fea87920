import { sql, type Insertable } from 'kysely';
import type { DatabaseTransaction, RequestContext } from './context.ts';
import type { Database, OrganizationTable } from './schema.ts';
import { recordAuditEvent, type AuditEntry } from './repositories/audit.ts';

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
  protected insertInto<
    T extends
      | 'listings'
      | 'organization_members'
      | 'organization_invitations'
      | 'organization_duty_acknowledgements'
      | 'messages',
  >(
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

  /** Reads the organization's own row, whose id is the tenant. */
  protected selectOrganization() {
    return this.#transaction.selectFrom('organizations').where('organizations.id', '=', this.organizationId);
  }

  /** Changes the organization's own row. */
  protected updateOrganization() {
    return this.#transaction.updateTable('organizations').where('organizations.id', '=', this.organizationId);
  }

  /** Inserts the organization's own row with the scope's id: only registration creates one. */
  protected insertOrganization(values: Omit<Insertable<OrganizationTable>, 'id'>) {
    return this.#transaction.insertInto('organizations').values({ ...values, id: this.organizationId });
  }

  /** Writes an audit event for this organization in the same transaction. */
  protected audit(entry: Omit<AuditEntry, 'organizationId' | 'districtId'>): Promise<void> {
    return recordAuditEvent(this.#transaction, this.context, { ...entry, organizationId: this.organizationId });
  }
}

/** Tables whose rows belong to one school district. */
export type DistrictScopedTable = {
  [K in keyof Database]: Database[K] extends { district_id: string | null } ? (K extends 'schools' ? never : K) : never;
}[keyof Database];

/** A transaction bound to one district, as the request context set it. */
export interface DistrictScope {
  readonly transaction: DatabaseTransaction;
  readonly districtId: string;
  readonly context: RequestContext;
}

export class MissingDistrictError extends Error {
  constructor() {
    super('The request context names no district, so district data cannot be read.');
    this.name = 'MissingDistrictError';
  }
}

export function districtScope(transaction: DatabaseTransaction, context: RequestContext): DistrictScope {
  if (!context.districtId) throw new MissingDistrictError();
  return { transaction, districtId: context.districtId, context };
}

/** A district student's age band, from app.district_age_bands. */
export interface DistrictAgeBandRow {
  student_id: string;
  age_band: string;
}

/** A district student's application without its message, from app.district_applications. */
export interface DistrictApplicationRow {
  application_id: string;
  student_id: string;
  listing_id: string;
  listing_title: string;
  employer_name: string;
  status: string;
  created_at: Date;
  updated_at: Date;
}

/**
 * The district sibling of TenantRepository: every query it builds is limited to the scope's
 * district, and row-level security keyed by clockin.district_id applies underneath. District
 * users read, and write only their own export requests.
 */
export abstract class DistrictRepository {
  readonly #transaction: DatabaseTransaction;
  protected readonly districtId: string;
  protected readonly context: RequestContext;

  constructor(scope: DistrictScope) {
    this.#transaction = scope.transaction;
    this.districtId = scope.districtId;
    this.context = scope.context;
  }

  protected selectFrom<T extends DistrictScopedTable>(table: T) {
    return this.#transaction
      .selectFrom(table as DistrictScopedTable)
      .where(sql.ref(`${table}.district_id`), '=', this.districtId);
  }

  /** Reads reference tables, which belong to no tenant. */
  protected selectReference<T extends 'schools' | 'districts' | 'zip_centroids'>(table: T) {
    return this.#transaction.selectFrom(table as 'schools' | 'districts' | 'zip_centroids');
  }

  /** Reads listings that anyone may see: published, from a verified organization. */
  protected selectPublishedListings() {
    return this.#transaction
      .selectFrom('listings')
      .innerJoin('organizations', 'organizations.id', 'listings.organization_id')
      .where('listings.status', '=', 'published')
      .where('organizations.status', '=', 'verified');
  }

  /**
   * Reads the age bands of the district's students, or of `studentIds` only. The database
   * function returns rows only for this district, and never the birthdate.
   */
  protected selectAgeBands(studentIds: readonly string[] | null) {
    const ids = studentIds === null ? null : [...studentIds];
    return this.#transaction.selectFrom(
      sql<DistrictAgeBandRow>`app.district_age_bands(${ids}::uuid[])`.as('age_bands'),
    );
  }

  /**
   * Reads the applications of the district's students, or of `studentIds` only, with listing
   * title and employer name. The database function has no message column.
   */
  protected selectApplications(studentIds: readonly string[] | null) {
    const ids = studentIds === null ? null : [...studentIds];
    return this.#transaction.selectFrom(
      sql<DistrictApplicationRow>`app.district_applications(${ids}::uuid[])`.as('applications'),
    );
  }

  /** Inserts an export request with this district filled in and not overridable. */
  protected insertExport(values: { requested_by: string; format: 'csv' | 'json' }) {
    return this.#transaction.insertInto('district_exports').values({ ...values, district_id: this.districtId });
  }

  protected updateExports() {
    return this.#transaction
      .updateTable('district_exports')
      .where('district_exports.district_id', '=', this.districtId);
  }

  /** Writes an audit event for this district in the same transaction. */
  protected audit(entry: Omit<AuditEntry, 'organizationId' | 'districtId'>): Promise<void> {
    return recordAuditEvent(this.#transaction, this.context, { ...entry, districtId: this.districtId });
  }
}
