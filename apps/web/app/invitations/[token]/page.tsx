import type { Metadata } from 'next';
import Link from 'next/link';
import { InvitationAcceptForm } from '../../../features/organizations/invitation-accept-form';
import { formatDateTime } from '../../../lib/format';
import { previewInvitation } from '../../../lib/organizations-api';
import { getViewer } from '../../../lib/viewer';

// The token in this page's address is a secret, so no other site learns it from a link.
export const metadata: Metadata = { title: 'Invitation', referrer: 'no-referrer' };

const closedMessages = {
  accepted: 'This invitation was already used. Each invitation works once.',
  revoked: 'This invitation was withdrawn. Ask the organization for a new one.',
  expired: 'This invitation has expired. Ask the organization for a new one.',
} as const;

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, viewer] = await Promise.all([previewInvitation(token), getViewer()]);

  if (!invitation) {
    return (
      <section className="page narrow">
        <h1>Invitation not found</h1>
        <p>This link does not open an invitation. Check that you copied the whole link from the email.</p>
      </section>
    );
  }

  const returnTo = `/invitations/${token}`;
  const role = invitation.role === 'admin' ? 'an admin' : 'a member';
  return (
    <section className="page narrow">
      <h1>Join {invitation.organizationName} on ClockIn</h1>
      <p>
        {invitation.organizationName} invited {invitation.email} to join its team as {role}.
        {invitation.state === 'open' && <> The invitation expires {formatDateTime(invitation.expiresAt)}.</>}
      </p>
      {invitation.state !== 'open' ? (
        <p className="notice notice-error" role="note">
          {closedMessages[invitation.state]}
        </p>
      ) : !viewer ? (
        <>
          <p>Sign in with the employer account for {invitation.email} to accept.</p>
          <p>
            <Link href={`/sign-in?next=${encodeURIComponent(returnTo)}`} className="button button-primary">
              Sign in to accept
            </Link>
          </p>
          <p>
            No employer account yet? <Link href="/employer/register">Create one</Link> with {invitation.email}, then
            open this link from the email again.
          </p>
        </>
      ) : (
        <>
          {invitation.role === 'admin' && (
            <p>Admins sign in with two-step verification, so you sign in again after joining and set it up.</p>
          )}
          <InvitationAcceptForm token={token} organizationName={invitation.organizationName} />
        </>
      )}
    </section>
  );
}
