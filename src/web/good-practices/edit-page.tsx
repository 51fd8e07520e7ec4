import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Button } from 'suomifi-ui-components';
import { goodPracticeQuestions, type GoodPracticeAnswers, type GoodPracticeInput, type GoodPracticeView } from '../../domain/good-practices';
import { locales } from '../../domain/org';
import { useServices } from '../api/outreach';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { usePilots } from '../pilots/api';
import { asLocale } from '../structural/labels';
import { useGoodPractice, useSaveGoodPractice } from './api';
import './good-practices.css';

const emptyAnswers = Object.fromEntries(goodPracticeQuestions.map((q) => [q.key, ''])) as GoodPracticeAnswers;
/** Figures as the coordinator types them, one a line: "Visits during the pilot: 120". */
const figuresText = (figures: { label: string; value: string }[]) => figures.map((f) => `${f.label}: ${f.value}`).join('\n');
const parseFigures = (text: string) =>
  text.split('\n').map((line) => line.trim()).filter((line) => line.includes(':')).map((line) => {
    const at = line.lastIndexOf(':');
    return { label: line.slice(0, at).trim(), value: line.slice(at + 1).trim() };
  }).filter((f) => f.label !== '' && f.value !== '');

export function GoodPracticeEditPage() {
  const { practiceId } = useParams();
  const existing = useGoodPractice(practiceId ?? null);
  if (practiceId && existing.isPending) return <Loading />;
  if (existing.isError) return <ErrorAlert error={existing.error} />;
  return <PracticeForm id={practiceId ?? null} initial={existing.data ?? null} />;
}

function PracticeForm({ id, initial }: { id: string | null; initial: GoodPracticeView | null }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const pilots = usePilots();
  const services = useServices();
  const save = useSaveGoodPractice(id);
  const [values, setValues] = useState({
    title: initial?.title ?? '', organisation: initial?.organisation ?? '', author: initial?.author ?? '',
    describedOn: initial?.describedOn ?? new Date().toISOString().slice(0, 10), language: initial?.language ?? asLocale(i18n.language),
    pilotId: initial?.pilotId ?? '', figures: figuresText(initial?.figures ?? []),
  });
  const [answers, setAnswers] = useState<GoodPracticeAnswers>({ ...emptyAnswers, ...(initial?.answers ?? {}) });
  const [serviceIds, setServiceIds] = useState<string[]>(initial?.serviceIds ?? []);
  const set = (field: keyof typeof values) => (e: { target: { value: string } }) => setValues({ ...values, [field]: e.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: GoodPracticeInput = {
      title: values.title, organisation: values.organisation, author: values.author, describedOn: values.describedOn, language: values.language,
      answers, pilotId: values.pilotId === '' ? null : values.pilotId, figures: parseFigures(values.figures), serviceIds,
    };
    save.mutate(input, { onSuccess: () => void navigate('/good-practices') });
  };
  const text = (field: 'title' | 'organisation' | 'author', label: string) => (
    <div><label htmlFor={`gp-${field}`}>{label}</label><input id={`gp-${field}`} type="text" required maxLength={200} value={values[field]} onChange={set(field)} /></div>
  );
  return (
    <>
      <PageHeading>{t(id ? 'goodPractices.editTitle' : 'goodPractices.newTitle')}</PageHeading>
      <p><AppLink to="/good-practices">{t('goodPractices.back')}</AppLink></p>
      <form className="practice-form" onSubmit={submit} data-testid="good-practice-form">
        {text('title', t('goodPractices.fields.title'))}
        {text('organisation', t('goodPractices.fields.organisation'))}
        {text('author', t('goodPractices.fields.author'))}
        <div><label htmlFor="gp-day">{t('goodPractices.fields.describedOn')}</label><input id="gp-day" type="date" required value={values.describedOn} onChange={set('describedOn')} /></div>
        <div>
          <label htmlFor="gp-language">{t('goodPractices.fields.language')}</label>
          <select id="gp-language" value={values.language} onChange={set('language')}>{locales.map((l) => <option key={l} value={l}>{t(`goodPractices.languages.${l}`)}</option>)}</select>
        </div>
        {goodPracticeQuestions.map((q) => (
          <div key={q.key}>
            <label htmlFor={`gp-q-${q.key}`}>{t(`goodPractices.questions.${q.key}`)}</label>
            <textarea id={`gp-q-${q.key}`} rows={4} maxLength={4000} value={answers[q.key]} onChange={(e) => setAnswers({ ...answers, [q.key]: e.target.value })} />
          </div>
        ))}
        <div>
          <label htmlFor="gp-pilot">{t('goodPractices.fields.pilot')}</label>
          <select id="gp-pilot" value={values.pilotId} onChange={set('pilotId')}>
            <option value="">{t('goodPractices.fields.noPilot')}</option>
            {(pilots.data ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
          {values.pilotId && <p><AppLink to={`/pilots/${values.pilotId}`}>{t('goodPractices.fields.pilotFigures')}</AppLink></p>}
        </div>
        <div>
          <label htmlFor="gp-figures">{t('goodPractices.fields.figures')}</label>
          <textarea id="gp-figures" rows={3} value={values.figures} onChange={set('figures')} placeholder={t('goodPractices.fields.figuresHint')} />
        </div>
        <fieldset>
          <legend>{t('goodPractices.fields.services')}</legend>
          {(services.data ?? []).filter((s) => s.isActive).map((s) => (
            <label key={s.id}>
              <input type="checkbox" checked={serviceIds.includes(s.id)} onChange={(e) => setServiceIds(e.target.checked ? [...serviceIds, s.id] : serviceIds.filter((x) => x !== s.id))} /> {s.names[asLocale(i18n.language)]}
            </label>
          ))}
        </fieldset>
        {save.isError && <ErrorAlert error={save.error} />}
        <div className="help-actions"><Button type="submit" disabled={save.isPending} data-action="save-practice">{t('goodPractices.save')}</Button></div>
      </form>
    </>
  );
}
