/** A count as the API returns it: null when the small-number rule hides it. */
export interface ChartValue {
  count: number | null;
  suppressed: 'fewer-than-5' | 'complementary' | null;
}

/**
 * Formats a count for a page, with the small-number rule's wording for a hidden one. A cell the
 * API did not return counts no students, which is fewer than 5 too.
 */
export function countText(value: ChartValue | undefined): string {
  if (!value) return 'fewer than 5';
  if (value.suppressed === 'fewer-than-5') return 'fewer than 5';
  if (value.suppressed === 'complementary') return 'withheld';
  return String(value.count ?? 0);
}
