import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';

export default async function healthRoutes(app: FastifyInstance) {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: {
        response: {
          200: Type.Object({ status: Type.Literal('ok'), database: Type.Literal('ok') }),
          503: Type.Object({ status: Type.Literal('unavailable'), database: Type.Literal('unreachable') }),
        },
      },
    },
    async (_request, reply) => {
      if (await app.services.checkDatabase()) return { status: 'ok', database: 'ok' };
      return reply.status(503).send({ status: 'unavailable', database: 'unreachable' });
    },
  );
}
