import { type FormEvent, useState } from 'react';
import { DateField } from '../common/date-field';
import { useTranslation } from 'react-i18next';
import { Checkbox, Heading, Paragraph, TextInput } from 'suomifi-ui-components';
import { parseDisplayDate } from '../audit/audit-filters';
import { ErrorAlert } from '../common/error-alert';
import { FormSubmit } from '../common/form-submit';
import { SuccessAlert } from '../common/success-alert';
import { useLocale } from '../i18n/use-locale';
import type { SeriesDetail } from './api';
import { useAddSession } from './api';
import { sessionDay, timeRange } from './format';
import { limits } from './series-form-values';

/** An extra meeting of the series (a rescheduled one, say), at the series' usual time and room. */
export function ExtraSessionForm({ series }: { series: SeriesDetail }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const add = useAddSession(series.id);
  const [day, setDay] = useState('');
  const [theme, setTheme] = useState('');
  const [isPublished, setPublished] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseDisplayDate(day);
    setProblem(parsed === null ? t('groups.errors.date') : null);
    setAdded(null);
    if (parsed === null) {
      document.getElementById('extra-day')?.focus();
      return;
    }
    add.mutate({ day: parsed, theme: theme.trim(), isThemePublished: isPublished }, {
      onSuccess: () => {
        setAdded(t('groups.extra.added', { day: sessionDay(parsed, locale) }));
        setDay('');
        setTheme('');
        setPublished(false);
      },
    });
  };

  return (
    <section aria-labelledby="extra-heading" className="groups-subsection">
      <Heading variant="h3" id="extra-heading" mb="s">
        {t('groups.extra.heading')}
      </Heading>
      <Paragraph mb="s">{t('groups.extra.intro', { time: timeRange(series.startsAt, series.endsAt, locale) })}</Paragraph>
      {added !== null && <SuccessAlert>{added}</SuccessAlert>}
      {add.isError && <ErrorAlert error={add.error} />}
      <form onSubmit={submit} noValidate className="form-stack form-page">
        <DateField
          id="extra-day"
          labelText={t('groups.extra.day')}
          hintText={t('groups.form.dateHint')}
          value={day}
          onChange={(value) => setDay(value)}
          status={problem !== null && parseDisplayDate(day) === null ? 'error' : 'default'}
          statusText={problem !== null && parseDisplayDate(day) === null ? problem : undefined}
        />
        <TextInput id="extra-theme" labelText={t('groups.editor.theme')} optionalText={t('common.optional')} maxLength={limits.theme} value={theme} onChange={(v) => setTheme(String(v ?? ''))} fullWidth />
        <Checkbox id="extra-published" checked={isPublished} onClick={({ checkboxState }) => setPublished(checkboxState)}>
          {t('groups.editor.publish')}
        </Checkbox>
        <FormSubmit id="extra-submit" isPending={add.isPending}>
          {t('groups.extra.submit')}
        </FormSubmit>
      </form>
    </section>
  );
}
