import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../api/auth';
import { useCreateSite } from '../api/org';
import { AppLink } from '../common/app-link';
import type { Notice } from '../common/notice';
import { PageHeading } from '../common/page-heading';
import { emptySite } from './site-form-values';
import { SiteForm } from './site-form';

export function SiteCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const create = useCreateSite();
  const regionId = session.data?.user.regionId ?? '';

  return (
    <div className="form-page">
      <AppLink to="/admin/sites" className="back-link">{t('sites.backToList')}</AppLink>
      <PageHeading>{t('sites.createTitle')}</PageHeading>
      <SiteForm
        initial={emptySite()}
        isEdit={false}
        isPending={create.isPending}
        error={create.error}
        onSubmit={(payload) =>
          create.mutate(
            { ...payload, regionId },
            { onSuccess: (site) => void navigate('/admin/sites', { state: { notice: 'siteCreated', name: site.name } satisfies Notice }) },
          )
        }
      />
    </div>
  );
}
