import { sql } from 'kysely';
import { DistrictRepository } from '../tenant-repository.ts';
import type { GradeLevel } from '../schema.ts';
import { protectCount, protectCounts, type ProtectedCount } from './district-small-numbers.ts';

/** Application statuses grouped into the outcomes the dashboard charts. */
export type ApplicationOutcome = 'open' | 'hired' | 'not_selected' | 'withdrawn';

export interface DistrictDashboard {
  totals: {
    students: ProtectedCount;
    /** Students with at least one application marked hired. */
    studentsHired: ProtectedCount;
  };
  studentsBySchoolAndGrade: {
    schoolId: string;
    schoolName: string;
    gradeLevel: GradeLevel;
    students: ProtectedCount;
  }[];
  /** Applications by the month they were sent (Ohio time), over the last 12 months. */
  applicationsByMonth: { month: string; outcome: ApplicationOutcome; applications: ProtectedCount }[];
  hiresBySchool: { schoolId: string; schoolName: string; students: ProtectedCount }[];
  studentsByAgeBand: { ageBand: string; students: ProtectedCount }[];
  /** Published listings within the distance of a district school's ZIP centroid. Not student data. */
  listingsNearSchools: {
    distanceMiles: number;
    total: number;
    schools: { schoolId: string; schoolName: string; listings: number }[];
  };
}

const gradeOrder: GradeLevel[] = ['9', '10', '11', '12', 'graduated'];
const ageBandOrder = ['15', '16–17', '18+'];
const milesPerDegreeLatitude = 69;

/** Great-circle distance in miles between a listing and a ZIP centroid (haversine, Earth radius 3958.8 mi). */
const distanceMiles = sql<number>`3958.8 * 2 * asin(sqrt(
  power(sin(radians(listings.latitude - zip_centroids.latitude) / 2), 2)
  + cos(radians(zip_centroids.latitude)) * cos(radians(listings.latitude))
    * power(sin(radians(listings.longitude - zip_centroids.longitude) / 2), 2)))`;

/**
 * The district dashboard's aggregates. Student counts leave this class only through the
 * small-number rule in district-small-numbers.ts.
 */
export class DistrictDashboardRepository extends DistrictRepository {
  /** Computes every aggregate of the dashboard and writes the view to the audit log. */
  async dashboard(options: { distanceMiles: number }): Promise<DistrictDashboard> {
    const bySchoolAndGrade = await this.studentsBySchoolAndGrade();
    const totalStudents = bySchoolAndGrade.reduce((sum, row) => sum + row.students, 0);
    const hires = await this.hiresBySchool();
    const totalHired = hires.reduce((sum, row) => sum + row.students, 0);

    const gradeCounts = protectCounts(
      bySchoolAndGrade.map((row) => ({ count: row.students, students: row.students })),
      { totalDisclosed: true },
    );
    const hireCounts = protectCounts(
      hires.map((row) => ({ count: row.students, students: row.students })),
      { totalDisclosed: true },
    );
    const months = await this.applicationsByMonth();
    const monthCounts = protectCounts(
      months.map((row) => ({ count: row.applications, students: row.students })),
      { totalDisclosed: false },
    );
    const ageBands = await this.studentsByAgeBand();
    const ageCounts = protectCounts(
      ageBands.map((row) => ({ count: row.students, students: row.students })),
      { totalDisclosed: true },
    );

    const dashboard: DistrictDashboard = {
      totals: { students: protectCount(totalStudents), studentsHired: protectCount(totalHired) },
      studentsBySchoolAndGrade: bySchoolAndGrade.map((row, index) => ({
        schoolId: row.schoolId,
        schoolName: row.schoolName,
        gradeLevel: row.gradeLevel,
        students: gradeCounts[index] as ProtectedCount,
      })),
      applicationsByMonth: months.map((row, index) => ({
        month: row.month,
        outcome: row.outcome,
        applications: monthCounts[index] as ProtectedCount,
      })),
      hiresBySchool: hires.map((row, index) => ({
        schoolId: row.schoolId,
        schoolName: row.schoolName,
        students: hireCounts[index] as ProtectedCount,
      })),
      studentsByAgeBand: ageBands.map((row, index) => ({
        ageBand: row.ageBand,
        students: ageCounts[index] as ProtectedCount,
      })),
      listingsNearSchools: await this.listingsNearSchools(options.distanceMiles),
    };
    await this.audit({
      action: 'district.dashboard.viewed',
      targetType: 'district',
      targetId: this.districtId,
      details: { distanceMiles: options.distanceMiles },
    });
    return dashboard;
  }

  private async studentsBySchoolAndGrade() {
    const rows = await this.selectFrom('students')
      .innerJoin('schools', 'schools.id', 'students.school_id')
      .where('students.deleted_at', 'is', null)
      .select(['students.school_id', 'schools.name', 'students.grade_level'])
      .select((eb) => eb.fn.countAll<string>().as('students'))
      .groupBy(['students.school_id', 'schools.name', 'students.grade_level'])
      .execute();
    return rows
      .map((row) => ({
        schoolId: row.school_id,
        schoolName: row.name,
        gradeLevel: row.grade_level,
        students: Number(row.students),
      }))
      .sort(
        (a, b) =>
          a.schoolName.localeCompare(b.schoolName) ||
          a.schoolId.localeCompare(b.schoolId) ||
          gradeOrder.indexOf(a.gradeLevel) - gradeOrder.indexOf(b.gradeLevel),
      );
  }

  private async applicationsByMonth() {
    const month = sql<string>`to_char(date_trunc('month', applications.created_at AT TIME ZONE 'America/New_York'), 'YYYY-MM')`;
    const outcome = sql<ApplicationOutcome>`CASE WHEN applications.status IN ('hired', 'not_selected', 'withdrawn')
      THEN applications.status ELSE 'open' END`;
    const rows = await this.selectApplications(null)
      .where(
        'applications.created_at',
        '>=',
        sql<Date>`(date_trunc('month', now() AT TIME ZONE 'America/New_York') - interval '11 months') AT TIME ZONE 'America/New_York'`,
      )
      .select([month.as('month'), outcome.as('outcome')])
      .select((eb) => [
        eb.fn.countAll<string>().as('applications'),
        sql<string>`count(DISTINCT applications.student_id)`.as('students'),
      ])
      .groupBy([month, outcome])
      .orderBy(month)
      .orderBy(outcome)
      .execute();
    return rows.map((row) => ({
      month: row.month,
      outcome: row.outcome,
      applications: Number(row.applications),
      students: Number(row.students),
    }));
  }

  private async hiresBySchool() {
    const rows = await this.selectApplications(null)
      .innerJoin('students', 'students.user_id', 'applications.student_id')
      .innerJoin('schools', 'schools.id', 'students.school_id')
      .where('applications.status', '=', 'hired')
      .select(['schools.id', 'schools.name'])
      .select(sql<string>`count(DISTINCT applications.student_id)`.as('students'))
      .groupBy(['schools.id', 'schools.name'])
      .orderBy('schools.name')
      .orderBy('schools.id')
      .execute();
    return rows.map((row) => ({ schoolId: row.id, schoolName: row.name, students: Number(row.students) }));
  }

  private async studentsByAgeBand() {
    const rows = await this.selectAgeBands(null)
      .select('age_bands.age_band')
      .select((eb) => eb.fn.countAll<string>().as('students'))
      .groupBy('age_bands.age_band')
      .execute();
    return rows
      .map((row) => ({ ageBand: row.age_band, students: Number(row.students) }))
      .sort((a, b) => ageBandOrder.indexOf(a.ageBand) - ageBandOrder.indexOf(b.ageBand));
  }

  private async listingsNearSchools(miles: number): Promise<DistrictDashboard['listingsNearSchools']> {
    const schools = await this.selectReference('schools')
      .where('schools.district_id', '=', this.districtId)
      .select(['schools.id', 'schools.name'])
      .orderBy('schools.name')
      .orderBy('schools.id')
      .execute();
    const near = this.selectPublishedListings()
      .innerJoin('schools', (join) => join.on('schools.district_id', '=', this.districtId))
      .innerJoin('zip_centroids', 'zip_centroids.zip', 'schools.zip')
      // A cheap box around each school first, then the exact distance.
      .where(sql<boolean>`abs(listings.latitude - zip_centroids.latitude) <= ${miles / milesPerDegreeLatitude}`)
      .where(distanceMiles, '<=', miles);
    const [bySchool, total] = await Promise.all([
      near
        .select('schools.id')
        .select(sql<string>`count(DISTINCT listings.id)`.as('listings'))
        .groupBy('schools.id')
        .execute(),
      near.select(sql<string>`count(DISTINCT listings.id)`.as('listings')).executeTakeFirst(),
    ]);
    const countOf = new Map(bySchool.map((row) => [row.id, Number(row.listings)]));
    return {
      distanceMiles: miles,
      total: Number(total?.listings ?? 0),
      schools: schools.map((school) => ({
        schoolId: school.id,
        schoolName: school.name,
        listings: countOf.get(school.id) ?? 0,
      })),
    };
  }
}
