import { ageOn, isDefaultSchoolDay } from '@clockin/domain';
import {
  messageThreadKey,
  NotificationOutboxRepository,
  withContext,
  type Database,
  type OutboxNotification,
  type Recipient,
  type RequestContext,
} from '@clockin/db';
import type { Mailer } from '@clockin/email';
import type { Kysely } from 'kysely';
import { composeDigest, composeEmail, WebLinks, type EmailContent } from './notification-emails.ts';

/** The part of a pino logger that delivery uses. */
export interface DeliveryLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface DeliveryResult {
  /** Emails handed to the mailer. */
  sent: number;
  /** Notifications held for school hours in this run. */
  held: number;
}

const OHIO_TIME_ZONE = 'America/New_York';
/** School hours in Ohio local time, as minutes after midnight: 08:00 to 15:00. */
const SCHOOL_STARTS_MINUTE = 8 * 60;
const SCHOOL_ENDS_MINUTE = 15 * 60;
const ADULT_AGE = 18;
/** After a new-message email, further messages in that thread to the same side wait this long for another. */
export const MESSAGE_EMAIL_GAP_MS = 15 * 60 * 1000;

const ohioClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: OHIO_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Returns the Ohio date (YYYY-MM-DD) and minute of the day at `moment`. */
export function ohioDateAndMinute(moment: Date): { date: string; minute: number } {
  const parts = Object.fromEntries(ohioClock.formatToParts(moment).map((part) => [part.type, part.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/**
 * Returns whether `moment` falls in school hours: 08:00 to 15:00 Ohio time on a school day of
 * the default calendar (weekdays from late August through May, without federal holidays).
 */
export function isSchoolHours(moment: Date): boolean {
  const { date, minute } = ohioDateAndMinute(moment);
  return isDefaultSchoolDay(date) && minute >= SCHOOL_STARTS_MINUTE && minute < SCHOOL_ENDS_MINUTE;
}

function isMinorOn(recipient: Recipient, moment: Date): boolean {
  if (!recipient.birthdate) return false;
  return ageOn(recipient.birthdate, ohioDateAndMinute(moment).date) < ADULT_AGE;
}

/**
 * Delivery runs as a job in a staff context without a user: audit events show actor role staff,
 * no actor id and a request id naming the job.
 */
export function jobContext(job: string): RequestContext {
  return { userId: null, actorRole: 'staff', requestId: `job:${job}` };
}

const consoleLogger: DeliveryLogger = {
  warn: (details, message) => console.warn(message, details),
  error: (details, message) => console.error(message, details),
};

/**
 * Sends the emails in the outbox. Actions add notifications in their own transaction and then
 * call `deliverPending`, and `sendHeldDigests` runs on a schedule.
 */
export class NotificationService {
  private readonly links: WebLinks;
  private warnedNoMailer = false;
  /** Replaced by the API with its own logger. */
  logger: DeliveryLogger = consoleLogger;
  /** The clock that delivery after an action uses. Tests replace it to land in or out of school hours. */
  clock: () => Date = () => new Date();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly mailer: Mailer | null,
    webUrl: string | undefined,
  ) {
    this.links = new WebLinks(webUrl);
  }

  /**
   * Sends every unsent email that is not held. A minor's email during school hours is held for
   * the digest instead. Never throws: a failed email stays in the outbox for the next run.
   */
  async deliverPending(now: Date = this.clock()): Promise<DeliveryResult> {
    const mailer = this.mailer;
    if (!mailer) {
      this.warnOnceWithoutMailer();
      return { sent: 0, held: 0 };
    }
    try {
      return await withContext(this.db, jobContext('deliver-notifications'), async (transaction) => {
        const outbox = new NotificationOutboxRepository(transaction, jobContext('deliver-notifications'));
        const pending = await outbox.unsafePending();
        if (pending.length === 0) return { sent: 0, held: 0 };
        const recipients = await outbox.unsafeRecipients(pending);
        const facts = await outbox.unsafeApplicationFacts(pending.flatMap((row) => row.applicationId ?? []));

        const recentThreads = await outbox.unsafeRecentMessageThreads(new Date(now.getTime() - MESSAGE_EMAIL_GAP_MS));

        const schoolHours = isSchoolHours(now);
        const held: string[] = [];
        const done: string[] = [];
        let sent = 0;
        for (const group of groupRepeatedMessages(pending)) {
          const [first] = group;
          // One email is enough to show that the conversation continues, and more would repeat it.
          if (first.kind === 'message_received' && recentThreads.has(messageThreadKey(first))) {
            done.push(...group.map((row) => row.id));
            continue;
          }
          const people = recipients.get(first.id) ?? [];
          if (schoolHours && people.some((person) => isMinorOn(person, now))) {
            held.push(...group.map((row) => row.id));
            continue;
          }
          const content = composeEmail(
            first,
            first.applicationId ? facts.get(first.applicationId) : undefined,
            this.links,
          );
          // Nothing to send once the application or everyone it was for is gone.
          if (!content || people.length === 0) {
            done.push(...group.map((row) => row.id));
            continue;
          }
          const delivered = await this.sendToEach(mailer, people, content);
          sent += delivered;
          // A partly failed email is tried again in full: a repeat is better than a lost notice.
          if (delivered === people.length) done.push(...group.map((row) => row.id));
        }
        await outbox.unsafeMarkHeld(held, now);
        await outbox.unsafeMarkSent(done, now, sent);
        return { sent, held: held.length };
      });
    } catch (error) {
      this.logger.error({ err: error }, 'email delivery failed');
      return { sent: 0, held: 0 };
    }
  }

  /**
   * Outside school hours, sends each student one digest of the emails held for them, and marks
   * them sent. During school hours it sends nothing. Never throws.
   */
  async sendHeldDigests(now: Date = this.clock()): Promise<DeliveryResult> {
    const mailer = this.mailer;
    if (!mailer) {
      this.warnOnceWithoutMailer();
      return { sent: 0, held: 0 };
    }
    if (isSchoolHours(now)) return { sent: 0, held: 0 };
    try {
      return await withContext(this.db, jobContext('send-held-digests'), async (transaction) => {
        const outbox = new NotificationOutboxRepository(transaction, jobContext('send-held-digests'));
        const held = await outbox.unsafeHeld();
        if (held.length === 0) return { sent: 0, held: 0 };
        const recipients = await outbox.unsafeRecipients(held);
        const facts = await outbox.unsafeApplicationFacts(held.flatMap((row) => row.applicationId ?? []));

        const byRecipient = new Map<string, { person: Recipient | null; rows: OutboxNotification[] }>();
        for (const row of held) {
          const person = recipients.get(row.id)?.[0] ?? null;
          const key = person?.userId ?? `gone:${row.id}`;
          const entry = byRecipient.get(key) ?? { person, rows: [] };
          entry.rows.push(row);
          byRecipient.set(key, entry);
        }

        const done: string[] = [];
        let sent = 0;
        for (const { person, rows } of byRecipient.values()) {
          const summaries = uniqueSummaries(rows, (row) =>
            composeEmail(row, row.applicationId ? facts.get(row.applicationId) : undefined, this.links),
          );
          if (person && summaries.length > 0) {
            const delivered = await this.sendToEach(mailer, [person], composeDigest(summaries, this.links));
            if (delivered === 0) continue;
            sent += 1;
          }
          done.push(...rows.map((row) => row.id));
        }
        await outbox.unsafeMarkSent(done, now, sent);
        return { sent, held: 0 };
      });
    } catch (error) {
      this.logger.error({ err: error }, 'digest delivery failed');
      return { sent: 0, held: 0 };
    }
  }

  /** Sends one email to each person and returns how many were sent. Logs failures without addresses. */
  private async sendToEach(mailer: Mailer, people: Recipient[], content: EmailContent): Promise<number> {
    let delivered = 0;
    for (const person of people) {
      try {
        await mailer.send({
          to: person.email,
          subject: content.subject,
          text: content.text,
          category: content.category,
        });
        delivered += 1;
      } catch (error) {
        this.logger.error({ err: error, recipientId: person.userId, category: content.category }, 'email failed');
      }
    }
    return delivered;
  }

  private warnOnceWithoutMailer(): void {
    if (this.warnedNoMailer) return;
    this.warnedNoMailer = true;
    // NOTE: only the development mailbox exists so far. Until a production mailer is configured,
    // notifications wait in the outbox.
    this.logger.warn({}, 'no mailer is configured, so notifications stay in the outbox');
  }
}

/**
 * Groups the outbox so that several new messages in one thread to the same recipient make one
 * email. Every other notification is a group of its own.
 */
function groupRepeatedMessages(rows: OutboxNotification[]): [OutboxNotification, ...OutboxNotification[]][] {
  const groups = new Map<string, [OutboxNotification, ...OutboxNotification[]]>();
  for (const row of rows) {
    const key = row.kind === 'message_received' ? `message:${messageThreadKey(row)}` : row.id;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()];
}

function uniqueSummaries(
  rows: OutboxNotification[],
  compose: (row: OutboxNotification) => EmailContent | null,
): string[] {
  const summaries: string[] = [];
  for (const row of rows) {
    const summary = compose(row)?.summary;
    if (summary && !summaries.includes(summary)) summaries.push(summary);
  }
  return summaries;
}
