import Link from 'next/link';
import { applicationStatusText, formatDate } from '../../lib/format';
import type { StudentApplicationDetail } from '../../lib/messages-api';
import { setBlockAction } from '../messages/message-actions';
import { ReportButton } from '../reports/report-button';
import { ActionButton } from './action-button';
import { PhoneForm } from './phone-form';
import { acceptContactAction, declineContactAction, stopSharingAction, withdrawAction } from './student-actions';

const OPEN_STATUSES = ['submitted', 'viewed', 'shortlisted', 'contact_requested', 'contact_shared'];

/** Shows a student's application: its status, contact sharing, safety tools and the way to withdraw. */
export function StudentApplication({
  application,
  phone,
}: {
  application: StudentApplicationDetail;
  phone: string | null;
}) {
  const path = `/applications/${application.id}`;
  return (
    <>
      <p className="card-subtitle">{application.employerName}</p>
      <dl className="facts">
        <div>
          <dt>Status</dt>
          <dd>{applicationStatusText(application.status)}</dd>
        </div>
        <div>
          <dt>Applied</dt>
          <dd>{formatDate(application.createdAt)}</dd>
        </div>
        <div>
          <dt>Contact details</dt>
          <dd>{application.contactSharing ? 'Shared with the employer' : 'Not shared'}</dd>
        </div>
      </dl>
      <p>
        <Link href={`/messages/${application.id}`}>Messages with {application.employerName}</Link> ·{' '}
        <Link href={`/jobs/${application.listingId}`}>See the job listing</Link>
      </p>
      <h2>Your message</h2>
      <blockquote className="message">{application.message}</blockquote>

      <ContactSection application={application} phone={phone} path={path} />

      <section className="panel" aria-labelledby="safety-heading">
        <h2 id="safety-heading">If something feels wrong</h2>
        <p>
          ClockIn staff read every report within 24 hours. Blocking stops this employer from messaging you or asking for
          your contact details, and stops any sharing.
        </p>
        <ReportButton targetType="organization" targetId={application.organizationId} returnTo={path} />
        <ReportButton targetType="listing" targetId={application.listingId} returnTo={path} />
        {application.employerBlocked ? (
          <ActionButton
            action={setBlockAction.bind(null, {
              organizationId: application.organizationId,
              blocked: false,
              returnTo: path,
            })}
            label={`Unblock ${application.employerName}`}
          />
        ) : (
          <ActionButton
            action={setBlockAction.bind(null, {
              organizationId: application.organizationId,
              blocked: true,
              returnTo: path,
            })}
            label={`Block ${application.employerName}`}
            variant="danger"
          />
        )}
      </section>

      {OPEN_STATUSES.includes(application.status) && (
        <section className="panel" aria-labelledby="withdraw-heading">
          <h2 id="withdraw-heading">Withdraw</h2>
          <p>Withdrawing ends this application and its conversation, and stops any contact sharing.</p>
          <ActionButton
            action={withdrawAction.bind(null, application.id)}
            label="Withdraw application"
            variant="danger"
          />
        </section>
      )}
    </>
  );
}

function ContactSection({
  application,
  phone,
  path,
}: {
  application: StudentApplicationDetail;
  phone: string | null;
  path: string;
}) {
  return (
    <section className="panel" aria-labelledby="contact-heading">
      <h2 id="contact-heading">Contact details</h2>
      {application.status === 'contact_requested' && (
        <div className="notice notice-info">
          <p>
            {application.employerName} asks to see your email address{phone ? ' and phone number' : ''}. Nothing is
            shared unless you accept, and you can stop sharing at any time.
          </p>
          <div className="button-row">
            <ActionButton
              action={acceptContactAction.bind(null, application.id)}
              label="Share my contact details"
              variant="primary"
            />
            <ActionButton action={declineContactAction.bind(null, application.id)} label="Decline" />
          </div>
        </div>
      )}
      {application.contactSharing ? (
        <>
          <p>
            {application.employerName} can see your email address{phone ? ` and phone number (${phone})` : ''}.
          </p>
          <ActionButton action={stopSharingAction.bind(null, application.id)} label="Stop sharing" variant="danger" />
        </>
      ) : (
        application.status !== 'contact_requested' && (
          <p>The employer sees your name, age range, school and message, but not your email address or phone number.</p>
        )
      )}
      <PhoneForm phone={phone} returnTo={path} />
    </section>
  );
}
