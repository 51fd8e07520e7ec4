import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { Heading, Paragraph } from 'suomifi-ui-components';
import type { FeedbackResults } from '../../domain/feedback';
import { useSession } from '../api/auth';
import { useSites } from '../api/org';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { useLocale } from '../i18n/use-locale';
import { siteNameOf } from '../visitors/sites';
import { siteIdsFor } from '../auth/abilities';
import { useAbilities } from '../auth/use-abilities';
import { useForm, useResults } from './api';
import { ItemResults } from './item-results';
import { filtersFromSearch, filtersToSearch, ResultsFilterForm } from './results-filters';
import { ResultsSummary } from './results-summary';
import { inLocale } from './texts';
import './feedback-forms.css';

/** /feedback/forms/:formId/results: filters in the URL, a summary, and one block per version answered. */
export function ResultsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { formId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const me = useSession().data?.user;
  const sites = useSites();
  const form = useForm(formId);
  const abilities = useAbilities();
  // Results of the whole region (no site chosen) need the ability over the whole region.
  const readsRegion = abilities['feedback.results'] === 'all';
  const siteIds = siteIdsFor(abilities, 'feedback.results', sites.data);
  const asked = filtersFromSearch(search);
  // Staff of some sites read those sites' results: with no site chosen, their first site is meant.
  const filters = !readsRegion && !siteIds.includes(asked.siteId) ? { ...asked, siteId: siteIds[0] ?? '' } : asked;
  const canQuery = me !== undefined && sites.isSuccess && (readsRegion || filters.siteId !== '');
  const results = useResults(formId, {
    siteId: filters.siteId || undefined,
    groupSeriesId: filters.groupSeriesId || undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
  }, canQuery);
  if (!me) return null;
  const name = form.data ? inLocale(form.data.current.name, locale) : null;
  return (
    <div className="results-page">
      <AppLink to="/feedback" className="back-link">{t('feedbackForms.backToForms')}</AppLink>
      <PageHeading>{name ? t('feedbackForms.results.title', { name }) : t('feedbackForms.results.titleLoading')}</PageHeading>
      {form.isError && <ErrorAlert error={form.error} />}
      {sites.isError && <ErrorAlert error={sites.error} />}
      {sites.isSuccess && (
        <ResultsFilterForm
          key={search.toString()}
          initial={filters}
          siteIds={siteIds}
          siteName={siteNameOf(sites.data)}
          allowsAllSites={readsRegion}
          onApply={(next) => setSearch(filtersToSearch(next))}
        />
      )}
      {sites.isSuccess && !canQuery && <Paragraph>{t('feedbackForms.noSites')}</Paragraph>}
      {canQuery && results.isPending && <Loading />}
      {results.isError && <ErrorAlert error={results.error} />}
      {results.isSuccess && <ResultsBody results={results.data} currentVersion={form.data?.current.version ?? null} />}
    </div>
  );
}

function ResultsBody({ results, currentVersion }: { results: FeedbackResults; currentVersion: number | null }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const several = results.versions.length > 1;
  return (
    <>
      <ResultsSummary results={results} />
      {!results.includesOpenAnswers && <Paragraph className="results-open-note">{t('feedbackForms.results.openHidden')}</Paragraph>}
      {results.versions.map((v) => (
        <section key={v.versionId} className="results-version" aria-labelledby={`version-${v.versionId}`} data-version={v.version}>
          <Heading variant="h2" id={`version-${v.versionId}`} mb="xs">
            {v.version === currentVersion ? t('feedbackForms.results.versionCurrent', { version: v.version }) : t('feedbackForms.results.versionOld', { version: v.version })}
          </Heading>
          <p className="results-version__meta">
            {inLocale(v.name, locale)} · {t('feedbackForms.results.versionResponses', { count: v.responses })}
            {several && v.version !== currentVersion && <> · {t('feedbackForms.results.oldWording')}</>}
          </p>
          {v.items.map((item) => <ItemResults key={item.itemId} item={item} />)}
        </section>
      ))}
    </>
  );
}
