// The paperwork each age band needs before a first day of work, for visitors who are not signed
// in as a student. A student's own permit comes from the labor engine, which decides it from
// their shift dates. This file has no imports, so e2e/labor.test.ts can load it and check the
// kinds and citations against the engine's permits in @clockin/domain.

export interface BandPermit {
  /** The engine's permit kind this line describes. */
  kind: 'none' | 'age-and-schooling-certificate' | 'proof-of-age-and-parent-consent';
  text: string;
  /** Empty when no permit is needed. */
  citation: string;
}

export const PERMITS_BY_BAND: Readonly<Record<'15' | '16–17' | '18+', readonly BandPermit[]>> = {
  '15': [
    {
      kind: 'age-and-schooling-certificate',
      text: 'A work permit (an Ohio age and schooling certificate) for any job, all year round.',
      citation: 'ORC 4109.02; ORC 3331.01',
    },
  ],
  '16–17': [
    {
      kind: 'age-and-schooling-certificate',
      text: 'A work permit (an Ohio age and schooling certificate) for work during the school year.',
      citation: 'ORC 4109.02; ORC 3331.01',
    },
    {
      kind: 'proof-of-age-and-parent-consent',
      text:
        'For work only in summer vacation, proof of age and a statement signed by a parent or guardian are ' +
        'enough, unless the job includes hazardous work.',
      citation: 'ORC 4109.02',
    },
  ],
  '18+': [{ kind: 'none', text: 'No work permit.', citation: '' }],
};
