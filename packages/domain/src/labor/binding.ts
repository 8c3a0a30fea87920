import type { RuleVersion } from './rules.ts';

/** The limit a shift is held to, and every version that sets it. */
export interface BindingLimit {
  limit: number;
  citation: string;
}

/** Joins the citations of `versions`, dropping repeats. */
export function joinCitations(versions: readonly { citation: string }[]): string {
  return [...new Set(versions.map((version) => version.citation))].join('; ');
}

/**
 * Finds the strictest limit among the rule versions that a shift breaks, so that where Ohio and
 * federal law differ the stricter one decides. A lower limit is stricter for maximums (latest end,
 * hours) and a higher one for minimums (earliest start). Returns null when no version is broken.
 */
export function strictestBrokenLimit<R extends RuleVersion>(
  versions: readonly R[],
  limitOf: (version: R) => number,
  isBroken: (limit: number) => boolean,
  stricter: 'lower' | 'higher',
): BindingLimit | null {
  const broken = versions
    .map((version) => ({ version, limit: limitOf(version) }))
    .filter((entry) => isBroken(entry.limit));
  if (broken.length === 0) return null;

  const limits = broken.map((entry) => entry.limit);
  const limit = stricter === 'lower' ? Math.min(...limits) : Math.max(...limits);
  const setters = broken.filter((entry) => entry.limit === limit).map((entry) => entry.version);
  return { limit, citation: joinCitations(setters) };
}
