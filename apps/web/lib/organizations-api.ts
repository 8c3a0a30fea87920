/**
 * API calls for organization registration, team management, invitations and the staff
 * verification queue. Like the client in ./api, every call runs on the Next.js server and sends
 * the session's access token when one is given. Base URL: CLOCKIN_API_URL.
 */

import { apiRequest, ApiError } from './api';

export type OrganizationStatus = 'pending' | 'verified' | 'rejected' | 'suspended';
export type OrganizationRole = 'admin' | 'member';

export interface OrganizationDetails {
  legalName: string;
  tradingName: string;
  /** NN-NNNNNNN. */
  ein: string;
  addressLine: string;
  city: string;
  zip: string;
  phone: string;
  website: string | null;
  industry: string;
}

export interface Registration extends OrganizationDetails {
  dutiesAcknowledged: boolean;
}

export interface DutyAcknowledgement {
  acknowledgedBy: string;
  acknowledgedAt: string;
  statementVersion: string;
  duties: string[];
}

export interface Organization extends OrganizationDetails {
  id: string;
  status: OrganizationStatus;
  rejectionReason: string | null;
  createdAt: string;
  submittedAt: string;
  decidedAt: string | null;
  /** The signed-in user's role. */
  role: OrganizationRole;
  acknowledgement: DutyAcknowledgement | null;
}

export interface DutiesStatement {
  version: string;
  intro: string;
  duties: { id: string; title: string; text: string }[];
}

export interface Member {
  userId: string;
  role: OrganizationRole;
  givenName: string;
  familyName: string;
  email: string;
  joinedAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: OrganizationRole;
  createdAt: string;
  expiresAt: string;
}

export interface InvitationPreview {
  organizationName: string;
  email: string;
  role: OrganizationRole;
  expiresAt: string;
  state: 'open' | 'accepted' | 'revoked' | 'expired';
}

export interface InvitationAccepted {
  organizationId: string;
  role: OrganizationRole;
  /** True for a new admin, who must sign in again and set up MFA. */
  signInAgain: boolean;
}

export interface OrganizationDecisionRecord {
  /** An audit action such as organization.verified. */
  action: string;
  decidedBy: string | null;
  decidedAt: string;
}

export interface OrganizationForVerification extends OrganizationDetails {
  id: string;
  status: OrganizationStatus;
  rejectionReason: string | null;
  suspensionReason: string | null;
  createdAt: string;
  submittedAt: string;
  memberCount: number;
  acknowledgement: DutyAcknowledgement | null;
  decisions: OrganizationDecisionRecord[];
}

export interface VerificationQueueFilter {
  status: OrganizationStatus;
  olderThanDays?: number;
}

export function getDutiesStatement(): Promise<DutiesStatement> {
  return apiRequest<DutiesStatement>('/v1/organizations/duties-statement');
}

export function registerOrganization(
  accessToken: string,
  registration: Registration,
): Promise<{ id: string; status: string; signInAgain: boolean }> {
  return apiRequest('/v1/organizations', { accessToken, method: 'POST', body: registration });
}

export function getMyOrganization(accessToken: string): Promise<Organization> {
  return apiRequest<Organization>('/v1/employer/organization', { accessToken });
}

export function resubmitOrganization(accessToken: string, registration: Registration): Promise<{ status: string }> {
  return apiRequest('/v1/employer/organization', { accessToken, method: 'PUT', body: registration });
}

export async function listMembers(accessToken: string): Promise<Member[]> {
  return (await apiRequest<{ members: Member[] }>('/v1/employer/members', { accessToken })).members;
}

export function changeMemberRole(accessToken: string, userId: string, role: OrganizationRole): Promise<Member> {
  return apiRequest<Member>(`/v1/employer/members/${encodeURIComponent(userId)}/role`, {
    accessToken,
    method: 'PUT',
    body: { role },
  });
}

export async function removeMember(accessToken: string, userId: string): Promise<void> {
  await apiRequest<unknown>(`/v1/employer/members/${encodeURIComponent(userId)}`, { accessToken, method: 'DELETE' });
}

export async function listInvitations(accessToken: string): Promise<Invitation[]> {
  return (await apiRequest<{ invitations: Invitation[] }>('/v1/employer/invitations', { accessToken })).invitations;
}

export function inviteMember(accessToken: string, email: string, role: OrganizationRole): Promise<Invitation> {
  return apiRequest<Invitation>('/v1/employer/invitations', { accessToken, method: 'POST', body: { email, role } });
}

export async function revokeInvitation(accessToken: string, invitationId: string): Promise<void> {
  await apiRequest<unknown>(`/v1/employer/invitations/${encodeURIComponent(invitationId)}`, {
    accessToken,
    method: 'DELETE',
  });
}

/** Returns what an invitation token is for, or null when it opens no invitation. */
export async function previewInvitation(token: string): Promise<InvitationPreview | null> {
  try {
    return await apiRequest<InvitationPreview>('/v1/invitations/preview', { method: 'POST', body: { token } });
  } catch (error) {
    if (error instanceof ApiError && (error.statusCode === 404 || error.statusCode === 400)) return null;
    throw error;
  }
}

export function acceptInvitation(accessToken: string, token: string): Promise<InvitationAccepted> {
  return apiRequest<InvitationAccepted>('/v1/invitations/acceptance', { accessToken, method: 'POST', body: { token } });
}

export async function listOrganizationsForVerification(
  accessToken: string,
  filter: VerificationQueueFilter,
): Promise<OrganizationForVerification[]> {
  const query = new URLSearchParams({ status: filter.status });
  if (filter.olderThanDays !== undefined) query.set('olderThanDays', String(filter.olderThanDays));
  const result = await apiRequest<{ organizations: OrganizationForVerification[] }>(
    `/v1/staff/organizations?${query}`,
    {
      accessToken,
    },
  );
  return result.organizations;
}

export type StaffOrganizationDecision =
  | { decision: 'verify' }
  | { decision: 'reject'; reason: string }
  | { decision: 'suspend'; reason: string }
  | { decision: 'reinstate' };

/** Sends a staff decision to the route that takes it, and returns the organization's new status. */
export async function decideOrganization(
  accessToken: string,
  organizationId: string,
  input: StaffOrganizationDecision,
): Promise<OrganizationStatus> {
  const base = `/v1/staff/organizations/${encodeURIComponent(organizationId)}`;
  let result: { status: OrganizationStatus };
  switch (input.decision) {
    case 'verify':
    case 'reject':
      result = await apiRequest(`${base}/decision`, { accessToken, method: 'POST', body: input });
      break;
    case 'suspend':
      result = await apiRequest(`${base}/suspension`, { accessToken, method: 'POST', body: { reason: input.reason } });
      break;
    case 'reinstate':
      result = await apiRequest(`${base}/reinstatement`, { accessToken, method: 'POST' });
      break;
  }
  return result.status;
}
