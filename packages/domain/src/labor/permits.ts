// The work permit a minor needs in Ohio (ORC 4109.02 and chapter 3331), and the steps to get it.

import type { SchoolCalendar } from './calendar.ts';
import { DUTIES, type DutyId } from './duties.ts';
import { MINIMUM_AGE_RULE } from './rules.ts';
import type { WorkPermit } from './types.ts';

const CERTIFICATE_CITATION = 'ORC 4109.02; ORC 3331.01';
const SUMMER_CITATION = 'ORC 4109.02';

const CERTIFICATE_STEPS = [
  'Get a job offer first. The permit names one employer, so every new job needs a new permit.',
  'Fill in the work permit application. Your parent or guardian signs it to agree to the job.',
  'Ask the employer to fill in their part of the application and sign the employer pledge.',
  "Send the application to the superintendent's office of the school district you live in. " +
    'Students of a private or community school send it to their school instead.',
];

const SUMMER_STEPS = [
  'Give the employer proof of your age, such as a birth certificate or a state ID.',
  'Give the employer a statement signed by your parent or guardian saying they agree to this job.',
];

const EMPLOYER_DUTIES = [
  "Keep a record of the minor's hours, start and end times, meal breaks and pay for 2 years (ORC 4109.11).",
  "Post the list of minors employed next to the state's summary of the minor labor law (ORC 4109.08).",
];

/** Facts the permit depends on. `ages` lists the worker's age on each shift. */
export interface PermitFacts {
  ages: readonly number[];
  /** Age from the request, used when there are no shifts. */
  fixedAge: number | null;
  shiftDates: readonly string[];
  duties: readonly DutyId[];
  calendar: SchoolCalendar;
}

function certificate(message: string): WorkPermit {
  return {
    needed: true,
    kind: 'age-and-schooling-certificate',
    citation: CERTIFICATE_CITATION,
    summerOnly: false,
    onePerEmployer: true,
    message,
    steps: [...CERTIFICATE_STEPS],
    employerDuties: [...EMPLOYER_DUTIES],
  };
}

/** Returns whether a duty is banned for everyone under 18, which rules out the summer exception. */
function isHazardous(dutyId: DutyId): boolean {
  return DUTIES[dutyId].prohibitions.some((prohibition) => prohibition.underAge === 18);
}

/**
 * Decides the work permit from the youngest age on any shift. Ages 14–15 need an age and
 * schooling certificate all year. Ages 16–17 need one too, unless every shift they work falls
 * in summer vacation and no duty is hazardous, in which case proof of age and a parent's signed
 * consent are enough.
 */
export function determineWorkPermit(facts: PermitFacts): WorkPermit {
  let ages = facts.ages;
  if (ages.length === 0 && facts.fixedAge !== null) ages = [facts.fixedAge];
  // With no ages at all, the minimum is Infinity and no permit is needed.
  const youngest = Math.min(...ages);

  if (youngest >= 18) {
    return {
      needed: false,
      kind: 'none',
      citation: '',
      summerOnly: false,
      onePerEmployer: false,
      message: 'You do not need a work permit at 18 or older.',
      steps: [],
      employerDuties: [],
    };
  }

  if (youngest < MINIMUM_AGE_RULE.minimumAge) {
    return {
      ...certificate(`You must be at least ${MINIMUM_AGE_RULE.minimumAge} to get a work permit for this job.`),
      needed: false,
      kind: 'not-eligible',
      citation: MINIMUM_AGE_RULE.citation,
      steps: [],
    };
  }

  if (youngest < 16) {
    return certificate(
      'You need a work permit (an Ohio age and schooling certificate) for any job at 14 or 15, all year round.',
    );
  }

  const minorDates = facts.shiftDates.filter((_date, index) => (facts.ages[index] ?? 18) < 18);
  const summerOnly = minorDates.length > 0 && minorDates.every((date) => facts.calendar.isInSummerVacation(date));
  if (!summerOnly) {
    return certificate(
      'You need a work permit (an Ohio age and schooling certificate) for work during the school year.',
    );
  }
  if (facts.duties.some(isHazardous)) {
    return {
      ...certificate(
        'This job includes hazardous work, so even summer work needs a work permit (an Ohio age and schooling certificate).',
      ),
      summerOnly: true,
    };
  }

  return {
    needed: true,
    kind: 'proof-of-age-and-parent-consent',
    citation: SUMMER_CITATION,
    summerOnly: true,
    onePerEmployer: true,
    message:
      'For summer-only work you do not need a full work permit. Proof of your age and a signed note ' +
      'from your parent or guardian are enough.',
    steps: [...SUMMER_STEPS],
    employerDuties: [...EMPLOYER_DUTIES],
  };
}
