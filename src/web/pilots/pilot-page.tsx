import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { Paragraph } from 'suomifi-ui-components';
import { useSession } from '../api/auth';
import { isApiRequestError } from '../api/client';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { SuccessAlert } from '../common/success-alert';
import { usePilot } from './api';
import type { PilotSavedNotice } from './pilot-create-page';
import { ConclusionsSection } from './conclusions-section';
import { useCan } from '../auth/use-abilities';
import { PhasesSection } from './phases-section';
import { PilotFacts } from './pilot-facts';
import './pilots.css';

/** 'created' or 'updated' when the reader arrives from saving the pilot's plan. */
const savedNotice = (state: unknown): PilotSavedNotice['pilotSaved'] | null => {
  const saved = typeof state === 'object' && state !== null ? (state as { pilotSaved?: unknown }).pilotSaved : null;
  return saved === 'created' || saved === 'updated' ? saved : null;
};

/** One pilot: its details, the three-phase evaluation beside the figures, and the evaluator's conclusions. */
export function PilotPage() {
  const { t } = useTranslation();
  const me = useSession().data?.user;
  const pilotId = useParams().pilotId ?? '';
  const saved = savedNotice(useLocation().state);
  const pilot = usePilot(pilotId);
  const canManage = useCan('pilot.manage');
  if (!me) return null;
  const back = (
    <AppLink to="/pilots" className="back-link">
      {t('pilots.backToList')}
    </AppLink>
  );
  if (pilot.isPending) return <>{back}<PageHeading>{t('pilots.pageTitle')}</PageHeading><Loading /></>;
  if (pilot.isError) {
    const missing = isApiRequestError(pilot.error) && pilot.error.status === 404;
    return <>{back}<PageHeading>{t('pilots.pageTitle')}</PageHeading>{missing ? <Paragraph>{t('pilots.notFound')}</Paragraph> : <ErrorAlert error={pilot.error} />}</>;
  }
  return (
    <div className="pilot-page">
      {back}
      <PageHeading>{pilot.data.name}</PageHeading>
      {saved === 'created' && pilot.data.phases.length === 0 && <SuccessAlert>{t('pilots.created')}</SuccessAlert>}
      {saved === 'updated' && <SuccessAlert>{t('pilots.updated')}</SuccessAlert>}
      <PilotFacts pilot={pilot.data} canManage={canManage} />
      <PhasesSection pilot={pilot.data} canManage={canManage} />
      <ConclusionsSection pilot={pilot.data} canManage={canManage} />
    </div>
  );
}
