import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../errors.ts';
import { DateTime, ErrorResponse, errorResponses, Uuid } from '../schemas/common.ts';
import { OrganizationDetailsView } from '../schemas/organizations.ts';

const OrganizationStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('verified'),
  Type.Literal('rejected'),
  Type.Literal('suspended'),
]);

const OrganizationForVerification = Type.Object({
  id: Uuid,
  ...OrganizationDetailsView.properties,
  status: OrganizationStatus,
  rejectionReason: Type.Union([Type.String(), Type.Null()]),
  suspensionReason: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
  submittedAt: DateTime,
  memberCount: Type.Integer(),
  acknowledgement: Type.Union([
    Type.Object({
      acknowledgedBy: Uuid,
      acknowledgedAt: DateTime,
      statementVersion: Type.String(),
      duties: Type.Array(Type.String()),
    }),
    Type.Null(),
  ]),
  decisions: Type.Array(
    Type.Object({
      action: Type.String({ description: 'The audit action, such as organization.verified' }),
      decidedBy: Type.Union([Uuid, Type.Null()], { description: "The staff member's user id" }),
      decidedAt: DateTime,
    }),
  ),
});

const OrganizationParams = Type.Object({ organizationId: Uuid }, { additionalProperties: false });
const Reason = Type.String({ minLength: 3, maxLength: 1000 });
const Decided = Type.Object({ organizationId: Uuid, status: OrganizationStatus });
const decisionResponses = { 200: Decided, ...errorResponses, 409: ErrorResponse };

/** ClockIn staff's organization verification queue. Every call is audited. */
const staffVerificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/staff/organizations',
    {
      schema: {
        summary: 'Organizations in one status, longest waiting first, with who decided what and when',
        querystring: Type.Object(
          {
            status: Type.Optional(OrganizationStatus),
            olderThanDays: Type.Optional(
              Type.Integer({ minimum: 0, maximum: 365, description: 'Only requests waiting at least this many days' }),
            ),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ organizations: Type.Array(OrganizationForVerification) }), ...errorResponses },
      },
    },
    async (request) => ({
      organizations: await app.services.organizationVerification.queue(request.actor, {
        status: request.query.status ?? 'pending',
        olderThanDays: request.query.olderThanDays,
        limit: request.query.limit ?? 100,
      }),
    }),
  );

  app.post(
    '/staff/organizations/:organizationId/decision',
    {
      schema: {
        summary: 'Verify a pending organization, or reject it with a reason the employer sees',
        params: OrganizationParams,
        body: Type.Object(
          {
            decision: Type.Union([Type.Literal('verify'), Type.Literal('reject')]),
            reason: Type.Optional(
              Type.String({ minLength: 3, maxLength: 1000, description: 'Required to reject. The employer sees it.' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: decisionResponses,
      },
    },
    async (request) => {
      const { decision, reason } = request.body;
      if (decision === 'reject' && reason === undefined) {
        throw new AppError('ValidationError', 'reason is required to reject an organization.', 'reason');
      }
      const input = decision === 'reject' ? { decision, reason: reason as string } : { decision };
      return {
        organizationId: request.params.organizationId,
        status: await app.services.organizationVerification.decide(request.actor, request.params.organizationId, input),
      };
    },
  );

  app.post(
    '/staff/organizations/:organizationId/suspension',
    {
      schema: {
        summary: 'Suspend a verified organization: its listings leave search and its people lose access at once',
        params: OrganizationParams,
        body: Type.Object({ reason: Reason }, { additionalProperties: false }),
        response: decisionResponses,
      },
    },
    async (request) => ({
      organizationId: request.params.organizationId,
      status: await app.services.organizationVerification.decide(request.actor, request.params.organizationId, {
        decision: 'suspend',
        reason: request.body.reason,
      }),
    }),
  );

  app.post(
    '/staff/organizations/:organizationId/reinstatement',
    {
      schema: {
        summary: 'Reinstate a suspended organization as verified',
        params: OrganizationParams,
        response: decisionResponses,
      },
    },
    async (request) => ({
      organizationId: request.params.organizationId,
      status: await app.services.organizationVerification.decide(request.actor, request.params.organizationId, {
        decision: 'reinstate',
      }),
    }),
  );
};

export default staffVerificationRoutes;
