import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DateTime, errorResponses, Uuid } from '../schemas/common.ts';

const OrganizationIdParams = Type.Object({ organizationId: Uuid }, { additionalProperties: false });

const EmployerListing = Type.Object({
  id: Uuid,
  title: Type.String(),
  city: Type.String(),
  payMinCents: Type.Integer(),
  payMaxCents: Type.Union([Type.Integer(), Type.Null()]),
  payUnit: Type.Union([Type.Literal('hour'), Type.Literal('shift'), Type.Literal('week')]),
  publishedAt: DateTime,
});

// The response names only public fields, so the serializer drops anything else a service returns.
const EmployerProfile = Type.Object({
  id: Uuid,
  tradingName: Type.String(),
  city: Type.String(),
  industry: Type.String(),
  website: Type.Union([Type.String(), Type.Null()]),
  verifiedSince: Type.Union([DateTime, Type.Null()], {
    description: 'When ClockIn staff last decided on the organization; null if no decision was recorded',
  }),
  listings: Type.Array(EmployerListing, { description: 'Published listings still open to applications' }),
});

const employerProfileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/employers/:organizationId',
    {
      config: { public: true },
      schema: {
        summary: "A verified employer's public profile and open listings",
        params: OrganizationIdParams,
        response: { 200: EmployerProfile, ...errorResponses },
      },
    },
    async (request) => app.services.employerProfiles.get(request.actor, request.params.organizationId),
  );
};

export default employerProfileRoutes;
