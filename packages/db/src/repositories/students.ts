import type { DatabaseTransaction, RequestContext } from '../context.ts';
import type { GradeLevel } from '../schema.ts';

export interface NewStudent {
  givenName: string;
  familyName: string;
  email: string;
  birthdate: string;
  schoolId: string;
  districtId: string | null;
  gradeLevel: GradeLevel;
}

export interface StudentProfile {
  userId: string;
  givenName: string;
  familyName: string;
  email: string;
  birthdate: string;
  schoolId: string;
  schoolName: string;
  gradeLevel: GradeLevel;
}

/** The signed-in student's own profile. Row-level security limits it to that student. */
export class StudentRepository {
  constructor(
    private readonly transaction: DatabaseTransaction,
    private readonly context: RequestContext,
  ) {}

  private get userId(): string {
    if (!this.context.userId) throw new Error('A student repository needs a signed-in user.');
    return this.context.userId;
  }

  /** Creates the profile once; a second call with the same user changes nothing. */
  async create(student: NewStudent): Promise<boolean> {
    const inserted = await this.transaction
      .insertInto('students')
      .values({
        user_id: this.userId,
        given_name: student.givenName,
        family_name: student.familyName,
        school_id: student.schoolId,
        district_id: student.districtId,
        grade_level: student.gradeLevel,
      })
      .onConflict((conflict) => conflict.column('user_id').doNothing())
      .returning('user_id')
      .executeTakeFirst();
    if (!inserted) return false;
    await this.transaction
      .insertInto('student_birthdates')
      .values({ user_id: this.userId, birthdate: student.birthdate })
      .execute();
    await this.transaction
      .insertInto('student_contacts')
      .values({ user_id: this.userId, email: student.email })
      .execute();
    return true;
  }

  async profile(): Promise<StudentProfile | null> {
    const row = await this.transaction
      .selectFrom('students')
      .innerJoin('student_birthdates', 'student_birthdates.user_id', 'students.user_id')
      .innerJoin('student_contacts', 'student_contacts.user_id', 'students.user_id')
      .innerJoin('schools', 'schools.id', 'students.school_id')
      .select([
        'students.user_id',
        'students.given_name',
        'students.family_name',
        'students.grade_level',
        'students.school_id',
        'schools.name as school_name',
        'student_birthdates.birthdate',
        'student_contacts.email',
      ])
      .where('students.user_id', '=', this.userId)
      .where('students.deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row) return null;
    return {
      userId: row.user_id,
      givenName: row.given_name,
      familyName: row.family_name,
      email: row.email,
      birthdate: row.birthdate,
      schoolId: row.school_id,
      schoolName: row.school_name,
      gradeLevel: row.grade_level,
    };
  }
}
