import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, ListingIdParams, Shift, Uuid } from '../schemas/common.ts';
import { DateTime } from '../schemas/common.ts';

const ListingBody = Type.Object(
  {
    title: Type.String({ minLength: 3, maxLength: 120 }),
    description: Type.String({ minLength: 10, maxLength: 5000 }),
    payMinCents: Type.Integer({ minimum: 100, maximum: 100_000_00 }),
    payMaxCents: Type.Union([Type.Integer({ minimum: 100, maximum: 100_000_00 }), Type.Null()]),
    payUnit: Type.Union([Type.Literal('hour'), Type.Literal('shift'), Type.Literal('week')]),
    addressLine: Type.String({ minLength: 3, maxLength: 200 }),
    city: Type.String({ minLength: 2, maxLength: 100 }),
    zip: Type.String({ pattern: '^[0-9]{5}$' }),
    schedule: Type.Array(Shift, { minItems: 1, maxItems: 21 }),
  },
  { additionalProperties: false },
);

/** The limited applicant view: exactly these fields leave the API for an employer. */
export const ApplicantView = Type.Object(
  {
    applicationId: Uuid,
    name: Type.String(),
    ageBand: Type.Union([Type.Literal('15'), Type.Literal('16–17'), Type.Literal('18+')]),
    schoolName: Type.String(),
    message: Type.String(),
    status: Type.String(),
    createdAt: DateTime,
  },
  { additionalProperties: false },
);

const employerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/employer/listings',
    {
      schema: {
        summary: "The organization's listings with their review status",
        response: {
          200: Type.Object({
            listings: Type.Array(
              Type.Object({
                id: Uuid,
                title: Type.String(),
                status: Type.String(),
                rejectionReason: Type.Union([Type.String(), Type.Null()]),
                city: Type.String(),
                zip: Type.String(),
                createdAt: DateTime,
                publishedAt: Type.Union([DateTime, Type.Null()]),
                applicationCount: Type.Integer(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ listings: await app.services.listings.listForEmployer(request.actor) }),
  );

  app.post(
    '/employer/listings',
    {
      schema: {
        summary: 'Create a listing; it waits for ClockIn staff review',
        body: ListingBody,
        response: { 201: Type.Object({ id: Uuid, status: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await app.services.listings.create(request.actor, request.body)),
  );

  app.get(
    '/employer/listings/:listingId/applicants',
    {
      schema: {
        summary: 'Applicants to a listing, in the limited view',
        params: ListingIdParams,
        response: { 200: Type.Object({ applicants: Type.Array(ApplicantView) }), ...errorResponses },
      },
    },
    async (request) => {
      const applicants = await app.services.listings.applicants(request.actor, request.params.listingId);
      return {
        applicants: applicants.map((applicant) => ({
          applicationId: applicant.applicationId,
          name: `${applicant.givenName} ${applicant.familyName}`,
          ageBand: (applicant.ageBand ?? '18+') as '15' | '16–17' | '18+',
          schoolName: applicant.schoolName,
          message: applicant.message,
          status: applicant.status,
          createdAt: applicant.createdAt.toISOString(),
        })),
      };
    },
  );
};

export default employerRoutes;
