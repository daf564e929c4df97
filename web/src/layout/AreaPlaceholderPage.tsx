import type { ReactNode } from 'react';
import { useLocale } from '../app/i18n';
import { EmptyState, Heading, PageHeader, Paragraph } from '../ui';

export interface AreaContent {
  title: string;
  lead: string;
  emptyTitle: string;
  emptyText: string;
  plannedHeading: string;
  planned: string[];
}

// A workspace area that is not built yet says honestly what it will do, instead of an empty screen.
export function AreaPlaceholderPage({ content, actions }: { content: { nl: AreaContent; en: AreaContent }; actions?: ReactNode }) {
  const { locale } = useLocale();
  const text = content[locale];
  return (
    <>
      <PageHeader title={text.title} lead={<Paragraph lead>{text.lead}</Paragraph>} actions={actions} />
      <EmptyState title={text.emptyTitle}>
        <Paragraph>{text.emptyText}</Paragraph>
      </EmptyState>
      <section className="plein-section" aria-labelledby="gepland">
        <Heading level={2} id="gepland">
          {text.plannedHeading}
        </Heading>
        <ul className="utrecht-unordered-list plein-planned-list">
          {text.planned.map((item) => (
            <li key={item} className="utrecht-unordered-list__item">
              {item}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
