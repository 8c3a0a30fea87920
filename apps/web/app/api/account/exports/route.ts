import { NextResponse } from 'next/server';
import { errorLabel } from '../../../../features/privacy/error-label';
import { personalExportView } from '../../../../features/privacy/export-view';
import { listPersonalExports } from '../../../../lib/account-api';
import { ApiError } from '../../../../lib/api';
import { readSession } from '../../../../lib/session';

const noStore = { 'cache-control': 'no-store' };

/**
 * Same-origin progress of the student's "Download my data" files, polled by the account page, so
 * the browser never has a token or calls the API. Returns { exports } or { error } with status
 * 401, 403 or 502.
 */
export async function GET() {
  const session = await readSession();
  if (!session.accessToken) {
    return NextResponse.json({ error: 'Sign in again to see your downloads.' }, { status: 401, headers: noStore });
  }
  try {
    const exports = await listPersonalExports(session.accessToken);
    return NextResponse.json({ exports: exports.map((entry) => personalExportView(entry)) }, { headers: noStore });
  } catch (error) {
    if (error instanceof ApiError && (error.statusCode === 401 || error.statusCode === 403)) {
      return NextResponse.json({ error: error.message }, { status: error.statusCode, headers: noStore });
    }
    console.error('Loading the data export progress failed.', {
      error: errorLabel(error),
    });
    return NextResponse.json({ error: 'The progress is not available right now.' }, { status: 502, headers: noStore });
  }
}
