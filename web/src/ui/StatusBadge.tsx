import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'ok' | 'warning' | 'error' | 'info';

export function StatusBadge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`utrecht-badge-status plein-badge plein-badge--${tone}`}>{children}</span>;
}
