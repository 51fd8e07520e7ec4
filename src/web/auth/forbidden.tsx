import { useTranslation } from 'react-i18next';
import { Paragraph } from 'suomifi-ui-components';
import { PageHeading } from '../common/page-heading';

/** What RequireRole shows to a user without the role. */
export function Forbidden() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('forbidden.title')}</PageHeading>
      <Paragraph>{t('forbidden.body')}</Paragraph>
    </>
  );
}
