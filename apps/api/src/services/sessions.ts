import {
  AdminDisableUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminGetUserCommand,
  ConfirmForgotPasswordCommand,
  GlobalSignOutCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { recordAuditEvent, withContext, type Database } from '@clockin/db';
import type { Kysely } from 'kysely';
import type { ApiConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import type { Caller } from '../plugins/auth.ts';
import type { RevocationList } from '../revocations.ts';
import { requireRole, type Actor } from './actors.ts';

export interface PasswordReset {
  email: string;
  code: string;
  newPassword: string;
}

function identityErrorName(error: unknown): string | undefined {
  return (error as { name?: string } | null)?.name;
}

/**
 * Actions that end a user's sessions. Each one records the revocation in ClockIn's own
 * database before or right after its call to the identity service, so the API rejects older
 * access tokens at once, with Amazon Cognito as with the local identity service.
 */
export class SessionService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly identity: CognitoIdentityProviderClient,
    private readonly config: ApiConfig,
    private readonly revocations: RevocationList,
  ) {}

  /** Signs the caller out on every device. The revocation is recorded first, so it applies even if the identity call fails. */
  async signOutEverywhere(caller: Caller): Promise<void> {
    await this.revocations.record({ userId: caller.sub, revokedBefore: new Date(), reason: 'global-sign-out' });
    try {
      await this.identity.send(new GlobalSignOutCommand({ AccessToken: caller.accessToken }));
    } catch (error) {
      if (identityErrorName(error) === 'NotAuthorizedException') return;
      throw new AppError('IdentityUnavailable', 'Signing out on other devices did not finish. Try again.');
    }
  }

  /**
   * Sets a new password with the emailed code, then revokes every older access token of that
   * user. The identity service's own checks (code, expiry, password policy) come first.
   */
  async confirmPasswordReset(reset: PasswordReset): Promise<void> {
    const username = reset.email.trim().toLowerCase();
    try {
      await this.identity.send(
        new ConfirmForgotPasswordCommand({
          ClientId: this.config.clientId,
          Username: username,
          ConfirmationCode: reset.code,
          Password: reset.newPassword,
        }),
      );
    } catch (error) {
      throw this.resetError(error);
    }
    const sub = await this.subOf(username);
    if (sub) await this.revocations.record({ userId: sub, revokedBefore: new Date(), reason: 'password-reset' });
  }

  /** Staff suspend a user: no sign-in from now on, and every access token refused at once. */
  async suspendUser(actor: Actor, userId: string): Promise<void> {
    requireRole(actor, 'staff');
    const username = await this.usernameOf(userId);
    await this.revocations.record({ userId, revokedBefore: new Date(), reason: 'user-disabled' });
    try {
      await this.identity.send(new AdminDisableUserCommand({ UserPoolId: this.config.userPoolId, Username: username }));
    } catch {
      throw new AppError('IdentityUnavailable', 'The identity service did not disable the account. Try again.');
    }
    await withContext(this.db, actor.context, (transaction) =>
      recordAuditEvent(transaction, actor.context, { action: 'user.suspended', targetType: 'user', targetId: userId }),
    );
  }

  /**
   * Staff reset a user's MFA when they lost their authenticator: the registration is forgotten,
   * every session ends at once, and a user who must use MFA sets it up again at the next sign-in.
   */
  async resetMfa(actor: Actor, userId: string): Promise<void> {
    requireRole(actor, 'staff');
    if (userId === actor.context.userId) throw new AppError('Forbidden', 'Ask another staff member to reset your MFA.');
    const username = await this.usernameOf(userId);
    await this.revocations.record({ userId, revokedBefore: new Date(), reason: 'admin-mfa-reset' });
    try {
      await this.identity.send(
        new AdminSetUserMFAPreferenceCommand({
          UserPoolId: this.config.userPoolId,
          Username: username,
          SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
        }),
      );
    } catch {
      throw new AppError('IdentityUnavailable', 'The identity service did not reset MFA. Try again.');
    }
    await withContext(this.db, actor.context, (transaction) =>
      recordAuditEvent(transaction, actor.context, { action: 'user.mfa_reset', targetType: 'user', targetId: userId }),
    );
  }

  private async subOf(username: string): Promise<string | undefined> {
    try {
      const user = await this.identity.send(
        new AdminGetUserCommand({ UserPoolId: this.config.userPoolId, Username: username }),
      );
      return user.UserAttributes?.find((attribute) => attribute.Name === 'sub')?.Value;
    } catch {
      // The password changed and the identity service revoked its refresh tokens. Without the sub
      // the API cannot reject the old access tokens, so the user must know to sign out everywhere.
      throw new AppError(
        'IdentityUnavailable',
        'Your password changed, but signing out your other devices did not finish. Use "Sign out everywhere" after you sign in.',
      );
    }
  }

  private async usernameOf(userId: string): Promise<string> {
    try {
      const user = await this.identity.send(
        new AdminGetUserCommand({ UserPoolId: this.config.userPoolId, Username: userId }),
      );
      if (!user.Username) throw new Error('AdminGetUser returned no username.');
      return user.Username;
    } catch (error) {
      if (identityErrorName(error) === 'UserNotFoundException') throw new AppError('NotFound', 'No user has this id.');
      throw new AppError('IdentityUnavailable', 'The identity service did not respond. Try again in a minute.');
    }
  }

  private resetError(error: unknown): AppError {
    const message = error instanceof Error ? error.message : '';
    switch (identityErrorName(error)) {
      case 'CodeMismatchException':
      case 'UserNotFoundException':
        return new AppError('CodeMismatch', 'That code is not correct. Check the email and try again.', 'code');
      case 'ExpiredCodeException':
        return new AppError('ExpiredCode', 'That code has expired. Ask for a new one.', 'code');
      case 'InvalidPasswordException':
        return new AppError('InvalidPassword', message || 'Choose a stronger password.', 'newPassword');
      case 'InvalidParameterException':
        return new AppError('ValidationError', 'Check the email address, code and new password.', 'newPassword');
      case 'LimitExceededException':
      case 'TooManyRequestsException':
      case 'TooManyFailedAttemptsException':
        return new AppError('TooManyRequests', 'Too many attempts. Wait a few minutes and try again.');
      default:
        return new AppError('IdentityUnavailable', 'The identity service did not respond. Try again in a minute.');
    }
  }
}
