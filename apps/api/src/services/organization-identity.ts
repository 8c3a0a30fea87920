import {
  AdminAddUserToGroupCommand,
  AdminGetUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUserGlobalSignOutCommand,
  GetUserCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { ApiConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import type { RevocationList } from '../revocations.ts';

/** The identity group of organization admins. The identity service demands TOTP MFA of its members. */
export const employerAdminGroup = 'employer-admin';

/** The signed-in person as the identity service describes them. */
export interface IdentityAccount {
  userId: string;
  username: string;
  email: string;
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD, as given at sign-up. */
  birthdate: string;
  /** `custom:account_type` from sign-up: student or employer, or empty for accounts made without one. */
  accountType: string;
}

function identityErrorName(error: unknown): string | undefined {
  return (error as { name?: string } | null)?.name;
}

const unavailable = () =>
  new AppError('IdentityUnavailable', 'The identity service did not respond. Try again in a minute.');

/**
 * The identity service calls that organization membership needs: reading the caller's
 * account, and adding or removing the employer-admin group with the admin operations.
 */
export class OrganizationIdentity {
  constructor(
    private readonly identity: CognitoIdentityProviderClient,
    private readonly config: ApiConfig,
    private readonly revocations: RevocationList,
  ) {}

  /** Reads the caller's own attributes with their access token (GetUser). */
  async account(accessToken: string): Promise<IdentityAccount> {
    let user;
    try {
      user = await this.identity.send(new GetUserCommand({ AccessToken: accessToken }));
    } catch (error) {
      if (identityErrorName(error) === 'NotAuthorizedException') {
        throw new AppError('Unauthorized', 'The access token is no longer valid. Sign in again.');
      }
      throw unavailable();
    }
    const attributes = new Map((user.UserAttributes ?? []).map((entry) => [entry.Name ?? '', entry.Value ?? '']));
    return {
      userId: attributes.get('sub') ?? '',
      username: user.Username ?? '',
      email: (attributes.get('email') ?? '').toLowerCase(),
      givenName: attributes.get('given_name') ?? '',
      familyName: attributes.get('family_name') ?? '',
      birthdate: attributes.get('birthdate') ?? '',
      accountType: attributes.get('custom:account_type') ?? '',
    };
  }

  /**
   * Adds the user to the employer-admin group and ends their sessions, so that they sign in
   * again and set up MFA before acting as an admin. Without the sign-out, a refreshed token
   * would carry the group without MFA ever being asked for.
   */
  async grantAdmin(userId: string): Promise<void> {
    const username = await this.usernameOf(userId);
    await this.call(() =>
      this.identity.send(
        new AdminAddUserToGroupCommand({
          UserPoolId: this.config.userPoolId,
          Username: username,
          GroupName: employerAdminGroup,
        }),
      ),
    );
    // Recorded first, so the API refuses the old tokens even if the identity call fails.
    await this.revocations.record({ userId, revokedBefore: new Date(), reason: 'role-change' });
    await this.call(() =>
      this.identity.send(new AdminUserGlobalSignOutCommand({ UserPoolId: this.config.userPoolId, Username: username })),
    );
  }

  /** Removes the user from the employer-admin group. Their membership row decides access on its own. */
  async revokeAdmin(userId: string): Promise<void> {
    const username = await this.usernameOf(userId);
    await this.call(() =>
      this.identity.send(
        new AdminRemoveUserFromGroupCommand({
          UserPoolId: this.config.userPoolId,
          Username: username,
          GroupName: employerAdminGroup,
        }),
      ),
    );
  }

  private async call(operation: () => Promise<unknown>): Promise<void> {
    try {
      await operation();
    } catch {
      throw unavailable();
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
      throw unavailable();
    }
  }
}
