import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Paragraph } from 'suomifi-ui-components';
import { helsinkiDay } from '../../domain/calendar';
import type { Report } from '../../domain/report';
import { useSession } from '../api/auth';
import { useSites } from '../api/org';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { siteNameOf } from '../visitors/sites';
import { IndicatorsPanel } from '../indicators/indicators-panel';
import { siteIdsFor } from '../auth/abilities';
import { useAbilities } from '../auth/use-abilities';
import { usePilotOptions, useReports } from './api';
import { ReportView, periodText } from './report-view';
import type { Variant } from './report-section';
import { reportQueries, selectionFromSearch, selectionToSearch, type Selection } from './selection';
import { SelectionForm } from './selection-form';
import { reportModels, useLabels } from './use-models';
import './reports.css';

/** /reports: the evaluation report of the chosen sites and period, with charts, tables and exports. */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const me = useSession().data?.user;
  const abilities = useAbilities();
  const sites = useSites();
  const pilots = usePilotOptions(i18n.language);
  const labels = useLabels();
  const today = helsinkiDay(new Date());
  const selection = selectionFromSearch(search, today);
  const results = useReports(selection, me !== undefined);
  if (!me) return null;
  const siteIds = siteIdsFor(abilities, 'report.read', sites.data);
  const siteName = siteNameOf(sites.data);
  const apply = (next: Selection) => setSearch(selectionToSearch(next));
  const title = t('report.title');
  const reports = results.map((r) => r.data).filter((r): r is Report => r !== undefined);
  const complete = reports.length === results.length;
  const queries = reportQueries(selection);
  const variantLabel = (i: number): string => {
    const q = queries[i]!;
    if (selection.compare === 'sites') return `${i + 1}: ${q.siteIds.length === 0 ? t('report.allSites') : q.siteIds.map(siteName).join(', ')}`;
    return `${i + 1}: ${periodText(q.period.from, q.period.to, i18n.language)}`;
  };
  const variants: Variant[] = complete
    ? reports.map((r, i) => ({ id: String(i + 1), label: variantLabel(i), sections: reportModels(r, labels), from: r.query.from, to: r.query.to, windowShare: r.query.windowShare }))
    : [];

  return (
    <div className="report-page">
      <PageHeading>{title}</PageHeading>
      <Paragraph className="report-intro no-print">{t('report.intro')}</Paragraph>
      {sites.isError && <ErrorAlert error={sites.error} />}
      {sites.isSuccess && (
        <SelectionForm key={search.toString()} initial={selection} today={today} siteIds={siteIds} siteName={siteName} pilots={pilots.data ?? []} onApply={apply} />
      )}
      {results.some((r) => r.isPending) && <Loading />}
      {results.map((r, i) => (r.isError ? <ErrorAlert key={i} error={r.error} /> : null))}
      {complete && reports.length > 0 && (
        <ReportView reports={reports} variants={variants} exact={selection.exact} onExact={(exact) => apply({ ...selection, exact })} title={title} />
      )}
      {/* The region against the whole country: published context beside Silta's own figures, never mixed into them. */}
      {complete && reports.length > 0 && <IndicatorsPanel />}
    </div>
  );
}
