import type { ServiceContext } from './context.ts';
import { randomCode } from './crypto.ts';
import { codeMismatch, expiredCode } from './errors.ts';

export type CodePurpose = 'confirm-sign-up' | 'reset-password';

/** How long an emailed code stays valid, in milliseconds. */
export const codeLifetimeMs: Record<CodePurpose, number> = {
  'confirm-sign-up': 24 * 60 * 60 * 1000,
  'reset-password': 60 * 60 * 1000,
};
/** Wrong guesses allowed for one code before it stops working and a new one must be requested. */
export const maxCodeAttempts = 5;

const emails: Record<CodePurpose, { subject: string; category: string; validity: string }> = {
  'confirm-sign-up': {
    subject: 'Your ClockIn confirmation code',
    category: 'identity.confirmation',
    validity: '24 hours',
  },
  'reset-password': {
    subject: 'Your ClockIn password reset code',
    category: 'identity.password-reset',
    validity: '1 hour',
  },
};

/** Replaces any earlier code of this purpose with a new one, stores its digest and emails it. */
export async function issueCode(
  context: ServiceContext,
  sub: string,
  email: string,
  purpose: CodePurpose,
): Promise<void> {
  const code = randomCode();
  const now = context.now();
  await context.db.query(
    `INSERT INTO codes (sub, purpose, code_digest, expires_at, failed_attempts, created_at)
     VALUES ($1, $2, $3, $4, 0, $5)
     ON CONFLICT (sub, purpose) DO UPDATE
       SET code_digest = EXCLUDED.code_digest, expires_at = EXCLUDED.expires_at, failed_attempts = 0, created_at = EXCLUDED.created_at`,
    [
      sub,
      purpose,
      context.secrets.digest(`${sub}:${purpose}:${code}`),
      new Date(now.getTime() + codeLifetimeMs[purpose]),
      now,
    ],
  );
  const { subject, category, validity } = emails[purpose];
  await context.mailer.send({
    to: email,
    subject,
    text: `Your ClockIn code is ${code}. It expires in ${validity}. If you did not ask for it, you can ignore this email.`,
    category,
  });
}

/**
 * Checks a code and deletes it when it matches. Every check uses up one of the code's attempts
 * first, in one statement, so parallel guesses cannot exceed the limit. Unknown users, missing
 * codes and used-up codes raise the same CodeMismatchException as a wrong code.
 */
export async function consumeCode(
  context: ServiceContext,
  sub: string | null,
  purpose: CodePurpose,
  code: string,
): Promise<void> {
  if (!sub) throw codeMismatch();
  const claimed = await context.db.query<{ code_digest: string; expires_at: Date }>(
    `UPDATE codes SET failed_attempts = failed_attempts + 1
      WHERE sub = $1 AND purpose = $2 AND failed_attempts < $3
      RETURNING code_digest, expires_at`,
    [sub, purpose, maxCodeAttempts],
  );
  const row = claimed.rows[0];
  // A used-up code raises the same error as a missing one, so the response never reveals whether
  // the account exists. The message already tells the user to request a new code.
  if (!row) throw codeMismatch();
  if (context.secrets.digest(`${sub}:${purpose}:${code}`) !== row.code_digest) throw codeMismatch();
  if (row.expires_at <= context.now()) throw expiredCode();
  await context.db.query(`DELETE FROM codes WHERE sub = $1 AND purpose = $2`, [sub, purpose]);
}
