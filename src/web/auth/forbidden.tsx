import { useTranslation } from 'react-i18next';
import { Paragraph } from 'suomifi-ui-components';
import { PageHeading } from '../common/page-heading';

/** What RequireAbility shows to a user who may not use the page. */
export function Forbidden() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('forbidden.title')}</PageHeading>
      <Paragraph>{t('forbidden.body')}</Paragraph>
    </>
  );
}
