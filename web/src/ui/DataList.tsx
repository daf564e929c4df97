import type { ReactNode } from 'react';

export function DataList({ items, className }: { items: Array<{ key: string; value: ReactNode }>; className?: string }) {
  return (
    <dl className={['utrecht-data-list', 'utrecht-data-list--rows', 'plein-data-list', className].filter(Boolean).join(' ')}>
      {items.map((item) => (
        <div key={item.key} className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{item.key}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
