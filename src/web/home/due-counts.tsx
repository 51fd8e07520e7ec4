import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from 'suomifi-ui-components';
import type { DueCounts as DueCountsAnswer } from '../../domain/clients/schemas';
import { formatDate } from '../../domain/date-format';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { useLocale } from '../i18n/use-locale';
import { clockLabel, clockOf } from './clock-label';
import { useDueCounts } from './due-api';

type Count = DueCountsAnswer['totals'][number];

const hasAny = (counts: readonly Count[]) => counts.some((c) => c.overdue + c.dueSoon > 0);

/**
 * The coordinator's counts of clients' steps overdue and due soon, per clock (each named statutory or
 * local, with its length) and per site they may count. No client is named.
 */
export function DueCounts() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const counts = useDueCounts(true);
  if (counts.isPending) return <Loading />;
  if (counts.isError) return <ErrorAlert error={counts.error} />;
  const { totals, sites, clocks, today, dueSoonDays } = counts.data;
  const label = (c: Count) => clockLabel(t, { ...c, limit: clockOf(clocks, c.clockKey)?.limit });
  const busySites = sites.filter((s) => hasAny(s.counts));
  return (
    <section aria-labelledby="home-due-counts" className="home-section due-counts">
      <Heading variant="h2" id="home-due-counts" mb="s">
        {t('dueClients.countsHeading')}
      </Heading>
      <Paragraph mb="s">{t('dueClients.countsIntro', { day: formatDate(today, locale), count: dueSoonDays })}</Paragraph>
      <table className="data-table due-counts__totals">
        <caption>{sites.length === 1 ? t('dueClients.siteCaption', { site: sites[0]!.siteName }) : t('dueClients.totalsCaption', { count: sites.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dueClients.clockColumn')}</th>
            <th scope="col">{t('dueClients.overdue')}</th>
            <th scope="col">{t('dueClients.dueSoon')}</th>
          </tr>
        </thead>
        <tbody>
          {totals.map((c) => (
            <tr key={c.clockKey} data-clock={c.clockKey}>
              <th scope="row">{label(c)}</th>
              <td>{c.overdue}</td>
              <td>{c.dueSoon}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {sites.length > 1 && busySites.length === 0 && <Paragraph>{t('dueClients.noSiteHasAny')}</Paragraph>}
      {sites.length > 1 && busySites.length > 0 && (
        <table className="data-table due-counts__sites">
          <caption>{t('dueClients.sitesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t('dueClients.siteColumn')}
              </th>
              {totals.map((c) => (
                <th key={c.clockKey} scope="colgroup" colSpan={2}>
                  {label(c)}
                </th>
              ))}
            </tr>
            <tr>
              {totals.map((c) => (
                <Fragment key={c.clockKey}>
                  <th scope="col">{t('dueClients.overdue')}</th>
                  <th scope="col">{t('dueClients.dueSoon')}</th>
                </Fragment>
              ))}
            </tr>
          </thead>
          <tbody>
            {busySites.map((s) => (
              <tr key={s.siteId} data-site={s.siteId}>
                <th scope="row">{s.siteName}</th>
                {totals.map((total) => {
                  const c = s.counts.find((x) => x.clockKey === total.clockKey);
                  return (
                    <Fragment key={total.clockKey}>
                      <td>{c?.overdue ?? 0}</td>
                      <td>{c?.dueSoon ?? 0}</td>
                    </Fragment>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
