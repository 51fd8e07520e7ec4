import { useTranslation } from 'react-i18next';
import { Checkbox, CheckboxGroup, Paragraph } from 'suomifi-ui-components';
import type { Recurrence } from '../../domain/outreach';
import { professionLabel, weekdayLabel } from '../common/labels';
import { SelectField } from '../common/select-field';
import { useLocale } from '../i18n/use-locale';
import type { Colleague } from './api';
import { displayTime, formatDay, weekdayNames } from './dates';
import { nthKeys, nthValues, type PlanValues } from './plan-form-values';

/** Weekday, and for a monthly plan which one of the month ("the third Wednesday" = mid-month). */
export function RepeatFields({ values, set }: { values: PlanValues; set: (patch: Partial<PlanValues>) => void }) {
  const { t } = useTranslation();
  if (values.recurrence === 'one_off') return null;
  return (
    <>
      {values.recurrence === 'monthly_nth' && (
        <SelectField
          id="plan-nth"
          label={t('schedule.plan.nth')}
          value={values.nth}
          onChange={(nth) => set({ nth })}
          options={nthValues.map((n) => ({ value: n, label: t(`schedule.plan.nthOption.${nthKeys[n]}`) }))}
        />
      )}
      <SelectField
        id="plan-weekday"
        label={t('schedule.plan.weekday')}
        value={String(values.weekday)}
        onChange={(weekday) => set({ weekday: Number(weekday) })}
        options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: weekdayLabel(t, d) }))}
      />
    </>
  );
}

export function ProfessionalsField({ colleagues, selected, onChange }: { colleagues: Colleague[]; selected: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  if (colleagues.length === 0) return <Paragraph>{t('schedule.plan.noColleagues')}</Paragraph>;
  return (
    <CheckboxGroup id="plan-professionals" labelText={t('schedule.plan.professionals')} groupHintText={t('schedule.plan.professionalsHint')}>
      {colleagues.map((c) => (
        <Checkbox
          key={c.id}
          id={`plan-professional-${c.id}`}
          checked={selected.includes(c.id)}
          onClick={({ checkboxState }) => onChange(checkboxState ? [...selected, c.id] : selected.filter((id) => id !== c.id))}
        >
          {t('schedule.professionalWithProfession', { name: c.displayName, profession: professionLabel(t, c.profession) })}
        </Checkbox>
      ))}
    </CheckboxGroup>
  );
}

const PREVIEW_DAYS = 8;

/** The plan in words ("the mid-month Wednesday at 10.00–14.00") and the days it makes. */
export function PlanSummary({ values, days, startsAt, endsAt }: { values: PlanValues; days: string[]; startsAt: string; endsAt: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const time = t('schedule.timeRange', { startsAt: displayTime(startsAt, locale), endsAt: displayTime(endsAt, locale) });
  const weekday = weekdayNames(locale, 'long')[values.weekday - 1] ?? '';
  const words: Record<Recurrence, string> = {
    one_off: t('schedule.plan.summary.one_off', { day: formatDay(days[0] ?? '', locale, 'long'), time }),
    weekly: t('schedule.plan.summary.weekly', { weekdays: t(`schedule.plan.weekdays.${String(values.weekday) as '1'}`), time }),
    monthly_nth:
      values.nth === '3'
        ? t('schedule.plan.summary.monthlyMid', { weekday, time })
        : t('schedule.plan.summary.monthly_nth', { nth: t(`schedule.plan.nthWord.${nthKeys[values.nth]}`), weekday, time }),
  };
  const shown = days.slice(0, PREVIEW_DAYS).map((d) => formatDay(d, locale)).join(', ');
  const listed = days.length > PREVIEW_DAYS ? t('schedule.plan.moreDays', { days: shown, count: days.length - PREVIEW_DAYS }) : shown;
  return (
    <section className="plan-summary" aria-labelledby="plan-summary-heading" aria-live="polite">
      <h2 id="plan-summary-heading" className="fieldset-legend">
        {t('schedule.plan.summaryHeading')}
      </h2>
      <p id="plan-summary-words">{words[values.recurrence]}</p>
      {values.recurrence !== 'one_off' && <p id="plan-summary-days">{t('schedule.plan.days', { count: days.length, days: listed })}</p>}
    </section>
  );
}
