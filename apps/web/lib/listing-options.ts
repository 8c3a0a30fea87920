/** Fixed lists of listing fields, shared by server pages and client forms. */

export const LISTING_CATEGORIES = [
  { value: 'food-service', label: 'Food service' },
  { value: 'retail', label: 'Retail' },
  { value: 'grocery', label: 'Grocery' },
  { value: 'office', label: 'Office' },
  { value: 'recreation', label: 'Recreation' },
  { value: 'childcare', label: 'Childcare' },
  { value: 'outdoor', label: 'Outdoor' },
  { value: 'other', label: 'Other' },
] as const;

export type ListingCategory = (typeof LISTING_CATEGORIES)[number]['value'];

export const LISTING_SEASONS = [
  { value: 'both', label: 'School year and summer' },
  { value: 'school-year', label: 'School year only' },
  { value: 'summer', label: 'Summer only' },
] as const;

export type ListingSeason = (typeof LISTING_SEASONS)[number]['value'];

export const SEARCH_RADII = [5, 10, 25, 50] as const;

export type ListingStatus = 'draft' | 'submitted' | 'published' | 'rejected' | 'closed' | 'filled' | 'expired';
export type ListingSort = 'relevance' | 'distance' | 'newest';

export function categoryLabel(category: string): string {
  return LISTING_CATEGORIES.find((entry) => entry.value === category)?.label ?? category;
}

export function seasonLabel(season: string): string {
  return LISTING_SEASONS.find((entry) => entry.value === season)?.label ?? season;
}
