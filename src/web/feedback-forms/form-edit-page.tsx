import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { useLocale } from '../i18n/use-locale';
import { useForm } from './api';
import { BuilderForm } from './builder-form';
import { draftFromVersion, emptyDraft } from './builder';
import { inLocale } from './texts';
import './feedback-forms.css';

/** /feedback/forms/new and /feedback/forms/:formId/edit (coordinators): the form builder. */
export function FormEditPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { formId } = useParams();
  const form = useForm(formId);
  const back = (
    <AppLink to="/feedback" className="back-link">
      {t('feedbackForms.backToForms')}
    </AppLink>
  );
  if (formId === undefined) {
    return (
      <div className="form-page builder-page">
        {back}
        <PageHeading>{t('feedbackForms.builder.newTitle')}</PageHeading>
        <BuilderForm initial={emptyDraft()} form={null} />
      </div>
    );
  }
  return (
    <div className="form-page builder-page">
      {back}
      <PageHeading>{form.data ? t('feedbackForms.builder.editTitle', { name: inLocale(form.data.current.name, locale) }) : t('feedbackForms.builder.editTitleLoading')}</PageHeading>
      {form.isPending && <Loading />}
      {form.isError && <ErrorAlert error={form.error} />}
      {form.isSuccess && <BuilderForm key={form.data.id} initial={draftFromVersion(form.data.current)} form={form.data} />}
    </div>
  );
}
