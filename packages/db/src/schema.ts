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
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
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

export interface Database {
  districts: DistrictTable;
  schools: SchoolTable;
  zip_centroids: ZipCentroidTable;
  students: StudentTable;
  student_birthdates: StudentBirthdateTable;
  student_contacts: StudentContactTable;
  organizations: OrganizationTable;
  organization_members: OrganizationMemberTable;
  listings: ListingTable;
  applications: ApplicationTable;
  applicant_projection: ApplicantProjectionView;
  'audit.events': AuditEventTable;
}
