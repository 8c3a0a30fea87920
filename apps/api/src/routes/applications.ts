import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { EmployerApplicationRecord } from '../services/employer-applications.ts';
import { DateTime, ErrorResponse, errorResponses, Uuid } from '../schemas/common.ts';

export const ApplicationStatus = Type.Union([
  Type.Literal('submitted'),
  Type.Literal('viewed'),
  Type.Literal('shortlisted'),
  Type.Literal('contact_requested'),
  Type.Literal('contact_shared'),
  Type.Literal('hired'),
  Type.Literal('not_selected'),
  Type.Literal('withdrawn'),
]);

const ApplicationIdParams = Type.Object({ applicationId: Uuid }, { additionalProperties: false });

/**
 * The employer's view of an application: exactly these fields, and the two contact fields only
 * while the student shares contact details (the phone only when the student gave one).
 */
export const EmployerApplicationView = Type.Object(
  {
    applicationId: Uuid,
    listingId: Uuid,
    listingTitle: Type.String(),
    name: Type.String(),
    ageBand: Type.Union([Type.Literal('15'), Type.Literal('16–17'), Type.Literal('18+'), Type.Null()]),
    schoolName: Type.String(),
    message: Type.String(),
    status: ApplicationStatus,
    createdAt: DateTime,
    updatedAt: DateTime,
    contactEmail: Type.Optional(Type.String({ description: 'Only while the student shares contact details' })),
    contactPhone: Type.Optional(Type.String({ description: 'Only while shared, and when the student gave one' })),
  },
  { additionalProperties: false },
);

function toEmployerView(application: EmployerApplicationRecord) {
  return {
    applicationId: application.applicationId,
    listingId: application.listingId,
    listingTitle: application.listingTitle,
    name: `${application.givenName} ${application.familyName}`,
    ageBand: application.ageBand as '15' | '16–17' | '18+' | null,
    schoolName: application.schoolName,
    message: application.message,
    status: application.status,
    createdAt: application.createdAt,
    updatedAt: application.updatedAt,
    ...(application.contactEmail ? { contactEmail: application.contactEmail } : {}),
    ...(application.contactEmail && application.contactPhone ? { contactPhone: application.contactPhone } : {}),
  };
}

const StudentApplicationView = Type.Object(
  {
    id: Uuid,
    listingId: Uuid,
    listingTitle: Type.String(),
    employerName: Type.String(),
    organizationId: Uuid,
    message: Type.String(),
    status: ApplicationStatus,
    contactSharing: Type.Boolean({ description: 'Whether the employer sees your email and phone now' }),
    contactRequestedAt: Type.Union([DateTime, Type.Null()]),
    employerBlocked: Type.Boolean(),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { additionalProperties: false },
);

const conflictResponses = { 409: ErrorResponse, ...errorResponses };

const applicationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The student's side.
  app.get(
    '/students/me/applications/:applicationId',
    {
      schema: {
        summary: "One of the student's applications",
        params: ApplicationIdParams,
        response: { 200: StudentApplicationView, ...errorResponses },
      },
    },
    async (request) => app.services.applications.detail(request.actor, request.params.applicationId),
  );

  app.post(
    '/students/me/applications/:applicationId/withdrawal',
    {
      schema: {
        summary: 'Withdraw the application; contact sharing on it ends',
        params: ApplicationIdParams,
        response: { 200: StudentApplicationView, ...conflictResponses },
      },
    },
    async (request) => app.services.applications.withdraw(request.actor, request.params.applicationId),
  );

  app.post(
    '/students/me/applications/:applicationId/contact-response',
    {
      schema: {
        summary: "Accept or decline the employer's request for contact details",
        params: ApplicationIdParams,
        body: Type.Object({ accept: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: StudentApplicationView, ...conflictResponses },
      },
    },
    async (request) =>
      app.services.applications.answerContactRequest(request.actor, request.params.applicationId, request.body.accept),
  );

  app.post(
    '/students/me/applications/:applicationId/stop-sharing',
    {
      schema: {
        summary: 'Stop sharing contact details: the employer no longer sees them',
        params: ApplicationIdParams,
        response: { 200: StudentApplicationView, ...conflictResponses },
      },
    },
    async (request) => app.services.applications.stopSharing(request.actor, request.params.applicationId),
  );

  const PhoneView = Type.Object({ phone: Type.Union([Type.String(), Type.Null()]) }, { additionalProperties: false });

  app.get(
    '/students/me/phone',
    {
      schema: {
        summary: "The student's phone number, shared only with contact details",
        response: { 200: PhoneView, ...errorResponses },
      },
    },
    async (request) => ({ phone: await app.services.applications.phone(request.actor) }),
  );

  app.post(
    '/students/me/phone',
    {
      schema: {
        summary: 'Set or clear the phone number that employers see once you share contact details',
        body: Type.Object(
          { phone: Type.Union([Type.String({ maxLength: 30 }), Type.Null()]) },
          { additionalProperties: false },
        ),
        response: { 200: PhoneView, ...errorResponses },
      },
    },
    async (request) => ({ phone: await app.services.applications.setPhone(request.actor, request.body.phone) }),
  );

  // The employer's side.
  app.get(
    '/employer/applications',
    {
      schema: {
        summary: "The organization's applications in the limited view, newest first",
        querystring: Type.Object(
          { listingId: Type.Optional(Uuid), status: Type.Optional(ApplicationStatus) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ applications: Type.Array(EmployerApplicationView) }), ...errorResponses },
      },
    },
    async (request) => {
      const applications = await app.services.employerApplications.list(request.actor, request.query);
      return { applications: applications.map(toEmployerView) };
    },
  );

  app.get(
    '/employer/applications/waiting',
    {
      schema: {
        summary: 'Applications waiting on the organization: to view, shortlist, contact or decide',
        response: {
          200: Type.Object(
            {
              total: Type.Integer(),
              listings: Type.Array(
                Type.Object(
                  { listingId: Uuid, listingTitle: Type.String(), waiting: Type.Integer() },
                  { additionalProperties: false },
                ),
              ),
            },
            { additionalProperties: false },
          ),
          ...errorResponses,
        },
      },
    },
    async (request) => app.services.employerApplications.waiting(request.actor),
  );

  app.get(
    '/employer/applications/:applicationId',
    {
      schema: {
        summary: 'Open one application; the first opening marks it viewed',
        params: ApplicationIdParams,
        response: { 200: EmployerApplicationView, ...errorResponses },
      },
    },
    async (request) =>
      toEmployerView(await app.services.employerApplications.open(request.actor, request.params.applicationId)),
  );

  app.post(
    '/employer/applications/:applicationId/status',
    {
      schema: {
        summary: 'Shortlist, hire or turn down an applicant',
        params: ApplicationIdParams,
        body: Type.Object(
          { status: Type.Union([Type.Literal('shortlisted'), Type.Literal('hired'), Type.Literal('not_selected')]) },
          { additionalProperties: false },
        ),
        response: { 200: EmployerApplicationView, ...conflictResponses },
      },
    },
    async (request) =>
      toEmployerView(
        await app.services.employerApplications.decide(
          request.actor,
          request.params.applicationId,
          request.body.status,
        ),
      ),
  );

  app.post(
    '/employer/applications/:applicationId/contact-request',
    {
      schema: {
        summary: 'Ask a shortlisted applicant to share contact details; the student decides',
        params: ApplicationIdParams,
        response: { 200: EmployerApplicationView, ...conflictResponses },
      },
    },
    async (request) =>
      toEmployerView(
        await app.services.employerApplications.requestContact(request.actor, request.params.applicationId),
      ),
  );
};

export default applicationRoutes;
