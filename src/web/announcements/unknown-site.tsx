import { useTranslation } from 'react-i18next';
import { Paragraph } from 'suomifi-ui-components';
import { PageHeading } from '../common/page-heading';

/** The page for an address that names no public site: a clear answer instead of an error code. */
export function UnknownSite() {
  const { t } = useTranslation();
  return (
    <div data-page-state="unknown-site">
      <PageHeading>{t('announcements.unknownSite.title')}</PageHeading>
      <Paragraph>{t('announcements.unknownSite.body')}</Paragraph>
    </div>
  );
}
