import type { ApplicationFacts, OutboxNotification } from '@clockin/db';

/** An email's text before it has an address. Nothing in it comes from a message or a student's profile. */
export interface EmailContent {
  subject: string;
  /** One line for a digest of several emails. */
  summary: string;
  text: string;
  category: string;
}

const STATUS_SENTENCES: Record<string, string> = {
  viewed: 'opened your application',
  shortlisted: 'shortlisted you',
  hired: 'would like to hire you',
  not_selected: 'chose other applicants this time',
};

/** Builds absolute links to the web app. Without its origin, emails name the page instead. */
export class WebLinks {
  constructor(private readonly webUrl: string | undefined) {}

  to(path: string, pageName: string): string {
    return this.webUrl ? `${this.webUrl.replace(/\/$/, '')}${path}` : `the ${pageName} page on ClockIn`;
  }
}

const SIGN_OFF = '\n\nClockIn';

/**
 * Writes the email for one notification. Employers get a notice and a link, never a message's
 * text, and students get the employer's name and the listing's title. Returns null when the
 * email can no longer be written, such as for an application that was deleted.
 */
export function composeEmail(
  notification: OutboxNotification,
  facts: ApplicationFacts | undefined,
  links: WebLinks,
): EmailContent | null {
  if (notification.kind === 'report_received') {
    return {
      category: 'report-received',
      subject: 'We received your report',
      summary: 'ClockIn received your report and will review it within 24 hours.',
      text:
        'Thank you for telling us. ClockIn staff review every report within 24 hours and act on it.' +
        ' You do not need to do anything else. If you are in danger, call 911.' +
        SIGN_OFF,
    };
  }
  if (!facts) return null;
  const listing = `"${facts.listingTitle}"`;
  const application = links.to(`/applications/${facts.applicationId}`, 'My applications');

  switch (notification.kind) {
    case 'application_received':
      return {
        category: 'application-received',
        subject: `New application for ${listing}`,
        summary: `New application for ${listing}.`,
        text:
          `A student applied to your listing ${listing}. Read the application: ` +
          links.to(`/employer/listings/${facts.listingId}/applicants`, 'Applicants') +
          '\n\nApplications without a decision close on their own after 45 days, so please answer every applicant.' +
          SIGN_OFF,
      };
    case 'application_status': {
      const sentence = STATUS_SENTENCES[notification.status ?? ''] ?? 'updated your application';
      return {
        category: 'application-status',
        subject: `Update on your application to ${facts.employerName}`,
        summary: `${facts.employerName} ${sentence} (${listing}).`,
        text: `${facts.employerName} ${sentence} for ${listing}. See your application: ${application}` + SIGN_OFF,
      };
    }
    case 'contact_requested':
      return {
        category: 'contact-requested',
        subject: `${facts.employerName} asks for your contact details`,
        summary: `${facts.employerName} asks for your contact details (${listing}).`,
        text:
          `${facts.employerName} would like to see your email address and phone number for ${listing}.` +
          ` Nothing is shared unless you accept, and you can stop sharing at any time: ${application}` +
          '\n\nIf anything about this employer feels wrong, decline, block them or report them on ClockIn.' +
          SIGN_OFF,
      };
    case 'message_received': {
      const toEmployer = notification.recipientId === null;
      const thread = links.to(`/messages/${facts.applicationId}`, 'Messages');
      return {
        category: 'message-received',
        subject: toEmployer ? `New message about ${listing}` : `New message from ${facts.employerName}`,
        summary: toEmployer ? `New message about ${listing}.` : `New message from ${facts.employerName} (${listing}).`,
        text: toEmployer
          ? `An applicant sent a message about ${listing}. Read it on ClockIn: ${thread}` + SIGN_OFF
          : `${facts.employerName} sent you a message about ${listing}. Read it on ClockIn: ${thread}` +
            '\n\nKeep the conversation on ClockIn, and report anyone who asks you to move it elsewhere.' +
            SIGN_OFF,
      };
    }
    case 'application_closed':
      return {
        category: 'application-closed',
        subject: `Your application to ${facts.employerName} was closed`,
        summary: `Your application for ${listing} was closed because the employer did not decide in time.`,
        text:
          `${facts.employerName} did not make a decision on your application for ${listing} in time,` +
          ' so ClockIn closed it for you. This says nothing about you: employers sometimes fill a job' +
          ' before they read every application. Keep going, because new jobs are posted every week: ' +
          links.to('/jobs', 'Jobs') +
          SIGN_OFF,
      };
  }
}

/** Joins held emails into one digest, in the order they were written. */
export function composeDigest(summaries: string[], links: WebLinks): EmailContent {
  return {
    category: 'school-hours-digest',
    subject: 'Your ClockIn updates from today',
    summary: '',
    text:
      'We held these updates until school was out:\n\n' +
      summaries.map((summary) => `- ${summary}`).join('\n') +
      `\n\nSee everything on ClockIn: ${links.to('/applications', 'My applications')}` +
      SIGN_OFF,
  };
}
