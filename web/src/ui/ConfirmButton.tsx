import { useEffect, useRef, useState } from 'react';
import { Button } from './Button';

export interface ConfirmButtonProps {
  label: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void | Promise<unknown>;
  busy?: boolean;
  danger?: boolean;
}

// Destructive actions ask once, in place: no browser dialog, focus goes to the question's answer.
export function ConfirmButton({ label, question, confirmLabel, cancelLabel, onConfirm, busy, danger = true }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) openerRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <Button ref={openerRef} danger={danger} busy={busy} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of controls named for screen readers, without a fieldset's border and legend
    <div className="plein-confirm" role="group" aria-label={question}>
      <p className="utrecht-paragraph plein-confirm__question">{question}</p>
      <div className="utrecht-button-group plein-button-group">
        <Button
          ref={confirmRef}
          appearance="primary"
          danger={danger}
          busy={busy}
          onClick={async () => {
            try {
              await onConfirm();
            } finally {
              setAsking(false);
            }
          }}
        >
          {confirmLabel}
        </Button>
        <Button appearance="subtle" onClick={() => setAsking(false)}>
          {cancelLabel}
        </Button>
      </div>
    </div>
  );
}
