/**
 * The statement an organization's admin confirms at registration: its duties under Ohio's
 * minor labor law (Ohio Revised Code chapter 4109) and the federal rules for 14- and
 * 15-year-olds. The web app shows this text beside the checkbox, and the database records the
 * version with the admin's user id and the time. A change to the text needs a new version.
 */
export const dutiesStatementVersion = 'ohio-minor-labor-2025-1';

export interface EmployerDuty {
  id: 'hours' | 'breaks' | 'work-permits' | 'posting' | 'records';
  title: string;
  text: string;
}

export const employerDuties: readonly EmployerDuty[] = [
  {
    id: 'hours',
    title: 'Hours',
    text:
      'Schedule workers under 18 only within the hour limits. Ages 14 and 15: never during school hours, at most ' +
      '3 hours on a school day and 18 in a school week, and only from 7 a.m. to 7 p.m. (9 p.m. from June 1). ' +
      'Ages 16 and 17 still in school: not before 7 a.m. on a school day and not after 11 p.m. before one ' +
      '(ORC 4109.07; 29 CFR 570.35).',
  },
  {
    id: 'breaks',
    title: 'Breaks',
    text: 'Give every worker under 18 a rest period of at least 30 minutes when they work more than 5 hours in a row (ORC 4109.07(C)).',
  },
  {
    id: 'work-permits',
    title: 'Work permits',
    text:
      'Before a worker under 18 starts, hold the work permit (age and schooling certificate) the law requires, or ' +
      "where the law allows it for summer work, proof of age and a parent's signed consent (ORC 4109.02).",
  },
  {
    id: 'posting',
    title: 'Posting',
    text: "Post the list of minors you employ next to the state's summary of the minor labor law where they work (ORC 4109.08).",
  },
  {
    id: 'records',
    title: 'Records',
    text: "Keep a record of each minor's hours, start and end times, meal breaks and pay for 2 years (ORC 4109.11).",
  },
];

export const dutiesStatementIntro =
  'As an admin of this organization, I confirm that it will meet its duties under Ohio’s minor labor law ' +
  'for every worker under 18 it hires through ClockIn:';
