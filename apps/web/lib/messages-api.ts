/**
 * API calls for applications after sending (statuses, contact sharing), message threads, blocks
 * and reports. Like the client in ./api, every call runs on the Next.js server and sends the
 * session's access token. Base URL: CLOCKIN_API_URL.
 */

import { apiRequest, ApiError } from './api';

export type ApplicationStatus =
  | 'submitted'
  | 'viewed'
  | 'shortlisted'
  | 'contact_requested'
  | 'contact_shared'
  | 'hired'
  | 'not_selected'
  | 'withdrawn';

/** A student's own application. */
export interface StudentApplicationDetail {
  id: string;
  listingId: string;
  listingTitle: string;
  employerName: string;
  organizationId: string;
  message: string;
  status: ApplicationStatus;
  /** Whether the employer gets the student's email and phone now. */
  contactSharing: boolean;
  contactRequestedAt: string | null;
  employerBlocked: boolean;
  createdAt: string;
  updatedAt: string;
}

/** An application in the employer's limited view; the contact fields appear only while shared. */
export interface EmployerApplication {
  applicationId: string;
  listingId: string;
  listingTitle: string;
  name: string;
  ageBand: '15' | '16–17' | '18+' | null;
  schoolName: string;
  message: string;
  status: ApplicationStatus;
  createdAt: string;
  updatedAt: string;
  contactEmail?: string;
  contactPhone?: string;
}

export type EmployerDecision = 'shortlisted' | 'hired' | 'not_selected';

export interface WaitingSummary {
  total: number;
  listings: { listingId: string; listingTitle: string; waiting: number }[];
}

export interface ThreadMessage {
  id: string;
  sender: 'student' | 'employer';
  /** As stored: contact details are masked until the student shares them. */
  text: string;
  maskedKinds: string[];
  sentAt: string;
  readAt: string | null;
}

export interface Thread {
  applicationId: string;
  listingTitle: string;
  counterpartName: string;
  status: ApplicationStatus;
  contactShared: boolean;
  blocked: boolean;
  canSend: boolean;
  messages: ThreadMessage[];
}

export interface ThreadSummary {
  applicationId: string;
  listingTitle: string;
  counterpartName: string;
  lastMessageAt: string;
  unread: number;
}

export interface BlockedOrganization {
  organizationId: string;
  organizationName: string;
  blockedAt: string;
}

export type ReportTargetType = 'listing' | 'organization' | 'message';
export type ReportCategory =
  'scam_or_fee' | 'inappropriate_content' | 'meet_alone_or_off_platform' | 'illegal_hours_or_hazards' | 'other';
export type ReportOutcome = 'no_violation' | 'warning_issued' | 'action_taken' | 'escalated';

export interface NewReport {
  targetType: ReportTargetType;
  targetId: string;
  category: ReportCategory;
  details?: string;
}

export interface QueuedReport {
  id: string;
  targetType: ReportTargetType;
  category: ReportCategory;
  reporterRole: 'student' | 'employer';
  organizationId: string;
  organizationName: string;
  listingId: string | null;
  listingTitle: string | null;
  messageId: string | null;
  status: 'open' | 'resolved';
  outcome: ReportOutcome | null;
  createdAt: string;
  dueAt: string;
  decidedAt: string | null;
  /** Seconds to the 24-hour target, negative past it; for a decided report, the margin it had. */
  secondsLeft: number;
  overdue: boolean;
}

export interface ReportCase {
  report: QueuedReport & {
    details: string | null;
    decisionNote: string | null;
    decidedBy: string | null;
    messageBody: string | null;
    messageSenderRole: 'student' | 'employer' | null;
    messageSentAt: string | null;
  };
  auditTrail: {
    occurredAt: string;
    actorId: string | null;
    actorRole: string;
    action: string;
    details: Record<string, string | number | boolean | null>;
  }[];
}

export interface ReportQueueFilter {
  status?: 'open' | 'resolved';
  category?: ReportCategory;
  targetType?: ReportTargetType;
  overdue?: boolean;
}

const id = encodeURIComponent;

/** Returns null when the API reports NotFound, so pages can show their own 404. */
async function orNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 404) return null;
    throw error;
  }
}

// The student's side.

export function getMyApplication(accessToken: string, applicationId: string) {
  return orNull(
    apiRequest<StudentApplicationDetail>(`/v1/students/me/applications/${id(applicationId)}`, { accessToken }),
  );
}

export function withdrawApplication(accessToken: string, applicationId: string) {
  return apiRequest<StudentApplicationDetail>(`/v1/students/me/applications/${id(applicationId)}/withdrawal`, {
    accessToken,
    method: 'POST',
  });
}

/** Accepts or declines a contact request. Errors: InvalidTransition (409) when none is open. */
export function answerContactRequest(accessToken: string, applicationId: string, accept: boolean) {
  return apiRequest<StudentApplicationDetail>(`/v1/students/me/applications/${id(applicationId)}/contact-response`, {
    accessToken,
    method: 'POST',
    body: { accept },
  });
}

export function stopSharingContact(accessToken: string, applicationId: string) {
  return apiRequest<StudentApplicationDetail>(`/v1/students/me/applications/${id(applicationId)}/stop-sharing`, {
    accessToken,
    method: 'POST',
  });
}

export async function getMyPhone(accessToken: string): Promise<string | null> {
  return (await apiRequest<{ phone: string | null }>('/v1/students/me/phone', { accessToken })).phone;
}

/** Saves the phone as 614-555-0199, or clears it with null. Errors: ValidationError (field phone). */
export async function setMyPhone(accessToken: string, phone: string | null): Promise<string | null> {
  return (
    await apiRequest<{ phone: string | null }>('/v1/students/me/phone', {
      accessToken,
      method: 'POST',
      body: { phone },
    })
  ).phone;
}

export async function listBlocks(accessToken: string): Promise<BlockedOrganization[]> {
  return (await apiRequest<{ blocks: BlockedOrganization[] }>('/v1/students/me/blocks', { accessToken })).blocks;
}

export async function blockOrganization(accessToken: string, organizationId: string): Promise<void> {
  await apiRequest<unknown>('/v1/students/me/blocks', { accessToken, method: 'POST', body: { organizationId } });
}

export async function unblockOrganization(accessToken: string, organizationId: string): Promise<void> {
  await apiRequest<unknown>(`/v1/students/me/blocks/${id(organizationId)}`, { accessToken, method: 'DELETE' });
}

// The employer's side.

export async function listEmployerApplications(
  accessToken: string,
  filter: { listingId?: string; status?: ApplicationStatus } = {},
): Promise<EmployerApplication[]> {
  const query = new URLSearchParams();
  if (filter.listingId) query.set('listingId', filter.listingId);
  if (filter.status) query.set('status', filter.status);
  const suffix = query.size > 0 ? `?${query.toString()}` : '';
  return (
    await apiRequest<{ applications: EmployerApplication[] }>(`/v1/employer/applications${suffix}`, { accessToken })
  ).applications;
}

export function getWaitingApplications(accessToken: string): Promise<WaitingSummary> {
  return apiRequest<WaitingSummary>('/v1/employer/applications/waiting', { accessToken });
}

/** Opens an application; the first opening marks it viewed. Null for another organization's. */
export function openEmployerApplication(accessToken: string, applicationId: string) {
  return orNull(apiRequest<EmployerApplication>(`/v1/employer/applications/${id(applicationId)}`, { accessToken }));
}

/** Errors: InvalidTransition (409) for a move the status does not allow. */
export function decideApplication(accessToken: string, applicationId: string, status: EmployerDecision) {
  return apiRequest<EmployerApplication>(`/v1/employer/applications/${id(applicationId)}/status`, {
    accessToken,
    method: 'POST',
    body: { status },
  });
}

/** Errors: BlockedByStudent (403), ContactDeclined (409), InvalidTransition (409). */
export function requestContact(accessToken: string, applicationId: string) {
  return apiRequest<EmployerApplication>(`/v1/employer/applications/${id(applicationId)}/contact-request`, {
    accessToken,
    method: 'POST',
  });
}

// Messages, for both sides.

export async function listThreads(accessToken: string): Promise<ThreadSummary[]> {
  return (await apiRequest<{ threads: ThreadSummary[] }>('/v1/messages', { accessToken })).threads;
}

/** Reads a thread and marks the other side's messages as read. Null when it is not the caller's. */
export function getThread(accessToken: string, applicationId: string) {
  return orNull(apiRequest<Thread>(`/v1/applications/${id(applicationId)}/messages`, { accessToken }));
}

/** Errors: ValidationError (field text), ThreadClosed (409), BlockedByStudent (403), TooManyRequests (429). */
export function sendMessage(accessToken: string, applicationId: string, text: string) {
  return apiRequest<ThreadMessage>(`/v1/applications/${id(applicationId)}/messages`, {
    accessToken,
    method: 'POST',
    body: { text },
  });
}

// Reports.

/** Errors: NotFound for a target the reporter cannot see, TooManyRequests (429). */
export function createReport(accessToken: string, report: NewReport) {
  return apiRequest<{ id: string; createdAt: string; dueAt: string }>('/v1/reports', {
    accessToken,
    method: 'POST',
    body: report,
  });
}

export async function listReportQueue(accessToken: string, filter: ReportQueueFilter): Promise<QueuedReport[]> {
  const query = new URLSearchParams();
  if (filter.status) query.set('status', filter.status);
  if (filter.category) query.set('category', filter.category);
  if (filter.targetType) query.set('targetType', filter.targetType);
  if (filter.overdue) query.set('overdue', 'true');
  const suffix = query.size > 0 ? `?${query.toString()}` : '';
  return (await apiRequest<{ reports: QueuedReport[] }>(`/v1/staff/reports${suffix}`, { accessToken })).reports;
}

export function getReportCase(accessToken: string, reportId: string) {
  return orNull(apiRequest<ReportCase>(`/v1/staff/reports/${id(reportId)}`, { accessToken }));
}

/** Errors: Conflict (409) when another staff member decided first. */
export function decideReport(accessToken: string, reportId: string, outcome: ReportOutcome, note: string) {
  return apiRequest<ReportCase>(`/v1/staff/reports/${id(reportId)}/decision`, {
    accessToken,
    method: 'POST',
    body: note ? { outcome, note } : { outcome },
  });
}
