import {
  AlreadyMemberError,
  OrganizationRepository,
  ReferenceRepository,
  tenantScope,
  withContext,
  type Database,
  type OrganizationDetails,
  type OrganizationProfile,
  type RequestContext,
} from '@clockin/db';
import type { Kysely } from 'kysely';
import { AppError, notFound } from '../errors.ts';
import type { Caller } from '../plugins/auth.ts';
import { requireOrganizationAdmin, requireRole, type Actor } from './actors.ts';
import { dutiesStatementVersion, employerDuties } from './organization-duties.ts';
import type { IdentityAccount, OrganizationIdentity } from './organization-identity.ts';

/** The registration form: the organization's details and the admin's duties acknowledgement. */
export type RegistrationInput = Omit<OrganizationDetails, 'website'> & {
  website?: string | null;
  dutiesAcknowledged: boolean;
};

export interface RegistrationResult {
  id: string;
  status: 'pending';
  /** The admin's sessions ended so that the next sign-in sets up MFA. */
  signInAgain: true;
}

/** Organizations are registered by adults: an admin hires and supervises minors. */
const minimumAdminAge = 18;

function ageInYears(birthdate: string, today: Date): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthdate);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const hadBirthday =
    today.getUTCMonth() + 1 > month || (today.getUTCMonth() + 1 === month && today.getUTCDate() >= day);
  return today.getUTCFullYear() - year - (hadBirthday ? 0 : 1);
}

/** Normalizes a US phone number to NNN-NNN-NNNN, or returns null when it has not 10 digits. */
export function normalizePhone(phone: string): string | null {
  let digits = phone.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  if (digits.length !== 10) return null;
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
}

function checkWebsite(website: string | null | undefined): string | null {
  if (website === undefined || website === null || website.trim() === '') return null;
  try {
    const url = new URL(website.trim());
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.toString();
  } catch {
    // Falls through to the validation error below.
  }
  throw new AppError('ValidationError', 'website must be a full web address such as https://example.com.', 'website');
}

/** Returns the text without surrounding spaces, or rejects it when too little is left. */
function trimmedText(value: string, field: string, minLength: number): string {
  const trimmed = value.trim();
  if (trimmed.length < minLength) {
    throw new AppError('ValidationError', `${field} must have at least ${minLength} characters besides spaces.`, field);
  }
  return trimmed;
}

/** Checks what the schema cannot, and returns the details as they are stored. */
function cleanDetails(input: RegistrationInput): OrganizationDetails {
  if (input.dutiesAcknowledged !== true) {
    throw new AppError(
      'ValidationError',
      "dutiesAcknowledged must be true: confirm the organization's duties under Ohio's minor labor law.",
      'dutiesAcknowledged',
    );
  }
  const phone = normalizePhone(input.phone);
  if (!phone) throw new AppError('ValidationError', 'phone must be a US phone number with 10 digits.', 'phone');
  return {
    legalName: trimmedText(input.legalName, 'legalName', 2),
    tradingName: trimmedText(input.tradingName, 'tradingName', 2),
    ein: input.ein,
    addressLine: trimmedText(input.addressLine, 'addressLine', 3),
    city: trimmedText(input.city, 'city', 2),
    zip: input.zip,
    phone,
    website: checkWebsite(input.website),
    industry: trimmedText(input.industry, 'industry', 2),
  };
}

/** Turns the database's one-organization rule, hit by a concurrent request, into AlreadyMember. */
export function alreadyMemberAsAppError(error: unknown): unknown {
  if (error instanceof AlreadyMemberError) {
    return new AppError('AlreadyMember', 'You already belong to an organization on ClockIn.');
  }
  return error;
}

const acknowledgement = () => ({ statementVersion: dutiesStatementVersion, duties: employerDuties.map((d) => d.id) });

/** Registration of an organization and its employer's view of it. */
export class OrganizationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly identity: OrganizationIdentity,
  ) {}

  /**
   * Registers an organization for a signed-in employer account that belongs to none yet. The
   * account becomes its admin: a membership row, the employer-admin group and a sign-out, so
   * the next sign-in requires MFA setup. The organization waits for staff verification.
   */
  async register(actor: Actor, caller: Caller, input: RegistrationInput): Promise<RegistrationResult> {
    const details = cleanDetails(input);
    const account = await this.registeringAccount(actor, caller);
    const userId = caller.sub;
    const organizationId = crypto.randomUUID();
    // The context names the new organization, so the tenant policies admit its first rows.
    const context: RequestContext = { ...actor.context, actorRole: 'employer', organizationId };

    try {
      await withContext(this.db, context, async (transaction) => {
        const centroid = await new ReferenceRepository(transaction).zipCentroid(details.zip);
        if (!centroid) throw new AppError('ValidationError', `ZIP ${details.zip} is not an Ohio ZIP code.`, 'zip');
        const organizations = new OrganizationRepository(tenantScope(transaction, context));
        await organizations.register(
          details,
          { userId, givenName: account.givenName, familyName: account.familyName, email: account.email },
          acknowledgement(),
        );
        // Inside the transaction: if the identity service fails, no organization is left without its admin.
        await this.identity.grantAdmin(userId);
      });
    } catch (error) {
      throw alreadyMemberAsAppError(error);
    }
    return { id: organizationId, status: 'pending', signInAgain: true };
  }

  /** Returns the caller's organization as its members see it. */
  async profile(actor: Actor): Promise<OrganizationProfile & { role: 'admin' | 'member' }> {
    requireRole(actor, 'employer');
    const profile = await withContext(this.db, actor.context, (transaction) =>
      new OrganizationRepository(tenantScope(transaction, actor.context)).profile(),
    );
    if (!profile || !actor.membership) throw notFound('The organization');
    return { ...profile, role: actor.membership.role };
  }

  /** Corrects a pending or rejected registration and sends it back to the verification queue. */
  async resubmit(actor: Actor, input: RegistrationInput): Promise<{ id: string; status: 'pending' }> {
    requireOrganizationAdmin(actor);
    const details = cleanDetails(input);
    await withContext(this.db, actor.context, async (transaction) => {
      const centroid = await new ReferenceRepository(transaction).zipCentroid(details.zip);
      if (!centroid) throw new AppError('ValidationError', `ZIP ${details.zip} is not an Ohio ZIP code.`, 'zip');
      const organizations = new OrganizationRepository(tenantScope(transaction, actor.context));
      const resubmitted = await organizations.resubmit(details, actor.context.userId as string, acknowledgement());
      if (!resubmitted) {
        throw new AppError(
          'OrganizationStatusConflict',
          'Only a pending or rejected registration can be changed. A verified organization keeps its details.',
        );
      }
    });
    return { id: actor.context.organizationId as string, status: 'pending' };
  }

  /**
   * Tells whether a signed-in user without a membership or student profile signed up as an
   * employer, so that the web app sends them to registration instead of the student pages.
   */
  async isUnregisteredEmployer(actor: Actor, caller: Caller | null, hasStudentProfile: boolean): Promise<boolean> {
    if (!caller || actor.context.actorRole !== 'student' || hasStudentProfile) return false;
    try {
      return (await this.identity.account(caller.accessToken)).accountType === 'employer';
    } catch {
      // GET /v1/me must keep working while the identity service is down, so the caller looks
      // like a new student until it responds again.
      return false;
    }
  }

  /** Checks that the caller may register an organization, and returns their identity account. */
  private async registeringAccount(actor: Actor, caller: Caller): Promise<IdentityAccount> {
    if (actor.context.actorRole === 'employer') {
      throw new AppError('AlreadyMember', 'You already belong to an organization on ClockIn.');
    }
    if (actor.context.actorRole !== 'student') {
      throw new AppError('EmployerAccountRequired', 'Organizations are registered from an employer account.');
    }
    const account = await this.identity.account(caller.accessToken);
    if (account.accountType !== 'employer') {
      throw new AppError(
        'EmployerAccountRequired',
        'This is a student account. Create a separate employer account to register an organization.',
      );
    }
    const age = ageInYears(account.birthdate, new Date());
    if (age === null || age < minimumAdminAge) {
      throw new AppError('Forbidden', `Only adults (${minimumAdminAge} or older) can register an organization.`);
    }
    return account;
  }
}
