import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEnglish from '@zxcvbn-ts/language-en';
import { CognitoError } from './errors.ts';

/** argon2id with OWASP's first recommended profile; see README.md for the measured hash time. */
export const argon2Options: Options = {
  algorithm: 2 as Algorithm, // Argon2id; the package declares it as an ambient const enum.
  memoryCost: 19_456, // KiB, so 19 MiB
  timeCost: 2,
  parallelism: 1,
};

export const minimumPasswordLength = 10;
/** Cognito's own upper limit. Longer passwords are rejected, never truncated. */
export const maximumPasswordLength = 256;
/** zxcvbn scores run from 0 to 4. Three means "safely unguessable" for an online attack. */
const minimumStrengthScore = 3;

/** Facts about the account that a password must not contain. */
export interface PasswordContext {
  email: string;
  givenName?: string | null;
  familyName?: string | null;
}

let estimator: ZxcvbnFactory | undefined;

function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEnglish.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEnglish.translations,
  });
  return estimator;
}

/** Normalises a password to NFKC, so that equivalent Unicode input hashes alike. */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

function invalidPassword(reason: string): CognitoError {
  return new CognitoError('InvalidPasswordException', `Password does not conform to policy: ${reason}`);
}

function personalWords(context: PasswordContext): string[] {
  const localPart = context.email.split('@')[0] ?? '';
  return [localPart, context.givenName ?? '', context.familyName ?? '']
    .map((word) => word.normalize('NFKC').toLowerCase().trim())
    .filter((word) => word.length >= 3);
}

/**
 * Checks a normalised password against the policy and throws InvalidPasswordException with the
 * reason. Besides the character classes, it rejects passwords that contain the email's local
 * part or the user's name, and those zxcvbn-ts rates as guessable (common passwords and words).
 */
export function checkPasswordPolicy(password: string, context: PasswordContext): void {
  const length = [...password].length;
  if (length < minimumPasswordLength)
    throw invalidPassword(`Password must have at least ${minimumPasswordLength} characters.`);
  if (length > maximumPasswordLength)
    throw invalidPassword(`Password must have at most ${maximumPasswordLength} characters.`);
  if (!/\p{Lu}/u.test(password)) throw invalidPassword('Password must have uppercase characters.');
  if (!/\p{Ll}/u.test(password)) throw invalidPassword('Password must have lowercase characters.');
  if (!/\p{Nd}/u.test(password)) throw invalidPassword('Password must have numeric characters.');
  if (!/[^\p{L}\p{Nd}\s]/u.test(password)) throw invalidPassword('Password must have symbol characters.');

  const lowered = password.toLowerCase();
  if (personalWords(context).some((word) => lowered.includes(word))) {
    throw invalidPassword('Password must not contain your email address or your name.');
  }

  const result = strengthEstimator().check(password, personalWords(context));
  if (result.score < minimumStrengthScore) {
    const warning = result.feedback.warning ? ` ${result.feedback.warning}` : '';
    throw invalidPassword(
      `Password is too common or too easy to guess.${warning} Add more unrelated words or characters.`,
    );
  }
}

export function hashPassword(normalizedPassword: string): Promise<string> {
  return hash(normalizedPassword, argon2Options);
}

/** A valid hash of a random password, verified against when the user does not exist so timing matches. */
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | null, normalizedPassword: string): Promise<boolean> {
  if (storedHash === null) {
    decoyHash ??= hash(crypto.randomUUID(), argon2Options);
    await verify(await decoyHash, normalizedPassword);
    return false;
  }
  return verify(storedHash, normalizedPassword);
}
