import { NextResponse, type NextRequest } from 'next/server';
import { searchSchools } from '../../../lib/api';

/** Same-origin school search for the sign-up picker, so the browser never calls the API directly. */
export async function GET(request: NextRequest) {
  const query = (request.nextUrl.searchParams.get('query') ?? '').trim().slice(0, 100);
  if (query.length < 2) return NextResponse.json({ schools: [] });

  try {
    return NextResponse.json({ schools: await searchSchools(query) });
  } catch (error) {
    console.error('School search failed.', { error: error instanceof Error ? error.message : String(error) });
    return NextResponse.json({ error: 'School search is not available right now.' }, { status: 502 });
  }
}
