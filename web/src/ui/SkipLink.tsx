import type { MouseEvent } from 'react';

// Moves focus itself: a hash change alone does not reliably move keyboard focus in a single-page app.
export function SkipLink({ targetId, children }: { targetId: string; children: string }) {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(targetId);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView();
  };
  return (
    <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href={`#${targetId}`} onClick={skip}>
      {children}
    </a>
  );
}
