import { useTranslation } from 'react-i18next';
import { Paragraph } from 'suomifi-ui-components';
import type { PilotSummary } from '../../domain/pilots';
import { useSession } from '../api/auth';
import { AppLink } from '../common/app-link';
import { ButtonLink } from '../common/button-link';
import { DataTable } from '../common/data-table';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { useLocale } from '../i18n/use-locale';
import { usePilots } from './api';
import { decisionLabel, phaseName, pilotPeriod } from './format';
import { useCan } from '../auth/use-abilities';
import './pilots.css';

/** The region's pilots at the reader's sites: where and when, how far the evaluation is, and the decision. */
export function PilotsPage() {
  const { t } = useTranslation();
  const me = useSession().data?.user;
  const pilots = usePilots();
  const canManage = useCan('pilot.manage');
  if (!me) return null;
  return (
    <>
      <PageHeading>{t('pilots.title')}</PageHeading>
      <Paragraph mb="m">{t('pilots.intro')}</Paragraph>
      {canManage && (
        <div className="page-actions">
          <ButtonLink to="/pilots/new">{t('pilots.newPilot')}</ButtonLink>
        </div>
      )}
      {pilots.isPending && <Loading />}
      {pilots.isError && <ErrorAlert error={pilots.error} />}
      {pilots.isSuccess && pilots.data.length === 0 && <Paragraph>{t('pilots.noPilots')}</Paragraph>}
      {pilots.isSuccess && pilots.data.length > 0 && <PilotTable pilots={pilots.data} />}
    </>
  );
}

function PilotTable({ pilots }: { pilots: PilotSummary[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <DataTable
      caption={t('pilots.tableCaption')}
      rowKey={(p) => p.id}
      rows={pilots}
      columns={[
        { key: 'name', label: t('pilots.columns.name'), render: (p) => <AppLink to={`/pilots/${p.id}`}>{p.name}</AppLink> },
        { key: 'sites', label: t('pilots.columns.sites'), render: (p) => p.sites.map((s) => s.name).join(', ') },
        { key: 'period', label: t('pilots.columns.period'), render: (p) => pilotPeriod(p, locale) },
        { key: 'phase', label: t('pilots.columns.phase'), render: (p) => (p.latestPhase ? phaseName(t, p.latestPhase) : t('pilots.noPhase')) },
        { key: 'decision', label: t('pilots.columns.decision'), render: (p) => (p.decision ? decisionLabel(t, p.decision) : t('pilots.noDecision')) },
      ]}
    />
  );
}
