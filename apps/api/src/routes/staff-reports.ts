import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DateTime, ErrorResponse, errorResponses, Uuid } from '../schemas/common.ts';
import { ReportCategory, ReportTargetType } from './reports.ts';

const ReportOutcome = Type.Union(
  [
    Type.Literal('no_violation'),
    Type.Literal('warning_issued'),
    Type.Literal('action_taken'),
    Type.Literal('escalated'),
  ],
  {
    description:
      'no_violation: nothing wrong found; warning_issued: the employer or student was warned; ' +
      'action_taken: content removed or an account suspended; escalated: passed to the authorities',
  },
);

const ReportStatus = Type.Union([Type.Literal('open'), Type.Literal('resolved')]);

const queueFields = {
  id: Uuid,
  targetType: ReportTargetType,
  category: ReportCategory,
  reporterRole: Type.Union([Type.Literal('student'), Type.Literal('employer')]),
  organizationId: Uuid,
  organizationName: Type.String(),
  listingId: Type.Union([Uuid, Type.Null()]),
  listingTitle: Type.Union([Type.String(), Type.Null()]),
  messageId: Type.Union([Uuid, Type.Null()]),
  status: ReportStatus,
  outcome: Type.Union([ReportOutcome, Type.Null()]),
  createdAt: DateTime,
  dueAt: DateTime,
  decidedAt: Type.Union([DateTime, Type.Null()]),
  secondsLeft: Type.Integer({
    description: 'Seconds to the 24-hour target, negative when past it. For a decided report, the margin it had',
  }),
  overdue: Type.Boolean(),
};

const QueuedReport = Type.Object(queueFields, { additionalProperties: false });

const ReportCase = Type.Object(
  {
    report: Type.Object(
      {
        ...queueFields,
        details: Type.Union([Type.String(), Type.Null()]),
        decisionNote: Type.Union([Type.String(), Type.Null()]),
        decidedBy: Type.Union([Uuid, Type.Null()]),
        messageBody: Type.Union([Type.String(), Type.Null()], { description: 'The reported message as stored' }),
        messageSenderRole: Type.Union([Type.Literal('student'), Type.Literal('employer'), Type.Null()]),
        messageSentAt: Type.Union([DateTime, Type.Null()]),
      },
      { additionalProperties: false },
    ),
    auditTrail: Type.Array(
      Type.Object(
        {
          occurredAt: DateTime,
          actorId: Type.Union([Uuid, Type.Null()]),
          actorRole: Type.String(),
          action: Type.String({ description: 'report.created, unsafe.report.read, report.decided' }),
          details: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()])),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

const ReportIdParams = Type.Object({ reportId: Uuid }, { additionalProperties: false });

/** ClockIn staff's report queue. Each read and decision goes into the audit log. */
const staffReportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/staff/reports',
    {
      schema: {
        summary: 'Reports, open ones first by the nearest 24-hour deadline',
        querystring: Type.Object(
          {
            status: Type.Optional(ReportStatus),
            category: Type.Optional(ReportCategory),
            targetType: Type.Optional(ReportTargetType),
            overdue: Type.Optional(Type.Boolean({ description: 'Only open reports past their 24-hour target' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ reports: Type.Array(QueuedReport) }), ...errorResponses },
      },
    },
    async (request) => ({ reports: await app.services.reports.queue(request.actor, request.query) }),
  );

  app.get(
    '/staff/reports/:reportId',
    {
      schema: {
        summary: 'One report with the reported message and the audit trail',
        params: ReportIdParams,
        response: { 200: ReportCase, ...errorResponses },
      },
    },
    async (request) => app.services.reports.get(request.actor, request.params.reportId),
  );

  app.post(
    '/staff/reports/:reportId/decision',
    {
      schema: {
        summary: 'Decide an open report with an outcome and an optional note for the record',
        params: ReportIdParams,
        body: Type.Object(
          { outcome: ReportOutcome, note: Type.Optional(Type.String({ maxLength: 2000 })) },
          { additionalProperties: false },
        ),
        response: { 200: ReportCase, 409: ErrorResponse, ...errorResponses },
      },
    },
    async (request) =>
      app.services.reports.decide(request.actor, request.params.reportId, {
        outcome: request.body.outcome,
        note: request.body.note ?? null,
      }),
  );
};

export default staffReportRoutes;
