import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../errors.ts';
import { DateTime, ErrorResponse, errorResponses, Uuid } from '../schemas/common.ts';

const serviceErrors = { 409: ErrorResponse, 429: ErrorResponse, 503: ErrorResponse };

const PersonalExport = Type.Object({
  id: Uuid,
  status: Type.String(),
  progress: Type.Integer({ minimum: 0, maximum: 100 }),
  byteSize: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: DateTime,
  completedAt: Type.Union([DateTime, Type.Null()]),
  expiresAt: Type.Union([DateTime, Type.Null()]),
});

const accountRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/me/deletion',
    {
      schema: {
        summary: 'Delete your own account: every session ends at once and your data is purged within days',
        body: Type.Object(
          {
            password: Type.String({ minLength: 1, maxLength: 256 }),
            totpCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
          },
          { additionalProperties: false },
        ),
        response: { 202: Type.Object({ purgeAfter: DateTime }), ...errorResponses, ...serviceErrors },
      },
    },
    async (request, reply) => {
      if (!request.caller)
        throw new AppError('Unauthorized', 'Sign in to continue: this request needs an access token.');
      const result = await app.services.accounts.deleteOwnAccount(request.caller, request.actor, request.body);
      return reply.code(202).send(result);
    },
  );

  app.post(
    '/me/exports',
    {
      schema: {
        summary: 'Start building a file of everything ClockIn holds about you',
        response: { 202: Type.Object({ id: Uuid }), ...errorResponses, ...serviceErrors },
      },
    },
    async (request, reply) =>
      reply.code(202).send({ id: await app.services.accounts.startPersonalExport(request.actor) }),
  );

  app.get(
    '/me/exports',
    {
      schema: {
        summary: 'Your latest data exports with their progress',
        response: { 200: Type.Object({ exports: Type.Array(PersonalExport) }), ...errorResponses },
      },
    },
    async (request) => {
      const exports = await app.services.accounts.personalExports(request.actor);
      return {
        exports: exports.map((entry) => ({
          id: entry.id,
          status: entry.status,
          progress: entry.progress,
          byteSize: entry.byte_size === null ? null : Number(entry.byte_size),
          createdAt: entry.created_at,
          completedAt: entry.completed_at,
          expiresAt: entry.expires_at,
        })),
      };
    },
  );

  app.get(
    '/me/exports/:exportId/download',
    {
      schema: {
        summary: 'Download a finished data export (JSON) before its link expires',
        params: Type.Object({ exportId: Uuid }, { additionalProperties: false }),
        response: {
          200: Type.Unsafe<unknown>({ type: 'string', format: 'binary', description: 'The JSON file' }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const file = await app.services.accounts.openPersonalExport(request.actor, request.params.exportId);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', 'attachment; filename="clockin-my-data.json"')
        .header('content-length', String(file.size))
        .header('cache-control', 'no-store')
        .send(file.stream);
    },
  );

  app.post(
    '/staff/deletion-requests',
    {
      schema: {
        summary: 'Record a deletion request that arrived by email',
        body: Type.Object(
          {
            email: Type.String({ format: 'email', maxLength: 254 }),
            receivedOn: Type.String({ format: 'date' }),
            note: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Uuid }), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ id: await app.services.accounts.recordRequest(request.actor, request.body) }),
  );

  app.get(
    '/staff/deletion-requests',
    {
      schema: {
        summary: 'Deletion requests received by email, open ones first, each with its 30-day deadline',
        response: {
          200: Type.Object({
            requests: Type.Array(
              Type.Object({
                id: Uuid,
                receivedOn: Type.String({ format: 'date' }),
                requesterEmail: Type.Union([Type.String(), Type.Null()]),
                note: Type.Union([Type.String(), Type.Null()]),
                status: Type.String(),
                recordedAt: DateTime,
                completedAt: Type.Union([DateTime, Type.Null()]),
                deadline: Type.String({ format: 'date' }),
                overdue: Type.Boolean(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ requests: await app.services.accounts.listRequests(request.actor) }),
  );

  app.post(
    '/staff/deletion-requests/:requestId/completion',
    {
      schema: {
        summary: 'Carry out a deletion request through the same path as a self-service deletion',
        params: Type.Object({ requestId: Uuid }, { additionalProperties: false }),
        response: {
          200: Type.Object({ outcome: Type.Union([Type.Literal('completed'), Type.Literal('no_account')]) }),
          ...errorResponses,
          ...serviceErrors,
        },
      },
    },
    async (request) => app.services.accounts.completeRequest(request.actor, request.params.requestId),
  );
};

export default accountRoutes;
