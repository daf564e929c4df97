import type { ReactNode } from 'react';

export type AlertType = 'info' | 'ok' | 'warning' | 'error';

const ICONS: Record<AlertType, string> = { info: 'i', ok: '✓', warning: '!', error: '!' };

// Errors interrupt (role=alert); confirmations and hints wait their turn (role=status).
export function Alert({ type = 'info', title, children, id }: { type?: AlertType; title?: string; children?: ReactNode; id?: string }) {
  return (
    <div id={id} className={`utrecht-alert utrecht-alert--${type} plein-alert`} role={type === 'error' ? 'alert' : 'status'}>
      <div className="utrecht-alert__icon plein-alert__icon" aria-hidden="true">
        {ICONS[type]}
      </div>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          {title && <p className="utrecht-paragraph plein-alert__title">{title}</p>}
          {children}
        </div>
      </div>
    </div>
  );
}
