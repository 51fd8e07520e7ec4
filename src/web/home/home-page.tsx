import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../common/app-link';
import { Heading, Paragraph } from 'suomifi-ui-components';
import type { Me } from '../../domain/api-types';
import { useSession } from '../api/auth';
import { useSites } from '../api/org';
import { assignmentLabel } from '../common/labels';
import { may } from '../auth/abilities';
import { useAbilities } from '../auth/use-abilities';
import { PageHeading } from '../common/page-heading';
import { QuotaAlarms } from '../feedback-forms/quota-alarms';
import { AdminSection, AuditSection, ClientClockSections, FieldWorkSection } from './home-sections';
import { preloadEncounterForm } from '../encounters/preload';
import { HelpHomeSection } from '../ask-help/home-section';

function RoleList({ me }: { me: Me }) {
  const { t } = useTranslation();
  const sites = useSites();
  return (
    <section aria-labelledby="home-roles" className="home-section">
      <Heading variant="h2" id="home-roles" mb="s">
        {t('home.rolesHeading')}
      </Heading>
      <ul className="plain-list">
        {me.roles.map((assignment) => (
          <li key={`${assignment.role}:${assignment.siteId ?? 'region'}`}>{assignmentLabel(t, assignment, sites.data)}</li>
        ))}
      </ul>
    </section>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const me = session.data?.user;
  const abilities = useAbilities();
  const queryClient = useQueryClient();
  const recordsEncounters = may(abilities, 'encounter.create');
  useEffect(() => {
    if (recordsEncounters) preloadEncounterForm(queryClient);
  }, [recordsEncounters, queryClient]);
  if (!me) return null;
  // The administrator's section links the audit log too; the audit section is for those without it.
  const administers = may(abilities, 'site.update');

  return (
    <>
      <PageHeading>{t('home.title', { name: me.displayName })}</PageHeading>
      <Paragraph mb="l">{t('home.intro')}</Paragraph>
      <RoleList me={me} />
      {administers && <AdminSection />}
      {!administers && may(abilities, 'audit.read') && <AuditSection />}
      {may(abilities, 'feedback.collect') && <QuotaAlarms />}
      <HelpHomeSection />
      <ClientClockSections />
      {may(abilities, 'session.manage') && <FieldWorkSection />}
      <section aria-labelledby="home-account" className="home-section">
        <Heading variant="h2" id="home-account" mb="s">
          {t('home.accountHeading')}
        </Heading>
        <Paragraph>
          <AppLink to="/account/password">
            {t('home.changePassword')}
          </AppLink>
        </Paragraph>
      </section>
    </>
  );
}
