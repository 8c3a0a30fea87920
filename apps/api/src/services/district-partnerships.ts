import {
  AdminAddUserToGroupCommand,
  AdminConfirmSignUpCommand,
  AdminGetUserCommand,
  SignUpCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  StaffDistrictRepository,
  withContext,
  type Database,
  type PartnershipTerms,
  type StaffDistrictDetail,
  type StaffDistrictSummary,
} from '@clockin/db';
import type { Mailer } from '@clockin/email';
import type { Kysely } from 'kysely';
import type { ApiConfig } from '../config.ts';
import { AppError, notFound } from '../errors.ts';
import { requireRole, type Actor } from './actors.ts';

/** The identity group whose members sign in as district administrators (MFA required). */
export const districtAdminGroup = 'district-admin';

export interface AdministratorInvitation {
  email: string;
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD. The identity service's age check needs a birthdate for every account. */
  birthdate: string;
}

export interface InvitationResult {
  userId: string;
  /** False when the account existed already, for example as an employer. */
  accountCreated: boolean;
  emailSent: boolean;
}

function identityErrorName(error: unknown): string | undefined {
  return (error as { name?: string } | null)?.name;
}

/** Generates a random password that is never shown, so the account exists before its owner sets their own. */
function unusablePassword(): string {
  return `Aa1!${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url')}`;
}

/** ClockIn staff's partnership tools: start and end partnerships, and invite administrators. */
export class DistrictPartnershipService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly identity: CognitoIdentityProviderClient,
    private readonly config: ApiConfig,
    private readonly mailer: Mailer | null,
  ) {}

  private staff<T>(actor: Actor, work: (repository: StaffDistrictRepository) => Promise<T>): Promise<T> {
    requireRole(actor, 'staff');
    return withContext(this.db, actor.context, (transaction) =>
      work(new StaffDistrictRepository(transaction, actor.context)),
    );
  }

  async search(actor: Actor, query: string): Promise<StaffDistrictSummary[]> {
    return this.staff(actor, (repository) => repository.unsafeSearchDistricts(query, 25));
  }

  async get(actor: Actor, districtId: string): Promise<StaffDistrictDetail> {
    const district = await this.staff(actor, (repository) => repository.unsafeGetDistrict(districtId));
    if (!district) throw notFound('An Ohio district with this IRN');
    return district;
  }

  async startPartnership(actor: Actor, districtId: string, terms: PartnershipTerms): Promise<StaffDistrictDetail> {
    const result = await this.staff(actor, (repository) => repository.unsafeStartPartnership(districtId, terms));
    if (result === 'no-such-district') throw notFound('An Ohio district with this IRN');
    if (result === 'already-active') {
      throw new AppError('Conflict', 'This district already has an active partnership. End it first to change it.');
    }
    return this.get(actor, districtId);
  }

  /** Ends the partnership. Row-level security closes the district's data to its administrators at once. */
  async endPartnership(actor: Actor, districtId: string): Promise<StaffDistrictDetail> {
    const ended = await this.staff(actor, (repository) => repository.unsafeEndPartnership(districtId));
    if (!ended) throw notFound('An active partnership of this district');
    return this.get(actor, districtId);
  }

  /**
   * Creates the administrator's identity account (unless it exists), makes them a member of
   * the district and of the district-admin group, and emails them how to sign in. They set
   * their password with "Forgot your password?" and must set up TOTP MFA at first sign-in.
   */
  async inviteAdministrator(
    actor: Actor,
    districtId: string,
    invitation: AdministratorInvitation,
  ): Promise<InvitationResult> {
    const district = await this.get(actor, districtId);
    if (!district.partnership?.active) {
      throw new AppError('Conflict', 'Turn the partnership on before inviting administrators.');
    }
    const email = invitation.email.trim().toLowerCase();
    let userId = await this.findUser(email);
    const accountCreated = userId === null;
    if (userId === null) userId = await this.createUser(email, invitation);

    const added = await this.staff(actor, (repository) => repository.unsafeAddAdministrator(districtId, userId));
    if (added === 'no-active-partnership') {
      throw new AppError('Conflict', 'Turn the partnership on before inviting administrators.');
    }
    if (added === 'member-of-another-district') {
      throw new AppError('Conflict', 'This person already administers another district.', 'email');
    }
    await this.identityCall(() =>
      this.identity.send(
        new AdminAddUserToGroupCommand({
          UserPoolId: this.config.userPoolId,
          Username: email,
          GroupName: districtAdminGroup,
        }),
      ),
    );

    let emailSent = false;
    if (this.mailer) {
      await this.mailer.send({
        to: email,
        subject: `You are an administrator of ${district.name} on ClockIn`,
        category: 'district-admin-invitation',
        text: [
          `Hello ${invitation.givenName},`,
          '',
          `ClockIn staff have made you an administrator of ${district.name} (IRN ${district.districtId}).`,
          "You can see your district's students on ClockIn, their applications and hires, and export them.",
          '',
          'To sign in for the first time:',
          accountCreated
            ? `1. On the ClockIn sign-in page${this.signInLink()} choose "Forgot your password?", enter this email address, and set a password with the code we send. You can ignore the confirmation code email that came before this one.`
            : `1. Sign in with your existing ClockIn password${this.signInLink()}.`,
          '2. Set up an authenticator app when asked. District administrators must use one.',
          '',
          'If you did not expect this email, reply to let ClockIn staff know.',
        ].join('\n'),
      });
      emailSent = true;
    }
    return { userId, accountCreated, emailSent };
  }

  private signInLink(): string {
    return this.config.webUrl ? ` (${this.config.webUrl.replace(/\/$/, '')}/sign-in)` : '';
  }

  private async findUser(email: string): Promise<string | null> {
    try {
      const user = await this.identity.send(
        new AdminGetUserCommand({ UserPoolId: this.config.userPoolId, Username: email }),
      );
      return user.UserAttributes?.find((attribute) => attribute.Name === 'sub')?.Value ?? null;
    } catch (error) {
      if (identityErrorName(error) === 'UserNotFoundException') return null;
      throw new AppError('IdentityUnavailable', 'The identity service did not respond. Try again in a minute.');
    }
  }

  private async createUser(email: string, invitation: AdministratorInvitation): Promise<string> {
    await this.identityCall(() =>
      this.identity.send(
        new SignUpCommand({
          ClientId: this.config.clientId,
          Username: email,
          Password: unusablePassword(),
          UserAttributes: [
            { Name: 'email', Value: email },
            { Name: 'given_name', Value: invitation.givenName },
            { Name: 'family_name', Value: invitation.familyName },
            { Name: 'birthdate', Value: invitation.birthdate },
          ],
        }),
      ),
    );
    await this.identityCall(() =>
      this.identity.send(new AdminConfirmSignUpCommand({ UserPoolId: this.config.userPoolId, Username: email })),
    );
    const userId = await this.findUser(email);
    if (!userId) throw new AppError('IdentityUnavailable', 'The new account could not be read back. Try again.');
    return userId;
  }

  private async identityCall<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (identityErrorName(error) === 'UserLambdaValidationException') {
        throw new AppError('ValidationError', 'The birthdate is not valid for a ClockIn account.', 'birthdate');
      }
      throw new AppError('IdentityUnavailable', 'The identity service did not respond. Try again in a minute.');
    }
  }
}
