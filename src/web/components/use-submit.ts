import { useState, type FormEvent } from 'react';

/**
 * A form's submit handler: keeps the browser from loading a page, clears the last error, runs `action`
 * and keeps what it throws for `ErrorMessage`.
 */
export function useSubmit(action: () => Promise<void>): { submit: (event: FormEvent) => Promise<void>; error: unknown } {
  const [error, setError] = useState<unknown>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err);
    }
  }
  return { submit, error };
}
