import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, errorResponses, ListingIdParams } from '../schemas/common.ts';
import {
  EmployerListingDetail,
  EmployerListingSummary,
  ListingBody,
  NewListingBody,
  SavedListing,
} from '../schemas/listings.ts';

const lifecycleErrors = { ...errorResponses, 409: ErrorResponse };

/** Registers the routes that take an organization's listings through draft, review, search and closing. */
const employerListingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/employer/listings',
    {
      schema: {
        summary: "The organization's listings with their review status",
        response: { 200: Type.Object({ listings: Type.Array(EmployerListingSummary) }), ...errorResponses },
      },
    },
    async (request) => ({ listings: await app.services.listings.listForEmployer(request.actor) }),
  );

  app.post(
    '/employer/listings',
    {
      schema: {
        summary: 'Create a listing: submitted for staff review, or saved as a draft with draft=true',
        body: NewListingBody,
        response: { 201: SavedListing, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { draft, ...listing } = request.body;
      return reply.status(201).send(await app.services.listings.create(request.actor, listing, { draft }));
    },
  );

  app.get(
    '/employer/listings/:listingId',
    {
      schema: {
        summary: 'One of the organization’s listings with every field, for editing',
        params: ListingIdParams,
        response: { 200: EmployerListingDetail, ...errorResponses },
      },
    },
    async (request) => app.services.listings.getForEmployer(request.actor, request.params.listingId),
  );

  app.put(
    '/employer/listings/:listingId',
    {
      schema: {
        summary:
          'Edit a listing. Changing the schedule, duties, pay or description of a published listing sends it back to review.',
        params: ListingIdParams,
        body: ListingBody,
        response: {
          200: Type.Object({ ...SavedListing.properties, returnedToReview: Type.Boolean() }),
          ...lifecycleErrors,
        },
      },
    },
    async (request) => app.services.listings.update(request.actor, request.params.listingId, request.body),
  );

  app.post(
    '/employer/listings/:listingId/submit',
    {
      schema: {
        summary: 'Submit a draft or rejected listing for staff review',
        params: ListingIdParams,
        response: { 200: SavedListing, ...lifecycleErrors },
      },
    },
    async (request) => app.services.listings.submit(request.actor, request.params.listingId),
  );

  app.post(
    '/employer/listings/:listingId/close',
    {
      schema: {
        summary: 'Close a listing in review or in search; it takes no more applications',
        params: ListingIdParams,
        response: { 200: SavedListing, ...lifecycleErrors },
      },
    },
    async (request) => app.services.listings.close(request.actor, request.params.listingId),
  );

  app.post(
    '/employer/listings/:listingId/filled',
    {
      schema: {
        summary: 'Mark a published, closed or expired listing as filled',
        params: ListingIdParams,
        response: { 200: SavedListing, ...lifecycleErrors },
      },
    },
    async (request) => app.services.listings.markFilled(request.actor, request.params.listingId),
  );
};

export default employerListingRoutes;
