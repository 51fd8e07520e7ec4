import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import { closedStatuses } from '../../domain/outreach';
import type { EncounterView } from '../../domain/outreach-views';
import { formatVisitorCode } from '../../domain/visitor-code';
import { useSession } from '../api/auth';
import { useSites } from '../api/org';
import { useCodes, useEncountersOfDay, useServices } from '../api/outreach';
import { EncounterRowActions } from './encounter-row-actions';
import { ButtonLink } from '../common/button-link';
import { formatDate, formatTime } from '../../domain/date-format';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { useLocale } from '../i18n/use-locale';
import { isApiRequestError } from '../api/client';
import { QueuedEncounterList } from '../offline/queued-encounter-list';
import { useQueuedEncounters } from '../offline/queued-encounters';
import { useIsOnline } from '../offline/use-online';
import { encounterSiteIds, today } from './encounter-sites';
import { useAbilities } from '../auth/use-abilities';


export function EncountersPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const me = useSession().data?.user;
  const sites = useSites();
  const abilities = useAbilities();
  const siteIds = encounterSiteIds(abilities);
  const [siteId, setSiteId] = useState<string | null>(siteIds[0] ?? null);
  const day = today();
  if (!me) return null;
  const siteName = (id: string) => sites.data?.find((s) => s.id === id)?.name ?? id;
  return (
    <>
      <PageHeading>{t('encounters.listTitle')}</PageHeading>
      <div className="page-actions">
        <ButtonLink to="/encounters/new">{t('encounters.record')}</ButtonLink>
      </div>
      {siteIds.length > 1 && (
        <div className="encounter-form__field">
          <label className="encounter-form__label" htmlFor="encounters-site">
            {t('encounters.site')}
          </label>
          <select id="encounters-site" className="encounter-form__select" value={siteId ?? ''} onChange={(e) => setSiteId(e.target.value)}>
            {siteIds.map((id) => (
              <option key={id} value={id}>
                {siteName(id)}
              </option>
            ))}
          </select>
        </div>
      )}
      {siteId === null ? (
        <Paragraph>{t('encounters.notProfessional')}</Paragraph>
      ) : (
        <>
          <Heading variant="h2" mb="s">
            {t('encounters.listOf', { site: siteName(siteId), day: formatDate(day, locale) })}
          </Heading>
          <EncounterList userId={me.id} siteId={siteId} day={day} />
        </>
      )}
    </>
  );
}

function EncounterList({ userId, siteId, day }: { userId: string; siteId: string; day: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const encounters = useEncountersOfDay(siteId, day);
  const codes = useCodes();
  const services = useServices();
  const queued = useQueuedEncounters(userId, siteId, day);
  const isOnline = useIsOnline();
  const codeLabel = (kind: 'need' | 'support', ref: string) => {
    const [register, code] = ref.split(':');
    return codes.data?.find((c) => c.kind === kind && c.register === register && c.code === code)?.labels[locale] ?? ref;
  };
  // Offline, what waits in the outbox comes first and the server's list (or its last copy) follows.
  const sentIds = new Set(encounters.data?.map((e) => e.id));
  const waiting = <QueuedEncounterList entries={queued.filter((q) => !sentIds.has(q.id))} codeLabel={codeLabel} />;
  if (encounters.isPending) return <>{waiting}{isOnline ? <Loading /> : null}</>;
  if (encounters.isError) {
    const isNetwork = isApiRequestError(encounters.error) && encounters.error.code === 'network';
    return <>{waiting}{isNetwork ? <Paragraph>{t('offlineList.offline')}</Paragraph> : <ErrorAlert error={encounters.error} />}</>;
  }
  if (encounters.data.length === 0 && queued.length === 0) return <Paragraph>{t('encounters.none')}</Paragraph>;
  const serviceName = (id: string) => services.data?.find((s) => s.id === id)?.names[locale] ?? id;
  const visitText = (e: EncounterView) =>
    e.visitorCode !== null
      ? t('encounters.withCode', { code: formatVisitorCode(e.visitorCode) })
      : t(`encounters.visitOption.${e.isFirstVisit === null ? 'unknown' : e.isFirstVisit ? 'first' : 'repeat'}`);
  const sorted = [...encounters.data].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));

  return (
    <>
    {waiting}
    {!isOnline && <Paragraph mb="s">{t('offlineList.offlineCopy')}</Paragraph>}
    <ul className="encounter-list" data-testid="encounter-list">
      {sorted.map((e) => (
        <li key={e.id} data-encounter-id={e.id}>
          <strong>{formatTime(e.occurredAt, locale)}</strong> · {t(`enums.ageBand.${e.ageBand}`)} · {visitText(e)}
          {e.isUrgent && <> · <strong>{t('encounters.urgent')}</strong></>}
          {e.isJoint && <> · {t('encounters.joint', { names: e.professionals.map((p) => p.displayName).join(', ') })}</>}
          {e.needs.length > 0 && (
            <div>
              {t('encounters.needs')}: {e.needs.map((c) => codeLabel('need', c)).join(', ')}
            </div>
          )}
          {e.support.length > 0 && (
            <div>
              {t('encounters.support')}: {e.support.map((c) => codeLabel('support', c)).join(', ')}
            </div>
          )}
          <EncounterRowActions encounter={e} time={formatTime(e.occurredAt, locale)} />
          {e.referrals.length > 0 && (
            <div>
              {t('encounters.referrals')}:{' '}
              {e.referrals.map((r, i) => (
                <span key={r.id}>
                  {i > 0 && ', '}
                  {`${serviceName(r.serviceId)} (${t(`enums.referralWay.${r.way}`)})`}
                  {/* A slip is only for a referral still open; the server refuses one for a closed referral. */}
                  {!closedStatuses.includes(r.status) && (
                    <>
                      {' · '}
                      <RouterLink
                        asComponent={Link}
                        to={`/referrals/${r.id}/slip`}
                        aria-label={t('slip.linkLabel', { service: serviceName(r.serviceId), time: formatTime(e.occurredAt, locale) })}
                      >
                        {t('slip.link')}
                      </RouterLink>
                    </>
                  )}
                </span>
              ))}
            </div>
          )}
        </li>
      ))}
    </ul>
    </>
  );
}
