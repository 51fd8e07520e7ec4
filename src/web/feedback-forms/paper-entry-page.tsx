import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import type { FeedbackFormView } from '../../domain/feedback';
import type { Locale } from '../../domain/org';
import { useSession } from '../api/auth';
import { useSites } from '../api/org';
import { parseDisplayDate, toDisplayDate } from '../audit/audit-filters';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { FormErrorSummary } from '../common/form-error-summary';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { SuccessAlert } from '../common/success-alert';
import { today as helsinkiToday } from '../encounters/encounter-sites';
import { useLocale } from '../i18n/use-locale';
import { siteNameOf } from '../visitors/sites';
import { siteIdsFor } from '../auth/abilities';
import { useAbilities } from '../auth/use-abilities';
import { useEnterPaper, useForm } from './api';
import { answersOf, type PaperSheet } from './paper';
import { type PaperContext, PaperContextFields } from './paper-context';
import { PaperSheetFields } from './paper-sheet';
import { inLocale } from './texts';
import './feedback-forms.css';

/** /feedback/forms/:formId/paper: staff type in paper forms, one after another, and save them together. */
export function PaperEntryPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { formId = '' } = useParams();
  const form = useForm(formId);
  const me = useSession().data?.user;
  const abilities = useAbilities();
  const sites = useSites();
  if (!me) return null;
  const siteIds = siteIdsFor(abilities, 'feedback.collect', sites.data?.filter((s) => s.isActive));
  return (
    <div className="form-page paper-page">
      <AppLink to="/feedback" className="back-link">{t('feedbackForms.backToForms')}</AppLink>
      <PageHeading>{form.data ? t('feedbackForms.paper.title', { name: inLocale(form.data.current.name, locale) }) : t('feedbackForms.paper.titleLoading')}</PageHeading>
      {(form.isPending || sites.isPending) && <Loading />}
      {form.isError && <ErrorAlert error={form.error} />}
      {sites.isError && <ErrorAlert error={sites.error} />}
      {form.isSuccess && sites.isSuccess && (siteIds.length === 0 ? <Paragraph>{t('feedbackForms.noSites')}</Paragraph> : <PaperEntry form={form.data} siteIds={siteIds} siteName={siteNameOf(sites.data)} />)}
    </div>
  );
}

type Ready = { locale: Locale; sheet: PaperSheet };

function PaperEntry({ form, siteIds, siteName }: { form: FeedbackFormView; siteIds: string[]; siteName: (id: string) => string }) {
  const { t } = useTranslation();
  const today = helsinkiToday();
  const items = form.current.items;
  const [context, setContext] = useState<PaperContext>({ siteId: siteIds[0]!, dayText: toDisplayDate(today), seriesId: '', groupSessionId: '' });
  const [paperLocale, setPaperLocale] = useState<Locale>('fi');
  const [sheet, setSheet] = useState<PaperSheet>({});
  const [ready, setReady] = useState<Ready[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [stored, setStored] = useState<number | null>(null);
  const enter = useEnterPaper(form.id);
  const sheetAnswers = answersOf(items, sheet);

  const fail = (found: Record<string, string>) => {
    setErrors(found);
    setAttempt((n) => n + 1);
    return Object.keys(found).length > 0;
  };
  const focusFirstItem = () => document.querySelector<HTMLElement>('.paper-items input, .paper-items textarea')?.focus();

  const addPaper = () => {
    setStored(null);
    if (fail(sheetAnswers.length === 0 ? { 'paper-add': t('feedbackForms.paper.emptyPaper') } : {})) return;
    setReady((list) => [...list, { locale: paperLocale, sheet }]);
    setSheet({});
    focusFirstItem();
  };

  const save = () => {
    setStored(null);
    const all = sheetAnswers.length > 0 ? [...ready, { locale: paperLocale, sheet }] : ready;
    const day = parseDisplayDate(context.dayText);
    const found: Record<string, string> = {};
    if (day === null) found['paper-day'] = t('feedbackForms.paper.dayInvalid');
    else if (day > today) found['paper-day'] = t('feedbackForms.paper.dayFuture');
    if (context.seriesId !== '' && context.groupSessionId === '') found['paper-group-session'] = t('feedbackForms.paper.sessionRequired');
    if (all.length === 0) found['paper-add'] = t('feedbackForms.paper.emptyPaper');
    if (fail(found) || day === null) return;
    enter.mutate(
      {
        context: { siteId: context.siteId, outreachSessionId: null, groupSessionId: context.groupSessionId === '' ? null : context.groupSessionId },
        submittedOn: day,
        versionId: form.current.id,
        responses: all.map((r) => ({ locale: r.locale, answers: answersOf(items, r.sheet) })),
      },
      {
        onSuccess: ({ stored: count }) => {
          setStored(count);
          setReady([]);
          setSheet({});
        },
      },
    );
  };

  return (
    <div className="form-stack">
      <Paragraph>{t('feedbackForms.paper.intro', { version: form.current.version })}</Paragraph>
      <FormErrorSummary errors={errors} attempt={attempt} />
      <PaperContextFields value={context} onChange={setContext} siteIds={siteIds} siteName={siteName} dayError={errors['paper-day']} sessionError={errors['paper-group-session']} today={today} />
      <section className="paper-sheet" aria-labelledby="paper-sheet-heading">
        <Heading variant="h2" id="paper-sheet-heading" mb="s">{t('feedbackForms.paper.sheetHeading', { number: ready.length + 1 })}</Heading>
        <div className="encounter-form__field">
          <label className="encounter-form__label" htmlFor="paper-locale">{t('feedbackForms.paper.language')}</label>
          <select id="paper-locale" className="encounter-form__select" value={paperLocale} onChange={(e) => setPaperLocale(e.target.value as Locale)}>
            {form.current.locales.map((l) => <option key={l} value={l}>{t(`feedbackForms.languages.${l}`)}</option>)}
          </select>
        </div>
        <PaperSheetFields items={items} sheet={sheet} onChange={setSheet} />
      </section>
      <div className="paper-actions">
        <Button variant="secondary" id="paper-add" onClick={addPaper} aria-describedby="paper-ready">
          {t('feedbackForms.paper.addPaper')}
        </Button>
        {errors['paper-add'] && <p className="field-error">{errors['paper-add']}</p>}
      </div>
      {/* A live count: typing paper after paper, the user hears how many are waiting. */}
      <p id="paper-ready" role="status" className="paper-ready">
        {ready.length === 0 ? t('feedbackForms.paper.readyNone') : t('feedbackForms.paper.ready', { count: ready.length })}
      </p>
      {ready.length > 0 && (
        <ol className="paper-ready-list">
          {ready.map((r, index) => (
            <li key={index}>
              {t('feedbackForms.paper.readyItem', { number: index + 1, count: answersOf(items, r.sheet).length })}{' '}
              <Button variant="secondaryNoBorder" onClick={() => setReady((list) => list.filter((_, i) => i !== index))}>
                {t('feedbackForms.paper.removePaper', { number: index + 1 })}
              </Button>
            </li>
          ))}
        </ol>
      )}
      {enter.isError && <ErrorAlert error={enter.error} />}
      {stored !== null && <SuccessAlert>{t('feedbackForms.paper.stored', { count: stored })}</SuccessAlert>}
      <div className="form-actions">
        <Button id="paper-save" disabled={enter.isPending} onClick={save}>
          {t('feedbackForms.paper.save')}
        </Button>
      </div>
    </div>
  );
}
