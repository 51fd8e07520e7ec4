import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { Button, InlineAlert } from 'suomifi-ui-components';
import { helsinkiDay, monthBounds } from '../../domain/calendar';
import { AppLink } from '../common/app-link';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { QrCode } from '../common/qr-code';
import { useLocale } from '../i18n/use-locale';
import { AnnouncementEntry } from './announcement-entry';
import { AnnouncementLoadError } from './unknown-site';
import { formatMonth } from '../../domain/date-format';
import { entriesOf, parseMonth, shiftMonth } from './announcement-text';
import { addressOf, pagePath, type SiteAddress, useAnnouncement } from './api';
import { localized } from '../../domain/translations';
import { PublicLayout } from './public-layout';
import './announcements.css';
import './poster.css';

// More lines than this go into two columns on paper, so a busy month still fits on one A4.
const TWO_COLUMNS_FROM = 7;

/** A printable A4 poster of one month's sessions and groups, with a QR code to the live page. */
export function PosterPage() {
  const address = addressOf(useParams());
  const [params] = useSearchParams();
  const asked = params.get('month');
  const month = parseMonth(asked) ?? helsinkiDay(new Date()).slice(0, 7);
  return (
    <PublicLayout>
      <Poster address={address} month={month} badMonth={asked !== null && parseMonth(asked) === null} />
    </PublicLayout>
  );
}

function Poster({ address, month, badMonth }: { address: SiteAddress; month: string; badMonth: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { first, last } = monthBounds(month);
  const announcement = useAnnouncement(address, { from: first, to: last });
  if (announcement.isPending) return <Loading />;
  if (announcement.isError) return <AnnouncementLoadError error={announcement.error} />;
  const { site } = announcement.data;
  // The short address is what a person types from the paper, and the QR code leads to the same page.
  const pageUrl = pagePath(address, site.slug);
  const entries = entriesOf(announcement.data);
  const absoluteUrl = `${window.location.origin}${pageUrl}`;
  return (
    <>
      <div className="poster-toolbar no-print">
        {badMonth && (
          <InlineAlert status="warning" mb="s">
            {t('announcements.poster.badMonth')}
          </InlineAlert>
        )}
        <p className="poster-toolbar__hint">{t('announcements.poster.printHint')}</p>
        <div className="poster-toolbar__actions">
          <Button onClick={() => window.print()} id="poster-print">
            {t('announcements.poster.print')}
          </Button>
          <AppLink to={`${pageUrl}/poster?month=${shiftMonth(month, -1)}`}>{t('announcements.poster.previous')}</AppLink>
          <AppLink to={`${pageUrl}/poster?month=${shiftMonth(month, 1)}`}>{t('announcements.poster.next')}</AppLink>
          <AppLink to={pageUrl}>{t('announcements.poster.back')}</AppLink>
        </div>
      </div>
      <article className="poster" data-page-state="poster" data-month={month}>
        <header className="poster__header">
          <PageHeading>{localized(site.name, site.nameTranslations, locale)}</PageHeading>
          <p className="poster__month">{t('announcements.poster.subtitle', { month: formatMonth(month, locale) })}</p>
          {site.address !== '' && <p className="poster__address">{t('announcements.address', { address: site.address })}</p>}
        </header>
        {entries.length === 0 ? (
          <p className="poster__none">{t('announcements.poster.none')}</p>
        ) : (
          <ul className={`poster__list${entries.length >= TWO_COLUMNS_FROM ? ' poster__list--columns' : ''}`}>
            {entries.map((entry) => (
              <AnnouncementEntry key={entry.key} entry={entry} headingLevel="h2" />
            ))}
          </ul>
        )}
        <footer className="poster__footer">
          <QrCode value={absoluteUrl} label={t('announcements.poster.qrLabel')} size={128} />
          <p>
            {t('announcements.poster.qrText')}
            <br />
            <span className="poster__url">{absoluteUrl}</span>
          </p>
        </footer>
      </article>
    </>
  );
}
