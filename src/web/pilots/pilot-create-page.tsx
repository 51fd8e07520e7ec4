import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSites } from '../api/org';
import { useServices } from '../api/outreach';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { today } from '../encounters/encounter-sites';
import { useCreatePilot } from './api';
import { PilotForm } from './pilot-form';
import { emptyPilot } from './pilot-form-values';
import './pilots.css';

/** What the pilot page shows after the pilot was made or its plan edited. */
export type PilotSavedNotice = { pilotSaved: 'created' | 'updated' };

export function PilotCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sites = useSites();
  const services = useServices();
  const create = useCreatePilot();
  const active = (sites.data ?? []).filter((s) => s.isActive);
  return (
    <div className="form-page">
      <AppLink to="/pilots" className="back-link">
        {t('pilots.backToList')}
      </AppLink>
      <PageHeading>{t('pilots.create.title')}</PageHeading>
      {(sites.isPending || services.isPending) && <Loading />}
      {sites.isError && <ErrorAlert error={sites.error} />}
      {services.isError && <ErrorAlert error={services.error} />}
      {sites.isSuccess && services.isSuccess && (
        <PilotForm
          sites={active}
          services={services.data.filter((s) => s.isActive)}
          // One site is chosen for the reader when there is only one to choose.
          initial={{ ...emptyPilot(today()), siteIds: active.length === 1 ? [active[0]!.id] : [] }}
          submitText={t('pilots.create.submit')}
          isPending={create.isPending}
          error={create.isError ? create.error : null}
          onSubmit={(input) =>
            create.mutate(input, { onSuccess: (pilot) => void navigate(`/pilots/${pilot.id}`, { state: { pilotSaved: 'created' } satisfies PilotSavedNotice }) })
          }
        />
      )}
    </div>
  );
}
