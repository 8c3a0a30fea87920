import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { EmployerSignUpForm } from '../../../features/organizations/employer-sign-up-form';
import { RegistrationForm } from '../../../features/organizations/registration-form';
import { valuesFromOrganization } from '../../../features/organizations/registration-values';
import { getDutiesStatement, getMyOrganization } from '../../../lib/organizations-api';
import { getViewer } from '../../../lib/viewer';

export const metadata: Metadata = { title: 'Register your organization' };

/**
 * Shows the step of becoming an employer that the visitor is at: creating an employer account,
 * registering the organization, or correcting a registration that staff rejected.
 */
export default async function RegisterOrganizationPage() {
  const viewer = await getViewer();

  if (!viewer) {
    return (
      <section className="page narrow">
        <h1>Hire students on ClockIn</h1>
        <p>
          First create an employer account for yourself. After you confirm your email, you register your organization,
          and ClockIn staff verify it before your listings can go live.
        </p>
        <EmployerSignUpForm />
        <p>
          Already have an employer account? <Link href="/sign-in?next=/employer/register">Sign in</Link>.
        </p>
        <p>
          Looking for a job? <Link href="/sign-up">Create a student account</Link> instead.
        </p>
      </section>
    );
  }

  if (viewer.accountType !== 'employer') {
    return (
      <section className="page narrow">
        <h1>Register your organization</h1>
        <p className="notice notice-info">
          You are signed in with a {viewer.accountType === 'student' ? 'student' : 'ClockIn staff or district'} account.
          Organizations are registered from a separate employer account: sign out, then create an employer account here
          with another email address.
        </p>
      </section>
    );
  }

  const statement = await getDutiesStatement();
  if (!viewer.organization) {
    return (
      <section className="page narrow">
        <h1>Register your organization</h1>
        <p>
          Tell us who you are. ClockIn staff check every organization before its listings reach students, and you become
          its admin. Admins sign in with two-step verification, so after you register you sign in again and set it up.
        </p>
        <RegistrationForm mode="register" statement={statement} />
      </section>
    );
  }

  if (viewer.organization.status !== 'rejected' || viewer.organization.role !== 'admin') redirect('/employer');
  const organization = await getMyOrganization(viewer.accessToken);
  return (
    <section className="page narrow">
      <h1>Correct your registration</h1>
      <div className="notice notice-error" role="note">
        <p>ClockIn staff could not verify {organization.tradingName}.</p>
        {organization.rejectionReason && <p>Reason: {organization.rejectionReason}</p>}
      </div>
      <p>Change what the reason asks for and send the registration again. Staff then check it once more.</p>
      <RegistrationForm mode="correct" statement={statement} initialValues={valuesFromOrganization(organization)} />
    </section>
  );
}
