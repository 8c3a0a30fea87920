import { DUTY_IDS } from '@clockin/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, Time } from '../schemas/common.ts';
import { ScheduleCheckBody, ScheduleCheckResponse } from '../schemas/labor.ts';
import { checkLabor, checkListingSchedule, toMinimumAge } from '../services/labor.ts';

const IsoDate = Type.String({ format: 'date' });

const LaborCheckBody = Type.Object(
  {
    age: Type.Optional(Type.Integer({ minimum: 0, maximum: 130 })),
    birthdate: Type.Optional(IsoDate),
    graduated: Type.Optional(Type.Boolean()),
    flsaCovered: Type.Optional(Type.Boolean()),
    schoolDays: Type.Optional(Type.Array(IsoDate, { maxItems: 400 })),
    schoolHours: Type.Optional(Type.Object({ start: Time, end: Time }, { additionalProperties: false })),
    duties: Type.Optional(Type.Array(Type.Union(DUTY_IDS.map((id) => Type.Literal(id))), { maxItems: 40 })),
    shifts: Type.Array(
      Type.Object(
        {
          date: IsoDate,
          start: Time,
          end: Time,
          breakMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 720 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);

const Violation = Type.Object({ rule: Type.String(), citation: Type.String(), message: Type.String() });

const LaborCheckResponse = Type.Object({
  allowed: Type.Boolean(),
  shifts: Type.Array(Type.Object({ allowed: Type.Boolean(), violations: Type.Array(Violation) })),
  workPermit: Type.Object({
    needed: Type.Boolean(),
    kind: Type.String(),
    citation: Type.String(),
    summerOnly: Type.Boolean(),
    onePerEmployer: Type.Boolean(),
    message: Type.String(),
    steps: Type.Array(Type.String()),
    employerDuties: Type.Array(Type.String()),
  }),
  assumedSchoolCalendar: Type.Boolean(),
});

const laborRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/labor/check',
    {
      config: { public: true },
      schema: {
        summary: 'Check dated shifts against Ohio and federal rules for workers under 18',
        body: LaborCheckBody,
        response: { 200: LaborCheckResponse, ...errorResponses },
      },
    },
    async (request) => checkLabor(request.body),
  );

  app.post(
    '/labor/schedule-check',
    {
      config: { public: true },
      schema: {
        summary: "Which age bands may work a listing's weekly schedule, with warnings for the listing editor",
        body: ScheduleCheckBody,
        response: { 200: ScheduleCheckResponse, ...errorResponses },
      },
    },
    async (request) =>
      checkListingSchedule({
        schedule: request.body.schedule,
        duties: request.body.duties ?? [],
        minimumAge: toMinimumAge(request.body.minimumAge ?? 15),
      }),
  );
};

export default laborRoutes;
