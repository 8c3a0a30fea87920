import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, ListingIdParams, Shift, Uuid } from '../schemas/common.ts';
import { DateTime } from '../schemas/common.ts';

const staffRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/staff/listing-reviews',
    {
      schema: {
        summary: 'Listings waiting for staff review, oldest first',
        response: {
          200: Type.Object({
            listings: Type.Array(
              Type.Object({
                id: Uuid,
                organizationId: Uuid,
                employerName: Type.String(),
                title: Type.String(),
                description: Type.String(),
                payMinCents: Type.Integer(),
                payMaxCents: Type.Union([Type.Integer(), Type.Null()]),
                payUnit: Type.String(),
                addressLine: Type.String(),
                city: Type.String(),
                zip: Type.String(),
                schedule: Type.Array(Shift),
                createdAt: DateTime,
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ listings: await app.services.reviews.queue(request.actor) }),
  );

  app.post(
    '/staff/listing-reviews/:listingId',
    {
      schema: {
        summary: 'Approve or reject a submitted listing',
        params: ListingIdParams,
        body: Type.Union([
          Type.Object({ decision: Type.Literal('approve') }, { additionalProperties: false }),
          Type.Object(
            { decision: Type.Literal('reject'), reason: Type.String({ minLength: 3, maxLength: 500 }) },
            { additionalProperties: false },
          ),
        ]),
        response: { 200: Type.Object({ listingId: Uuid, decision: Type.String() }), ...errorResponses },
      },
    },
    async (request) => {
      await app.services.reviews.decide(request.actor, request.params.listingId, request.body);
      return { listingId: request.params.listingId, decision: request.body.decision };
    },
  );
};

export default staffRoutes;
