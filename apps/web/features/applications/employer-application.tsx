import Link from 'next/link';
import { applicationStatusText, formatDate } from '../../lib/format';
import type { EmployerApplication, EmployerDecision } from '../../lib/messages-api';
import { ActionButton } from './action-button';
import { decideAction, requestContactAction } from './employer-actions';

/** Decisions an employer may take from each status, as the API allows them. */
const DECISIONS: Record<string, EmployerDecision[]> = {
  submitted: ['shortlisted', 'not_selected'],
  viewed: ['shortlisted', 'not_selected'],
  shortlisted: ['hired', 'not_selected'],
  contact_requested: ['not_selected'],
  contact_shared: ['hired', 'not_selected'],
};

const DECISION_LABELS: Record<EmployerDecision, string> = {
  shortlisted: 'Shortlist',
  hired: 'Mark as hired',
  not_selected: 'Not selected',
};

/** Shows the controls an employer has on one applicant: decisions, the contact request, and the thread. */
export function ApplicantControls({ application }: { application: EmployerApplication }) {
  const decisions = DECISIONS[application.status] ?? [];
  return (
    <div className="button-row">
      {decisions.map((decision) => (
        <ActionButton
          key={decision}
          action={decideAction.bind(null, { applicationId: application.applicationId, decision })}
          label={DECISION_LABELS[decision]}
          variant={decision === 'not_selected' ? 'danger' : 'primary'}
        />
      ))}
      {application.status === 'shortlisted' && (
        <ActionButton
          action={requestContactAction.bind(null, application.applicationId)}
          label="Ask for contact details"
        />
      )}
      <Link href={`/messages/${application.applicationId}`} className="button button-secondary">
        Messages
      </Link>
    </div>
  );
}

/** Shows the contact details the student shares, or why there are none. */
export function SharedContact({ application }: { application: EmployerApplication }) {
  if (application.contactEmail) {
    return (
      <dl className="facts" aria-label="Contact details the student shares">
        <div>
          <dt>Email</dt>
          <dd>{application.contactEmail}</dd>
        </div>
        {application.contactPhone && (
          <div>
            <dt>Phone</dt>
            <dd>{application.contactPhone}</dd>
          </div>
        )}
      </dl>
    );
  }
  if (application.status === 'contact_requested') {
    return <p>You asked for contact details. The student has not answered yet.</p>;
  }
  return (
    <p>Contact details appear here only if the student accepts your request, and disappear if they stop sharing.</p>
  );
}

/** Shows one application in the employer's view. Opening the page marks it viewed. */
export function EmployerApplicationView({ application }: { application: EmployerApplication }) {
  return (
    <>
      <p className="card-subtitle">{application.listingTitle}</p>
      <dl className="facts">
        <div>
          <dt>Age</dt>
          <dd>{application.ageBand ?? 'Unknown'}</dd>
        </div>
        <div>
          <dt>School</dt>
          <dd>{application.schoolName}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{applicationStatusText(application.status)}</dd>
        </div>
        <div>
          <dt>Applied</dt>
          <dd>{formatDate(application.createdAt)}</dd>
        </div>
      </dl>
      <h2>Message</h2>
      <blockquote className="message">{application.message}</blockquote>
      <h2>Contact details</h2>
      <SharedContact application={application} />
      <h2>Next step</h2>
      <ApplicantControls application={application} />
      <p>
        <Link href={`/employer/listings/${application.listingId}/applicants`}>← All applicants for this listing</Link>
      </p>
    </>
  );
}
