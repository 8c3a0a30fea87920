import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DateTime, ErrorResponse, errorResponses, Uuid } from '../schemas/common.ts';
import { OrganizationRole } from '../schemas/organizations.ts';

const Member = Type.Object({
  userId: Uuid,
  role: OrganizationRole,
  givenName: Type.String(),
  familyName: Type.String(),
  email: Type.String(),
  joinedAt: DateTime,
});

const Invitation = Type.Object({
  id: Uuid,
  email: Type.String(),
  role: OrganizationRole,
  expiresAt: DateTime,
});

const MemberParams = Type.Object({ userId: Uuid }, { additionalProperties: false });
const InvitationParams = Type.Object({ invitationId: Uuid }, { additionalProperties: false });

/** Members, roles and invitations of the caller's organization. Changes are for admins and audited. */
const organizationTeamRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/employer/members',
    {
      schema: {
        summary: "The organization's members and their roles",
        response: { 200: Type.Object({ members: Type.Array(Member) }), ...errorResponses },
      },
    },
    async (request) => ({ members: await app.services.organizationTeam.members(request.actor) }),
  );

  app.put(
    '/employer/members/:userId/role',
    {
      schema: {
        summary: "Change a member's role; the last admin cannot step down",
        params: MemberParams,
        body: Type.Object({ role: OrganizationRole }, { additionalProperties: false }),
        response: { 200: Member, ...errorResponses, 409: ErrorResponse, 503: ErrorResponse },
      },
    },
    async (request) =>
      app.services.organizationTeam.changeRole(request.actor, request.params.userId, request.body.role),
  );

  app.delete(
    '/employer/members/:userId',
    {
      schema: {
        summary: 'Remove a member; their access ends with their next request',
        params: MemberParams,
        response: { 204: Type.Null(), ...errorResponses, 409: ErrorResponse, 503: ErrorResponse },
      },
    },
    async (request, reply) => {
      await app.services.organizationTeam.removeMember(request.actor, request.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/employer/invitations',
    {
      schema: {
        summary: 'Invitations that can still be accepted',
        response: {
          200: Type.Object({ invitations: Type.Array(Type.Object({ ...Invitation.properties, createdAt: DateTime })) }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ invitations: await app.services.organizationTeam.invitations(request.actor) }),
  );

  app.post(
    '/employer/invitations',
    {
      schema: {
        summary: 'Invite a person by email; the link works once and expires after 7 days',
        body: Type.Object(
          { email: Type.String({ format: 'email', maxLength: 254 }), role: OrganizationRole },
          { additionalProperties: false },
        ),
        response: { 201: Invitation, ...errorResponses, 409: ErrorResponse, 503: ErrorResponse },
      },
    },
    async (request, reply) => {
      const invitation = await app.services.organizationTeam.invite(
        request.actor,
        request.body.email,
        request.body.role,
      );
      return reply.status(201).send(invitation);
    },
  );

  app.delete(
    '/employer/invitations/:invitationId',
    {
      schema: {
        summary: 'Withdraw an invitation that was not accepted yet',
        params: InvitationParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await app.services.organizationTeam.revokeInvitation(request.actor, request.params.invitationId);
      return reply.status(204).send(null);
    },
  );
};

export default organizationTeamRoutes;
