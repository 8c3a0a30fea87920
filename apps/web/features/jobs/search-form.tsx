import { LISTING_CATEGORIES, SEARCH_RADII } from '../../lib/listing-options';
import { SelectField, TextField } from '../forms/fields';
import { CheckboxField } from '../labor/checkbox-field';
import { SORT_OPTIONS, type JobSearchValues } from './search-query';

const radiusOptions = [
  { value: '', label: 'Any distance' },
  ...SEARCH_RADII.map((miles) => ({ value: String(miles), label: `Within ${miles} miles` })),
];
const categoryOptions = [{ value: '', label: 'Any kind of work' }, ...LISTING_CATEGORIES];

interface SearchFormProps {
  values: JobSearchValues;
  errors: Record<string, string>;
  /** Students also get the filter for jobs Ohio law lets them work at their age. */
  isStudent: boolean;
}

/**
 * Renders the job search as a plain GET form, so it works without JavaScript. Submitting it
 * starts again from the first page of results.
 */
export function SearchForm({ values, errors, isStudent }: SearchFormProps) {
  return (
    <form method="get" action="/jobs" className="form" role="search" aria-label="Search jobs">
      <TextField
        id="jobs-q"
        name="q"
        label="Keywords"
        hint="Words from the job title, the employer's name or the description."
        maxLength={200}
        defaultValue={values.q}
        error={errors.q}
      />
      <div className="field-grid">
        <TextField
          id="jobs-zip"
          name="zip"
          label="ZIP code"
          inputMode="numeric"
          maxLength={5}
          autoComplete="postal-code"
          defaultValue={values.zip}
          error={errors.zip}
        />
        <SelectField
          id="jobs-radius"
          name="radiusMiles"
          label="Distance"
          options={radiusOptions}
          defaultValue={values.radiusMiles}
          error={errors.radiusMiles}
        />
      </div>
      <div className="field-grid">
        <SelectField
          id="jobs-category"
          name="category"
          label="Kind of work"
          options={categoryOptions}
          defaultValue={values.category}
          error={errors.category}
        />
        <TextField
          id="jobs-min-pay"
          name="minPay"
          label="Lowest pay per hour (dollars)"
          hint="Jobs paid by the shift or week count per hour worked."
          inputMode="decimal"
          defaultValue={values.minPay}
          error={errors.minPay}
        />
      </div>
      <fieldset className="fieldset">
        <legend>When you can work</legend>
        <CheckboxField
          id="jobs-after-school"
          name="afterSchool"
          value="true"
          label="After school (a weekday shift from 3 pm)"
          defaultChecked={values.afterSchool}
        />
        <CheckboxField
          id="jobs-weekends"
          name="weekends"
          value="true"
          label="Weekends"
          defaultChecked={values.weekends}
        />
        <CheckboxField id="jobs-summer" name="summer" value="true" label="Summer jobs" defaultChecked={values.summer} />
        {isStudent && (
          <div className="field">
            <CheckboxField
              id="jobs-workable"
              name="workable"
              value="true"
              label="Jobs I can legally work"
              defaultChecked={values.workable}
              describedBy="jobs-workable-hint"
            />
            <p id="jobs-workable-hint" className="field-hint">
              Shows only jobs with at least one shift that Ohio law allows at your age today.
            </p>
          </div>
        )}
      </fieldset>
      <SelectField
        id="jobs-sort"
        name="sort"
        label="Sort by"
        options={SORT_OPTIONS}
        defaultValue={values.sort}
        error={errors.sort}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary">
          Show jobs
        </button>
      </div>
    </form>
  );
}
