import type { ListingLaborSummary } from '@clockin/domain';
import type { ColumnType, Generated } from 'kysely';

/** Timestamps come back as Date and may be written as Date or ISO text. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateColumn = ColumnType<string, string, string>;

export type GradeLevel = '9' | '10' | '11' | '12' | 'graduated';
export type OrganizationStatus = 'pending' | 'verified' | 'rejected' | 'suspended';
export type ListingStatus = 'draft' | 'submitted' | 'published' | 'rejected' | 'closed' | 'filled' | 'expired';
export type ApplicationStatus =
  | 'submitted'
  | 'viewed'
  | 'shortlisted'
  | 'contact_requested'
  | 'contact_shared'
  | 'hired'
  | 'not_selected'
  | 'withdrawn';
export type PayUnit = 'hour' | 'shift' | 'week';
export const LISTING_CATEGORIES = [
  'food-service',
  'retail',
  'grocery',
  'office',
  'recreation',
  'childcare',
  'outdoor',
  'other',
] as const;
export type ListingCategory = (typeof LISTING_CATEGORIES)[number];
/** When a listing's work happens: during the school year, in summer, or both. */
export type ListingSeason = 'school-year' | 'summer' | 'both';

export interface ShiftTemplate {
  /** 0 is Sunday, as in JavaScript's Date.getUTCDay. */
  day: number;
  start: string;
  end: string;
  breakMinutes: number;
}

export interface DistrictTable {
  id: string;
  name: string;
  county: string;
  city: string | null;
}

export interface SchoolTable {
  id: string;
  name: string;
  district_id: string | null;
  city: string;
  zip: string | null;
  grades: string;
}

export interface ZipCentroidTable {
  zip: string;
  latitude: number;
  longitude: number;
  approximate: Generated<boolean>;
}

export interface StudentTable {
  user_id: string;
  given_name: string;
  family_name: string;
  school_id: string;
  district_id: string | null;
  grade_level: GradeLevel;
  created_at: Generated<Date>;
  deleted_at: Timestamp | null;
}

export interface StudentBirthdateTable {
  user_id: string;
  birthdate: DateColumn;
}

export interface StudentContactTable {
  user_id: string;
  email: string;
  phone: string | null;
}

export interface OrganizationTable {
  id: Generated<string>;
  legal_name: string;
  trading_name: string;
  ein: string;
  address_line: string;
  city: string;
  zip: string;
  phone: string;
  website: string | null;
  industry: string;
  status: ColumnType<OrganizationStatus, OrganizationStatus | undefined, OrganizationStatus>;
  rejection_reason: string | null;
  created_at: Generated<Date>;
  decided_at: Timestamp | null;
  registered_by: string | null;
  /** When staff were last asked to verify the organization. */
  submitted_at: Generated<Date>;
  suspended_at: Timestamp | null;
  suspension_reason: string | null;
}

export interface OrganizationDutyAcknowledgementTable {
  id: Generated<string>;
  organization_id: string;
  acknowledged_by: string;
  acknowledged_at: Generated<Date>;
  statement_version: string;
  duties: string[];
}

export type OrganizationRole = 'admin' | 'member';

export interface OrganizationInvitationTable {
  id: Generated<string>;
  organization_id: string;
  email: string;
  role: OrganizationRole;
  /** SHA-256 of the emailed token, as lowercase hex. */
  token_hash: string;
  invited_by: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  accepted_by: string | null;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
}

/** A row of app.organization_invitation_by_token: the one invitation that a token opens. */
export interface InvitationByTokenRow {
  invitation_id: string;
  organization_id: string;
  organization_name: string;
  organization_status: OrganizationStatus;
  email: string;
  role: OrganizationRole;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
}

export interface OrganizationMemberTable {
  organization_id: string;
  user_id: string;
  role: 'admin' | 'member';
  given_name: string;
  family_name: string;
  email: string;
  created_at: Generated<Date>;
}

export interface ListingTable {
  id: Generated<string>;
  organization_id: string;
  title: string;
  description: string;
  pay_min_cents: number;
  pay_max_cents: number | null;
  pay_unit: PayUnit;
  address_line: string;
  city: string;
  zip: string;
  latitude: number;
  longitude: number;
  schedule: ColumnType<ShiftTemplate[], string, string>;
  status: ColumnType<ListingStatus, ListingStatus | undefined, ListingStatus>;
  rejection_reason: string | null;
  created_by: string;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  published_at: Timestamp | null;
  duties: ColumnType<string[], string[] | undefined, string[]>;
  minimum_age: ColumnType<number, number | undefined, number>;
  starts_on: DateColumn | null;
  labor_summary: ColumnType<ListingLaborSummary | null, string | null | undefined, string | null>;
  school_year_bands: ColumnType<string[], string[] | undefined, string[]>;
  summer_bands: ColumnType<string[], string[] | undefined, string[]>;
  category: ColumnType<ListingCategory, ListingCategory | undefined, ListingCategory>;
  season: ColumnType<ListingSeason, ListingSeason | undefined, ListingSeason>;
  positions: ColumnType<number, number | undefined, number>;
  /** Last day that takes applications (YYYY-MM-DD); NULL leaves only the 60-day limit. */
  closing_date: DateColumn | null;
  submitted_at: Timestamp | null;
  /** Set by a trigger from the first published_at; it starts the 60-day limit. */
  first_published_at: Timestamp | null;
  closed_at: Timestamp | null;
  /** Weighted tsvector of title, employer name and description, kept current by triggers. */
  search_document: ColumnType<string, never, never>;
  /** Generated: the lowest pay per hour worked that the listing guarantees, in cents. */
  hourly_pay_cents: ColumnType<number | null, never, never>;
  /** Generated: a weekday shift starts at or after 15:00. */
  has_after_school_shift: ColumnType<boolean, never, never>;
  /** Generated: a shift falls on Saturday or Sunday. */
  has_weekend_shift: ColumnType<boolean, never, never>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ApplicationTable {
  id: Generated<string>;
  organization_id: string;
  listing_id: string;
  student_id: string;
  message: string;
  status: ColumnType<ApplicationStatus, ApplicationStatus | undefined, ApplicationStatus>;
  legal_shifts: ColumnType<number[], number[] | undefined, number[]>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  viewed_at: Timestamp | null;
  contact_requested_at: Timestamp | null;
  contact_declined_at: Timestamp | null;
  contact_shared_at: Timestamp | null;
  contact_revoked_at: Timestamp | null;
  /** True while the student shares their email and phone with the employer. */
  contact_sharing: ColumnType<boolean, boolean | undefined, boolean>;
  decided_at: Timestamp | null;
  closed_without_decision_at: Timestamp | null;
}

export interface ApplicantProjectionView {
  application_id: string;
  organization_id: string;
  listing_id: string;
  given_name: string;
  family_name: string;
  age_band: string | null;
  school_name: string;
  message: string;
  status: ApplicationStatus;
  created_at: Date;
  updated_at: Date;
  contact_email: string | null;
  contact_phone: string | null;
  legal_shifts: number[];
}

export interface AuditEventTable {
  id: Generated<string>;
  occurred_at: Generated<Date>;
  actor_id: string | null;
  actor_role: string;
  action: string;
  target_type: string;
  target_id: string | null;
  organization_id: string | null;
  district_id: string | null;
  request_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
  previous_hash: Generated<string>;
  hash: Generated<string>;
}

export interface DistrictMemberTable {
  district_id: string;
  user_id: string;
  role: 'admin' | 'viewer';
  created_at: Generated<Date>;
}

export interface DistrictPartnershipTable {
  district_id: string;
  agreement_signed_on: DateColumn;
  contact_name: string;
  contact_email: string;
  contact_phone: string | null;
  started_at: Generated<Date>;
  started_by: string;
  ended_at: Timestamp | null;
  ended_by: string | null;
}

export type DistrictExportFormat = 'csv' | 'json';
export type DistrictExportStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface DistrictExportTable {
  id: Generated<string>;
  district_id: string;
  requested_by: string;
  format: DistrictExportFormat;
  status: ColumnType<DistrictExportStatus, DistrictExportStatus | undefined, DistrictExportStatus>;
  total_students: number | null;
  students_written: ColumnType<number, number | undefined, number>;
  byte_size: ColumnType<string | null, number | null | undefined, number | null>;
  failure_reason: string | null;
  created_at: Generated<Date>;
  started_at: Timestamp | null;
  completed_at: Timestamp | null;
  expires_at: Timestamp | null;
  updated_at: Generated<Date>;
}

export interface StudentBlockTable {
  student_id: string;
  organization_id: string;
  created_at: Generated<Date>;
}

export type MessageSenderRole = 'student' | 'employer';

export interface MessageTable {
  id: Generated<string>;
  organization_id: string;
  application_id: string;
  student_id: string;
  sender_id: string;
  sender_role: MessageSenderRole;
  /** The text as stored: already masked when contact details were not shared. */
  body: string;
  masked_kinds: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Generated<Date>;
  read_at: Timestamp | null;
}

export type ReportTargetType = 'listing' | 'organization' | 'message';
export type ReportCategory =
  'scam_or_fee' | 'inappropriate_content' | 'meet_alone_or_off_platform' | 'illegal_hours_or_hazards' | 'other';
export type ReportOutcome = 'no_violation' | 'warning_issued' | 'action_taken' | 'escalated';

export interface ReportTable {
  id: Generated<string>;
  reporter_id: string;
  reporter_role: 'student' | 'employer';
  target_type: ReportTargetType;
  organization_id: string;
  listing_id: string | null;
  message_id: string | null;
  category: ReportCategory;
  details: string | null;
  status: ColumnType<'open' | 'resolved', 'open' | 'resolved' | undefined, 'open' | 'resolved'>;
  outcome: ReportOutcome | null;
  decision_note: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  created_at: Generated<Date>;
  due_at: Generated<Date>;
}

export type NotificationKind =
  | 'application_received'
  | 'application_status'
  | 'contact_requested'
  | 'message_received'
  | 'application_closed'
  | 'report_received';

export interface NotificationTable {
  id: Generated<string>;
  recipient_id: string | null;
  organization_id: string | null;
  kind: NotificationKind;
  application_id: string | null;
  report_id: string | null;
  status: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  held_at: Timestamp | null;
  sent_at: Timestamp | null;
}

export interface AccountDeletionTable {
  user_id: string;
  account_type: 'student' | 'employer' | 'district_admin' | 'staff';
  source: 'self' | 'email';
  requested_at: Generated<Date>;
  purge_after: Timestamp;
}

export interface DeletionRequestTable {
  id: Generated<string>;
  received_on: DateColumn;
  requester_email: string | null;
  note: string | null;
  status: ColumnType<'open' | 'completed' | 'no_account', 'open' | undefined, 'completed' | 'no_account'>;
  recorded_by: string;
  recorded_at: Generated<Date>;
  completed_by: string | null;
  completed_at: Timestamp | null;
}

export interface PersonalExportTable {
  id: Generated<string>;
  user_id: string;
  status: ColumnType<
    'queued' | 'running' | 'completed' | 'failed',
    'queued' | undefined,
    'running' | 'completed' | 'failed'
  >;
  progress: ColumnType<number, number | undefined, number>;
  byte_size: string | null;
  created_at: Generated<Date>;
  completed_at: Timestamp | null;
  expires_at: Timestamp | null;
}

export interface Database {
  districts: DistrictTable;
  schools: SchoolTable;
  zip_centroids: ZipCentroidTable;
  students: StudentTable;
  student_birthdates: StudentBirthdateTable;
  student_contacts: StudentContactTable;
  organizations: OrganizationTable;
  organization_members: OrganizationMemberTable;
  organization_duty_acknowledgements: OrganizationDutyAcknowledgementTable;
  organization_invitations: OrganizationInvitationTable;
  listings: ListingTable;
  applications: ApplicationTable;
  applicant_projection: ApplicantProjectionView;
  district_members: DistrictMemberTable;
  account_deletions: AccountDeletionTable;
  deletion_requests: DeletionRequestTable;
  personal_exports: PersonalExportTable;
  district_partnerships: DistrictPartnershipTable;
  district_exports: DistrictExportTable;
  student_blocks: StudentBlockTable;
  messages: MessageTable;
  reports: ReportTable;
  notifications: NotificationTable;
  'audit.events': AuditEventTable;
}
