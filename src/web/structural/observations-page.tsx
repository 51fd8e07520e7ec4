import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { may } from '../auth/abilities';
import { useAbilities } from '../auth/use-abilities';
import { AppLink } from '../common/app-link';
import { ButtonLink } from '../common/button-link';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { useObservations } from './api';
import { ObservationCard } from './observation-card';
import './structural.css';

/** The observations of the user's sites and their own drafts; managers answer from here. */
export function ObservationsPage() {
  const { t } = useTranslation();
  const abilities = useAbilities();
  const list = useObservations(false);
  return (
    <>
      <PageHeading>{t('structural.title')}</PageHeading>
      <Paragraph mb="m">{t('structural.intro')}</Paragraph>
      <div className="structural-actions page-actions">
        {may(abilities, 'observation.create') && <ButtonLink to="/structural/new">{t('structural.newObservation')}</ButtonLink>}
        {may(abilities, 'structural_report.read') && <AppLink to="/structural/quarterly">{t('structural.quarterlyLink')}</AppLink>}
      </div>
      <Heading variant="h2" mb="s">{t('structural.listTitle')}</Heading>
      {list.isPending ? <Loading /> : list.isError ? <ErrorAlert error={list.error} /> : list.data.length === 0 ? (
        <Paragraph>{t('structural.noObservations')}</Paragraph>
      ) : (
        <ul className="structural-list">{list.data.map((o) => <ObservationCard key={o.id} observation={o} />)}</ul>
      )}
    </>
  );
}
