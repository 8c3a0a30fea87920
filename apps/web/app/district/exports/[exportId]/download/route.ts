import { NextResponse } from 'next/server';
import { openDistrictExport } from '../../../../../features/district/district-api';
import { ApiError } from '../../../../../lib/api';
import { readSession } from '../../../../../lib/session';

/**
 * Passes a finished export from the API to the browser as it arrives, with the session's
 * access token, so the file never sits in the web server's memory whole.
 */
export async function GET(request: Request, { params }: { params: Promise<{ exportId: string }> }) {
  const { exportId } = await params;
  const session = await readSession();
  if (!session.accessToken) {
    return NextResponse.redirect(new URL(`/sign-in?next=${encodeURIComponent('/district/exports')}`, request.url), 303);
  }
  try {
    const upstream = await openDistrictExport(session.accessToken, exportId);
    const headers = new Headers({ 'cache-control': 'no-store' });
    for (const name of ['content-type', 'content-disposition', 'content-length']) {
      const value = upstream.headers.get(name);
      if (value) headers.set(name, value);
    }
    return new Response(upstream.body, { status: 200, headers });
  } catch (error) {
    if (error instanceof ApiError && error.statusCode < 500) {
      return new Response(`${error.message}\n`, {
        status: error.statusCode === 401 ? 401 : 404,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
      });
    }
    throw error;
  }
}
