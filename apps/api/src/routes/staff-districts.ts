import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DateTime, ErrorResponse, errorResponses, Uuid } from '../schemas/common.ts';

const DistrictIdParams = Type.Object(
  { districtId: Type.String({ pattern: '^[0-9]{6}$' }) },
  { additionalProperties: false },
);

const Partnership = Type.Union([
  Type.Object({
    agreementSignedOn: Type.String({ format: 'date' }),
    contactName: Type.String(),
    contactEmail: Type.String(),
    contactPhone: Type.Union([Type.String(), Type.Null()]),
    startedAt: DateTime,
    endedAt: Type.Union([DateTime, Type.Null()]),
    active: Type.Boolean(),
  }),
  Type.Null(),
]);

const districtFields = {
  districtId: Type.String(),
  name: Type.String(),
  county: Type.String(),
  city: Type.Union([Type.String(), Type.Null()]),
  partnership: Partnership,
};

const DistrictDetail = Type.Object({
  ...districtFields,
  administrators: Type.Array(Type.Object({ userId: Uuid, role: Type.String(), addedAt: DateTime })),
  students: Type.Integer(),
});

const identityErrors = { 409: ErrorResponse, 503: ErrorResponse };

const staffDistrictRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/staff/districts',
    {
      schema: {
        summary: 'Ohio districts by name or IRN, partners first; without a query, every partner or past partner',
        querystring: Type.Object(
          { query: Type.Optional(Type.String({ maxLength: 100 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ districts: Type.Array(Type.Object(districtFields)) }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      districts: await app.services.districtPartnerships.search(request.actor, request.query.query ?? ''),
    }),
  );

  app.get(
    '/staff/districts/:districtId',
    {
      schema: {
        summary: 'One district with its partnership and administrators',
        params: DistrictIdParams,
        response: { 200: DistrictDetail, ...errorResponses },
      },
    },
    async (request) => app.services.districtPartnerships.get(request.actor, request.params.districtId),
  );

  app.post(
    '/staff/districts/:districtId/partnership',
    {
      schema: {
        summary: 'Turn a partnership on once the data processing agreement is signed',
        params: DistrictIdParams,
        body: Type.Object(
          {
            agreementSignedOn: Type.String({ format: 'date' }),
            contactName: Type.String({ minLength: 1, maxLength: 200 }),
            contactEmail: Type.String({ format: 'email', maxLength: 254 }),
            contactPhone: Type.Union([Type.String({ minLength: 7, maxLength: 30 }), Type.Null()]),
          },
          { additionalProperties: false },
        ),
        response: { 200: DistrictDetail, ...errorResponses, ...identityErrors },
      },
    },
    async (request) =>
      app.services.districtPartnerships.startPartnership(request.actor, request.params.districtId, request.body),
  );

  app.post(
    '/staff/districts/:districtId/partnership/end',
    {
      schema: {
        summary: "End a partnership; the district's administrators lose access at once",
        params: DistrictIdParams,
        response: { 200: DistrictDetail, ...errorResponses },
      },
    },
    async (request) => app.services.districtPartnerships.endPartnership(request.actor, request.params.districtId),
  );

  app.post(
    '/staff/districts/:districtId/administrators',
    {
      schema: {
        summary: 'Invite a district administrator by email; they must set up TOTP MFA at first sign-in',
        params: DistrictIdParams,
        body: Type.Object(
          {
            email: Type.String({ format: 'email', maxLength: 254 }),
            givenName: Type.String({ minLength: 1, maxLength: 100 }),
            familyName: Type.String({ minLength: 1, maxLength: 100 }),
            birthdate: Type.String({ format: 'date' }),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ userId: Uuid, accountCreated: Type.Boolean(), emailSent: Type.Boolean() }),
          ...errorResponses,
          ...identityErrors,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await app.services.districtPartnerships.inviteAdministrator(
            request.actor,
            request.params.districtId,
            request.body,
          ),
        ),
  );
};

export default staffDistrictRoutes;
