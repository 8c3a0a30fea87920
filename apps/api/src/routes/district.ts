import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, Uuid } from '../schemas/common.ts';
import { DistrictOverview, DistrictStudent, DistrictStudentDetail, ProtectedCount } from './district-schemas.ts';

const districtRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/district',
    {
      schema: {
        summary: "The district administrator's own district, while its partnership is active",
        response: { 200: DistrictOverview, ...errorResponses },
      },
    },
    async (request) => app.services.districts.overview(request.actor),
  );

  app.get(
    '/district/dashboard',
    {
      schema: {
        summary: "Aggregates of the administrator's district; counts from fewer than 5 students are hidden",
        querystring: Type.Object(
          { distanceMiles: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            district: DistrictOverview,
            totals: Type.Object({ students: ProtectedCount, studentsHired: ProtectedCount }),
            studentsBySchoolAndGrade: Type.Array(
              Type.Object({
                schoolId: Type.String(),
                schoolName: Type.String(),
                gradeLevel: Type.String(),
                students: ProtectedCount,
              }),
            ),
            applicationsByMonth: Type.Array(
              Type.Object({
                month: Type.String({ description: 'YYYY-MM, Ohio time' }),
                outcome: Type.Union([
                  Type.Literal('open'),
                  Type.Literal('hired'),
                  Type.Literal('not_selected'),
                  Type.Literal('withdrawn'),
                ]),
                applications: ProtectedCount,
              }),
            ),
            hiresBySchool: Type.Array(
              Type.Object({ schoolId: Type.String(), schoolName: Type.String(), students: ProtectedCount }),
            ),
            studentsByAgeBand: Type.Array(Type.Object({ ageBand: Type.String(), students: ProtectedCount })),
            listingsNearSchools: Type.Object({
              distanceMiles: Type.Integer(),
              total: Type.Integer(),
              schools: Type.Array(
                Type.Object({ schoolId: Type.String(), schoolName: Type.String(), listings: Type.Integer() }),
              ),
            }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => app.services.districts.dashboard(request.actor, request.query),
  );

  app.get(
    '/district/students',
    {
      schema: {
        summary: "The administrator's own district's students, by name",
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
            after: Type.Optional(Type.String({ maxLength: 1000 })),
            search: Type.Optional(Type.String({ maxLength: 100 })),
            schoolId: Type.Optional(Type.String({ pattern: '^[0-9]{12}$' })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            students: Type.Array(DistrictStudent),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => app.services.districts.students(request.actor, request.query),
  );

  app.get(
    '/district/students/:studentId',
    {
      schema: {
        summary: 'One student of the district with their applications (never the message text)',
        params: Type.Object({ studentId: Uuid }, { additionalProperties: false }),
        response: {
          200: DistrictStudentDetail,
          ...errorResponses,
        },
      },
    },
    async (request) => app.services.districts.student(request.actor, request.params.studentId),
  );
};

export default districtRoutes;
