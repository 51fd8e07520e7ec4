import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from 'suomifi-ui-components';
import type { LinkView } from '../../domain/feedback';
import type { Locale } from '../../domain/org';
import { DataTable } from '../common/data-table';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { formatDateTime } from '../../domain/date-format';
import { formatDay } from '../schedule/dates';
import { type FormSummary, useCloseKiosk, useCloseLink, useLinks, type KioskView, useOpenKiosks, usePauseKiosk, usePauseLink } from './api';
import { useDescribe } from './describe-context';

const timeOf = (iso: string, locale: Locale) => formatDateTime(iso, locale);

/** Paused, or taking answers; either way whether today's quota of openings was reached (an alarm). */
function collectionState(t: TFunction, source: Pick<LinkView | KioskView, 'pausedAt' | 'quotaAlarmOn'>): string {
  const state = source.pausedAt !== null ? t('feedbackCollect.open.paused') : t('feedbackCollect.open.collecting');
  return source.quotaAlarmOn === null ? state : `${state} · ${t('feedbackCollect.open.quotaReached')}`;
}

/** The site's kiosks and links still taking answers, each with a Close button. */
export function OpenCollections({ siteId, forms, locale }: { siteId: string; forms: FormSummary[]; locale: Locale }) {
  const { t } = useTranslation();
  const kiosks = useOpenKiosks(siteId);
  const links = useLinks(siteId);
  const closeKiosk = useCloseKiosk(siteId);
  const closeLink = useCloseLink(siteId);
  const pauseLink = usePauseLink(siteId);
  const pauseKiosk = usePauseKiosk(siteId);
  const { formName, where } = useDescribe(forms, locale);
  const openLinks = (links.data ?? []).filter((l) => l.isOpen);

  return (
    <section className="collect-section" aria-labelledby="collect-open-heading">
      <h2 id="collect-open-heading" className="collect-section__title">
        {t('feedbackCollect.open.title')}
      </h2>
      {closeKiosk.isError && <ErrorAlert error={closeKiosk.error} />}
      {closeLink.isError && <ErrorAlert error={closeLink.error} />}
      {pauseLink.isError && <ErrorAlert error={pauseLink.error} />}
      {pauseKiosk.isError && <ErrorAlert error={pauseKiosk.error} />}
      {kiosks.isPending ? <Loading /> : kiosks.isError ? <ErrorAlert error={kiosks.error} /> : kiosks.data.length === 0 ? (
        <Paragraph mb="m">{t('feedbackCollect.open.noKiosks')}</Paragraph>
      ) : (
        <DataTable
          caption={t('feedbackCollect.open.kiosks')}
          rows={kiosks.data}
          rowKey={(k) => k.id}
          columns={[
            { key: 'form', label: t('feedbackCollect.open.form'), render: (k) => formName(k.formId) },
            { key: 'where', label: t('feedbackCollect.open.where'), render: (k) => where(k.context) },
            { key: 'until', label: t('feedbackCollect.open.kioskUntil'), render: (k) => timeOf(k.expiresAt, locale) },
            { key: 'state', label: t('feedbackCollect.open.state'), render: (k) => collectionState(t, k) },
            {
              key: 'close',
              label: t('feedbackCollect.open.actions'),
              render: (k) => (
                <div className="collect-actions">
                  <Button variant="secondary" className="collect-pause" disabled={pauseKiosk.isPending} onClick={() => pauseKiosk.mutate({ kioskId: k.id, isPaused: k.pausedAt === null })}>
                    {k.pausedAt === null ? t('feedbackCollect.open.pause') : t('feedbackCollect.open.resume')}
                    <span className="visually-hidden">{` ${t('feedbackCollect.open.closeKiosk', { name: formName(k.formId) })}`}</span>
                  </Button>
                  <Button variant="secondary" className="collect-close" disabled={closeKiosk.isPending} onClick={() => closeKiosk.mutate(k.id)}>
                    {t('feedbackCollect.open.close')}
                    <span className="visually-hidden">{` ${t('feedbackCollect.open.closeKiosk', { name: formName(k.formId) })}`}</span>
                  </Button>
                </div>
              ),
            },
          ]}
        />
      )}
      {links.isPending ? <Loading /> : links.isError ? <ErrorAlert error={links.error} /> : openLinks.length === 0 ? (
        <Paragraph mb="m">{t('feedbackCollect.open.noLinks')}</Paragraph>
      ) : (
        <DataTable
          caption={t('feedbackCollect.open.links')}
          rows={openLinks}
          rowKey={(l) => l.id}
          columns={[
            { key: 'form', label: t('feedbackCollect.open.form'), render: (l) => formName(l.formId) },
            { key: 'where', label: t('feedbackCollect.open.where'), render: (l) => where(l.context) },
            { key: 'until', label: t('feedbackCollect.open.linkUntil'), render: (l) => formatDay(l.validUntil, locale) },
            { key: 'link', label: t('feedbackCollect.open.address'), render: (l) => <span className="collect-link-path">{`${window.location.origin}${l.path}`}</span> },
            { key: 'state', label: t('feedbackCollect.open.state'), render: (l) => collectionState(t, l) },
            {
              key: 'close',
              label: t('feedbackCollect.open.actions'),
              render: (l) => (
                <div className="collect-actions">
                  <Button variant="secondary" className="collect-pause" disabled={pauseLink.isPending} onClick={() => pauseLink.mutate({ linkId: l.id, isPaused: l.pausedAt === null })}>
                    {l.pausedAt === null ? t('feedbackCollect.open.pause') : t('feedbackCollect.open.resume')}
                    <span className="visually-hidden">{` ${t('feedbackCollect.open.closeLink', { name: formName(l.formId), day: formatDay(l.validUntil, locale) })}`}</span>
                  </Button>
                  <Button variant="secondary" className="collect-close" disabled={closeLink.isPending} onClick={() => closeLink.mutate(l.id)}>
                    {t('feedbackCollect.open.close')}
                    <span className="visually-hidden">{` ${t('feedbackCollect.open.closeLink', { name: formName(l.formId), day: formatDay(l.validUntil, locale) })}`}</span>
                  </Button>
                </div>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
