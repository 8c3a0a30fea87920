import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../errors.ts';
import { DateTime, ErrorResponse, errorResponses, Uuid } from '../schemas/common.ts';
import { OrganizationBody, OrganizationDetailsView } from '../schemas/organizations.ts';
import { dutiesStatementIntro, dutiesStatementVersion, employerDuties } from '../services/organization-duties.ts';

const OrganizationView = Type.Object({
  id: Uuid,
  ...OrganizationDetailsView.properties,
  status: Type.String({ description: 'pending, verified, rejected or suspended' }),
  rejectionReason: Type.Union([Type.String(), Type.Null()], { description: 'Why staff rejected the registration' }),
  createdAt: DateTime,
  submittedAt: DateTime,
  decidedAt: Type.Union([DateTime, Type.Null()]),
  role: Type.String({ description: "The caller's role: admin or member" }),
  acknowledgement: Type.Union([
    Type.Object({
      acknowledgedBy: Uuid,
      acknowledgedAt: DateTime,
      statementVersion: Type.String(),
      duties: Type.Array(Type.String()),
    }),
    Type.Null(),
  ]),
});

const Registered = Type.Object({
  id: Uuid,
  status: Type.String(),
  signInAgain: Type.Boolean({ description: 'The admin was signed out and sets up MFA at the next sign-in' }),
});

/** Registration of an organization and its own view of it. */
const organizationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/organizations/duties-statement',
    {
      config: { public: true },
      schema: {
        summary: 'The statement of Ohio minor labor law duties that a registering admin confirms',
        response: {
          200: Type.Object({
            version: Type.String(),
            intro: Type.String(),
            duties: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), text: Type.String() })),
          }),
          ...errorResponses,
        },
      },
    },
    async () => ({ version: dutiesStatementVersion, intro: dutiesStatementIntro, duties: [...employerDuties] }),
  );

  app.post(
    '/organizations',
    {
      schema: {
        summary: 'Register an organization; the caller becomes its admin and it waits for staff verification',
        body: OrganizationBody,
        response: { 201: Registered, ...errorResponses, 409: ErrorResponse, 503: ErrorResponse },
      },
    },
    async (request, reply) => {
      if (!request.caller) throw new AppError('Unauthorized', 'Sign in to register an organization.');
      const registered = await app.services.organizations.register(request.actor, request.caller, request.body);
      return reply.status(201).send(registered);
    },
  );

  app.get(
    '/employer/organization',
    {
      schema: {
        summary: "The caller's organization, with its verification status",
        response: { 200: OrganizationView, ...errorResponses },
      },
    },
    async (request) => app.services.organizations.profile(request.actor),
  );

  app.put(
    '/employer/organization',
    {
      schema: {
        summary: 'Correct a pending or rejected registration and send it back for verification (admins only)',
        body: OrganizationBody,
        response: { 200: Type.Object({ id: Uuid, status: Type.String() }), ...errorResponses, 409: ErrorResponse },
      },
    },
    async (request) => app.services.organizations.resubmit(request.actor, request.body),
  );
};

export default organizationRoutes;
