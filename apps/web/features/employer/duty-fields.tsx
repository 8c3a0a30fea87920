'use client';

import { FieldError } from '../forms/fields';
import { CheckboxField } from '../labor/checkbox-field';
import { DUTY_GROUPS } from '../labor/duties';

const dutyGridStyle = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))',
  gap: '0.4rem 1rem',
  width: '100%',
} as const;

interface DutyFieldsProps {
  selected: readonly string[];
  onChange: (duties: string[]) => void;
  error?: string;
}

/** Duty checkboxes in three groups by the youngest age the law allows for them. */
export function DutyFields({ selected, onChange, error }: DutyFieldsProps) {
  function toggle(id: string, checked: boolean) {
    onChange(checked ? [...selected, id] : selected.filter((duty) => duty !== id));
  }

  return (
    <fieldset className="fieldset" aria-describedby={error ? 'duties-hint duties-error' : 'duties-hint'}>
      <legend>What the job involves</legend>
      <p id="duties-hint" className="field-hint">
        Check every task the job includes. Some tasks are banned for younger workers, so they change which students may
        work the job.
      </p>
      <FieldError id="duties" error={error} />
      {DUTY_GROUPS.map((group) => {
        const hintId = `duty-group-${group.youngestAge}-hint`;
        return (
          <fieldset key={group.youngestAge} className="shift-row" aria-describedby={hintId}>
            <legend>{group.legend}</legend>
            <p id={hintId} className="field-hint">
              {group.hint}
              {group.citation && <> Law: {group.citation}.</>}
            </p>
            <div style={dutyGridStyle}>
              {group.duties.map((duty) => (
                <CheckboxField
                  key={duty.id}
                  id={`duty-${duty.id}`}
                  name="duties"
                  value={duty.id}
                  label={duty.label}
                  checked={selected.includes(duty.id)}
                  onChange={(event) => toggle(duty.id, event.target.checked)}
                />
              ))}
            </div>
          </fieldset>
        );
      })}
    </fieldset>
  );
}
