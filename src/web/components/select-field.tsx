import { useI18n } from '../app/i18n.tsx';
import { Field } from './field.tsx';

/**
 * A labelled `<select>` of fixed values, each shown by `optionText` (by default the i18n `e`, the code's
 * label in the user's language); `blank` adds a first "no choice" option with the value ''.
 */
export function SelectField({
  id,
  label,
  value,
  onChange,
  options,
  optionText,
  blank,
  required,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly string[];
  optionText?: (value: string) => string;
  blank?: string;
  required?: boolean;
}) {
  const { e } = useI18n();
  const text = optionText ?? e;
  return (
    <Field id={id} label={label}>
      <select id={id} value={value} onChange={(ev) => onChange(ev.target.value)} required={required}>
        {blank !== undefined ? <option value="">{blank}</option> : null}
        {options.map((option) => (
          <option key={option} value={option}>
            {text(option)}
          </option>
        ))}
      </select>
    </Field>
  );
}
