import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../errors.ts';
import { ErrorResponse, errorResponses, Uuid } from '../schemas/common.ts';

const identityErrors = { 429: ErrorResponse, 503: ErrorResponse };

const sessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/sessions/sign-out-everywhere',
    {
      schema: {
        summary: 'Sign the caller out on every device; older access tokens stop working at once',
        response: { 204: Type.Null(), ...errorResponses, ...identityErrors },
      },
    },
    async (request, reply) => {
      if (!request.caller)
        throw new AppError('Unauthorized', 'Sign in to continue: this request needs an access token.');
      await app.services.sessions.signOutEverywhere(request.caller);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/password-resets/confirm',
    {
      config: { public: true },
      schema: {
        summary: 'Set a new password with the emailed code; signs the user out everywhere',
        body: Type.Object(
          {
            email: Type.String({ format: 'email', maxLength: 254 }),
            code: Type.String({ pattern: '^[0-9]{6}$' }),
            newPassword: Type.String({ minLength: 1, maxLength: 256 }),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errorResponses, ...identityErrors },
      },
    },
    async (request, reply) => {
      await app.services.sessions.confirmPasswordReset(request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/staff/users/:userId/suspension',
    {
      schema: {
        summary: 'Suspend a user: sign-in is refused and their access tokens stop working at once',
        params: Type.Object({ userId: Uuid }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...errorResponses, ...identityErrors },
      },
    },
    async (request, reply) => {
      await app.services.sessions.suspendUser(request.actor, request.params.userId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/staff/users/:userId/mfa-reset',
    {
      schema: {
        summary: "Reset a user's MFA after a lost device: their sessions end and they set MFA up again",
        params: Type.Object({ userId: Uuid }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...errorResponses, ...identityErrors },
      },
    },
    async (request, reply) => {
      await app.services.sessions.resetMfa(request.actor, request.params.userId);
      return reply.code(204).send(null);
    },
  );
};

export default sessionRoutes;
