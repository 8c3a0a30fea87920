import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, Uuid } from '../schemas/common.ts';
import { DateTime } from '../schemas/common.ts';

const StudentProfile = Type.Object({
  givenName: Type.String(),
  familyName: Type.String(),
  email: Type.String(),
  schoolName: Type.String(),
  gradeLevel: Type.String(),
});

const studentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/me',
    {
      schema: {
        summary: 'Who the signed-in user is in ClockIn',
        response: {
          200: Type.Object({
            userId: Uuid,
            accountType: Type.Union([
              Type.Literal('student'),
              Type.Literal('employer'),
              Type.Literal('staff'),
              Type.Literal('district_admin'),
            ]),
            organization: Type.Union([
              Type.Object({ id: Uuid, name: Type.String(), role: Type.String(), status: Type.String() }),
              Type.Null(),
            ]),
            hasProfile: Type.Boolean(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { context, membership } = request.actor;
      let accountType: 'student' | 'employer' | 'staff' | 'district_admin' = 'student';
      if (context.actorRole === 'staff') accountType = 'staff';
      if (context.actorRole === 'employer') accountType = 'employer';
      if (context.actorRole === 'district_admin') accountType = 'district_admin';
      const hasProfile = await app.services.students.hasProfile(request.actor);
      // An employer account that has not registered or joined an organization yet.
      if (await app.services.organizations.isUnregisteredEmployer(request.actor, request.caller, hasProfile)) {
        accountType = 'employer';
      }
      return {
        userId: context.userId as string,
        accountType,
        organization: membership
          ? {
              id: membership.organizationId,
              name: membership.organizationName,
              role: membership.role,
              status: membership.organizationStatus,
            }
          : null,
        hasProfile,
      } as const;
    },
  );

  app.post(
    '/students/me',
    {
      schema: {
        summary: 'Create the student profile from the attributes given at sign-up',
        response: { 200: StudentProfile, 201: StudentProfile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { created, profile } = await app.services.students.createProfile(
        request.actor,
        request.caller?.accessToken ?? '',
      );
      return reply.status(created ? 201 : 200).send(profile);
    },
  );

  app.get('/students/me', { schema: { response: { 200: StudentProfile, ...errorResponses } } }, async (request) =>
    app.services.students.profile(request.actor),
  );

  app.get(
    '/students/me/applications',
    {
      schema: {
        response: {
          200: Type.Object({
            applications: Type.Array(
              Type.Object({
                id: Uuid,
                listingId: Uuid,
                listingTitle: Type.String(),
                employerName: Type.String(),
                status: Type.String(),
                createdAt: DateTime,
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ applications: await app.services.applications.listMine(request.actor) }),
  );
};

export default studentRoutes;
