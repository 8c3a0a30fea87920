import type { ChangeEvent } from 'react';

interface CheckboxFieldProps {
  id: string;
  name: string;
  value: string;
  label: string;
  checked?: boolean;
  defaultChecked?: boolean;
  describedBy?: string;
  onChange?: (event: ChangeEvent<HTMLInputElement>) => void;
}

// The global stylesheet makes every input as wide as its container, which suits text fields but
// pushes a checkbox away from its label, so these inputs size themselves.
const rowStyle = { display: 'flex', gap: '0.5rem', alignItems: 'baseline' } as const;
const boxStyle = { width: 'auto', flex: 'none' } as const;

/** Renders a checkbox with its label beside it. */
export function CheckboxField({ id, label, describedBy, ...inputProps }: CheckboxFieldProps) {
  return (
    <div style={rowStyle}>
      <input id={id} type="checkbox" style={boxStyle} aria-describedby={describedBy} {...inputProps} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
