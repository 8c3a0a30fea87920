import type { Metadata } from 'next';
import Link from 'next/link';
import { listDistrictStudents, type DistrictStudent } from '../../../features/district/district-api';
import { districtErrorMessage } from '../../../features/district/district-page-guard';
import { statusSummary } from '../../../features/district/status-summary';
import { requireViewer } from '../../../lib/viewer';

export const metadata: Metadata = { title: 'District students' };

const PAGE_SIZE = 50;

function gradeText(grade: string): string {
  return grade === 'graduated' ? 'Graduated' : `Grade ${grade}`;
}

export default async function DistrictStudentsPage({
  searchParams,
}: {
  searchParams: Promise<{ search?: string; after?: string }>;
}) {
  const viewer = await requireViewer(['district_admin'], '/district/students');
  const { search = '', after } = await searchParams;

  let page: { students: DistrictStudent[]; nextCursor: string | null };
  try {
    page = await listDistrictStudents(viewer.accessToken, {
      search: search.trim().slice(0, 100),
      after,
      limit: PAGE_SIZE,
    });
  } catch (error) {
    const message = districtErrorMessage(error);
    if (!message) throw error;
    return (
      <section className="page">
        <h1>Students</h1>
        <p className="notice notice-info">{message}</p>
      </section>
    );
  }

  const nextQuery = new URLSearchParams({
    ...(search ? { search } : {}),
    ...(page.nextCursor ? { after: page.nextCursor } : {}),
  });
  return (
    <section className="page">
      <p>
        <Link href="/district">← District dashboard</Link>
      </p>
      <h1>Students</h1>
      <form method="get" className="form inline-form" role="search" aria-label="Search students">
        <div className="field">
          <label htmlFor="search">Search by name</label>
          <input id="search" name="search" type="search" defaultValue={search} maxLength={100} />
        </div>
        <button type="submit" className="button button-secondary">
          Search
        </button>
      </form>
      {page.students.length === 0 ? (
        <p role="status">
          {search ? `No students match “${search}”.` : 'No students from your district use ClockIn yet.'}
        </p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">
            Students of your district{search ? ` matching “${search}”` : ''}, by family name
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">School</th>
              <th scope="col">Grade level</th>
              <th scope="col">Age range</th>
              <th scope="col">Applications</th>
              <th scope="col">Hires</th>
            </tr>
          </thead>
          <tbody>
            {page.students.map((student) => (
              <tr key={student.userId}>
                <th scope="row">
                  <Link href={`/district/students/${student.userId}`}>
                    {student.familyName}, {student.givenName}
                  </Link>
                </th>
                <td>{student.schoolName}</td>
                <td>{gradeText(student.gradeLevel)}</td>
                <td>{student.ageBand ?? 'Not known'}</td>
                <td>
                  {student.applicationCount}
                  <span className="cell-detail">{statusSummary(student.statusCounts)}</span>
                </td>
                <td>{student.hireCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pagination" aria-label="Student list pages">
        {after && (
          <Link href={`/district/students${search ? `?search=${encodeURIComponent(search)}` : ''}`}>First page</Link>
        )}
        {page.nextCursor && <Link href={`/district/students?${nextQuery.toString()}`}>Next page</Link>}
      </nav>
    </section>
  );
}
