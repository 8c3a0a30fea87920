import type { AccountType } from '../../lib/api';

/** The maximum purge delay the API accepts. The configured delay may be shorter. */
export const PURGE_WITHIN_DAYS = 30;

/** Explains what deleting the account does at once and what the purge erases later. */
export function DeletionExplanation({ accountType }: { accountType: AccountType }) {
  return (
    <>
      <h2>What happens at once</h2>
      <ul className="steps">
        <li>You are signed out on every phone and computer, and your password stops working.</li>
        {accountType === 'student' && (
          <>
            <li>Your open applications are withdrawn.</li>
            <li>Employers no longer see your name, your applications or your messages.</li>
            <li>Your school district&apos;s dashboard and its new exports no longer include you.</li>
          </>
        )}
        {accountType === 'employer' && (
          <li>Your organization&apos;s listings, applicants and other members stay as they are.</li>
        )}
        {accountType === 'district_admin' && (
          <li>You lose access to your district&apos;s dashboard, students and exports.</li>
        )}
      </ul>
      <h2>What happens within {PURGE_WITHIN_DAYS} days</h2>
      <ul className="steps">
        {accountType === 'student' ? (
          <li>
            We erase your profile, birthdate, contact details, applications, messages, the reports you made, your data
            files and your sign-in record.
          </li>
        ) : (
          <li>
            We erase your name, email address, memberships and sign-in record. What you did for your organization, such
            as listings and decisions, stays without your name.
          </li>
        )}
        <li>
          The audit log keeps its records of actions on your account. They name the account only by an id, and after the
          purge nothing links that id to you.
        </li>
      </ul>
      <p>Deleting cannot be undone. To use ClockIn again later, create a new account.</p>
    </>
  );
}
