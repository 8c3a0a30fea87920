import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { MESSAGE_LENGTH_MAX } from '../services/messages.ts';
import { DateTime, ErrorResponse, errorResponses, Uuid } from '../schemas/common.ts';
import { ApplicationStatus } from './applications.ts';

const ApplicationIdParams = Type.Object({ applicationId: Uuid }, { additionalProperties: false });

const Message = Type.Object(
  {
    id: Uuid,
    sender: Type.Union([Type.Literal('student'), Type.Literal('employer')]),
    text: Type.String({ description: 'As stored: contact details are masked until the student shares them' }),
    maskedKinds: Type.Array(Type.String(), { description: 'What masking hid: email, link, phone, handle' }),
    sentAt: DateTime,
    readAt: Type.Union([DateTime, Type.Null()]),
  },
  { additionalProperties: false },
);

interface StoredMessage {
  id: string;
  senderRole: 'student' | 'employer';
  body: string;
  maskedKinds: string[];
  createdAt: Date;
  readAt: Date | null;
}

const toMessage = (message: StoredMessage) => ({
  id: message.id,
  sender: message.senderRole,
  text: message.body,
  maskedKinds: message.maskedKinds,
  sentAt: message.createdAt,
  readAt: message.readAt,
});

const Thread = Type.Object(
  {
    applicationId: Uuid,
    listingTitle: Type.String(),
    counterpartName: Type.String({ description: "The employer's name for a student, the student's for an employer" }),
    status: ApplicationStatus,
    contactShared: Type.Boolean(),
    blocked: Type.Boolean({ description: 'Whether the student has blocked the employer' }),
    canSend: Type.Boolean(),
    messages: Type.Array(Message),
  },
  { additionalProperties: false },
);

const BlockedOrganization = Type.Object(
  { organizationId: Uuid, organizationName: Type.String(), blockedAt: DateTime },
  { additionalProperties: false },
);

const messageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/messages',
    {
      schema: {
        summary: "The caller's message threads, the most recent first, with unread counts",
        response: {
          200: Type.Object({
            threads: Type.Array(
              Type.Object(
                {
                  applicationId: Uuid,
                  listingTitle: Type.String(),
                  counterpartName: Type.String(),
                  lastMessageAt: DateTime,
                  unread: Type.Integer(),
                },
                { additionalProperties: false },
              ),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ threads: await app.services.messages.inbox(request.actor) }),
  );

  app.get(
    '/applications/:applicationId/messages',
    {
      schema: {
        summary: "An application's thread; reading it marks the other side's messages as read",
        params: ApplicationIdParams,
        response: { 200: Thread, ...errorResponses },
      },
    },
    async (request) => {
      const thread = await app.services.messages.thread(request.actor, request.params.applicationId);
      return { ...thread, messages: thread.messages.map(toMessage) };
    },
  );

  app.post(
    '/applications/:applicationId/messages',
    {
      schema: {
        summary: 'Write in the thread; contact details are masked until the student shares them',
        params: ApplicationIdParams,
        body: Type.Object(
          { text: Type.String({ minLength: 1, maxLength: MESSAGE_LENGTH_MAX }) },
          { additionalProperties: false },
        ),
        response: { 201: Message, 409: ErrorResponse, 429: ErrorResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const message = await app.services.messages.send(request.actor, request.params.applicationId, request.body.text);
      return reply.status(201).send(toMessage(message));
    },
  );

  app.get(
    '/students/me/blocks',
    {
      schema: {
        summary: 'Employers the student has blocked',
        response: { 200: Type.Object({ blocks: Type.Array(BlockedOrganization) }), ...errorResponses },
      },
    },
    async (request) => ({ blocks: await app.services.messages.blocks(request.actor) }),
  );

  app.post(
    '/students/me/blocks',
    {
      schema: {
        summary: 'Block an employer: no more messages or contact requests, and contact sharing ends',
        body: Type.Object({ organizationId: Uuid }, { additionalProperties: false }),
        response: { 200: Type.Object({}), 201: Type.Object({}), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { created } = await app.services.messages.block(request.actor, request.body.organizationId);
      return reply.status(created ? 201 : 200).send({});
    },
  );

  app.delete(
    '/students/me/blocks/:organizationId',
    {
      schema: {
        summary: 'Unblock an employer',
        params: Type.Object({ organizationId: Uuid }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await app.services.messages.unblock(request.actor, request.params.organizationId);
      return reply.status(204).send(null);
    },
  );
};

export default messageRoutes;
