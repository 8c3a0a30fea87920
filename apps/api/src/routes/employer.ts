import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, ListingIdParams, Shift, Uuid } from '../schemas/common.ts';
import { DateTime } from '../schemas/common.ts';

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
    legalShifts: Type.Array(Shift, { description: 'The shifts of the listing this applicant may legally work' }),
  },
  { additionalProperties: false },
);

const employerRoutes: FastifyPluginAsyncTypebox = async (app) => {
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
          legalShifts: applicant.legalShiftTimes,
        })),
      };
    },
  );
};

export default employerRoutes;
