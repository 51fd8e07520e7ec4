import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useSite, useUpdateSite } from '../api/org';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import type { Notice } from '../common/notice';
import { PageHeading } from '../common/page-heading';
import { siteToValues } from './site-form-values';
import { SiteForm } from './site-form';

export function SiteEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const siteId = useParams().siteId ?? '';
  const site = useSite(siteId);
  const update = useUpdateSite(siteId);

  return (
    <div className="form-page">
      <AppLink to="/admin/sites" className="back-link">{t('sites.backToList')}</AppLink>
      <PageHeading>{site.data ? t('sites.editTitle', { name: site.data.name }) : t('sites.editTitleLoading')}</PageHeading>
      {site.isPending && <Loading />}
      {site.isError && <ErrorAlert error={site.error} />}
      {site.data && (
        <SiteForm
          key={site.data.id}
          initial={siteToValues(site.data)}
          isEdit
          isPending={update.isPending}
          error={update.error}
          onSubmit={(payload, isActive) =>
            update.mutate(
              { ...payload, isActive },
              { onSuccess: (saved) => void navigate('/admin/sites', { state: { notice: 'siteSaved', name: saved.name } satisfies Notice }) },
            )
          }
        />
      )}
    </div>
  );
}
