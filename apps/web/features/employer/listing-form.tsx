'use client';

import { useActionState } from 'react';
import { LISTING_CATEGORIES, LISTING_SEASONS, type ListingStatus } from '../../lib/listing-options';
import { FormMessage, SelectField, TextAreaField, TextField } from '../forms/fields';
import type { FormState } from '../forms/form-state';
import { createListing } from './create-listing-action';
import { ListingLaborFields } from './listing-labor-fields';
import { PAY_UNITS, type ListingFormValues } from './listing-input';
import { editListing, type SavedDates } from './update-listing-action';

/** The listing being edited, or absent for a new listing. */
export interface EditedListing {
  id: string;
  status: ListingStatus;
  values: ListingFormValues;
  saved: SavedDates;
}

/**
 * Renders the listing form, for a new listing or to edit `edited`. `today` is Ohio's date
 * (YYYY-MM-DD), computed on the server.
 */
export function ListingForm({ today, edited }: { today: string; edited?: EditedListing }) {
  const [state, action, pending] = useActionState(
    edited ? editListing.bind(null, edited.id, edited.saved) : createListing,
    { attempt: 0, values: edited?.values } as FormState<ListingFormValues>,
  );
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};

  return (
    <form action={action} key={state.attempt} noValidate className="form">
      <FormMessage outcome={state.outcome} message={state.message} />

      <TextField
        id="listing-title"
        name="title"
        label="Job title"
        required
        maxLength={120}
        defaultValue={values.title}
        error={errors.title}
      />
      <TextAreaField
        id="listing-description"
        name="description"
        label="Description"
        hint="What the job involves, who it suits and what students will learn. 10 to 5,000 characters."
        required
        rows={8}
        maxLength={5000}
        defaultValue={values.description}
        error={errors.description}
      />

      <fieldset className="fieldset">
        <legend>Openings</legend>
        <div className="field-grid">
          <SelectField
            id="listing-category"
            name="category"
            label="Kind of work"
            hint="Students can search by it."
            options={LISTING_CATEGORIES}
            required
            defaultValue={values.category || 'other'}
            error={errors.category}
          />
          <SelectField
            id="listing-season"
            name="season"
            label="When the work happens"
            options={LISTING_SEASONS}
            required
            defaultValue={values.season || 'both'}
            error={errors.season}
          />
          <TextField
            id="listing-positions"
            name="positions"
            label="Number of openings"
            type="number"
            min="1"
            max="50"
            step="1"
            inputMode="numeric"
            required
            defaultValue={values.positions || '1'}
            error={errors.positions}
          />
          <TextField
            id="listing-closing-date"
            name="closingDate"
            label="Closing date (optional)"
            type="date"
            hint="The last date students can apply. A listing closes 60 days after it is first published at the latest."
            min={today}
            defaultValue={values.closingDate}
            error={errors.closingDate}
          />
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend>Pay</legend>
        <div className="field-grid">
          <TextField
            id="listing-pay-min"
            name="payMin"
            label="Lowest pay (dollars)"
            inputMode="decimal"
            hint="For example 12.50"
            required
            defaultValue={values.payMin}
            error={errors.payMin}
          />
          <TextField
            id="listing-pay-max"
            name="payMax"
            label="Highest pay (dollars, optional)"
            inputMode="decimal"
            defaultValue={values.payMax}
            error={errors.payMax}
          />
          <SelectField
            id="listing-pay-unit"
            name="payUnit"
            label="Pay is counted"
            options={PAY_UNITS}
            required
            defaultValue={values.payUnit ?? 'hour'}
            error={errors.payUnit}
          />
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend>Where the work happens</legend>
        <p className="field-hint">Students browsing jobs see the city and ZIP code, not the street address.</p>
        <TextField
          id="listing-address"
          name="addressLine"
          label="Street address"
          autoComplete="street-address"
          required
          defaultValue={values.addressLine}
          error={errors.addressLine}
        />
        <div className="field-grid">
          <TextField
            id="listing-city"
            name="city"
            label="City"
            autoComplete="address-level2"
            required
            defaultValue={values.city}
            error={errors.city}
          />
          <TextField
            id="listing-zip"
            name="zip"
            label="ZIP code"
            autoComplete="postal-code"
            inputMode="numeric"
            maxLength={5}
            required
            defaultValue={values.zip}
            error={errors.zip}
          />
        </div>
      </fieldset>

      <ListingLaborFields values={values} errors={errors} today={today} />

      {edited ? (
        <>
          {edited.status === 'published' && (
            <p className="field-hint">
              Changing the shifts, tasks, pay or description sends the listing back to ClockIn staff, and students
              cannot find it until staff approve it again.
            </p>
          )}
          <div className="button-row">
            <button type="submit" name="intent" value="save" className="button button-primary" disabled={pending}>
              Save changes
            </button>
          </div>
        </>
      ) : (
        <div className="button-row">
          <button type="submit" name="intent" value="submit" className="button button-primary" disabled={pending}>
            Submit listing
          </button>
          <button type="submit" name="intent" value="draft" className="button button-secondary" disabled={pending}>
            Save draft
          </button>
        </div>
      )}
    </form>
  );
}
