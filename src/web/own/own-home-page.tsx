import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import type { OwnClient, OwnClientSummary, OwnSession } from '../../domain/own/schemas';
import { formatDate } from '../common/date-format';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { useLocale } from '../i18n/use-locale';
import { AccessLogView } from './access-log-view';
import { useOwnClient, useOwnClients, useOwnSession } from './api';
import { OwnLayout } from './own-layout';
import { ProcessView } from './process-view';

/** Where a client or an external member signs in (the invitation code, passkey or PIN page). */
export const OWN_SIGN_IN_PATH = '/asiakas';

/** `/oma`: the signed-in client's own data, or the clients an external member may see. */
export function OwnHomePage() {
  const session = useOwnSession();
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorAlert error={session.error} />;
  if (session.data === null) return <Navigate to={OWN_SIGN_IN_PATH} replace />;
  return (
    <OwnLayout session={session.data}>
      {session.data.kind === 'client' ? <ClientHome session={session.data} /> : <ExternalHome />}
    </OwnLayout>
  );
}

function PrintButton() {
  const { t } = useTranslation();
  return (
    <Button variant="secondary" className="no-print" onClick={() => window.print()}>
      {t('own.print')}
    </Button>
  );
}

function ClientHome({ session }: { session: OwnSession }) {
  const { t } = useTranslation();
  const own = useOwnClient(session.clientId);
  return (
    <>
      <PageHeading>{t('own.client.title')}</PageHeading>
      <Paragraph mb="m">{t('own.client.intro', { name: session.displayName })}</Paragraph>
      {own.isPending && <Loading />}
      {own.isError && <ErrorAlert error={own.error} />}
      {own.isSuccess && <ProcessView process={own.data.process} ownWorkerName={own.data.ownWorkerName} headingId="own-process-heading" heading={t('own.client.processHeading')} />}
      {session.clientId && <AccessLogView clientId={session.clientId} />}
      <PrintButton />
    </>
  );
}

function ExternalHome() {
  const { t } = useTranslation();
  const clients = useOwnClients(true);
  return (
    <>
      <PageHeading>{t('own.external.title')}</PageHeading>
      <Paragraph mb="m">{t('own.external.intro')}</Paragraph>
      {clients.isPending && <Loading />}
      {clients.isError && <ErrorAlert error={clients.error} />}
      {clients.isSuccess && clients.data.length === 0 && <Paragraph>{t('own.external.none')}</Paragraph>}
      {clients.data?.map((client) => <ExternalClient key={client.id} summary={client} />)}
      {clients.isSuccess && clients.data.length > 0 && <PrintButton />}
    </>
  );
}

function ExternalClient({ summary }: { summary: OwnClientSummary }) {
  const detail = useOwnClient(summary.id);
  const headingId = `own-client-${summary.id}`;
  return (
    <section className="own-section own-client" aria-labelledby={headingId}>
      <Heading variant="h2" id={headingId}>{summary.name}</Heading>
      {detail.isPending && <Loading />}
      {detail.isError && <ErrorAlert error={detail.error} />}
      {detail.isSuccess && <Granted client={detail.data} />}
    </section>
  );
}

function Granted({ client }: { client: OwnClient }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const parts = client.shared.map((part) => t(`own.part.${part}`)).join(', ');
  return (
    <>
      <Paragraph mb="s">{t('own.external.may', { parts })}</Paragraph>
      <ul className="own-deadlines">
        {client.grants.map((g) => (
          <li key={`${g.part}-${g.validFrom}`}>
            {g.validTo
              ? t('own.external.grantUntil', { part: t(`own.part.${g.part}`), from: formatDate(g.validFrom, locale), to: formatDate(g.validTo, locale) })
              : t('own.external.grantFrom', { part: t(`own.part.${g.part}`), from: formatDate(g.validFrom, locale) })}
          </li>
        ))}
      </ul>
      {client.shared.includes('process') && (
        <ProcessView process={client.process} ownWorkerName={client.ownWorkerName} headingId={`own-process-${client.id}`} heading={t('own.external.processHeading')} level={3} />
      )}
      {client.shared.includes('plan') && <Paragraph mb="s">{t('own.external.planNotYet')}</Paragraph>}
    </>
  );
}
