import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import {
  ReferenceRepository,
  StudentRepository,
  withContext,
  type Database,
  type GradeLevel,
  type StudentProfile,
} from '@clockin/db';
import type { Kysely } from 'kysely';
import { AppError, notFound } from '../errors.ts';
import { requireRole, type Actor } from './actors.ts';

const gradeLevels = new Set<GradeLevel>(['9', '10', '11', '12', 'graduated']);

export class StudentService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly identity: CognitoIdentityProviderClient,
  ) {}

  /**
   * Creates the student's profile from the attributes they gave the identity service at
   * sign-up, read back with their own access token. Calling it again returns the profile.
   */
  async createProfile(actor: Actor, accessToken: string): Promise<{ created: boolean; profile: StudentProfile }> {
    requireRole(actor, 'student');
    let attributes: Map<string, string>;
    try {
      const user = await this.identity.send(new GetUserCommand({ AccessToken: accessToken }));
      attributes = new Map(
        (user.UserAttributes ?? []).map((attribute) => [attribute.Name ?? '', attribute.Value ?? '']),
      );
    } catch (error) {
      if ((error as { name?: string }).name === 'NotAuthorizedException') {
        throw new AppError('Unauthorized', 'The access token is no longer valid. Sign in again.');
      }
      throw new AppError('IdentityUnavailable', 'The identity service did not respond. Try again in a minute.');
    }
    if (attributes.get('custom:account_type') && attributes.get('custom:account_type') !== 'student') {
      throw new AppError('Forbidden', 'Only student accounts have a student profile.');
    }
    const gradeLevel = attributes.get('custom:grade_level') as GradeLevel;
    const schoolId = attributes.get('custom:school_id') ?? '';
    if (!gradeLevels.has(gradeLevel))
      throw new AppError('ValidationError', 'The grade level given at sign-up is invalid.', 'gradeLevel');

    return withContext(this.db, actor.context, async (transaction) => {
      const school = await new ReferenceRepository(transaction).school(schoolId);
      if (!school)
        throw new AppError('ValidationError', 'The school given at sign-up is not an Ohio high school.', 'schoolId');
      const students = new StudentRepository(transaction, actor.context);
      const created = await students.create({
        givenName: attributes.get('given_name') ?? '',
        familyName: attributes.get('family_name') ?? '',
        email: attributes.get('email') ?? '',
        birthdate: attributes.get('birthdate') ?? '',
        schoolId: school.id,
        districtId: school.districtId,
        gradeLevel,
      });
      const profile = await students.profile();
      if (!profile) throw notFound('The student profile');
      return { created, profile };
    });
  }

  async profile(actor: Actor): Promise<StudentProfile> {
    requireRole(actor, 'student');
    const profile = await withContext(this.db, actor.context, (transaction) =>
      new StudentRepository(transaction, actor.context).profile(),
    );
    if (!profile) throw notFound('The student profile');
    return profile;
  }

  async hasProfile(actor: Actor): Promise<boolean> {
    if (actor.context.actorRole !== 'student') return false;
    const profile = await withContext(this.db, actor.context, (transaction) =>
      new StudentRepository(transaction, actor.context).profile(),
    );
    return profile !== null;
  }
}
