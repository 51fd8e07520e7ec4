import { useTranslation } from 'react-i18next';
import { Heading } from 'suomifi-ui-components';
import type { ClientDetail } from '../../domain/clients/schemas';
import { useLocale } from '../i18n/use-locale';
import { useMunicipalities } from '../municipalities/api';
import { isServiceLanguage } from './languages';

/** Who the client is: the identity code only masked (birth date and century sign). */
export function IdentitySection({ client }: { client: ClientDetail }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const municipalities = useMunicipalities();
  const municipality = client.municipalityCode === null ? null : municipalities.data?.find((m) => m.code === client.municipalityCode);
  const language = isServiceLanguage(client.preferredLanguage) ? t(`clients.languages.${client.preferredLanguage}`) : client.preferredLanguage;
  return (
    <section className="client-section" aria-labelledby="client-identity-heading" id="client-identity">
      <Heading variant="h2" id="client-identity-heading" mb="s">{t('clients.page.identityTitle')}</Heading>
      <dl className="client-facts">
        <dt>{t('clients.page.identityCode')}</dt>
        <dd className="client-code" id="client-identity-code">{client.identityCodeMasked ?? t('clients.page.noCode')}</dd>
        <dt>{t('clients.page.language')}</dt>
        <dd>{language}</dd>
        <dt>{t('clients.page.municipality')}</dt>
        <dd>{client.municipalityCode === null ? t('clients.page.noMunicipality') : (municipality?.names[locale] ?? client.municipalityCode)}</dd>
        <dt>{t('clients.page.contactPreference')}</dt>
        <dd>{t(`clients.contactPreferences.${client.contactPreference}`)}</dd>
        <dt>{t('clients.page.register')}</dt>
        <dd>{t('clients.page.registerSocial')}</dd>
      </dl>
    </section>
  );
}
