import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDistrictStudent, type DistrictStudentDetail } from '../../../../features/district/district-api';
import { ApiError } from '../../../../lib/api';
import { applicationStatusText, formatDate } from '../../../../lib/format';
import { requireViewer } from '../../../../lib/viewer';

export const metadata: Metadata = { title: 'Student' };

async function loadStudent(accessToken: string, studentId: string): Promise<DistrictStudentDetail> {
  try {
    return await getDistrictStudent(accessToken, studentId);
  } catch (error) {
    // Another district's student, a deleted account and a malformed id are all a 404.
    if (error instanceof ApiError && (error.statusCode === 404 || error.statusCode === 400)) notFound();
    throw error;
  }
}

export default async function DistrictStudentPage({ params }: { params: Promise<{ studentId: string }> }) {
  const { studentId } = await params;
  const viewer = await requireViewer(['district_admin'], `/district/students/${studentId}`);
  const student = await loadStudent(viewer.accessToken, studentId);

  return (
    <section className="page">
      <p>
        <Link href="/district/students">← Students</Link>
      </p>
      <h1>
        {student.givenName} {student.familyName}
      </h1>
      <dl className="facts">
        <div>
          <dt>School</dt>
          <dd>{student.schoolName}</dd>
        </div>
        <div>
          <dt>Grade level</dt>
          <dd>{student.gradeLevel === 'graduated' ? 'Graduated' : student.gradeLevel}</dd>
        </div>
        <div>
          <dt>Age range</dt>
          <dd>{student.ageBand ?? 'Not known'}</dd>
        </div>
        <div>
          <dt>On ClockIn since</dt>
          <dd>{formatDate(student.joinedAt)}</dd>
        </div>
        <div>
          <dt>Hires</dt>
          <dd>{student.hireCount}</dd>
        </div>
      </dl>
      <h2>Applications</h2>
      <p className="field-hint">What the student wrote to employers stays between them and is not shown here.</p>
      {student.applications.length === 0 ? (
        <p>No applications yet.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Applications of this student, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Listing</th>
              <th scope="col">Employer</th>
              <th scope="col">Status</th>
              <th scope="col">Applied</th>
              <th scope="col">Status changed</th>
            </tr>
          </thead>
          <tbody>
            {student.applications.map((application) => (
              <tr key={application.applicationId}>
                <th scope="row">{application.listingTitle}</th>
                <td>{application.employerName}</td>
                <td>{applicationStatusText(application.status)}</td>
                <td>{formatDate(application.appliedAt)}</td>
                <td>{formatDate(application.statusUpdatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
