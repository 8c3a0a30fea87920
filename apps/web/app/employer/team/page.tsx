import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import {
  InviteForm,
  MemberRoleForm,
  RemoveMemberForm,
  WithdrawInvitationForm,
} from '../../../features/organizations/team-forms';
import { formatDate, formatDateTime } from '../../../lib/format';
import { listInvitations, listMembers } from '../../../lib/organizations-api';
import { requireViewer } from '../../../lib/viewer';

export const metadata: Metadata = { title: 'Team' };

export default async function TeamPage() {
  const viewer = await requireViewer(['employer'], '/employer/team');
  if (!viewer.organization) redirect('/employer/register');
  if (viewer.organization.status === 'suspended') redirect('/employer');
  const isAdmin = viewer.organization.role === 'admin';
  const [members, invitations] = await Promise.all([
    listMembers(viewer.accessToken),
    listInvitations(viewer.accessToken),
  ]);
  const adminCount = members.filter((member) => member.role === 'admin').length;

  return (
    <section className="page">
      <h1>Team of {viewer.organization.name}</h1>
      <p>
        Members manage listings and applicants. Admins also invite, change roles and remove people, and sign in with
        two-step verification. Every organization keeps at least one admin.
      </p>

      <h2>Members</h2>
      <table className="table">
        <caption className="visually-hidden">Members and their roles</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Joined</th>
            {isAdmin && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            const name = `${member.givenName} ${member.familyName}`.trim() || member.email;
            const lastAdmin = member.role === 'admin' && adminCount <= 1;
            return (
              <tr key={member.userId}>
                <th scope="row">
                  {name}
                  {member.userId === viewer.userId && <span className="cell-detail">You</span>}
                </th>
                <td>{member.email}</td>
                <td>{member.role === 'admin' ? 'Admin' : 'Member'}</td>
                <td>{formatDate(member.joinedAt)}</td>
                {isAdmin && (
                  <td>
                    {lastAdmin ? (
                      <span className="cell-detail">The only admin: make someone else admin first.</span>
                    ) : (
                      <div className="button-row">
                        <MemberRoleForm userId={member.userId} name={name} role={member.role} />
                        <RemoveMemberForm userId={member.userId} name={name} />
                      </div>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>

      <h2>Open invitations</h2>
      {invitations.length === 0 ? (
        <p>No invitations are waiting.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Invitations not accepted yet</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Expires</th>
              {isAdmin && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {invitations.map((invitation) => (
              <tr key={invitation.id}>
                <th scope="row">{invitation.email}</th>
                <td>{invitation.role === 'admin' ? 'Admin' : 'Member'}</td>
                <td>{formatDateTime(invitation.expiresAt)}</td>
                {isAdmin && (
                  <td>
                    <WithdrawInvitationForm invitationId={invitation.id} email={invitation.email} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {isAdmin && (
        <>
          <h2>Invite a person</h2>
          <p>
            We email them a link that works once and expires after 7 days. Inviting the same address again replaces the
            earlier link.
          </p>
          <InviteForm />
        </>
      )}
    </section>
  );
}
