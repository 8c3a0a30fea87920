import type { ReportCategory, ReportOutcome, ReportTargetType } from '../../lib/messages-api';

/** Report categories in the words a student would use, in the order the form lists them. */
export const REPORT_CATEGORIES: readonly { value: ReportCategory; label: string }[] = [
  { value: 'scam_or_fee', label: 'A scam, or they asked me to pay a fee' },
  { value: 'inappropriate_content', label: 'Inappropriate or sexual content' },
  { value: 'meet_alone_or_off_platform', label: 'Asked me to meet alone or to move the chat off ClockIn' },
  { value: 'illegal_hours_or_hazards', label: 'Asked me to work illegal hours or dangerous tasks' },
  { value: 'other', label: 'Something else' },
];

export const REPORT_OUTCOMES: readonly { value: ReportOutcome; label: string }[] = [
  { value: 'no_violation', label: 'No violation found' },
  { value: 'warning_issued', label: 'Warning issued' },
  { value: 'action_taken', label: 'Action taken (content removed or account suspended)' },
  { value: 'escalated', label: 'Escalated to the authorities' },
];

const TARGET_NAMES: Record<ReportTargetType, string> = {
  listing: 'listing',
  organization: 'employer',
  message: 'message',
};

export function reportTargetName(targetType: ReportTargetType): string {
  return TARGET_NAMES[targetType];
}

export function reportCategoryLabel(category: string): string {
  return REPORT_CATEGORIES.find((option) => option.value === category)?.label ?? category;
}

export function reportOutcomeLabel(outcome: string): string {
  return REPORT_OUTCOMES.find((option) => option.value === outcome)?.label ?? outcome;
}

export function isReportCategory(value: string): value is ReportCategory {
  return REPORT_CATEGORIES.some((option) => option.value === value);
}

export function isReportOutcome(value: string): value is ReportOutcome {
  return REPORT_OUTCOMES.some((option) => option.value === value);
}

/**
 * Describes the time left against the 24-hour target, such as "5 h 20 min left" or
 * "2 h 5 min overdue". `secondsLeft` is negative past the target.
 */
export function formatTimeLeft(secondsLeft: number): string {
  const minutes = Math.floor(Math.abs(secondsLeft) / 60);
  const text = minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
  return secondsLeft < 0 ? `${text} overdue` : `${text} left`;
}
