import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Paragraph } from 'suomifi-ui-components';
import { helsinkiDay } from '../../domain/calendar';
import { AppLink } from '../common/app-link';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { useLocale } from '../i18n/use-locale';
import { AnnouncementEntry } from './announcement-entry';
import { formatDayMonth } from '../../domain/date-format';
import { entriesOf, groupByWeek } from './announcement-text';
import { addressOf, pagePath, type SiteAddress, useAnnouncement } from './api';
import { localized } from '../../domain/translations';
import { PublicLayout } from './public-layout';
import { AnnouncementLoadError } from './unknown-site';
import './announcements.css';

/** A site's public timetable: who (by profession) is there when, week by week. No sign-in. */
export function AnnouncementsPage() {
  const address = addressOf(useParams());
  return (
    <PublicLayout>
      <Timetable address={address} />
    </PublicLayout>
  );
}

function Timetable({ address }: { address: SiteAddress }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const announcement = useAnnouncement(address);
  if (announcement.isPending) return <Loading />;
  if (announcement.isError) return <AnnouncementLoadError error={announcement.error} />;
  const { site } = announcement.data;
  const weeks = groupByWeek(entriesOf(announcement.data));
  const thisMonth = helsinkiDay(new Date()).slice(0, 7);
  return (
    <div className="announcements" data-page-state="timetable">
      <PageHeading>{t('announcements.title', { site: localized(site.name, site.nameTranslations, locale) })}</PageHeading>
      {site.address !== '' && <p className="announcements__address">{t('announcements.address', { address: site.address })}</p>}
      <p className="announcements__intro">{t('announcements.intro')}</p>
      {site.slug !== undefined && (
        <p className="announcements__short-address">
          {t('announcements.shortAddress')} <span className="announcements__short-url">{`${window.location.host}/s/${site.slug}`}</span>
        </p>
      )}
      <AppLink to={`${pagePath(address, site.slug)}/poster?month=${thisMonth}`} className="announcements__poster-link">
        {t('announcements.posterLink')}
      </AppLink>
      {weeks.length === 0 ? (
        <Paragraph>{t('announcements.none')}</Paragraph>
      ) : (
        weeks.map((week) => (
          <section key={week.monday} className="announcements__week" aria-labelledby={`week-${week.monday}`}>
            <h2 id={`week-${week.monday}`} className="announcements__week-title">
              {t('announcements.week', { number: week.number, from: formatDayMonth(week.monday, locale), to: formatDayMonth(week.sunday, locale) })}
            </h2>
            <ul className="announcements__list">
              {week.entries.map((entry) => (
                <AnnouncementEntry key={entry.key} entry={entry} headingLevel="h3" />
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
