import type { ReactNode } from 'react';
import { Heading, type HeadingLevel } from './Heading';

// Every list says what it would show and what to do next, instead of an empty table.
export function EmptyState({ title, children, action, level = 2 }: { title: string; children?: ReactNode; action?: ReactNode; level?: HeadingLevel }) {
  return (
    <section className="plein-empty-state" aria-label={title}>
      <div className="plein-empty-state__icon" aria-hidden="true" />
      <Heading level={level}>{title}</Heading>
      {children}
      {action && <div className="plein-empty-state__action">{action}</div>}
    </section>
  );
}
