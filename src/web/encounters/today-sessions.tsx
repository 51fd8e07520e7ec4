import { useTranslation } from 'react-i18next';
import { formatClock } from '../../domain/date-format';
import { useSites } from '../api/org';
import { useSessionsOfDay } from '../api/outreach';
import { ButtonLink } from '../common/button-link';
import { useLocale } from '../i18n/use-locale';
import { encounterSiteIds, today } from './encounter-sites';
import { useAbilities } from '../auth/use-abilities';

function SiteSessions({ siteId, siteName }: { siteId: string; siteName: string | null }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const sessions = (useSessionsOfDay(siteId, today()).data ?? []).filter((s) => !s.isCancelled);
  return (
    <>
      {sessions.map((s) => (
        <div key={s.id} className="page-actions" data-session-id={s.id}>
          <p className="today-session__when">
            {t('encounterForm.todaySession', { start: formatClock(s.startsAt, locale), end: formatClock(s.endsAt, locale) })}
            {siteName === null ? '' : `, ${siteName}`}
          </p>
          <ButtonLink to={`/encounters/new?site=${encodeURIComponent(siteId)}&session=${encodeURIComponent(s.id)}`}>{t('encounterForm.recordInSession')}</ButtonLink>
        </div>
      ))}
    </>
  );
}

/** Today's sessions at the professional's sites, each one tap from recording an encounter in it. */
export function TodaySessions() {
  const sites = useSites();
  const siteIds = encounterSiteIds(useAbilities());
  const siteName = (id: string) => sites.data?.find((s) => s.id === id)?.name ?? '';
  return (
    <>
      {siteIds.map((id) => (
        <SiteSessions key={id} siteId={id} siteName={siteIds.length > 1 ? siteName(id) : null} />
      ))}
    </>
  );
}
