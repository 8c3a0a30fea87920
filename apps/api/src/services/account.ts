import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminUserGlobalSignOutCommand,
  GetUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  AccountDeletionRepository,
  OrganizationRepository,
  PersonalDataRepository,
  StaffDeletionRepository,
  tenantScope,
  withContext,
  type Database,
  type DeletedAccountType,
  type DeletionRequest,
  type RequestContext,
} from '@clockin/db';
import type { Kysely } from 'kysely';
import type { ApiConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import type { AccountJobSender } from '../jobs/account-jobs.ts';
import type { Caller } from '../plugins/auth.ts';
import type { RevocationList } from '../revocations.ts';
import { requireRole, type Actor } from './actors.ts';

/** Days between a deletion and its purge unless configured; the page promises at most 30. */
export const DEFAULT_PURGE_DELAY_DAYS = 7;
export const MAX_PURGE_DELAY_DAYS = 30;

/** Days staff have to carry out a deletion request received by email. */
export const DELETION_REQUEST_DAYS = 30;

/** A revocation far in the future refuses every token of a deleted account, old and new. */
const FOREVER = new Date('9999-12-31T00:00:00Z');

export interface Reauthentication {
  password: string;
  totpCode?: string;
}

export interface DeletionRequestView extends DeletionRequest {
  deadline: string;
  overdue: boolean;
}

function identityErrorName(error: unknown): string | undefined {
  return (error as { name?: string } | null)?.name;
}

function accountTypeOf(actor: Actor): DeletedAccountType {
  const role = actor.context.actorRole;
  if (role === 'anonymous')
    throw new AppError('Unauthorized', 'Sign in to continue: this request needs an access token.');
  return role;
}

function addDays(date: string, days: number): string {
  const day = new Date(`${date}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/**
 * Account deletion, its purge, deletion requests received by email, and a student's own data
 * export. Deletion takes effect at once: every token is refused, the student disappears from
 * employers' and districts' views, and the purge follows within the configured delay.
 */
export class AccountService {
  readonly purgeDelayDays: number;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly identity: CognitoIdentityProviderClient,
    private readonly config: ApiConfig,
    private readonly revocations: RevocationList,
    private readonly jobs: AccountJobSender | null,
  ) {
    const days = config.accounts?.purgeDelayDays ?? DEFAULT_PURGE_DELAY_DAYS;
    if (!Number.isInteger(days) || days < 0 || days > MAX_PURGE_DELAY_DAYS) {
      throw new Error(`The purge delay must be 0 to ${MAX_PURGE_DELAY_DAYS} days, not ${days}.`);
    }
    this.purgeDelayDays = days;
  }

  /** Deletes the caller's own account after checking their password, and their TOTP code when enrolled. */
  async deleteOwnAccount(caller: Caller, actor: Actor, proof: Reauthentication): Promise<{ purgeAfter: Date }> {
    const accountType = accountTypeOf(actor);
    if (actor.membership?.role === 'admin') await this.requireAnotherAdmin(actor);
    await this.reauthenticate(caller, proof);
    return this.deleteAccount(caller.sub, accountType, actor.context, 'self');
  }

  /**
   * Deletes an account: the path of self-service deletions and of emailed requests alike. The
   * revocation comes first, so no token of the account works after this returns, even when a
   * later step fails. The purge job repeats the identity steps.
   */
  private async deleteAccount(
    userId: string,
    accountType: DeletedAccountType,
    context: RequestContext,
    source: 'self' | 'email',
  ): Promise<{ purgeAfter: Date }> {
    await this.revocations.record({ userId, revokedBefore: FOREVER, reason: 'user-deleted' });
    const ownContext: RequestContext = { ...context, userId, actorRole: accountType };
    const purgeAfter = await withContext(this.db, ownContext, (transaction) =>
      new AccountDeletionRepository(transaction, ownContext).markDeleted(accountType, this.purgeDelayDays, source),
    );
    try {
      await this.identity.send(
        new AdminUserGlobalSignOutCommand({ UserPoolId: this.config.userPoolId, Username: userId }),
      );
      await this.identity.send(new AdminDisableUserCommand({ UserPoolId: this.config.userPoolId, Username: userId }));
    } catch (error) {
      // The account is already refused by ClockIn; the purge deletes it at the identity service.
      if (identityErrorName(error) !== 'UserNotFoundException') {
        console.warn('Disabling a deleted account at the identity service failed; the purge retries it.', {
          error: identityErrorName(error),
        });
      }
    }
    if (!this.jobs)
      throw new AppError('JobQueueUnavailable', 'The purge could not be scheduled. Try again in a minute.');
    await this.jobs.sendPurge({ userId }, purgeAfter);
    return { purgeAfter };
  }

  private async reauthenticate(caller: Caller, proof: Reauthentication): Promise<void> {
    let username: string;
    try {
      const user = await this.identity.send(new GetUserCommand({ AccessToken: caller.accessToken }));
      username = user.Username ?? '';
    } catch {
      throw new AppError('IdentityUnavailable', 'The identity service did not respond. Try again in a minute.');
    }
    let refreshToken: string | undefined;
    try {
      const started = await this.identity.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: this.config.clientId,
          AuthParameters: { USERNAME: username, PASSWORD: proof.password },
        }),
      );
      let result = started.AuthenticationResult;
      if (started.ChallengeName === 'SOFTWARE_TOKEN_MFA') {
        if (!proof.totpCode) {
          throw new AppError('ValidationError', 'Enter the 6-digit code from your authenticator app.', 'totpCode');
        }
        const answered = await this.identity.send(
          new RespondToAuthChallengeCommand({
            ChallengeName: 'SOFTWARE_TOKEN_MFA',
            ClientId: this.config.clientId,
            Session: started.Session,
            ChallengeResponses: { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: proof.totpCode },
          }),
        );
        result = answered.AuthenticationResult;
      }
      refreshToken = result?.RefreshToken;
      if (!result?.AccessToken) throw new AppError('ReauthenticationFailed', 'Your sign-in could not be confirmed.');
    } catch (error) {
      if (error instanceof AppError) throw error;
      const name = identityErrorName(error);
      if (name === 'CodeMismatchException' || name === 'ExpiredCodeException') {
        throw new AppError('ReauthenticationFailed', 'That code is not correct or was already used.', 'totpCode');
      }
      if (name === 'NotAuthorizedException') {
        throw new AppError('ReauthenticationFailed', 'That password is not correct.', 'password');
      }
      if (name === 'TooManyRequestsException' || name === 'LimitExceededException') {
        throw new AppError('TooManyRequests', 'Too many attempts. Wait a few minutes and try again.');
      }
      throw new AppError('IdentityUnavailable', 'The identity service did not respond. Try again in a minute.');
    } finally {
      // The check signed in once more; that sign-in must not outlive it.
      if (refreshToken) {
        await this.identity
          .send(new RevokeTokenCommand({ ClientId: this.config.clientId, Token: refreshToken }))
          .catch(() => undefined);
      }
    }
  }

  private async requireAnotherAdmin(actor: Actor): Promise<void> {
    const members = await withContext(this.db, actor.context, (transaction) =>
      new OrganizationRepository(tenantScope(transaction, actor.context)).members(),
    );
    const admins = members.filter((member) => member.role === 'admin');
    if (admins.length <= 1) {
      throw new AppError(
        'Conflict',
        'You are the only admin of your organization. Make another member an admin, or close the organization, first.',
      );
    }
  }

  /** Staff record a deletion request received by email, with the date it arrived. */
  async recordRequest(actor: Actor, request: { email: string; receivedOn: string; note?: string }): Promise<string> {
    requireRole(actor, 'staff');
    const today = new Date().toISOString().slice(0, 10);
    if (request.receivedOn > today) {
      throw new AppError('ValidationError', 'The date received cannot be in the future.', 'receivedOn');
    }
    return withContext(this.db, actor.context, (transaction) =>
      new StaffDeletionRepository(transaction, actor.context).unsafeRecordRequest({
        receivedOn: request.receivedOn,
        requesterEmail: request.email,
        note: request.note?.trim() || null,
      }),
    );
  }

  async listRequests(actor: Actor, today = new Date().toISOString().slice(0, 10)): Promise<DeletionRequestView[]> {
    requireRole(actor, 'staff');
    const requests = await withContext(this.db, actor.context, (transaction) =>
      new StaffDeletionRepository(transaction, actor.context).unsafeListRequests(),
    );
    return requests.map((request) => {
      const deadline = addDays(request.receivedOn, DELETION_REQUEST_DAYS);
      return { ...request, deadline, overdue: request.status === 'open' && deadline < today };
    });
  }

  /** Carries out an emailed request through the same deletion path as a user's own. */
  async completeRequest(actor: Actor, requestId: string): Promise<{ outcome: 'completed' | 'no_account' }> {
    requireRole(actor, 'staff');
    const email = await withContext(this.db, actor.context, (transaction) =>
      new StaffDeletionRepository(transaction, actor.context).unsafeOpenRequestEmail(requestId),
    );
    if (!email) throw new AppError('NotFound', 'No open deletion request has this id.');

    let userId: string | undefined;
    try {
      const user = await this.identity.send(
        new AdminGetUserCommand({ UserPoolId: this.config.userPoolId, Username: email }),
      );
      userId = user.UserAttributes?.find((attribute) => attribute.Name === 'sub')?.Value;
    } catch (error) {
      if (identityErrorName(error) !== 'UserNotFoundException') {
        throw new AppError('IdentityUnavailable', 'The identity service did not respond. Try again in a minute.');
      }
    }
    const outcome = userId ? 'completed' : 'no_account';
    if (userId) {
      const target = userId;
      const accountType = await withContext(this.db, actor.context, (transaction) =>
        new StaffDeletionRepository(transaction, actor.context).unsafeAccountTypeOf(target),
      );
      await this.deleteAccount(target, accountType, { ...actor.context }, 'email');
    }
    await withContext(this.db, actor.context, (transaction) =>
      new StaffDeletionRepository(transaction, actor.context).unsafeCloseRequest(requestId, outcome),
    );
    return { outcome };
  }

  /** Starts building the student's own data file; the job reports progress on the export row. */
  async startPersonalExport(actor: Actor): Promise<string> {
    requireRole(actor, 'student');
    if (!this.jobs) throw new AppError('JobQueueUnavailable', 'Exports are not available right now. Try again later.');
    const exportId = await withContext(this.db, actor.context, (transaction) =>
      new PersonalDataRepository(transaction, actor.context).createExport(),
    );
    await this.jobs.sendPersonalExport({ exportId, userId: actor.context.userId as string });
    return exportId;
  }

  async personalExports(actor: Actor) {
    requireRole(actor, 'student');
    return withContext(this.db, actor.context, (transaction) =>
      new PersonalDataRepository(transaction, actor.context).latestExports(),
    );
  }

  /** Opens a finished, unexpired export file of the caller's; 404 for anything else. */
  async openPersonalExport(actor: Actor, exportId: string) {
    requireRole(actor, 'student');
    const found = await withContext(this.db, actor.context, (transaction) =>
      new PersonalDataRepository(transaction, actor.context).exportStatus(exportId),
    );
    const directory = this.config.accounts?.exportDirectory;
    if (!found || found.status !== 'completed' || !found.expires_at || found.expires_at < new Date() || !directory) {
      throw new AppError('NotFound', 'No download with this id is available. Start a new export.');
    }
    const file = path.join(directory, `${exportId}.json`);
    try {
      const info = await stat(file);
      return { stream: createReadStream(file), size: info.size };
    } catch {
      throw new AppError('NotFound', 'No download with this id is available. Start a new export.');
    }
  }
}
