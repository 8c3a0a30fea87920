import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, ErrorResponse, ListingIdParams, Shift, Uuid } from '../schemas/common.ts';
import { DateTime } from '../schemas/common.ts';

export const PublishedListing = Type.Object({
  id: Uuid,
  title: Type.String(),
  description: Type.String(),
  employerName: Type.String(),
  payMinCents: Type.Integer(),
  payMaxCents: Type.Union([Type.Integer(), Type.Null()]),
  payUnit: Type.String(),
  city: Type.String(),
  zip: Type.String(),
  schedule: Type.Array(Shift),
  publishedAt: DateTime,
});

const listingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/listings',
    {
      config: { public: true },
      schema: {
        summary: 'Published listings from verified employers, newest first',
        querystring: Type.Object(
          {
            cursor: Type.Optional(Type.String({ maxLength: 200 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            listings: Type.Array(PublishedListing),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      app.services.listings.listPublished(request.actor, request.query.limit ?? 20, request.query.cursor),
  );

  app.get(
    '/listings/:listingId',
    {
      config: { public: true },
      schema: { params: ListingIdParams, response: { 200: PublishedListing, ...errorResponses } },
    },
    async (request) => app.services.listings.getPublished(request.actor, request.params.listingId),
  );

  app.post(
    '/listings/:listingId/applications',
    {
      schema: {
        summary: 'Apply to a listing with a message',
        params: ListingIdParams,
        body: Type.Object({ message: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Uuid, status: Type.String() }), 409: ErrorResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const application = await app.services.applications.apply(
        request.actor,
        request.params.listingId,
        request.body.message,
      );
      return reply.status(201).send(application);
    },
  );
};

export default listingRoutes;
