/**
 * The small-number rule for district aggregates: a count drawn from fewer than 5 students is
 * never shown, so a chart or table cannot single out a child. Every aggregate that leaves
 * DistrictDashboardRepository passes through protectCounts, and raw counts never leave it.
 */

/** The smallest number of students a shown count may be drawn from. */
export const minimumStudentsPerCell = 5;

/**
 * Why a count is hidden: `fewer-than-5` for a count drawn from fewer than 5 students, and
 * `complementary` for a larger count hidden as well, because the disclosed total minus the
 * other shown counts would reveal the one small count.
 */
export type SuppressionReason = 'fewer-than-5' | 'complementary';

/** A count as the dashboard may show it: the number, or null with the reason it is hidden. */
export interface ProtectedCount {
  count: number | null;
  suppressed: SuppressionReason | null;
}

export interface RawCell {
  /** The number the cell shows: students, applications or hires. */
  count: number;
  /** How many different students the count is drawn from. */
  students: number;
}

export interface ProtectionOptions {
  /** Whether the dashboard shows the exact sum of these cells elsewhere, such as a total. */
  totalDisclosed: boolean;
}

/** Applies the rule to one count drawn from `students` students. */
export function protectCount(count: number, students = count): ProtectedCount {
  if (students < minimumStudentsPerCell) return { count: null, suppressed: 'fewer-than-5' };
  return { count, suppressed: null };
}

/**
 * Applies the rule to the cells of one chart, in order. When the sum of the cells is disclosed
 * and exactly one cell is hidden, the smallest shown cell is hidden too, so that subtracting
 * the shown cells from the total does not reveal the hidden one.
 *
 * NOTE: this protects each chart against its own total. It does not search for every
 * combination of charts that a determined reader could subtract from one another.
 */
export function protectCounts(cells: readonly RawCell[], options: ProtectionOptions): ProtectedCount[] {
  const result = cells.map((cell) => protectCount(cell.count, cell.students));
  const hidden = result.filter((cell) => cell.suppressed !== null).length;
  if (!options.totalDisclosed || hidden !== 1 || cells.length < 2) return result;

  let smallest = -1;
  for (const [index, cell] of cells.entries()) {
    if (result[index]?.suppressed !== null) continue;
    if (smallest === -1 || cell.count < (cells[smallest]?.count ?? Infinity)) smallest = index;
  }
  if (smallest !== -1) result[smallest] = { count: null, suppressed: 'complementary' };
  return result;
}
