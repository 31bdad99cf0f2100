import type { ReactNode } from 'react';
import { FieldHint } from './field.tsx';

/** A checkbox with its label after it; `hint` is linked with aria-describedby. */
export function CheckboxField({
  id,
  label,
  checked,
  onChange,
  hint,
  className = 'check',
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
  className?: string;
}) {
  return (
    <div className={className}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(ev) => onChange(ev.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>{label}</label>
      <FieldHint id={id} hint={hint} />
    </div>
  );
}
