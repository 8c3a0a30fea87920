import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../schemas/common.ts';

/** Development-only routes. The app registers them only outside production. */
const devRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/dev/mailbox',
    {
      config: { public: true },
      schema: {
        summary: 'Emails the local services sent (development mode only)',
        querystring: Type.Object(
          { to: Type.Optional(Type.String({ maxLength: 320 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            emails: Type.Array(
              Type.Object({
                id: Type.String(),
                to: Type.String(),
                subject: Type.String(),
                text: Type.String(),
                category: Type.String(),
                sentAt: Type.String(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ emails: (await app.services.mailbox?.list(request.query.to)) ?? [] }),
  );
};

export default devRoutes;
