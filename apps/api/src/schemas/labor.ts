import { DUTY_IDS } from '@clockin/domain';
import { Type } from 'typebox';
import { Shift } from './common.ts';

export const Duty = Type.Union(DUTY_IDS.map((id) => Type.Literal(id)));
export const Duties = Type.Array(Duty, { maxItems: 40, description: 'Tasks the job involves, from the fixed list' });
export const MinimumAge = Type.Union([Type.Literal(15), Type.Literal(16), Type.Literal(18)], {
  description: "The employer's minimum age: it narrows what the law allows, never widens it",
});

export const Violation = Type.Object({ rule: Type.String(), citation: Type.String(), message: Type.String() });

const BandSummary = Type.Object({
  band: Type.String(),
  verdict: Type.Union([Type.Literal('all'), Type.Literal('some'), Type.Literal('none')]),
  allowedShifts: Type.Array(Type.Integer()),
  reasons: Type.Array(Violation),
  excludedByEmployer: Type.Boolean(),
});

const SeasonSummary = Type.Object({
  allowedBands: Type.Array(Type.String()),
  workableBands: Type.Array(Type.String()),
  bands: Type.Array(BandSummary),
});

export const LaborSummary = Type.Object({ schoolYear: SeasonSummary, summer: SeasonSummary });

export const WorkPermit = Type.Object({
  needed: Type.Boolean(),
  kind: Type.String(),
  citation: Type.String(),
  summerOnly: Type.Boolean(),
  onePerEmployer: Type.Boolean(),
  message: Type.String(),
  steps: Type.Array(Type.String()),
  employerDuties: Type.Array(Type.String()),
});

export const PersonalVerdict = Type.Object({
  age: Type.Integer(),
  band: Type.Union([Type.String(), Type.Null()]),
  weekStart: Type.String({ format: 'date' }),
  shifts: Type.Array(
    Type.Object({
      day: Type.Integer(),
      start: Type.String(),
      end: Type.String(),
      breakMinutes: Type.Optional(Type.Integer()),
      date: Type.String({ format: 'date' }),
      allowed: Type.Boolean(),
      violations: Type.Array(Violation),
    }),
  ),
  canApply: Type.Boolean(),
  blockers: Type.Array(Type.String()),
  limits: Type.Array(Type.Object({ rule: Type.String(), citation: Type.String(), text: Type.String() })),
  workPermit: WorkPermit,
  assumedSchoolCalendar: Type.Boolean(),
});

export const ScheduleCheckBody = Type.Object(
  {
    schedule: Type.Array(Shift, { minItems: 1, maxItems: 21 }),
    duties: Type.Optional(Duties),
    minimumAge: Type.Optional(MinimumAge),
  },
  { additionalProperties: false },
);

export const ScheduleCheckResponse = Type.Object({ summary: LaborSummary, warnings: Type.Array(Type.String()) });
