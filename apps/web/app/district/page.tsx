import type { Metadata } from 'next';
import Link from 'next/link';
import { BarChartFigure, type ChartRow } from '../../features/district/bar-chart-figure';
import { countText } from '../../features/district/count-text';
import { getDistrictDashboard, type DistrictDashboard } from '../../features/district/district-api';
import { districtErrorMessage } from '../../features/district/district-page-guard';
import { formatDate, GRADE_LEVELS } from '../../lib/format';
import { requireViewer } from '../../lib/viewer';

export const metadata: Metadata = { title: 'District dashboard' };

const DISTANCES = [5, 10, 25, 50] as const;
const OUTCOMES = [
  { key: 'open', label: 'Open' },
  { key: 'hired', label: 'Hired' },
  { key: 'not_selected', label: 'Not selected' },
  { key: 'withdrawn', label: 'Withdrawn' },
];
const MONTH_FORMAT = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });

function monthLabel(month: string): string {
  return MONTH_FORMAT.format(new Date(`${month}-01T00:00:00Z`));
}

function studentsBySchoolRows(dashboard: DistrictDashboard): ChartRow[] {
  const rows = new Map<string, ChartRow>();
  for (const cell of dashboard.studentsBySchoolAndGrade) {
    const row = rows.get(cell.schoolId) ?? { label: cell.schoolName, values: {} };
    row.values[cell.gradeLevel] = cell.students;
    rows.set(cell.schoolId, row);
  }
  return [...rows.values()];
}

function applicationRows(dashboard: DistrictDashboard): ChartRow[] {
  const rows = new Map<string, ChartRow>();
  for (const cell of dashboard.applicationsByMonth) {
    const row = rows.get(cell.month) ?? { label: monthLabel(cell.month), values: {} };
    row.values[cell.outcome] = cell.applications;
    rows.set(cell.month, row);
  }
  return [...rows.values()];
}

export default async function DistrictDashboardPage({
  searchParams,
}: {
  searchParams: Promise<{ distanceMiles?: string }>;
}) {
  const viewer = await requireViewer(['district_admin'], '/district');
  const requested = Number((await searchParams).distanceMiles);
  const distanceMiles = DISTANCES.find((distance) => distance === requested) ?? 10;

  let dashboard: DistrictDashboard;
  try {
    dashboard = await getDistrictDashboard(viewer.accessToken, distanceMiles);
  } catch (error) {
    const message = districtErrorMessage(error);
    if (!message) throw error;
    return (
      <section className="page">
        <h1>District dashboard</h1>
        <p className="notice notice-info">{message}</p>
      </section>
    );
  }

  const { district, totals } = dashboard;
  return (
    <section className="page">
      <h1>{district.name}</h1>
      <p>
        {district.county} County · IRN {district.districtId} · partner since {formatDate(district.partnershipStartedAt)}
      </p>
      <p className="field-hint">
        Only what students gave ClockIn: no grades, discipline records or IEPs. To protect students, any count drawn
        from fewer than 5 students shows “fewer than 5”, and a count that would let someone work one out shows
        “withheld”.
      </p>
      <dl className="facts stat-list">
        <div>
          <dt>Students on ClockIn</dt>
          <dd>{countText(totals.students)}</dd>
        </div>
        <div>
          <dt>Students hired</dt>
          <dd>{countText(totals.studentsHired)}</dd>
        </div>
        <div>
          <dt>Active listings within {dashboard.listingsNearSchools.distanceMiles} miles</dt>
          <dd>{dashboard.listingsNearSchools.total}</dd>
        </div>
      </dl>
      <p className="button-row">
        <Link href="/district/students" className="button button-secondary">
          Student list
        </Link>
        <Link href="/district/exports" className="button button-secondary">
          Exports
        </Link>
      </p>

      <BarChartFigure
        id="students-by-school"
        title="Students by school and grade level"
        description="Students with a ClockIn account at each of the district's schools."
        rowHeader="School"
        rows={studentsBySchoolRows(dashboard)}
        series={GRADE_LEVELS.map((grade) => ({ key: grade.value, label: grade.label }))}
        stacked
      />
      <BarChartFigure
        id="applications-by-month"
        title="Applications and their outcomes"
        description="Applications sent in each of the last 12 months, by their status today."
        rowHeader="Month"
        rows={applicationRows(dashboard)}
        series={OUTCOMES}
        stacked
      />
      <BarChartFigure
        id="hires-by-school"
        title="Students hired"
        description="Students with at least one application marked hired, by school."
        rowHeader="School"
        rows={dashboard.hiresBySchool.map((row) => ({ label: row.schoolName, values: { students: row.students } }))}
        series={[{ key: 'students', label: 'Students hired' }]}
      />
      <BarChartFigure
        id="students-by-age"
        title="Students by age band"
        description="Age bands only: ClockIn never shows a student's birthdate to the district."
        rowHeader="Age band"
        rows={dashboard.studentsByAgeBand.map((row) => ({ label: row.ageBand, values: { students: row.students } }))}
        series={[{ key: 'students', label: 'Students' }]}
      />

      <form method="get" className="form inline-form" aria-label="Distance for nearby listings">
        <div className="field">
          <label htmlFor="distanceMiles">Distance from the district&apos;s schools</label>
          <select id="distanceMiles" name="distanceMiles" defaultValue={String(distanceMiles)}>
            {DISTANCES.map((distance) => (
              <option key={distance} value={distance}>
                {distance} miles
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          Show listings
        </button>
      </form>
      <BarChartFigure
        id="listings-near-schools"
        title={`Active listings within ${dashboard.listingsNearSchools.distanceMiles} miles`}
        description="Published listings whose address is within the distance of each school's ZIP code centre. These count jobs, not students."
        rowHeader="School"
        rows={dashboard.listingsNearSchools.schools.map((row) => ({
          label: row.schoolName,
          values: { listings: { count: row.listings, suppressed: null } },
        }))}
        series={[{ key: 'listings', label: 'Listings' }]}
      />
    </section>
  );
}
