import { redirect } from 'next/navigation';
import { listPersonalExports } from '../../lib/account-api';
import { ApiError } from '../../lib/api';
import { errorLabel } from './error-label';
import { PersonalExportPanel } from './export-panel';
import { personalExportView, type PersonalExportView } from './export-view';

async function loadExports(accessToken: string): Promise<PersonalExportView[] | null> {
  try {
    return (await listPersonalExports(accessToken)).map((entry) => personalExportView(entry));
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 401) redirect('/sign-in?next=/account&reason=session-ended');
    console.error('Loading the data exports failed.', {
      error: errorLabel(error),
    });
    return null;
  }
}

/** Renders the student's "Download my data" section of the account page. */
export async function PersonalExportSection({ accessToken }: { accessToken: string }) {
  const exports = await loadExports(accessToken);

  return (
    <section aria-labelledby="my-data-heading">
      <h2 id="my-data-heading">Download my data</h2>
      <p>
        Get one JSON file with everything ClockIn holds about you: your profile, your applications with their
        contact-sharing history, your messages, the reports you made, the employers you blocked and your recent
        sign-ins. We build the file in the background, and its download link works for 24 hours.
      </p>
      {exports === null ? (
        <p className="notice notice-error">We could not load your data files. Reload the page to try again.</p>
      ) : (
        <PersonalExportPanel initial={exports} />
      )}
    </section>
  );
}
