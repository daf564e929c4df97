import type { ReactNode } from 'react';
import { formatDateTime } from '../app/format';
import { Heading } from './Heading';

export interface TimelineItem {
  id: string;
  kind: string;
  at: string;
  what: ReactNode;
  by: string;
  // What was told to the resident ("Verstuurd naar de melder:"), shown before the text.
  label?: string | null;
  text?: string | null;
}

// A record's story, oldest first: what happened, who did it, when, and what the resident was told.
export function Timeline({ id, heading, items }: { id: string; heading: string; items: TimelineItem[] }) {
  return (
    <section className="plein-section" aria-labelledby={id}>
      <Heading level={2} id={id}>
        {heading}
      </Heading>
      <ol className="plein-timeline">
        {items.map((item) => (
          <li key={item.id} className={`plein-timeline__event plein-timeline__event--${item.kind}`}>
            <p className="utrecht-paragraph plein-timeline__what">{item.what}</p>
            <p className="utrecht-paragraph plein-timeline__meta">
              <time dateTime={item.at}>{formatDateTime(item.at)}</time> {item.by}
            </p>
            {item.text && (
              <p className="utrecht-paragraph plein-timeline__text plein-break plein-pre-line">
                {item.label && <span className="plein-timeline__label">{item.label} </span>}
                {item.text}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
