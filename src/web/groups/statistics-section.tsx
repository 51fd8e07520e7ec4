import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph, TextInput } from 'suomifi-ui-components';
import type { SeriesStatistics } from '../../domain/groups';
import { DataTable } from '../common/data-table';
import { ErrorAlert } from '../common/error-alert';
import { FormSubmit } from '../common/form-submit';
import { Loading } from '../common/loading';
import { SuccessAlert } from '../common/success-alert';
import { useLocale } from '../i18n/use-locale';
import { useStatistics, useUpdateSeries, type SeriesDetail } from './api';
import { AttendanceChart } from './attendance-chart';
import { parseCount } from './attendance-values';
import { sessionDay } from './format';
import { formatCount, formatMean } from './statistics-format';

/** The report: attendance per session (chart and table), mean, max and min, and who came more than once. */
export function StatisticsSection({ series, canCount }: { series: SeriesDetail; canCount: boolean }) {
  const { t } = useTranslation();
  const statistics = useStatistics(series.id, true);
  return (
    <section aria-labelledby="series-statistics" className="groups-section">
      <Heading variant="h2" id="series-statistics" mb="s">
        {t('groups.stats.heading')}
      </Heading>
      {statistics.isPending && <Loading />}
      {statistics.isError && <ErrorAlert error={statistics.error} />}
      {statistics.isSuccess && <Report statistics={statistics.data} />}
      {canCount && <RepeatCountForm series={series} />}
    </section>
  );
}

function Report({ statistics }: { statistics: SeriesStatistics }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const repeat = statistics.repeatParticipants;
  return (
    <>
      <Paragraph mb="s">{t('groups.stats.intro')}</Paragraph>
      <dl className="groups-facts groups-facts--figures" id="series-figures">
        <div><dt>{t('groups.stats.recorded')}</dt><dd data-stat="recorded">{statistics.recordedSessions}</dd></div>
        <div><dt>{t('groups.stats.mean')}</dt><dd data-stat="mean">{formatMean(statistics.mean, locale)}</dd></div>
        <div><dt>{t('groups.stats.max')}</dt><dd data-stat="max">{formatCount(statistics.max)}</dd></div>
        <div><dt>{t('groups.stats.min')}</dt><dd data-stat="min">{formatCount(statistics.min)}</dd></div>
        <div>
          <dt>{t('groups.stats.repeat')}</dt>
          <dd>
            <span data-stat="repeat">{repeat.total}</span>{' '}
            <span className="muted" data-stat="repeat-parts">
              ({t('groups.stats.repeatParts', { fromCodes: repeat.fromCodes, entered: repeat.entered === null ? t('groups.stats.notCounted') : repeat.entered })})
            </span>
          </dd>
        </div>
        <div><dt>{t('groups.stats.distinctCodes')}</dt><dd data-stat="distinct">{statistics.distinctCodes}</dd></div>
      </dl>
      {statistics.sessions.length > 0 && <AttendanceChart statistics={statistics} />}
      <DataTable
        caption={t('groups.stats.tableCaption')}
        rowKey={(s) => s.sessionId}
        rows={statistics.sessions}
        columns={[
          { key: 'day', label: t('groups.sessions.day'), render: (s) => sessionDay(s.day, locale) },
          { key: 'theme', label: t('groups.sessions.theme'), render: (s) => s.theme || '–' },
          { key: 'total', label: t('groups.figures.total'), render: (s) => (s.isCancelled ? t('groups.sessions.cancelled') : formatCount(s.attendance?.total ?? null)) },
          { key: 'returning', label: t('groups.figures.returning'), render: (s) => formatCount(s.attendance?.returning ?? null) },
          { key: 'new', label: t('groups.figures.new'), render: (s) => formatCount(s.attendance?.new ?? null) },
        ]}
      />
    </>
  );
}

/** The facilitators' own count of people without a code who came more than once (codes count themselves). */
function RepeatCountForm({ series }: { series: SeriesDetail }) {
  const { t } = useTranslation();
  const update = useUpdateSeries(series.id);
  const [value, setValue] = useState(series.anonymousRepeatParticipants === null ? '' : String(series.anonymousRepeatParticipants));
  const [problem, setProblem] = useState(false);
  const [saved, setSaved] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const n = value.trim() === '' ? null : parseCount(value);
    const isBad = value.trim() !== '' && n === null;
    setProblem(isBad);
    setSaved(false);
    if (isBad) {
      document.getElementById('repeat-count')?.focus();
      return;
    }
    update.mutate({ anonymousRepeatParticipants: n }, { onSuccess: () => setSaved(true) });
  };
  return (
    <form onSubmit={submit} noValidate className="groups-subsection form-stack form-page">
      {saved && <SuccessAlert>{t('groups.stats.repeatSaved')}</SuccessAlert>}
      {update.isError && <ErrorAlert error={update.error} />}
      <TextInput
        id="repeat-count"
        labelText={t('groups.stats.repeatLabel')}
        hintText={t('groups.stats.repeatHint')}
        optionalText={t('common.optional')}
        inputMode="numeric"
        value={value}
        onChange={(v) => setValue(String(v ?? ''))}
        status={problem ? 'error' : 'default'}
        statusText={problem ? t('groups.errors.count') : undefined}
      />
      <FormSubmit id="repeat-save" variant="secondary" isPending={update.isPending}>
        {t('groups.stats.repeatSave')}
      </FormSubmit>
    </form>
  );
}
