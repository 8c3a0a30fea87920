export type ListingSort = 'relevance' | 'distance' | 'newest';

/** The sort key and id of the last listing on a page; the next page starts after it. */
export type SearchCursor =
  | { sort: 'newest'; publishedAt: string; id: string }
  | { sort: 'relevance'; rank: number; id: string }
  | { sort: 'distance'; distance: number; id: string };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

export function encodeSearchCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** Checks for a real UTC timestamp in ISO 8601, because Date.parse alone accepts days such as February 30. */
function isTimestamp(value: unknown): value is string {
  if (typeof value !== 'string' || !timestampPattern.test(value)) return false;
  const parsed = new Date(value);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 19) === value.slice(0, 19);
}

/** Decodes a cursor from a previous page, or returns null when it is not one. */
export function decodeSearchCursor(cursor: string): SearchCursor | null {
  let parsed: Record<string, unknown>;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    parsed = value as Record<string, unknown>;
  } catch {
    return null;
  }
  const id = parsed.id;
  if (typeof id !== 'string' || !uuidPattern.test(id)) return null;
  if (parsed.sort === 'newest' && isTimestamp(parsed.publishedAt)) {
    return { sort: 'newest', publishedAt: parsed.publishedAt, id };
  }
  if (parsed.sort === 'relevance' && typeof parsed.rank === 'number' && Number.isFinite(parsed.rank)) {
    return { sort: 'relevance', rank: parsed.rank, id };
  }
  if (parsed.sort === 'distance' && typeof parsed.distance === 'number' && Number.isFinite(parsed.distance)) {
    return { sort: 'distance', distance: parsed.distance, id };
  }
  return null;
}
