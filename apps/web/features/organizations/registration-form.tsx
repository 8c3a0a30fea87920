'use client';

import { useActionState } from 'react';
import type { DutiesStatement } from '../../lib/organizations-api';
import { FieldError, FormMessage, SelectField, SubmitButton, TextField } from '../forms/fields';
import type { FormState } from '../forms/form-state';
import { submitRegistration } from './registration-action';
import { INDUSTRIES, type RegistrationValues } from './registration-values';

// The global stylesheet makes inputs as wide as their container; a checkbox sits beside its label.
const checkboxRowStyle = { display: 'flex', gap: '0.6rem', alignItems: 'baseline' } as const;
const checkboxStyle = { width: 'auto', flex: 'none' } as const;

interface RegistrationFormProps {
  mode: 'register' | 'correct';
  statement: DutiesStatement;
  initialValues?: RegistrationValues;
}

/** Renders the organization's details and the admin's acknowledgement of Ohio's minor labor law duties. */
export function RegistrationForm({ mode, statement, initialValues }: RegistrationFormProps) {
  const [state, action, pending] = useActionState(submitRegistration.bind(null, mode), {
    attempt: 0,
    values: initialValues,
  } as FormState<RegistrationValues>);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const dutiesError = errors.dutiesAcknowledged;

  return (
    <form action={action} key={state.attempt} noValidate className="form">
      <FormMessage outcome={state.outcome} message={state.message} />

      <fieldset className="fieldset">
        <legend>Organization</legend>
        <TextField
          id="organization-legal-name"
          name="legalName"
          label="Legal name"
          hint="As on your IRS records, for example Maple Street Grocers LLC."
          autoComplete="organization"
          required
          maxLength={200}
          defaultValue={values.legalName}
          error={errors.legalName}
        />
        <TextField
          id="organization-trading-name"
          name="tradingName"
          label="Trading name"
          hint="The name students see on your listings."
          required
          maxLength={200}
          defaultValue={values.tradingName}
          error={errors.tradingName}
        />
        <TextField
          id="organization-ein"
          name="ein"
          label="Employer Identification Number (EIN)"
          hint="9 digits, written as 12-3456789."
          inputMode="numeric"
          required
          maxLength={11}
          defaultValue={values.ein}
          error={errors.ein}
        />
        <SelectField
          id="organization-industry"
          name="industry"
          label="Industry"
          placeholder="Choose an industry"
          options={INDUSTRIES}
          required
          defaultValue={values.industry ?? ''}
          error={errors.industry}
        />
      </fieldset>

      <fieldset className="fieldset">
        <legend>Address and contact</legend>
        <TextField
          id="organization-address-line"
          name="addressLine"
          label="Street address"
          autoComplete="street-address"
          required
          maxLength={200}
          defaultValue={values.addressLine}
          error={errors.addressLine}
        />
        <div className="field-grid">
          <TextField
            id="organization-city"
            name="city"
            label="City"
            autoComplete="address-level2"
            required
            maxLength={100}
            defaultValue={values.city}
            error={errors.city}
          />
          <TextField
            id="organization-zip"
            name="zip"
            label="ZIP code"
            hint="An Ohio ZIP code."
            autoComplete="postal-code"
            inputMode="numeric"
            required
            maxLength={5}
            defaultValue={values.zip}
            error={errors.zip}
          />
        </div>
        <TextField
          id="organization-phone"
          name="phone"
          type="tel"
          label="Phone"
          hint="With area code, for example 614-555-0100. ClockIn staff may call to verify."
          autoComplete="tel"
          required
          maxLength={30}
          defaultValue={values.phone}
          error={errors.phone}
        />
        <TextField
          id="organization-website"
          name="website"
          label="Website (optional)"
          autoComplete="url"
          maxLength={200}
          defaultValue={values.website}
          error={errors.website}
        />
      </fieldset>

      <fieldset className="fieldset" aria-describedby="duties-statement">
        <legend>Ohio minor labor law duties</legend>
        <div id="duties-statement">
          <p>{statement.intro}</p>
          <ul>
            {statement.duties.map((duty) => (
              <li key={duty.id}>
                <strong>{duty.title}:</strong> {duty.text}
              </li>
            ))}
          </ul>
        </div>
        <FieldError id="duties-acknowledged" error={dutiesError} />
        <div style={checkboxRowStyle}>
          <input
            id="duties-acknowledged"
            name="dutiesAcknowledged"
            type="checkbox"
            value="yes"
            required
            style={checkboxStyle}
            defaultChecked={values.dutiesAcknowledged === 'yes'}
            aria-invalid={dutiesError ? true : undefined}
            aria-describedby={dutiesError ? 'duties-acknowledged-error' : undefined}
          />
          <label htmlFor="duties-acknowledged">I confirm these duties for this organization, as its admin</label>
        </div>
        <p className="field-hint">ClockIn records who confirmed them and when (statement {statement.version}).</p>
      </fieldset>

      <SubmitButton pending={pending}>
        {mode === 'register' ? 'Register organization' : 'Send for verification again'}
      </SubmitButton>
    </form>
  );
}
