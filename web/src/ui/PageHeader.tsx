import { type ReactNode, useEffect, useRef } from 'react';
import { Heading } from './Heading';

let initialPageShown = false;

// After a client-side navigation focus lands on the new page's title, as it would after a full page load
// for screen-reader users; the very first page keeps the browser's own start position (skip link first).
export function PageHeader({ title, lead, actions, documentTitle }: { title: string; lead?: ReactNode; actions?: ReactNode; documentTitle?: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${documentTitle ?? title} – Plein`;
  }, [title, documentTitle]);
  useEffect(() => {
    if (initialPageShown) headingRef.current?.focus({ preventScroll: false });
    initialPageShown = true;
  }, []);
  return (
    <div className="plein-page-header">
      <div className="plein-page-header__text">
        <Heading level={1} ref={headingRef} tabIndex={-1} className="plein-page-title">
          {title}
        </Heading>
        {lead && <div className="plein-page-header__lead">{lead}</div>}
      </div>
      {actions && <div className="plein-page-header__actions">{actions}</div>}
    </div>
  );
}
