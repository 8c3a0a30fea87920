import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../errors.ts';
import { DateTime, ErrorResponse, errorResponses, Uuid } from '../schemas/common.ts';
import { InvitationToken, OrganizationRole } from '../schemas/organizations.ts';

// The token travels in the request body, not the URL, so it never appears in request logs.
const TokenBody = Type.Object({ token: InvitationToken }, { additionalProperties: false });

/** Opening and accepting an emailed invitation to an organization. */
const invitationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/invitations/preview',
    {
      config: { public: true },
      schema: {
        summary: 'What an invitation link is for: the organization, the invited address and whether it still works',
        body: TokenBody,
        response: {
          200: Type.Object({
            organizationName: Type.String(),
            email: Type.String(),
            role: OrganizationRole,
            expiresAt: DateTime,
            state: Type.Union([
              Type.Literal('open'),
              Type.Literal('accepted'),
              Type.Literal('revoked'),
              Type.Literal('expired'),
            ]),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => app.services.invitations.preview(request.actor, request.body.token),
  );

  app.post(
    '/invitations/acceptance',
    {
      schema: {
        summary: 'Join the organization with the invited role; the caller must be signed in with the invited email',
        body: TokenBody,
        response: {
          200: Type.Object({
            organizationId: Uuid,
            role: OrganizationRole,
            signInAgain: Type.Boolean({
              description: 'A new admin was signed out and sets up MFA at the next sign-in',
            }),
          }),
          ...errorResponses,
          409: ErrorResponse,
          410: ErrorResponse,
          503: ErrorResponse,
        },
      },
    },
    async (request) => {
      if (!request.caller) throw new AppError('Unauthorized', 'Sign in to accept the invitation.');
      return app.services.invitations.accept(request.actor, request.caller, request.body.token);
    },
  );
};

export default invitationRoutes;
