import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { SuccessAlert } from '../common/success-alert';
import { clientRecordPath } from '../client-record/paths';
import { useClient } from './api';
import { ClientInvitationSlot } from './client-invitation-slot';
import type { ClientCreatedNotice } from './client-new-page';
import { ConsentsSection } from './consents-section';
import { IdentitySection } from './identity-section';
import { PeopleSection } from './people-section';
import { ProcessSection } from './process-section';
import './clients.css';

const wasCreated = (state: unknown): boolean => typeof state === 'object' && state !== null && (state as Partial<ClientCreatedNotice>).clientCreated === true;

/**
 * One client of the social-welfare register as their worker sees it: identity (the code masked), own
 * worker and care team, consents, and the process with its clocks. Only social-welfare data: the page
 * has no field for anything of the health register (encounters are counted, never shown, see the
 * server's client detail). What the reader may change comes with the answer (`can`).
 */
export function ClientPage() {
  const { t } = useTranslation();
  const { clientId = '' } = useParams();
  const location = useLocation();
  const client = useClient(clientId);
  return (
    <div className="client-page">
      <AppLink to="/clients" className="back-link">{t('clients.page.back')}</AppLink>
      {client.isPending && <Loading />}
      {client.isError && <ErrorAlert error={client.error} />}
      {client.data && (
        <>
          <PageHeading>{client.data.name}</PageHeading>
          {wasCreated(location.state) && <SuccessAlert>{t('clients.page.created')}</SuccessAlert>}
          <div className="client-page__columns">
            <div>
              <ProcessSection client={client.data} />
            </div>
            <div>
              <IdentitySection client={client.data} />
              <PeopleSection client={client.data} />
              <ClientInvitationSlot client={client.data} />
            </div>
          </div>
          <ConsentsSection client={client.data} />
          {client.data.can.export && (
            <p className="client-page__record">
              <AppLink to={clientRecordPath(client.data.id)}>{t('clients.page.record')}</AppLink>
            </p>
          )}
        </>
      )}
    </div>
  );
}
