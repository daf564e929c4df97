import { type FormEvent, useState } from 'react';
import { useFocusFirstInvalid } from '../ui';
import { ProblemError } from './api-client';

export interface FormSubmitOptions {
  // Runs first on every submit, e.g. to clear a "saved" message from the previous one.
  onStart?: () => void;
  // Checks in the browser; a field name → message for every problem, empty when all is well.
  validate: () => Record<string, string>;
  send: () => Promise<void>;
  // Server codes that belong to one field although the server names none (e.g. 409 e-mail-bestaat-al).
  fieldOfCode?: Record<string, string>;
  // Server field names that the form shows under another name.
  renameFields?: Record<string, string>;
  // The fields this form shows; a server error about any other field is shown above the form instead of lost.
  fields?: string[];
}

// The submit cycle every form shares: check, send, put server errors next to their fields, focus the first.
export function useFormSubmit(options: FormSubmitOptions) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const focusFirstInvalid = useFocusFirstInvalid();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    options.onStart?.();
    const found = options.validate();
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(form);
      return;
    }
    setBusy(true);
    try {
      await options.send();
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const fields = error.fieldErrors(options.fieldOfCode);
      for (const [from, to] of Object.entries(options.renameFields ?? {})) {
        if (fields[from]) fields[to] = fields[from];
      }
      const shown = options.fields ? Object.fromEntries(Object.entries(fields).filter(([name]) => options.fields?.includes(name))) : fields;
      setErrors(shown);
      focusFirstInvalid(form);
      if (Object.keys(shown).length === 0) setProblem(error.message);
    } finally {
      setBusy(false);
    }
  };

  return { submit, errors, problem, busy };
}
