import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PilotDetail } from '../../domain/pilots';
import { AppLink } from '../common/app-link';
import { professionLabel } from '../common/labels';
import { useLocale } from '../i18n/use-locale';
import { pilotPeriod } from './format';

/** The plan: where, when, who and what for; coordinators can edit it. */
export function PilotFacts({ pilot, canManage }: { pilot: PilotDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const none = <span className="muted">{t('pilots.details.none')}</span>;
  const rows: [string, ReactNode][] = [
    ['sites', pilot.sites.map((s) => s.name).join(', ')],
    ['period', pilotPeriod(pilot, locale)],
    ['description', pilot.description || none],
    ['goals', pilot.goals || none],
    ['services', pilot.services.length > 0 ? pilot.services.map((s) => s.names[locale]).join(', ') : none],
    ['professionals', pilot.professionals.length > 0 ? pilot.professionals.map((p) => (p.profession ? `${p.displayName} (${professionLabel(t, p.profession)})` : p.displayName)).join(', ') : none],
  ];
  return (
    <section aria-labelledby="pilot-facts-heading" className="pilot-section">
      <h2 id="pilot-facts-heading" className="pilot-heading">{t('pilots.details.heading')}</h2>
      <dl className="pilot-facts" id="pilot-facts">
        {rows.map(([key, value]) => (
          <div key={key} className="pilot-facts__row">
            <dt>{t(`pilots.details.${key}` as 'pilots.details.sites')}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {canManage && (
        <AppLink to={`/pilots/${pilot.id}/edit`} className="pilot-facts__edit">
          {t('pilots.edit.link')}
        </AppLink>
      )}
    </section>
  );
}
