import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Paragraph } from 'suomifi-ui-components';
import type { PilotDetail } from '../../domain/pilots';
import { useSites } from '../api/org';
import { useServices } from '../api/outreach';
import { isApiRequestError } from '../api/client';
import { toDisplayDate } from '../audit/audit-filters';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { usePilot, useUpdatePilot } from './api';
import type { PilotSavedNotice } from './pilot-create-page';
import { PilotForm } from './pilot-form';
import type { PilotValues } from './pilot-form-values';
import './pilots.css';

const valuesOf = (pilot: PilotDetail): PilotValues => ({
  name: pilot.name,
  description: pilot.description,
  goals: pilot.goals,
  siteIds: pilot.sites.map((s) => s.id),
  startsOn: toDisplayDate(pilot.startsOn),
  endsOn: toDisplayDate(pilot.endsOn),
  serviceIds: pilot.services.map((s) => s.id),
  professionalIds: pilot.professionals.map((p) => p.id),
});

/** Editing a pilot's plan (name, sites, period, services, professionals, goals); phases and conclusions are edited on the pilot page. */
export function PilotEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const pilotId = useParams().pilotId ?? '';
  const pilot = usePilot(pilotId);
  const sites = useSites();
  const services = useServices();
  const update = useUpdatePilot(pilotId);
  const loaded = pilot.isSuccess && sites.isSuccess && services.isSuccess;
  const missing = pilot.isError && isApiRequestError(pilot.error) && pilot.error.status === 404;
  return (
    <div className="form-page">
      <AppLink to={`/pilots/${pilotId}`} className="back-link">
        {t('pilots.edit.back')}
      </AppLink>
      <PageHeading>{pilot.data ? t('pilots.edit.title', { name: pilot.data.name }) : t('pilots.pageTitle')}</PageHeading>
      {(pilot.isPending || sites.isPending || services.isPending) && <Loading />}
      {missing && <Paragraph>{t('pilots.notFound')}</Paragraph>}
      {pilot.isError && !missing && <ErrorAlert error={pilot.error} />}
      {sites.isError && <ErrorAlert error={sites.error} />}
      {services.isError && <ErrorAlert error={services.error} />}
      {loaded && (
        <PilotForm
          // Sites and services the pilot already has stay choosable even when retired since, so that saving keeps them.
          sites={sites.data.filter((s) => s.isActive || pilot.data.sites.some((p) => p.id === s.id))}
          services={services.data.filter((s) => s.isActive || pilot.data.services.some((p) => p.id === s.id))}
          initial={valuesOf(pilot.data)}
          submitText={t('pilots.edit.submit')}
          isPending={update.isPending}
          error={update.isError ? update.error : null}
          onSubmit={(input) =>
            update.mutate(input, { onSuccess: () => void navigate(`/pilots/${pilotId}`, { state: { pilotSaved: 'updated' } satisfies PilotSavedNotice }) })
          }
        />
      )}
    </div>
  );
}
