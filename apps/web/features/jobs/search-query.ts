import type { ListingSearchQuery } from '../../lib/listings-api';
import { LISTING_CATEGORIES, SEARCH_RADII, type ListingSort } from '../../lib/listing-options';
import { dollarsToCents } from '../employer/listing-input';

/** The job search as the visitor filled in the GET form, kept as text to show it again. */
export interface JobSearchValues {
  q: string;
  zip: string;
  radiusMiles: string;
  category: string;
  /** Dollars per hour, as typed. */
  minPay: string;
  afterSchool: boolean;
  weekends: boolean;
  summer: boolean;
  workable: boolean;
  sort: string;
}

export type SearchParams = Record<string, string | string[] | undefined>;

export const SORT_OPTIONS: readonly { value: string; label: string }[] = [
  { value: '', label: 'Best match, or nearest with a ZIP code' },
  { value: 'relevance', label: 'Best match' },
  { value: 'distance', label: 'Nearest first' },
  { value: 'newest', label: 'Newest first' },
];

function first(value: string | string[] | undefined): string {
  const text = Array.isArray(value) ? value[0] : value;
  return (text ?? '').trim();
}

/** Reads the search form's values from the page's query string. An unchecked box is absent. */
export function readJobSearch(params: SearchParams): JobSearchValues {
  return {
    q: first(params.q).slice(0, 200),
    zip: first(params.zip),
    radiusMiles: first(params.radiusMiles),
    category: first(params.category),
    minPay: first(params.minPay),
    afterSchool: first(params.afterSchool) === 'true',
    weekends: first(params.weekends) === 'true',
    summer: first(params.summer) === 'true',
    workable: first(params.workable) === 'true',
    sort: first(params.sort),
  };
}

/**
 * Checks the search the way the API does and converts it to the API's query. Errors are keyed
 * by form field, so the form can show each next to its input. `canFilterWorkable` is false for
 * anyone but a student, whose filter is then dropped rather than sent to be rejected.
 */
export function toSearchQuery(
  values: JobSearchValues,
  canFilterWorkable: boolean,
): { query?: ListingSearchQuery; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const query: ListingSearchQuery = {};
  if (values.q) query.q = values.q;

  if (values.zip) {
    if (/^\d{5}$/.test(values.zip)) query.zip = values.zip;
    else errors.zip = 'Enter a 5-digit Ohio ZIP code.';
  }
  if (values.radiusMiles) {
    const radius = Number(values.radiusMiles);
    if (!SEARCH_RADII.includes(radius as (typeof SEARCH_RADII)[number])) {
      errors.radiusMiles = 'Choose 5, 10, 25 or 50 miles.';
    } else if (!values.zip) {
      errors.zip = 'Enter a ZIP code to search by distance.';
    } else {
      query.radiusMiles = radius;
    }
  }
  if (values.category) {
    if (LISTING_CATEGORIES.some((entry) => entry.value === values.category)) query.category = values.category;
    else errors.category = 'Choose a kind of work from the list.';
  }
  if (values.minPay) {
    const cents = dollarsToCents(values.minPay);
    if (cents === null || cents > 100_000)
      errors.minPay = 'Enter the lowest pay per hour in dollars, for example 12.50.';
    else query.minHourlyPayCents = cents;
  }
  if (values.afterSchool) query.afterSchool = true;
  if (values.weekends) query.weekends = true;
  if (values.summer) query.summer = true;
  if (values.workable && canFilterWorkable) query.workable = true;
  if (values.sort) {
    if (!SORT_OPTIONS.some((option) => option.value === values.sort)) errors.sort = 'Choose an order from the list.';
    else if (values.sort === 'distance' && !values.zip) errors.zip = 'Enter a ZIP code to sort by distance.';
    else query.sort = values.sort as ListingSort;
  }
  return Object.keys(errors).length > 0 ? { errors } : { query, errors };
}

/** Builds the /jobs link for this search, on the page that starts after `cursor`. */
export function searchHref(values: JobSearchValues, cursor?: string): string {
  const query = new URLSearchParams();
  for (const name of ['q', 'zip', 'radiusMiles', 'category', 'minPay', 'sort'] as const) {
    if (values[name]) query.set(name, values[name]);
  }
  for (const name of ['afterSchool', 'weekends', 'summer', 'workable'] as const) {
    if (values[name]) query.set(name, 'true');
  }
  if (cursor) query.set('cursor', cursor);
  return query.size > 0 ? `/jobs?${query.toString()}` : '/jobs';
}

const formFields = new Set(['q', 'zip', 'radiusMiles', 'category', 'sort']);

/** Maps an API error field to the search form field that shows it, or 'form' for the whole search. */
export function searchFieldFor(apiField: string | undefined): string {
  if (apiField === 'minHourlyPayCents') return 'minPay';
  return apiField && formFields.has(apiField) ? apiField : 'form';
}
