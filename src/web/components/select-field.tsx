import { Field } from './field.tsx';

/**
 * A labelled `<select>` of fixed values, each shown by `optionText` (usually the i18n `e`); `blank` adds a
 * first "no choice" option with the value ''.
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
  optionText: (value: string) => string;
  blank?: string;
  required?: boolean;
}) {
  return (
    <Field id={id} label={label}>
      <select id={id} value={value} onChange={(ev) => onChange(ev.target.value)} required={required}>
        {blank !== undefined ? <option value="">{blank}</option> : null}
        {options.map((option) => (
          <option key={option} value={option}>
            {optionText(option)}
          </option>
        ))}
      </select>
    </Field>
  );
}
