import { mkdir, readdir, readFile, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  /** Kind of email, for logs and the mailbox. It never contains personal data. */
  category: string;
}

export interface StoredEmail extends EmailMessage {
  id: string;
  sentAt: string;
}

export interface Mailer {
  send(message: EmailMessage): Promise<void>;
}

/**
 * The development mailbox: every email becomes a JSON file in one folder, which the
 * development-only mailbox page lists. Production sends through Resend instead.
 */
export class DevMailbox implements Mailer {
  constructor(private readonly directory: string) {}

  async send(message: EmailMessage): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    const sentAt = new Date().toISOString();
    const id = `${sentAt.replace(/[:.]/g, '-')}-${crypto.randomUUID()}`;
    const stored: StoredEmail = { id, sentAt, ...message };
    await writeFile(path.join(this.directory, `${id}.json`), JSON.stringify(stored), { mode: 0o600 });
  }

  /** Lists stored emails, newest first, optionally only those to one address. */
  async list(to?: string): Promise<StoredEmail[]> {
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const emails: StoredEmail[] = [];
    for (const name of names.filter((file) => file.endsWith('.json'))) {
      let text: string;
      try {
        text = await readFile(path.join(this.directory, name), 'utf8');
      } catch (error) {
        // A purge running at the same time may delete an email between the listing and the read.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      const email = JSON.parse(text) as StoredEmail;
      if (!to || email.to.toLowerCase() === to.toLowerCase()) emails.push(email);
    }
    return emails.sort((a, b) => b.sentAt.localeCompare(a.sentAt));
  }

  /** Deletes every stored email to one address. */
  async deleteFor(to: string): Promise<number> {
    const emails = await this.list(to);
    await Promise.all(emails.map((email) => rm(path.join(this.directory, `${email.id}.json`), { force: true })));
    return emails.length;
  }
}
