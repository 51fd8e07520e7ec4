import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Paragraph } from 'suomifi-ui-components';
import { PublicLayout } from '../announcements/public-layout';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { usePublicGoodPractices } from './api';
import { PracticeArticle } from './practice-article';
import './good-practices.css';

/** The region's published good practices, for anyone (fi/sv/en: the page's words follow the language menu). */
export function GoodPracticesPublicPage() {
  const { regionId = '' } = useParams();
  return (
    <PublicLayout>
      <PublicPractices regionId={regionId} />
    </PublicLayout>
  );
}

function PublicPractices({ regionId }: { regionId: string }) {
  const { t } = useTranslation();
  const practices = usePublicGoodPractices(regionId);
  return (
    <>
      <PageHeading>{t('goodPractices.publicTitle')}</PageHeading>
      <Paragraph mb="l">{t('goodPractices.publicIntro')}</Paragraph>
      {practices.isPending ? <Loading /> : practices.isError ? <ErrorAlert error={practices.error} /> : practices.data.length === 0 ? (
        <Paragraph>{t('goodPractices.none')}</Paragraph>
      ) : practices.data.map((p) => <PracticeArticle key={p.id} practice={p} />)}
    </>
  );
}
