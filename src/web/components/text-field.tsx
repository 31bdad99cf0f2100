import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field } from './field.tsx';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>;

/**
 * A labelled `<input>` that edits one value as text: the `Field` and its input in one, so a form states
 * each field once. Any other input attribute (type, min, autoComplete, required …) passes through.
 */
export function TextField({
  id,
  label,
  hint,
  value,
  onChange,
  ...input
}: { id: string; label: string; hint?: ReactNode; value: string | number; onChange: (value: string) => void } & InputProps) {
  return (
    <Field id={id} label={label} hint={hint}>
      <input id={id} value={value} onChange={(ev) => onChange(ev.target.value)} {...input} />
    </Field>
  );
}

/**
 * A `TextField` for a quantity that is never negative (kroner, hours, minutes, persons): a number input from
 * 0, with a phone's digit keypad, or its decimal keypad where `step` has a fraction.
 */
export function NumberField(props: Omit<Parameters<typeof TextField>[0], 'type' | 'min'>) {
  const whole = props.step === undefined || Number.isInteger(Number(props.step));
  return <TextField type="number" min="0" inputMode={whole ? 'numeric' : 'decimal'} {...props} />;
}
