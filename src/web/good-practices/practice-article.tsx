import { useTranslation } from 'react-i18next';
import { Heading } from 'suomifi-ui-components';
import { goodPracticeQuestions, type PublicGoodPractice } from '../../domain/good-practices';
import { formatDate } from '../common/date-format';
import { asLocale } from '../structural/labels';

/** One description as the public reads it: the seven questions in the model's order, its pilot and figures, its services. */
export function PracticeArticle({ practice }: { practice: PublicGoodPractice }) {
  const { t, i18n } = useTranslation();
  const locale = asLocale(i18n.language);
  return (
    <article className="practice" aria-labelledby={`practice-${practice.id}`} lang={practice.language} data-testid="good-practice">
      <Heading variant="h2" id={`practice-${practice.id}`} mb="xs">{practice.title}</Heading>
      <p className="practice-meta" lang={locale}>{t('goodPractices.byline', { organisation: practice.organisation, author: practice.author, day: formatDate(practice.describedOn, locale) })}</p>
      {goodPracticeQuestions.map((q) => practice.answers[q.key] ? (
        <section key={q.key}>
          <h3 lang={locale}>{t(`goodPractices.questions.${q.key}`)}</h3>
          <p className="practice-answer">{practice.answers[q.key]}</p>
        </section>
      ) : null)}
      {practice.pilot && (
        <section lang={locale}>
          <h3>{t('goodPractices.pilot', { name: practice.pilot.name, from: formatDate(practice.pilot.startsOn, locale), to: formatDate(practice.pilot.endsOn, locale) })}</h3>
          {practice.figures.length > 0 && (
            <table className="practice-figures">
              <caption>{t('goodPractices.figures')}</caption>
              <tbody>{practice.figures.map((f, i) => <tr key={i}><th scope="row">{f.label}</th><td>{f.value}</td></tr>)}</tbody>
            </table>
          )}
        </section>
      )}
      {practice.services.length > 0 && (
        <section lang={locale}>
          <h3>{t('goodPractices.services')}</h3>
          <ul>{practice.services.map((s) => <li key={s.id}>{s.names[locale]}</li>)}</ul>
        </section>
      )}
    </article>
  );
}
