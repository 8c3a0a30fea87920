// Ohio and federal labor rules for workers under 18: a pure module with no I/O.

export { ageBand, ageOn, type AgeBand } from './age.ts';
export { createSchoolCalendar, defaultSchoolYearStart, isDefaultSchoolDay, type SchoolCalendar } from './calendar.ts';
export { DUTIES, DUTY_IDS, isDutyId, type Duty, type DutyId, type DutyProhibition } from './duties.ts';
export { evaluateShifts } from './evaluate.ts';
export { federalHolidays, isObservedFederalHoliday, laborDay, type FederalHoliday } from './holidays.ts';
export { FIRST_VERSION_DATE, HOUR_RULES, MINIMUM_AGE_RULE, type HourRule, type HourRuleName } from './rules.ts';
export {
  LaborInputError,
  type LaborCheckRequest,
  type LaborVerdict,
  type SchoolHours,
  type ShiftInput,
  type ShiftVerdict,
  type Violation,
  type ViolationRule,
  type WorkPermit,
  type WorkPermitKind,
} from './types.ts';
export {
  evaluateWeeklySchedule,
  REFERENCE_WEEKS,
  type BandVerdict,
  type ScheduleReason,
  type Season,
  type SeasonVerdict,
  type WeeklyScheduleRequest,
  type WeeklyScheduleVerdict,
  type WeeklyShift,
} from './weekly.ts';
export {
  AGE_BANDS,
  firstFullWeek,
  hourLimitsFor,
  listingWarnings,
  personalVerdict,
  summarizeListing,
  type BandSummary,
  type HourLimit,
  type ListingLaborSummary,
  type MinimumAge,
  type PersonalShift,
  type PersonalVerdict,
  type SeasonSummary,
} from './listing.ts';
