import { useEffect, useState } from 'react';

// Appears only after a short moment, so quick answers do not flash; anything slower shows progress.
export function Loading({ label, delayMs = 300 }: { label: string; delayMs?: number }) {
  const [visible, setVisible] = useState(delayMs === 0);
  useEffect(() => {
    if (delayMs === 0) return;
    const timer = window.setTimeout(() => setVisible(true), delayMs);
    return () => window.clearTimeout(timer);
  }, [delayMs]);
  return (
    <div className="plein-loading" role="status" aria-live="polite">
      {visible && (
        <>
          <span className="plein-loading__spinner" aria-hidden="true" />
          <span>{label}</span>
        </>
      )}
    </div>
  );
}
