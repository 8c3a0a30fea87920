import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../schemas/common.ts';

const schoolRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/schools',
    {
      config: { public: true },
      schema: {
        summary: 'Find Ohio high schools by part of their name or city',
        querystring: Type.Object({ query: Type.String({ maxLength: 100 }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            schools: Type.Array(
              Type.Object({
                id: Type.String(),
                name: Type.String(),
                city: Type.String(),
                districtName: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      return { schools: await app.services.schools.search(request.actor, request.query.query) };
    },
  );
};

export default schoolRoutes;
