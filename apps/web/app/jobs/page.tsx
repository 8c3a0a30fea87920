import type { Metadata } from 'next';
import Link from 'next/link';
import { ErrorSummary } from '../../features/forms/error-summary';
import { ListingCard } from '../../features/jobs/listing-card';
import { SearchForm } from '../../features/jobs/search-form';
import {
  readJobSearch,
  searchFieldFor,
  searchHref,
  toSearchQuery,
  type JobSearchValues,
  type SearchParams,
} from '../../features/jobs/search-query';
import { ApiError } from '../../lib/api';
import { searchListings, type SearchPage } from '../../lib/listings-api';
import { getViewer } from '../../lib/viewer';

export const metadata: Metadata = { title: 'Browse jobs' };

type SearchOutcome =
  { kind: 'results'; page: SearchPage } | { kind: 'invalid'; errors: Record<string, string> } | { kind: 'no-profile' };

/** Runs the search. The API's 400 names a field, which the form then marks. */
async function runSearch(
  values: JobSearchValues,
  cursor: string | undefined,
  isStudent: boolean,
  accessToken: string | undefined,
): Promise<SearchOutcome> {
  const { query, errors } = toSearchQuery(values, isStudent);
  if (!query) return { kind: 'invalid', errors };
  try {
    const page = await searchListings({ ...query, cursor }, query.workable ? accessToken : undefined);
    return { kind: 'results', page };
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 400) {
      return { kind: 'invalid', errors: { [searchFieldFor(error.field)]: error.message } };
    }
    // A student without a profile cannot filter by what they may work yet.
    if (query.workable && error instanceof ApiError && error.statusCode === 403) return { kind: 'no-profile' };
    throw error;
  }
}

export default async function JobsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const values = readJobSearch(params);
  const cursor = typeof params.cursor === 'string' && params.cursor ? params.cursor : undefined;
  const viewer = await getViewer();
  const isStudent = viewer?.accountType === 'student';
  const outcome = await runSearch(values, cursor, isStudent, viewer?.accessToken);
  const errors = outcome.kind === 'invalid' ? outcome.errors : {};

  return (
    <section className="page">
      <h1>Browse jobs</h1>
      <p>Every job here comes from an employer that ClockIn staff have verified.</p>
      {outcome.kind === 'invalid' && <ErrorSummary message={errorMessage(errors)} />}
      <SearchForm values={values} errors={errors} isStudent={isStudent} />

      <h2 className="visually-hidden">Results</h2>
      {outcome.kind === 'no-profile' && (
        <p role="status" className="notice notice-info">
          Finish your student profile before filtering by the jobs you can legally work.
        </p>
      )}
      {outcome.kind === 'results' &&
        (outcome.page.listings.length === 0 ? (
          <p>{emptyText(cursor, values)}</p>
        ) : (
          <div className="card-list">
            {outcome.page.listings.map((listing) => (
              <ListingCard key={listing.id} listing={listing} />
            ))}
          </div>
        ))}
      <nav aria-label="Pages of jobs" className="pagination">
        {cursor && <Link href={searchHref(values)}>First page</Link>}
        {outcome.kind === 'results' && outcome.page.nextCursor && (
          <Link href={searchHref(values, outcome.page.nextCursor)} rel="next">
            Next page
          </Link>
        )}
      </nav>
    </section>
  );
}

function errorMessage(errors: Record<string, string>): string {
  if (errors.form) return `${errors.form} Start a new search from the form below.`;
  return 'Check the search fields marked below.';
}

function emptyText(cursor: string | undefined, values: JobSearchValues): string {
  if (cursor) return 'There are no more jobs.';
  const filtered = Boolean(
    values.q ||
    values.zip ||
    values.category ||
    values.minPay ||
    values.afterSchool ||
    values.weekends ||
    values.summer,
  );
  if (values.workable && !filtered) {
    return 'No open job has a shift that Ohio law lets you work at your age today. Check back soon.';
  }
  if (filtered || values.workable) return 'No open job matches this search. Try fewer filters or a larger distance.';
  return 'There are no open jobs right now. Check back soon.';
}
