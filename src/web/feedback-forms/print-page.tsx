import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button, Paragraph } from 'suomifi-ui-components';
import type { Locale } from '../../domain/org';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { useLocale } from '../i18n/use-locale';
import { useForm } from './api';
import { type BlankForm, blankForm } from './blank-form';
import { inLocale } from './texts';
import './print.css';

const languageNames: Record<Locale, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' };

/** /feedback/forms/:formId/print: a blank A4 form in one of the form's languages, to print and hand out. */
export function PrintFormPage() {
  const { t } = useTranslation();
  const { locale: appLocale } = useLocale();
  const { formId = '' } = useParams();
  const form = useForm(formId);
  const [chosen, setChosen] = useState<Locale | null>(null);
  if (form.isPending) return <Loading />;
  if (form.isError) return <ErrorAlert error={form.error} />;
  const { current } = form.data;
  const locales = current.locales;
  const locale = chosen !== null && locales.includes(chosen) ? chosen : locales.includes(appLocale) ? appLocale : (locales[0] ?? 'fi');
  return (
    <div className="form-page print-form-page">
      <AppLink to="/feedback" className="back-link">{t('feedbackForms.backToForms')}</AppLink>
      <PageHeading>{t('feedbackForms.print.title', { name: inLocale(current.name, appLocale) })}</PageHeading>
      <Paragraph mb="m">{t('feedbackForms.print.intro')}</Paragraph>
      <div className="print-form-tools" role="group" aria-label={t('feedbackForms.print.language')}>
        {locales.map((l) => (
          <Button key={l} variant={l === locale ? 'default' : 'secondary'} aria-pressed={l === locale} onClick={() => setChosen(l)} lang={l}>
            {languageNames[l]}
          </Button>
        ))}
        <Button variant="default" onClick={() => window.print()}>
          {t('feedbackForms.print.print')}
        </Button>
      </div>
      <PrintedForm form={blankForm(current, locale)} locale={locale} />
    </div>
  );
}

/** The sheet itself: what paper gets, and what the screen previews. */
function PrintedForm({ form, locale }: { form: BlankForm; locale: Locale }) {
  return (
    <article className="paper-print" lang={locale} aria-label={form.name}>
      <h2 className="paper-print__name">{form.name}</h2>
      {form.intro !== '' && <p className="paper-print__intro">{form.intro}</p>}
      <ol className="paper-print__questions">
        {form.questions.map((q) => (
          <li key={q.number} className="paper-print__question" data-kind={q.isScale ? 'scale' : q.isOpen ? 'open' : 'boxes'}>
            <p className="paper-print__text">{`${q.number}. ${q.text}`}</p>
            {q.hint !== null && <p className="paper-print__hint">{q.hint}</p>}
            {q.isOpen ? (
              <div className="paper-print__lines" aria-hidden="true" />
            ) : (
              <ul className={`paper-print__boxes${q.isScale ? ' paper-print__boxes--scale' : ''}`}>
                {q.boxes.map((box) => (
                  <li key={box} className="paper-print__box">
                    <span className="paper-print__square" aria-hidden="true" />
                    {box}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <p className="paper-print__footer">{form.footer}</p>
    </article>
  );
}
