import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { may } from '../auth/abilities';
import { useAbilities } from '../auth/use-abilities';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { useObservations } from './api';
import { ObservationCard } from './observation-card';
import './structural.css';

/** The home page's "answers to your observations": what became of what the user filed or co-signed. */
export function StructuralHomeSection() {
  const { t } = useTranslation();
  const abilities = useAbilities();
  const allowed = may(abilities, 'observation.read');
  const mine = useObservations(true, allowed);
  if (!allowed) return null;
  const submitted = (mine.data ?? []).filter((o) => o.status !== 'draft');
  return (
    <section aria-labelledby="home-structural" className="home-section" data-testid="structural-home">
      <Heading variant="h2" id="home-structural" mb="s">
        {t('structural.home.title')}
      </Heading>
      {mine.isPending ? <Loading /> : mine.isError ? <ErrorAlert error={mine.error} /> : submitted.length === 0 ? (
        <Paragraph mb="s">{t('structural.home.none')}</Paragraph>
      ) : (
        <ul className="structural-list">
          {submitted.slice(0, 5).map((o) => <ObservationCard key={o.id} observation={o} />)}
        </ul>
      )}
      <ul className="link-list">
        <li><AppLink to="/structural/new">{t('structural.newObservation')}</AppLink></li>
        <li><AppLink to="/structural">{t('structural.home.all')}</AppLink></li>
      </ul>
    </section>
  );
}
