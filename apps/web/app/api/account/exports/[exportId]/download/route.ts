import { NextResponse } from 'next/server';
import { openPersonalExport } from '../../../../../../lib/account-api';
import { ApiError } from '../../../../../../lib/api';
import { readSession } from '../../../../../../lib/session';

const textHeaders = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };

/**
 * Passes the student's finished data file from the API to the browser as it arrives, with the
 * session's access token, so the file never sits in the web server's memory whole.
 */
export async function GET(request: Request, { params }: { params: Promise<{ exportId: string }> }) {
  const { exportId } = await params;
  const session = await readSession();
  if (!session.accessToken) {
    return NextResponse.redirect(new URL(`/sign-in?next=${encodeURIComponent('/account')}`, request.url), 303);
  }
  try {
    const upstream = await openPersonalExport(session.accessToken, exportId);
    const headers = new Headers({ 'cache-control': 'no-store' });
    for (const name of ['content-type', 'content-disposition', 'content-length']) {
      const value = upstream.headers.get(name);
      if (value) headers.set(name, value);
    }
    return new Response(upstream.body, { status: 200, headers });
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 401) {
      return NextResponse.redirect(new URL(`/sign-in?next=${encodeURIComponent('/account')}`, request.url), 303);
    }
    if (error instanceof ApiError && error.statusCode < 500) {
      // Another student's file, an expired link and a missing file all read the same.
      return new Response('This download is not available. Its link may have expired; start a new export.\n', {
        status: 404,
        headers: textHeaders,
      });
    }
    throw error;
  }
}
