import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Paragraph } from 'suomifi-ui-components';
import { useSession } from '../api/auth';
import { useSites } from '../api/org';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { SiteSelect } from '../common/site-select';
import { today } from '../encounters/encounter-sites';
import { siteNameOf } from '../visitors/sites';
import { siteIdsFor } from '../auth/abilities';
import { useAbilities } from '../auth/use-abilities';
import { useFeedbackForms, useTodaysSessions } from './api';
import { collectableForms, ContextField, contextOf, FormField } from './collect-choice';
import { useFlowLocale } from './flow-locale';
import { KioskStart } from './kiosk-start';
import { LinkMaker } from './link-maker';
import { OpenCollections } from './open-collections';
import { formText } from './question-inputs';
import './collect.css';

/** Staff choose a form and a place, then start a kiosk on this tablet or make a QR link (/feedback/collect). */
export function CollectPage() {
  const { t } = useTranslation();
  const me = useSession().data?.user;
  const abilities = useAbilities();
  const sites = useSites();
  const [chosen, setChosen] = useState('');
  if (!me) return null;
  const siteIds = siteIdsFor(abilities, 'feedback.collect', sites.data);
  const siteId = siteIds.includes(chosen) ? chosen : (siteIds[0] ?? '');
  return (
    <div className="collect-page">
      <PageHeading>{t('feedbackCollect.collect.title')}</PageHeading>
      <Paragraph mb="m">{t('feedbackCollect.collect.intro')}</Paragraph>
      {siteIds.length === 0 ? (
        sites.isPending ? <Loading /> : sites.isError ? <ErrorAlert error={sites.error} /> : <Paragraph>{t('feedbackCollect.collect.noSites')}</Paragraph>
      ) : (
        <>
          <SiteSelect id="collect-site" label={t('feedbackCollect.collect.site')} siteIds={siteIds} value={siteId} onChange={setChosen} siteName={siteNameOf(sites.data)} />
          {/* Keyed by site: a choice of another site's session never carries over. */}
          <SiteCollect key={siteId} siteId={siteId} />
        </>
      )}
    </div>
  );
}

function SiteCollect({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const { appLocale } = useFlowLocale(null, false);
  const forms = useFeedbackForms();
  const sessions = useTodaysSessions(siteId, today());
  const [formChoice, setFormChoice] = useState('');
  const [contextChoice, setContextChoice] = useState('');
  if (forms.isPending) return <Loading />;
  if (forms.isError) return <ErrorAlert error={forms.error} />;
  const usable = collectableForms(forms.data);
  if (usable.length === 0) return <Paragraph>{t('feedbackCollect.collect.noForms')}</Paragraph>;
  const form = usable.find((f) => f.id === formChoice) ?? usable[0]!;
  const outreach = sessions.data?.outreach ?? [];
  const groups = sessions.data?.groups ?? [];
  const context = contextOf(siteId, contextChoice);
  return (
    <>
      <section className="collect-section" aria-labelledby="collect-what-heading">
        <h2 id="collect-what-heading" className="collect-section__title">
          {t('feedbackCollect.collect.what')}
        </h2>
        <FormField forms={usable} value={form.id} onChange={setFormChoice} locale={appLocale} />
        {sessions.isError ? <ErrorAlert error={sessions.error} /> : <ContextField outreach={outreach} groups={groups} value={contextChoice} onChange={setContextChoice} />}
      </section>
      <div className="collect-ways">
        <KioskStart formId={form.id} context={context} />
        <LinkMaker key={`${form.id}:${contextChoice}`} formId={form.id} context={context} formName={formText(form.name, appLocale)} />
      </div>
      <OpenCollections siteId={siteId} forms={forms.data} locale={appLocale} />
    </>
  );
}
