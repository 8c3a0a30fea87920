/**
 * Result of a Server Action that backs a form. `values` contains what the user typed (never a
 * password), so the form can show it again after an error. `attempt` changes on every
 * submission; forms use it as a React key to remount with the returned values.
 */
export interface FormState<Values = Record<string, string>> {
  attempt: number;
  message?: string;
  /** Form-level outcome: 'error' shows the message as an alert, 'success' as a status. */
  outcome?: 'error' | 'success';
  fieldErrors?: Record<string, string>;
  values?: Partial<Values>;
}

export const initialFormState: FormState = { attempt: 0 };

export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

export function failedForm<Values>(
  previous: FormState<Values>,
  message: string | undefined,
  fieldErrors: Record<string, string>,
  values: Partial<Values>,
): FormState<Values> {
  return { attempt: previous.attempt + 1, outcome: 'error', message, fieldErrors, values };
}

/** Builds the error summary shown in the alert when individual fields have errors. */
export function fieldErrorSummary(fieldErrors: Record<string, string>): string | undefined {
  const count = Object.keys(fieldErrors).length;
  if (count === 0) return undefined;
  return count === 1
    ? 'Fix the field marked below and try again.'
    : `Fix the ${count} fields marked below and try again.`;
}
