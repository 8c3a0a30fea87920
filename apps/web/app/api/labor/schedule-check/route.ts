import { NextResponse, type NextRequest } from 'next/server';
import { parseScheduleCheckRequest } from '../../../../features/labor/schedule-check-request';
import { ApiError } from '../../../../lib/api';
import { checkSchedule } from '../../../../lib/labor-api';

/** A schedule of 21 shifts with 40 duties is about 2 KB; anything far larger is not from the editor. */
const MAX_BODY_CHARACTERS = 16_000;

/**
 * Same-origin labor-law check for the listing editor, so the browser never calls the API
 * directly. Returns the API's { summary, warnings }, or { error } with status 400, 413 or 502.
 */
export async function POST(request: NextRequest) {
  const text = await request.text();
  if (text.length > MAX_BODY_CHARACTERS) {
    return NextResponse.json({ error: 'The schedule is too large to check.' }, { status: 413 });
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return NextResponse.json({ error: 'The request body is not valid JSON.' }, { status: 400 });
  }

  const parsed = parseScheduleCheckRequest(body);
  if ('error' in parsed) return NextResponse.json({ error: parsed.error }, { status: 400 });

  try {
    return NextResponse.json(await checkSchedule(parsed));
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 400) {
      return NextResponse.json({ error: error.message }, { status: 400 });
    }
    console.error('Schedule check failed.', { error: error instanceof Error ? error.message : String(error) });
    return NextResponse.json({ error: 'The labor-law check is not available right now.' }, { status: 502 });
  }
}
