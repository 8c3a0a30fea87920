import { Type } from 'typebox';
import { DateTime, Uuid } from '../schemas/common.ts';

/** Response schemas shared by the district administrator's routes. */

export const DistrictOverview = Type.Object({
  districtId: Type.String(),
  name: Type.String(),
  county: Type.String(),
  agreementSignedOn: Type.String({ format: 'date' }),
  partnershipStartedAt: DateTime,
});

/** A count under the small-number rule: null when it is hidden, with the reason. */
export const ProtectedCount = Type.Object({
  count: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  suppressed: Type.Union([Type.Literal('fewer-than-5'), Type.Literal('complementary'), Type.Null()]),
});

const studentFields = {
  userId: Uuid,
  givenName: Type.String(),
  familyName: Type.String(),
  schoolId: Type.String(),
  schoolName: Type.String(),
  gradeLevel: Type.String(),
  ageBand: Type.Union([Type.String(), Type.Null()]),
  joinedAt: DateTime,
  applicationCount: Type.Integer(),
  hireCount: Type.Integer(),
  statusCounts: Type.Record(Type.String(), Type.Integer()),
};

export const DistrictStudent = Type.Object(studentFields);

export const StudentApplication = Type.Object({
  applicationId: Uuid,
  listingId: Uuid,
  listingTitle: Type.String(),
  employerName: Type.String(),
  status: Type.String(),
  appliedAt: DateTime,
  statusUpdatedAt: DateTime,
});

export const DistrictStudentDetail = Type.Object({ ...studentFields, applications: Type.Array(StudentApplication) });

export const DistrictExport = Type.Object({
  id: Uuid,
  format: Type.Union([Type.Literal('csv'), Type.Literal('json')]),
  status: Type.Union([
    Type.Literal('queued'),
    Type.Literal('running'),
    Type.Literal('completed'),
    Type.Literal('failed'),
  ]),
  totalStudents: Type.Union([Type.Integer(), Type.Null()]),
  studentsWritten: Type.Integer(),
  byteSize: Type.Union([Type.Integer(), Type.Null()]),
  failureReason: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
  startedAt: Type.Union([DateTime, Type.Null()]),
  completedAt: Type.Union([DateTime, Type.Null()]),
  expiresAt: Type.Union([DateTime, Type.Null()]),
});
