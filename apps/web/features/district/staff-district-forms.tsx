'use client';

import { useActionState } from 'react';
import { FormMessage, SubmitButton, TextField } from '../forms/fields';
import type { FormState } from '../forms/form-state';
import { endPartnershipAction, inviteAdministratorAction, startPartnershipAction } from './staff-district-actions';

const initial = { attempt: 0 } as FormState;

export function StartPartnershipForm({ districtId }: { districtId: string }) {
  const [state, action, pending] = useActionState(startPartnershipAction.bind(null, districtId), initial);
  const values = state.values ?? {};
  return (
    <form action={action} key={state.attempt} noValidate className="form" aria-labelledby="start-heading">
      <h2 id="start-heading">Turn the partnership on</h2>
      <FormMessage outcome={state.outcome} message={state.message} />
      <TextField
        id="agreementSignedOn"
        name="agreementSignedOn"
        type="date"
        label="Data processing agreement signed on"
        required
        defaultValue={values.agreementSignedOn}
        error={state.fieldErrors?.agreementSignedOn}
      />
      <TextField
        id="contactName"
        name="contactName"
        label="District contact's name"
        required
        maxLength={200}
        defaultValue={values.contactName}
        error={state.fieldErrors?.contactName}
      />
      <TextField
        id="contactEmail"
        name="contactEmail"
        type="email"
        label="District contact's email"
        required
        maxLength={254}
        defaultValue={values.contactEmail}
        error={state.fieldErrors?.contactEmail}
      />
      <TextField
        id="contactPhone"
        name="contactPhone"
        type="tel"
        label="District contact's phone (optional)"
        maxLength={30}
        defaultValue={values.contactPhone}
        error={state.fieldErrors?.contactPhone}
      />
      <SubmitButton pending={pending}>Turn partnership on</SubmitButton>
    </form>
  );
}

export function EndPartnershipForm({ districtId }: { districtId: string }) {
  const [state, action, pending] = useActionState(endPartnershipAction.bind(null, districtId), initial);
  return (
    <form action={action} key={state.attempt} noValidate className="form" aria-labelledby="end-heading">
      <h2 id="end-heading">End the partnership</h2>
      <FormMessage outcome={state.outcome} message={state.message} />
      <div className="field">
        <label className="choice">
          <input type="checkbox" name="confirm" value="yes" aria-describedby="confirm-hint" /> End it now
        </label>
        <p id="confirm-hint" className="field-hint">
          The district&apos;s administrators lose access to its data at once.
        </p>
        {state.fieldErrors?.confirm && <p className="field-error">{state.fieldErrors.confirm}</p>}
      </div>
      <button type="submit" className="button button-danger" disabled={pending}>
        End partnership
      </button>
    </form>
  );
}

export function InviteAdministratorForm({ districtId }: { districtId: string }) {
  const [state, action, pending] = useActionState(inviteAdministratorAction.bind(null, districtId), initial);
  const values = state.values ?? {};
  return (
    <form action={action} key={state.attempt} noValidate className="form" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite an administrator</h2>
      <FormMessage outcome={state.outcome} message={state.message} />
      <TextField
        id="email"
        name="email"
        type="email"
        label="Email"
        required
        maxLength={254}
        defaultValue={values.email}
        error={state.fieldErrors?.email}
      />
      <TextField
        id="givenName"
        name="givenName"
        label="Given name"
        required
        maxLength={100}
        defaultValue={values.givenName}
        error={state.fieldErrors?.givenName}
      />
      <TextField
        id="familyName"
        name="familyName"
        label="Family name"
        required
        maxLength={100}
        defaultValue={values.familyName}
        error={state.fieldErrors?.familyName}
      />
      <TextField
        id="birthdate"
        name="birthdate"
        type="date"
        label="Date of birth"
        hint="Every ClockIn account records a date of birth for the age check. Ask the district contact."
        required
        defaultValue={values.birthdate}
        error={state.fieldErrors?.birthdate}
      />
      <SubmitButton pending={pending}>Send invitation</SubmitButton>
    </form>
  );
}
