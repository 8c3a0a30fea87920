import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, ListingIdParams, Shift, Uuid } from '../schemas/common.ts';
import { DateTime } from '../schemas/common.ts';
import { LaborSummary, MinimumAge } from '../schemas/labor.ts';
import { ListingCategory, ListingSeason, ListingStatus } from '../schemas/listings.ts';

const ListingEvent = Type.Object({
  action: Type.String({ description: 'listing.submitted, listing.approved, listing.rejected, listing.edited, …' }),
  actorId: Type.Union([Uuid, Type.Null()], { description: 'Who acted; null for the system (expiry)' }),
  actorRole: Type.String(),
  occurredAt: DateTime,
  details: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()])),
});

const ListingForReview = Type.Object({
  id: Uuid,
  organizationId: Uuid,
  employerName: Type.String(),
  status: ListingStatus,
  rejectionReason: Type.Union([Type.String(), Type.Null()]),
  title: Type.String(),
  description: Type.String(),
  category: ListingCategory,
  season: ListingSeason,
  positions: Type.Integer(),
  payMinCents: Type.Integer(),
  payMaxCents: Type.Union([Type.Integer(), Type.Null()]),
  payUnit: Type.String(),
  addressLine: Type.String(),
  city: Type.String(),
  zip: Type.String(),
  schedule: Type.Array(Shift),
  duties: Type.Array(Type.String()),
  minimumAge: Type.Integer(),
  startsOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  closingDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  laborSummary: Type.Union([LaborSummary, Type.Null()]),
  createdAt: DateTime,
  submittedAt: Type.Union([DateTime, Type.Null()]),
  reviewedAt: Type.Union([DateTime, Type.Null()]),
  reviewedBy: Type.Union([Uuid, Type.Null()]),
  publishedAt: Type.Union([DateTime, Type.Null()]),
  history: Type.Array(ListingEvent, { description: "The listing's audit trail, oldest first" }),
});

const ReviewQueueQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Union(
        [
          Type.Literal('submitted'),
          Type.Literal('published'),
          Type.Literal('rejected'),
          Type.Literal('closed'),
          Type.Literal('filled'),
          Type.Literal('expired'),
        ],
        { description: 'Defaults to submitted. Drafts are private to their organization.' },
      ),
    ),
    organizationId: Type.Optional(Uuid),
    minimumAge: Type.Optional(MinimumAge),
    minWaitingHours: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 8760, description: 'Only listings submitted at least this many hours ago' }),
    ),
    cursor: Type.Optional(Type.String({ maxLength: 300 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);

const staffRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/staff/listing-reviews',
    {
      schema: {
        summary:
          'The listing review queue: submitted listings by default, longest waiting first, with their audit trail',
        querystring: ReviewQueueQuery,
        response: {
          200: Type.Object({
            listings: Type.Array(ListingForReview),
            organizations: Type.Array(Type.Object({ id: Uuid, name: Type.String(), listings: Type.Integer() }), {
              description: 'Organizations with listings in the requested status, for the organization filter',
            }),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => app.services.reviews.queue(request.actor, request.query),
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
