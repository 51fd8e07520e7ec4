import { useTranslation } from 'react-i18next';
import { DateField } from '../common/date-field';
import { SiteSelect } from '../common/site-select';
import { toDisplayDate } from '../audit/audit-filters';
import { useLocale } from '../i18n/use-locale';
import { formatDay } from '../schedule/dates';
import { useGroupSeries, useSeriesSessions } from './api';

/** Where and when the papers were filled in: kept while one paper after another is typed in. */
export type PaperContext = { siteId: string; dayText: string; seriesId: string; groupSessionId: string };

type Props = {
  value: PaperContext;
  onChange: (value: PaperContext) => void;
  siteIds: string[];
  siteName: (siteId: string) => string;
  dayError: string | undefined;
  sessionError: string | undefined;
  today: string;
};

export function PaperContextFields({ value, onChange, siteIds, siteName, dayError, sessionError, today }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const series = useGroupSeries(value.siteId);
  const sessions = useSeriesSessions(value.seriesId);
  const set = (patch: Partial<PaperContext>) => onChange({ ...value, ...patch });
  const heldSessions = (sessions.data ?? []).filter((s) => !s.isCancelled && s.day <= today);
  return (
    <fieldset className="paper-context">
      <legend className="fieldset-legend">{t('feedbackForms.paper.contextLegend')}</legend>
      {siteIds.length > 1 ? (
        <SiteSelect id="paper-site" label={t('feedbackForms.paper.site')} siteIds={siteIds} value={value.siteId} onChange={(siteId) => set({ siteId, seriesId: '', groupSessionId: '' })} siteName={siteName} />
      ) : (
        <p>{t('feedbackForms.paper.siteFixed', { site: siteName(value.siteId) })}</p>
      )}
      <DateField
        id="paper-day"
        labelText={t('feedbackForms.paper.day')}
        hintText={t('feedbackForms.paper.dayHint')}
        value={value.dayText}
        onChange={(dayText) => set({ dayText })}
        status={dayError ? 'error' : 'default'}
        statusText={dayError}
        maxDate={new Date(`${today}T12:00:00`)}
      />
      {(series.data ?? []).length > 0 && (
        <div className="encounter-form__field">
          <label className="encounter-form__label" htmlFor="paper-series">{t('feedbackForms.paper.group')} ({t('common.optional')})</label>
          <select id="paper-series" className="encounter-form__select" value={value.seriesId} onChange={(e) => set({ seriesId: e.target.value, groupSessionId: '' })}>
            <option value="">{t('feedbackForms.paper.noGroup')}</option>
            {series.data!.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </div>
      )}
      {value.seriesId !== '' && (
        <div className="encounter-form__field">
          <label className="encounter-form__label" htmlFor="paper-group-session">{t('feedbackForms.paper.groupSession')}</label>
          <select
            id="paper-group-session"
            className="encounter-form__select"
            value={value.groupSessionId}
            aria-invalid={sessionError ? true : undefined}
            aria-describedby={sessionError ? 'paper-group-session-error' : undefined}
            onChange={(e) => {
              const chosen = heldSessions.find((s) => s.id === e.target.value);
              // The day of the session is the day on its papers.
              set({ groupSessionId: e.target.value, ...(chosen ? { dayText: toDisplayDate(chosen.day) } : {}) });
            }}
          >
            <option value="">{t('feedbackForms.paper.chooseSession')}</option>
            {heldSessions.map((s) => <option key={s.id} value={s.id}>{formatDay(s.day, locale)}{s.theme ? ` – ${s.theme}` : ''}</option>)}
          </select>
          {sessionError && <p className="field-error" id="paper-group-session-error">{sessionError}</p>}
        </div>
      )}
    </fieldset>
  );
}
