import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, ErrorResponse, ListingIdParams, Uuid } from '../schemas/common.ts';
import { PersonalVerdict } from '../schemas/labor.ts';
import { ListingCategory, PublishedListing } from '../schemas/listings.ts';

export { PublishedListing };

const SearchQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        maxLength: 200,
        description:
          'Words to find in the title, employer name and description; "quotes" for a phrase, -word to exclude',
      }),
    ),
    zip: Type.Optional(Type.String({ pattern: '^[0-9]{5}$', description: 'Ohio ZIP code to measure distance from' })),
    radiusMiles: Type.Optional(
      Type.Integer({ enum: [5, 10, 25, 50], description: 'Only listings this many miles from zip or closer' }),
    ),
    category: Type.Optional(ListingCategory),
    minHourlyPayCents: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 100_000, description: 'Lowest acceptable pay per hour worked, in cents' }),
    ),
    afterSchool: Type.Optional(
      Type.Boolean({ description: 'Only listings with a weekday shift starting at 15:00 or later' }),
    ),
    weekends: Type.Optional(Type.Boolean({ description: 'Only listings with a Saturday or Sunday shift' })),
    summer: Type.Optional(Type.Boolean({ description: 'Only listings whose season is summer or both' })),
    workable: Type.Optional(
      Type.Boolean({ description: 'Only jobs the signed-in student can legally work at their age today' }),
    ),
    sort: Type.Optional(
      Type.Union([Type.Literal('relevance'), Type.Literal('distance'), Type.Literal('newest')], {
        description:
          'Defaults to relevance with q, else distance with zip, else newest. Relevance without searchable words in q sorts newest.',
      }),
    ),
    cursor: Type.Optional(Type.String({ maxLength: 300 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
);

const ListingDetail = Type.Intersect([
  PublishedListing,
  Type.Object({
    forYou: Type.Union([PersonalVerdict, Type.Null()], {
      description: "The signed-in student's verdict on the listing's first full week, or null for anyone else",
    }),
  }),
]);

const listingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/listings',
    {
      config: { public: true },
      schema: {
        summary: 'Search published listings of verified employers',
        querystring: SearchQuery,
        response: {
          200: Type.Object({
            listings: Type.Array(PublishedListing),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
            sort: Type.Union([Type.Literal('relevance'), Type.Literal('distance'), Type.Literal('newest')], {
              description: 'The order used for this page',
            }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => app.services.listingSearch.search(request.actor, request.query),
  );

  app.get(
    '/listings/:listingId',
    {
      config: { public: true },
      schema: { params: ListingIdParams, response: { 200: ListingDetail, ...errorResponses } },
    },
    async (request) => app.services.listingSearch.getPublished(request.actor, request.params.listingId),
  );

  app.post(
    '/listings/:listingId/applications',
    {
      schema: {
        summary: 'Apply to a listing with a message',
        params: ListingIdParams,
        body: Type.Object({ message: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }),
        response: {
          201: Type.Object({ id: Uuid, status: Type.String() }),
          409: ErrorResponse,
          422: ErrorResponse,
          ...errorResponses,
        },
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
