import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { may } from '../auth/abilities';
import { useAbilities } from '../auth/use-abilities';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { formatDateTime } from '../common/date-format';
import { useMarkNoticesSeen, useNotices, useObservations } from './api';
import { asLocale, phenomenonOf } from './labels';
import { ObservationCard } from './observation-card';
import './structural.css';

/** The home page's "answers to your observations": what became of what the user filed or co-signed. */
export function StructuralHomeSection() {
  const { t, i18n } = useTranslation();
  const locale = asLocale(i18n.language);
  const abilities = useAbilities();
  const allowed = may(abilities, 'observation.read');
  const mine = useObservations(true, allowed);
  const notices = useNotices(allowed);
  const markSeen = useMarkNoticesSeen();
  if (!allowed) return null;
  const submitted = (mine.data ?? []).filter((o) => o.status !== 'draft');
  const unseen = (notices.data ?? []).filter((n) => !n.seen);
  return (
    <section aria-labelledby="home-structural" className="home-section" data-testid="structural-home">
      <Heading variant="h2" id="home-structural" mb="s">
        {t('structural.home.title')}
      </Heading>
      {unseen.length > 0 && (
        <div className="structural-notices" data-testid="structural-notices" role="status">
          <Paragraph mb="xs"><strong>{t('indicators.notices.title')}</strong></Paragraph>
          <ul>
            {unseen.slice(0, 10).map((n) => (
              <li key={n.id}>
                <AppLink to={`/structural/${n.observationId}`}>
                  {t('indicators.notices.item', { category: phenomenonOf({ category: n.category, categoryOther: null }, locale), status: t(`structural.statuses.${n.status}`), at: formatDateTime(n.at, locale) })}
                </AppLink>
              </li>
            ))}
          </ul>
          <Button variant="secondary" onClick={() => markSeen.mutate(unseen.map((n) => n.id))} disabled={markSeen.isPending} data-action="notices-seen">{t('indicators.notices.markSeen')}</Button>
        </div>
      )}
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
