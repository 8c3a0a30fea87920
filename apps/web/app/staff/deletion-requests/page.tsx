import type { Metadata } from 'next';
import { formatCalendarDate } from '../../../features/labor/labor-text';
import { timeLeftText, todayInUtc } from '../../../features/privacy/deletion-deadline';
import { CarryOutControl, RecordRequestForm } from '../../../features/privacy/deletion-request-forms';
import { listDeletionRequests, type DeletionRequest } from '../../../lib/account-api';
import { formatDateTime } from '../../../lib/format';
import { requireViewer } from '../../../lib/viewer';

export const metadata: Metadata = { title: 'Deletion requests' };

function StatusCell({ request }: { request: DeletionRequest }) {
  if (request.status === 'open') return <>Open</>;
  const when = request.completedAt ? ` ${formatDateTime(request.completedAt)}` : '';
  return request.status === 'completed' ? <>Carried out{when}</> : <>Closed{when}: no account used the address</>;
}

function DeadlineCell({ request, today }: { request: DeletionRequest; today: string }) {
  const deadline = formatCalendarDate(request.deadline);
  if (request.status !== 'open') return <>{deadline}</>;
  if (request.overdue) {
    return (
      <span className="field-error">
        <strong>Overdue</strong> · {deadline}
        <span className="cell-detail">{timeLeftText(request.deadline, today)}</span>
      </span>
    );
  }
  return (
    <>
      {deadline}
      <span className="cell-detail">{timeLeftText(request.deadline, today)}</span>
    </>
  );
}

export default async function DeletionRequestsPage() {
  const viewer = await requireViewer(['staff'], '/staff/deletion-requests');
  const requests = await listDeletionRequests(viewer.accessToken);
  const today = todayInUtc();
  const overdue = requests.filter((request) => request.overdue).length;

  return (
    <section className="page">
      <h1>Deletion requests</h1>
      <p>
        Record each account deletion request that arrives by email, with the date it arrived, and carry it out within 30
        days. Carrying out a request deletes the account the same way as the user&apos;s own deletion: every sign-in
        ends at once, and the purge erases the data afterwards. Once done, the requester&apos;s address is erased too.
      </p>
      {overdue > 0 && (
        <p role="status" className="notice notice-error">
          {overdue === 1
            ? '1 request is overdue. Carry it out first.'
            : `${overdue} requests are overdue. Carry them out first.`}
        </p>
      )}
      <RecordRequestForm today={today} />

      <h2>Requests</h2>
      {requests.length === 0 ? (
        <p>No deletion requests are recorded.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Deletion requests, open ones first</caption>
          <thead>
            <tr>
              <th scope="col">Requester</th>
              <th scope="col">Received</th>
              <th scope="col">Deadline</th>
              <th scope="col">Status</th>
              <th scope="col">Note</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((request) => (
              <tr key={request.id}>
                <th scope="row">{request.requesterEmail ?? 'Erased after completion'}</th>
                <td>{formatCalendarDate(request.receivedOn)}</td>
                <td>
                  <DeadlineCell request={request} today={today} />
                </td>
                <td>
                  <StatusCell request={request} />
                </td>
                <td>{request.note ?? ''}</td>
                <td>
                  <CarryOutControl
                    requestId={request.id}
                    email={request.requesterEmail}
                    open={request.status === 'open'}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
