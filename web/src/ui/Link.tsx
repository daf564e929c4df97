import type { ReactNode } from 'react';
import { type LinkProps, Link as RouterLink } from 'react-router';

export function AppLink({ className, children, ...rest }: LinkProps & { children: ReactNode }) {
  return (
    <RouterLink className={['utrecht-link', 'utrecht-link--html-a', className].filter(Boolean).join(' ')} {...rest}>
      {children}
    </RouterLink>
  );
}

export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a className="utrecht-link utrecht-link--html-a" href={href}>
      {children}
    </a>
  );
}

// A link that looks like a button, for navigation that starts a task ("Nieuwe gebruiker").
export function ButtonLink({
  appearance = 'primary',
  className,
  children,
  ...rest
}: LinkProps & { appearance?: 'primary' | 'secondary'; children: ReactNode }) {
  return (
    <RouterLink
      className={['utrecht-button-link', 'utrecht-button-link--html-a', `utrecht-button-link--${appearance}-action`, className].filter(Boolean).join(' ')}
      {...rest}
    >
      {children}
    </RouterLink>
  );
}
