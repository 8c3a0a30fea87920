import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ohioToday } from '../../features/labor/labor-text';
import { hourLimitsForAge } from '../../features/labor/hour-limits';
import { ageOn } from '../../features/labor/planner-plan';
import { PlannerForm } from '../../features/labor/planner-form';
import { Citation } from '../../features/labor/reasons';
import { readStudentBirthdate, SignInRequiredError } from '../../features/labor/student-birthdate';
import { requireViewer } from '../../lib/viewer';

export const metadata: Metadata = { title: 'Hours planner' };

async function studentAgeToday(accessToken: string): Promise<number> {
  try {
    return ageOn(await readStudentBirthdate(accessToken), ohioToday());
  } catch (error) {
    if (error instanceof SignInRequiredError) redirect('/sign-in?next=/planner');
    throw error;
  }
}

export default async function PlannerPage() {
  const viewer = await requireViewer(['student'], '/planner');
  const age = await studentAgeToday(viewer.accessToken);
  const limits = hourLimitsForAge(age);

  return (
    <section className="page">
      <h1>Hours planner</h1>
      <p>
        Enter the shifts you plan to work across all your jobs, for a week or more. ClockIn adds up your hours per day
        and per week and checks every shift against Ohio and federal rules for your age on its date. Nothing you enter
        here is saved or shown to employers.
      </p>

      <section aria-labelledby="planner-limits-heading" className="panel">
        <h2 id="planner-limits-heading">Your limits at {age}</h2>
        {limits.length === 0 ? (
          <p>Ohio’s limits on working hours for minors do not apply to you.</p>
        ) : (
          <ul className="schedule">
            {limits.map((limit) => (
              <li key={limit.rule}>
                {limit.text} <Citation citation={limit.citation} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <h2>Your plan</h2>
      <PlannerForm />
    </section>
  );
}
