import type { ReactNode } from 'react';

/** A labelled form field; `hint` is linked with aria-describedby. */
export function Field({ id, label, hint, children }: { id: string; label: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      <FieldHint id={id} hint={hint} />
    </div>
  );
}

/** The hint under the field `id`, at the id its input names in aria-describedby (`<id>-hint`); nothing without a hint. */
export function FieldHint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <p className="hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
}
