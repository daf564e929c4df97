import type { ComponentPropsWithRef, ReactNode } from 'react';

export type ButtonAppearance = 'primary' | 'secondary' | 'subtle';

export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  appearance?: ButtonAppearance;
  danger?: boolean;
  busy?: boolean;
  children: ReactNode;
}

export function Button({ appearance = 'secondary', danger, busy, className, type = 'button', disabled, children, ...rest }: ButtonProps) {
  const classes = [
    'utrecht-button',
    appearance === 'subtle' ? 'utrecht-button--subtle' : `utrecht-button--${appearance}-action`,
    danger && 'utrecht-button--danger',
    busy && 'utrecht-button--busy',
    type === 'submit' && 'utrecht-button--submit',
    className,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <button type={type} className={classes} disabled={disabled || busy} aria-busy={busy || undefined} {...rest}>
      {children}
    </button>
  );
}

export function ButtonGroup({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <div className="utrecht-button-group plein-button-group" {...(label ? { role: 'group', 'aria-label': label } : {})}>
      {children}
    </div>
  );
}
