import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from 'suomifi-ui-components';
import { useSession } from '../api/auth';
import { may } from '../auth/abilities';
import { useAbilities } from '../auth/use-abilities';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { useGoodPractices, usePublishGoodPractice } from './api';
import { PracticeArticle } from './practice-article';
import './good-practices.css';

/** The region's descriptions, drafts and published; the coordinator writes, edits and publishes. */
export function GoodPracticesPage() {
  const { t } = useTranslation();
  const manages = may(useAbilities(), 'good_practice.manage');
  const regionId = useSession().data?.user.regionId ?? '';
  const practices = useGoodPractices();
  const publish = usePublishGoodPractice();
  return (
    <>
      <PageHeading>{t('goodPractices.title')}</PageHeading>
      <Paragraph mb="s">{t('goodPractices.intro')}</Paragraph>
      <ul className="link-list">
        {manages && <li><AppLink to="/good-practices/new">{t('goodPractices.new')}</AppLink></li>}
        <li><AppLink to={`/hyvat-kaytannot/${regionId}`}>{t('goodPractices.publicLink')}</AppLink></li>
      </ul>
      {publish.isError && <ErrorAlert error={publish.error} />}
      {practices.isPending ? <Loading /> : practices.isError ? <ErrorAlert error={practices.error} /> : practices.data.length === 0 ? (
        <Paragraph>{t('goodPractices.none')}</Paragraph>
      ) : practices.data.map((p) => (
        <div key={p.id}>
          <PracticeArticle practice={{ ...p, publishedAt: p.publishedAt ?? '' }} />
          <Paragraph mb="s">{t(`goodPractices.statuses.${p.status}`)}</Paragraph>
          {manages && (
            <div className="practice-no-print help-actions">
              <AppLink to={`/good-practices/${p.id}/edit`}>{t('goodPractices.edit')}</AppLink>{' '}
              <Button variant="secondary" disabled={publish.isPending} onClick={() => publish.mutate({ id: p.id, published: p.status !== 'published' })} data-action="publish-practice">
                {t(p.status === 'published' ? 'goodPractices.unpublish' : 'goodPractices.publish')}
              </Button>
            </div>
          )}
        </div>
      ))}
    </>
  );
}
