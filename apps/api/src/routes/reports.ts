import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DateTime, ErrorResponse, errorResponses, Uuid } from '../schemas/common.ts';

export const ReportCategory = Type.Union(
  [
    Type.Literal('scam_or_fee'),
    Type.Literal('inappropriate_content'),
    Type.Literal('meet_alone_or_off_platform'),
    Type.Literal('illegal_hours_or_hazards'),
    Type.Literal('other'),
  ],
  {
    description:
      'scam_or_fee: a scam or a fee asked; inappropriate_content: inappropriate or sexual content; ' +
      'meet_alone_or_off_platform: asked to meet alone or to move the chat off ClockIn; ' +
      'illegal_hours_or_hazards: asked to work illegal hours or hazardous duties; other',
  },
);

export const ReportTargetType = Type.Union([
  Type.Literal('listing'),
  Type.Literal('organization'),
  Type.Literal('message'),
]);

const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/reports',
    {
      schema: {
        summary: 'Report a listing, an employer or a message to ClockIn staff; the reporter gets an email',
        body: Type.Object(
          {
            targetType: ReportTargetType,
            targetId: Uuid,
            category: ReportCategory,
            details: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object(
            {
              id: Uuid,
              createdAt: DateTime,
              dueAt: DateTime,
            },
            { additionalProperties: false },
          ),
          429: ErrorResponse,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => reply.status(201).send(await app.services.reports.create(request.actor, request.body)),
  );
};

export default reportRoutes;
