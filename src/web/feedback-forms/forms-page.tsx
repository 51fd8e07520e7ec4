import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { useSession } from '../api/auth';
import { may } from '../auth/abilities';
import { useAbilities } from '../auth/use-abilities';
import { AppLink } from '../common/app-link';
import { ButtonLink } from '../common/button-link';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { SuccessAlert } from '../common/success-alert';
import { useLocale } from '../i18n/use-locale';
import { type FormSummary, useForms, useSetFormActive } from './api';
import { QuotaAlarms } from './quota-alarms';
import { createdNoticeFrom, inLocale } from './texts';
import './feedback-forms.css';

/** /feedback: the region's forms, with results, paper entry and (for those who manage forms) editing. */
export function FeedbackFormsPage() {
  const { t } = useTranslation();
  const me = useSession().data?.user;
  const abilities = useAbilities();
  const forms = useForms();
  const setActive = useSetFormActive();
  const created = createdNoticeFrom(useLocation().state);
  if (!me) return null;
  const canManage = may(abilities, 'feedback_form.manage');
  return (
    <div className="feedback-forms-page">
      <PageHeading>{t('feedbackForms.list.title')}</PageHeading>
      <Paragraph mb="m">{t('feedbackForms.list.intro')}</Paragraph>
      {created !== null && <SuccessAlert>{t('feedbackForms.list.created', { name: created })}</SuccessAlert>}
      {may(abilities, 'feedback.collect') && <QuotaAlarms />}
      <p className="feedback-collect-link">
        <AppLink to="/feedback/collect">{t('feedbackForms.list.collect')}</AppLink>
      </p>
      {canManage && (
        <p className="page-actions">
          <ButtonLink to="/feedback/forms/new">{t('feedbackForms.list.newForm')}</ButtonLink>
        </p>
      )}
      {setActive.isError && <ErrorAlert error={setActive.error} />}
      {forms.isPending && <Loading />}
      {forms.isError && <ErrorAlert error={forms.error} />}
      {forms.isSuccess && (
        <ul className="feedback-form-list" aria-label={t('feedbackForms.list.listLabel')}>
          {forms.data.map((form) => (
            <FormEntry
              key={form.id}
              form={form}
              canManage={canManage}
              isSaving={setActive.isPending && setActive.variables?.formId === form.id}
              onToggle={() => setActive.mutate({ formId: form.id, isActive: !form.isActive })}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function FormEntry({ form, canManage, isSaving, onToggle }: { form: FormSummary; canManage: boolean; isSaving: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const name = inLocale(form.name, locale);
  const headingId = `form-${form.id}-name`;
  return (
    <li className={`feedback-form-entry${form.isActive ? '' : ' feedback-form-entry--inactive'}`} data-form-id={form.id}>
      <Heading variant="h2" id={headingId} className="feedback-form-entry__name">
        {name}
      </Heading>
      <p className="feedback-form-entry__meta">
        {t(`feedbackForms.audience.${form.audience}`)} · {t('feedbackForms.list.version', { version: form.version })} ·{' '}
        <strong>{form.isActive ? t('feedbackForms.list.active') : t('feedbackForms.list.inactive')}</strong>
      </p>
      <ul className="feedback-form-entry__actions">
        <li>
          <AppLink to={`/feedback/forms/${form.id}/results`}>{t('feedbackForms.list.results')}
              <span className="visually-hidden">: {name}</span>
            </AppLink>
        </li>
        <li>
          <AppLink to={`/feedback/forms/${form.id}/paper`}>{t('feedbackForms.list.paper')}
              <span className="visually-hidden">: {name}</span>
            </AppLink>
        </li>
        <li>
          <AppLink to={`/feedback/forms/${form.id}/print`}>{t('feedbackForms.list.print')}
            <span className="visually-hidden">: {name}</span>
          </AppLink>
        </li>
        {canManage && (
          <li>
            <AppLink to={`/feedback/forms/${form.id}/edit`}>{t('feedbackForms.list.edit')}
              <span className="visually-hidden">: {name}</span>
            </AppLink>
          </li>
        )}
      </ul>
      {canManage && (
        <Button variant="secondary" className="feedback-form-entry__toggle" disabled={isSaving} onClick={onToggle} aria-describedby={headingId}>
          {form.isActive ? t('feedbackForms.list.deactivate') : t('feedbackForms.list.activate')}
        </Button>
      )}
    </li>
  );
}
