import { useTranslation } from 'react-i18next';
import { Paragraph } from 'suomifi-ui-components';
import { isApiRequestError } from '../api/client';
import { ErrorAlert } from '../common/error-alert';
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

/**
 * What the announcement and the poster show when the announcement could not be loaded: a malformed
 * id (400) or an unknown or closed site (404) is "no such page"; anything else says it failed.
 */
export function AnnouncementLoadError({ error }: { error: Error }) {
  const { t } = useTranslation();
  if (isApiRequestError(error) && (error.status === 404 || error.status === 400)) return <UnknownSite />;
  return (
    <>
      <PageHeading>{t('announcements.loadFailed')}</PageHeading>
      <ErrorAlert error={error} />
    </>
  );
}
