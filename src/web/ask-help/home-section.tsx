import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { may } from '../auth/abilities';
import { useAbilities } from '../auth/use-abilities';
import { AppLink } from '../common/app-link';
import { useHelpCounts } from './api';

/** The notice on the home page of whoever handles ask-for-help requests: new ones waiting, and one's own. */
export function HelpHomeSection() {
  const { t } = useTranslation();
  const allowed = may(useAbilities(), 'help_request.handle');
  const counts = useHelpCounts(allowed);
  if (!allowed || !counts.data) return null;
  const { unassigned, assignedToMe, overdue } = counts.data;
  return (
    <section aria-labelledby="home-help" className="home-section" data-testid="help-home">
      <Heading variant="h2" id="home-help" mb="s">{t('askHelp.home.title')}</Heading>
      <Paragraph mb="s" data-testid="help-home-counts">
        {unassigned + assignedToMe === 0 ? t('askHelp.home.none') : t('askHelp.home.counts', { unassigned, mine: assignedToMe })}
        {overdue > 0 && <strong className="help-overdue"> {t('askHelp.home.overdue', { count: overdue })}</strong>}
      </Paragraph>
      <AppLink to="/help-requests">{t('askHelp.home.link')}</AppLink>
    </section>
  );
}
