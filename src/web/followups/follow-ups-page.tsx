import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import type { ReferralStatus } from '../../domain/outreach';
import type { FollowUpView } from '../../domain/outreach-views';
import { formatVisitorCode } from '../../domain/visitor-code';
import { useSession } from '../api/auth';
import { useSites } from '../api/org';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { SiteSelect } from '../common/site-select';
import { today as helsinkiToday } from '../encounters/encounter-sites';
import { useLocale } from '../i18n/use-locale';
import { siteNameOf } from '../visitors/sites';
import { siteIdsFor } from '../auth/abilities';
import { useAbilities } from '../auth/use-abilities';
import { useFollowUps, useUpdateReferral } from './api';
import { FollowUpItem } from './follow-up-item';
import { NextSession } from './next-session';
import './follow-ups.css';

/** A referral just closed from the list, kept so that a mistaken tap can be undone. */
export type Closed = { referralId: string; code: string; service: string; status: ReferralStatus; previous: ReferralStatus };

/** Groups the list by visitor code, keeping the server's order (earliest follow-up date first). */
function byCode(followUps: FollowUpView[]): [string, FollowUpView[]][] {
  const groups = new Map<string, FollowUpView[]>();
  for (const f of followUps) groups.set(f.visitorCode, [...(groups.get(f.visitorCode) ?? []), f]);
  return [...groups];
}

export function FollowUpsPage() {
  const { t } = useTranslation();
  const me = useSession().data?.user;
  const abilities = useAbilities();
  const sites = useSites();
  const [chosen, setChosen] = useState('');
  if (!me) return null;
  const siteIds = siteIdsFor(abilities, 'referral.read', sites.data);
  const siteId = siteIds.includes(chosen) ? chosen : (siteIds[0] ?? '');
  const siteName = siteNameOf(sites.data);
  return (
    <div className="follow-ups-page">
      <PageHeading>{t('followUps.title')}</PageHeading>
      <Paragraph mb="m">{t('followUps.intro')}</Paragraph>
      {siteIds.length === 0 ? (
        sites.isPending ? <Loading /> : sites.isError ? <ErrorAlert error={sites.error} /> : <Paragraph>{t('followUps.noSites')}</Paragraph>
      ) : (
        <>
          {siteIds.length > 1 && (
            <SiteSelect id="follow-ups-site" label={t('followUps.site')} siteIds={siteIds} value={siteId} onChange={setChosen} siteName={siteName} />
          )}
          {/* Keyed by site: a half-written memo never carries over to another site's list. */}
          <SiteFollowUps key={siteId} siteId={siteId} siteName={siteName(siteId)} />
        </>
      )}
    </div>
  );
}

function SiteFollowUps({ siteId, siteName }: { siteId: string; siteName: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const followUps = useFollowUps(siteId);
  const update = useUpdateReferral(siteId);
  const [closed, setClosed] = useState<Closed | null>(null);
  const today = helsinkiToday();

  const undo = (c: Closed) =>
    update.mutate({ referralId: c.referralId, patch: { status: c.previous } }, { onSuccess: () => setClosed(null) });

  return (
    <>
      <Heading variant="h2" mb="xs">
        {siteName}
      </Heading>
      <NextSession siteId={siteId} today={today} />
      {/* Always in the page, so that what a tap did is announced when it changes. */}
      <div role="status" className="follow-ups-done" data-testid="follow-ups-done">
        {closed !== null && (
          <div className="follow-ups-done__box">
            <p>
              {t('followUps.closed', {
                code: formatVisitorCode(closed.code),
                service: closed.service,
                status: t(`followUps.status.${closed.status}`),
              })}
            </p>
            <Button variant="secondary" id="follow-up-undo" disabled={update.isPending} onClick={() => undo(closed)}>
              {t('followUps.undo')}
            </Button>
          </div>
        )}
      </div>
      {update.isError && <ErrorAlert error={update.error} />}
      {followUps.isPending ? (
        <Loading />
      ) : followUps.isError ? (
        <ErrorAlert error={followUps.error} />
      ) : followUps.data.length === 0 ? (
        <Paragraph>{t('followUps.none')}</Paragraph>
      ) : (
        <>
          <p className="result-count">{t('followUps.count', { count: followUps.data.length })}</p>
          {byCode(followUps.data).map(([code, items]) => (
            <section key={code} aria-labelledby={`follow-up-code-${code}`} className="follow-up-group" data-visitor-code={code}>
              <Heading variant="h3" id={`follow-up-code-${code}`} mb="xxs" className="follow-up-group__code">
                {t('followUps.codeHeading', { code: formatVisitorCode(code) })}
              </Heading>
              <p className="follow-up-group__ask">{t('followUps.ask')}</p>
              <ul className="follow-up-list">
                {items.map((f) => (
                  <FollowUpItem
                    key={f.referral.id}
                    followUp={f}
                    isSaving={update.isPending && update.variables?.referralId === f.referral.id}
                    onSave={(patch, onDone) =>
                      update.mutate(
                        { referralId: f.referral.id, patch },
                        {
                          onSuccess: (saved) => {
                            onDone();
                            if (saved.closedAt !== null) {
                              setClosed({ referralId: saved.id, code, service: f.serviceName[locale], status: saved.status, previous: f.referral.status });
                            }
                          },
                        },
                      )
                    }
                  />
                ))}
              </ul>
              <p className="follow-up-group__open">
                <AppLink to={`/visitors/${code}`}>{t('followUps.openCode', { code: formatVisitorCode(code) })}</AppLink>
              </p>
            </section>
          ))}
        </>
      )}
    </>
  );
}
