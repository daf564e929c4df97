import { useCallback, useEffect, useRef, useState } from 'react';

// After a failed submit, focus goes to the first field in error, so keyboard and screen-reader users land on it.
// The errors are React state: the focus must wait until the render that marks the fields invalid has been
// committed, which a fixed animation frame does not guarantee on a busy machine.
export function useFocusFirstInvalid(): (form: HTMLFormElement | null) => void {
  const formRef = useRef<HTMLFormElement | null>(null);
  const [request, setRequest] = useState(0);
  useEffect(() => {
    const form = formRef.current;
    if (request === 0 || !form) return;
    const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
    const target = invalid instanceof HTMLFieldSetElement ? invalid.querySelector<HTMLElement>('input, select, textarea') : invalid;
    target?.focus();
  }, [request]);
  return useCallback((form: HTMLFormElement | null) => {
    formRef.current = form;
    setRequest((count) => count + 1);
  }, []);
}
