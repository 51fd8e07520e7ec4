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
import { ConclusionsSection } from './conclusions-section';
import { canManagePilots } from './format';
import { PhasesSection } from './phases-section';
import { PilotFacts } from './pilot-facts';
import './pilots.css';

const wasCreated = (state: unknown): boolean => typeof state === 'object' && state !== null && (state as { pilotCreated?: unknown }).pilotCreated === true;

/** One pilot: its details, the three-phase evaluation beside the figures, and the evaluator's conclusions. */
export function PilotPage() {
  const { t } = useTranslation();
  const me = useSession().data?.user;
  const pilotId = useParams().pilotId ?? '';
  const created = wasCreated(useLocation().state);
  const pilot = usePilot(pilotId);
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
  const canManage = canManagePilots(me.roles);
  return (
    <div className="pilot-page">
      {back}
      <PageHeading>{pilot.data.name}</PageHeading>
      {created && pilot.data.phases.length === 0 && <SuccessAlert>{t('pilots.created')}</SuccessAlert>}
      <PilotFacts pilot={pilot.data} />
      <PhasesSection pilot={pilot.data} canManage={canManage} />
      <ConclusionsSection pilot={pilot.data} canManage={canManage} />
    </div>
  );
}
