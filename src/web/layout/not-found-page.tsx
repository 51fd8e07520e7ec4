import { useTranslation } from 'react-i18next';
import { Paragraph } from 'suomifi-ui-components';
import { AppLink } from '../common/app-link';
import { PageHeading } from '../common/page-heading';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <Paragraph mb="m">{t('notFound.body')}</Paragraph>
      <AppLink to="/">{t('notFound.home')}</AppLink>
    </>
  );
}
