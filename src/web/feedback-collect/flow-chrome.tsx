import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './feedback-collect.css';

/**
 * The frame of the kiosk and the phone page: the app's name, the place, and nothing of a staff
 * member. `tools` go in the header (the language buttons), `footer` at the bottom (leaving the kiosk).
 */
export function FlowChrome({ kind, place, tools, footer, children }: { kind: 'kiosk' | 'link'; place: string | null; tools?: ReactNode; footer?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={`fc-page fc-page--${kind}`}>
      <header className="fc-header">
        <div className="fc-header__brand">
          <span className="fc-header__name">{t('app.name')}</span>
          {place !== null && <span className="fc-header__place">{place}</span>}
        </div>
        {tools}
      </header>
      <main className="fc-main" id="main-content" tabIndex={-1}>
        {children}
      </main>
      {footer !== undefined && <footer className="fc-footer">{footer}</footer>}
    </div>
  );
}
